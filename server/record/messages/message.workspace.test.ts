import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCareAssignment, createLink } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn, postJson } from '../../test/login-helper.ts'
import { createStaffAccount, logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { createClientOfTeam, createTeamWithCaregivers } from '../../test/workspace-factories.ts'
import { readOutbox } from '../../platform/outbox/outbox.test-support.ts'

/**
 * Issue 5, item 2: the inbox across the caregiver's clients with unread counts, the conversation
 * per client, the team's reply (the EVV-er is the first addressee; the team sees and answers),
 * and the notification e-mails without content.
 */

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
let evv: LoggedIn
let colleague: LoggedIn
let daughter: LoggedIn
let son: LoggedIn
const ids = { clientId: '', quietClientId: '', evvEmail: '', colleagueEmail: '', daughterEmail: '', sonEmail: '' }

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  const { team, caregivers } = await createTeamWithCaregivers(t.db, t.cipher, 2)
  const [evvCaregiver, otherCaregiver] = caregivers
  const client = await createClientOfTeam(t.db, team.id)
  const quiet = await createClientOfTeam(t.db, team.id, { family_name: 'Stil' })
  await createCareAssignment(t.db, client.id, { role: 'evv', staff_member_id: evvCaregiver!.staffMemberId })
  const daughterAccount = await createAccount(t.db, { display_name: 'Marieke Jordaan' })
  const sonAccount = await createAccount(t.db, { display_name: 'Pieter Jordaan' })
  await createLink(t.db, daughterAccount.id, client.id, { relation: 'first_contact' })
  await createLink(t.db, sonAccount.id, client.id, { relation: 'second_contact' })
  Object.assign(ids, {
    clientId: client.id, quietClientId: quiet.id, evvEmail: evvCaregiver!.email, colleagueEmail: otherCaregiver!.email,
    daughterEmail: daughterAccount.email, sonEmail: sonAccount.email,
  })
  evv = await logInStaff(t, evvCaregiver!, now)
  colleague = await logInStaff(t, otherCaregiver!, now)
  daughter = await logIn(t, daughterAccount)
  son = await logIn(t, sonAccount)
})
afterAll(() => t.close())

// Each message a minute after the one before: equal times would leave their order to their ids.
let minutes = 0
const tick = () => t.setNow(new Date(now.getTime() + ++minutes * 60_000))
const inbox = async (login: LoggedIn) => (await t.app.inject({ method: 'GET', url: '/api/workspace/inbox', headers: login.headers })).json()
const conversation = (login: LoggedIn) => t.app.inject({ method: 'GET', url: `/api/workspace/clients/${ids.clientId}/messages`, headers: login.headers })
const emailsSince = (id: string) => readOutbox(t.db, { channel: 'email', afterId: id })
const lastOutboxId = async () => String((await t.db.selectFrom('outbox_message').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst())?.max ?? '0')

describe('a relative writes, the team answers', () => {
  it('shows the message unread in the inbox of every caregiver of the client, and in the conversation with its writer', async () => {
    tick()
    const sent = await postJson(t, `/api/clients/${ids.clientId}/messages`, { body: 'Hoe gaat het met mama vandaag?' }, daughter.headers)
    expect(sent.statusCode, sent.body).toBe(201)
    for (const login of [evv, colleague]) {
      const box = await inbox(login)
      expect(box.items).toEqual([expect.objectContaining({ clientId: ids.clientId, unreadCount: 1 })])
      expect(box.unreadTotal).toBe(1)
    }
    const list = (await conversation(colleague)).json()
    expect(list.unreadCount).toBe(1)
    expect(list.items[0]).toMatchObject({ body: 'Hoe gaat het met mama vandaag?', unread: true, author: { kind: 'account', name: 'Marieke Jordaan', role: 'first_contact', isMe: false } })
  })

  it('a staff reply goes into the conversation, queues e-mails without content to the linked accounts and the EVV-er, never to the writer', async () => {
    const before = await lastOutboxId()
    tick()
    const reply = await postJson(t, `/api/workspace/clients/${ids.clientId}/messages`, { body: 'Mevrouw heeft goed geslapen en zit nu in de tuin.' }, colleague.headers)
    expect(reply.statusCode, reply.body).toBe(201)
    expect(reply.json()).toMatchObject({ author: { kind: 'staff', isMe: true }, unread: false })

    // "Until read": the EVV-er and the son were told of the daughter's message and have not read
    // the conversation since, so they get no second e-mail; the daughter (the writer then) does.
    const emails = await emailsSince(before)
    expect(emails.map((e) => e.recipient).sort()).toEqual([ids.daughterEmail])
    for (const email of emails) {
      const whole = `${email.subject} ${email.body_text} ${email.body_html ?? ''}`
      expect(whole).not.toContain('tuin')
      expect(whole).not.toContain('Jordaan, S.')
      expect(whole).not.toContain(ids.clientId)
    }
    const logged = await t.db.selectFrom('access_log').select(['actor_type', 'actor_role', 'action', 'data_kind']).where('record_id', '=', reply.json().id).execute()
    expect(logged).toEqual([{ actor_type: 'staff', actor_role: 'caregiver', action: 'create', data_kind: 'message' }])

    // The relatives read the reply; the EVV-er sees the colleague's answer in the team's conversation.
    const portal = (await t.app.inject({ method: 'GET', url: `/api/clients/${ids.clientId}/messages`, headers: son.headers })).json()
    expect(portal.items[0]).toMatchObject({ body: 'Mevrouw heeft goed geslapen en zit nu in de tuin.', unread: true, author: { kind: 'staff' } })
    const team = (await conversation(evv)).json()
    expect(team.items[0]).toMatchObject({ author: { kind: 'staff', isMe: false }, unread: false })
    // Answering read the conversation for the one who answered, not for the rest of the team.
    expect((await inbox(colleague)).unreadTotal).toBe(0)
    expect((await inbox(evv)).unreadTotal).toBe(1)
  })

  it('the EVV-er\'s own reply notifies the relatives only; their messages are marked with EVV-er', async () => {
    // Both relatives read the conversation: from here on a new message is news again.
    const newest = (await t.app.inject({ method: 'GET', url: `/api/clients/${ids.clientId}/messages`, headers: son.headers })).json().items[0].id
    for (const relative of [daughter, son]) expect((await postJson(t, `/api/clients/${ids.clientId}/messages/read`, { upToMessageId: newest }, relative.headers)).statusCode).toBe(200)
    const before = await lastOutboxId()
    tick()
    const reply = await postJson(t, `/api/workspace/clients/${ids.clientId}/messages`, { body: 'Ik bel u morgen.' }, evv.headers)
    expect(reply.statusCode).toBe(201)
    expect(reply.json().author).toMatchObject({ kind: 'staff', role: 'EVV-er', isMe: true })
    expect((await emailsSince(before)).map((e) => e.recipient).sort()).toEqual([ids.daughterEmail, ids.sonEmail].sort())
    const list = (await conversation(colleague)).json()
    expect(list.items[0].author).toMatchObject({ kind: 'staff', role: 'EVV-er' })
  })

  it('marking read per staff member brings the inbox count to zero for that person only', async () => {
    tick()
    await postJson(t, `/api/clients/${ids.clientId}/messages`, { body: 'Dank u wel!' }, son.headers)
    const latest = (await conversation(evv)).json().items[0]
    expect(latest).toMatchObject({ body: 'Dank u wel!', unread: true })
    const marked = await postJson(t, `/api/workspace/clients/${ids.clientId}/messages/read`, { upToMessageId: latest.id }, evv.headers)
    expect(marked.statusCode, marked.body).toBe(200)
    expect(marked.json()).toEqual({ unreadCount: 0 })
    expect((await inbox(evv)).unreadTotal).toBe(0)
    expect((await inbox(colleague)).unreadTotal).toBe(1)
    // A message id of another client is not found here.
    const foreign = await postJson(t, `/api/workspace/clients/${ids.quietClientId}/messages/read`, { upToMessageId: latest.id }, evv.headers)
    expect(foreign.statusCode).toBe(404)
  })

  it('refuses an empty reply; a staff member outside the team cannot reply (404) and nothing is sent', async () => {
    expect((await postJson(t, `/api/workspace/clients/${ids.clientId}/messages`, { body: '   ' }, evv.headers)).json().error.code).toBe('message_empty')
    const outsider = await createStaffAccount(t.db, t.cipher)
    const login = await logInStaff(t, outsider, new Date(now.getTime() + minutes * 60_000))
    const before = await lastOutboxId()
    expect((await postJson(t, `/api/workspace/clients/${ids.clientId}/messages`, { body: 'Hallo' }, login.headers)).statusCode).toBe(404)
    expect(await emailsSince(before)).toEqual([])
    expect((await inbox(login)).items).toEqual([])
    // A client the ECD reported as died or left takes no new message (docs/decisions/fhir-death-and-departure.md).
    await t.db.updateTable('client').set({ closed_at: now }).where('id', '=', ids.clientId).execute()
    const closed = await postJson(t, `/api/workspace/clients/${ids.clientId}/messages`, { body: 'Hallo' }, evv.headers)
    expect(closed.statusCode).toBe(409)
    expect(closed.json().error.code).toBe('client_closed')
    expect(await emailsSince(before)).toEqual([])
    await t.db.updateTable('client').set({ closed_at: null }).where('id', '=', ids.clientId).execute()
  })
})

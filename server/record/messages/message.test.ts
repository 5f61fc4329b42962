import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMessage } from '../../test/care-record-factories.ts'
import { createCareAssignment, createClient, createLink, createStaffMember } from '../../test/client-record-factories.ts'
import { sql } from 'kysely'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn, postJson } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { addStaffMessage } from './message.service.ts'
import { readOutbox } from '../../platform/outbox/outbox.test-support.ts'

const now = new Date('2026-11-25T12:00:00Z')
const activatedAt = new Date('2026-06-01T00:00:00Z')
const source = { ip: '127.0.0.1', userAgent: 'test', requestId: 'test' }
let t: TestApp
let login: LoggedIn
let clientId: string
let evv: { id: string; name: string }
let daughterId: string
const emails: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  const daughter = await createAccount(t.db, { display_name: 'Marieke Bakker' })
  const son = await createAccount(t.db, { display_name: 'Joost Bakker' })
  daughterId = daughter.id
  const noMessages = await createAccount(t.db)
  const ended = await createAccount(t.db)
  const evvAccount = await createAccount(t.db, { kind: 'staff', display_name: 'Sanne Verhoeven' })
  const formerEvvAccount = await createAccount(t.db, { kind: 'staff' })
  Object.assign(emails, { daughter: daughter.email, son: son.email, noMessages: noMessages.email, ended: ended.email, evv: evvAccount.email, formerEvv: formerEvvAccount.email })
  const client = await createClient(t.db)
  clientId = client.id
  await createLink(t.db, daughter.id, client.id, { relation: 'first_contact', activated_at: activatedAt })
  await createLink(t.db, son.id, client.id, { relation: 'second_contact' })
  await createLink(t.db, noMessages.id, client.id, { may_use_messages: false })
  await createLink(t.db, ended.id, client.id, { ended_at: new Date('2026-11-01T00:00:00Z') })
  const evvMember = await createStaffMember(t.db, { name: 'Sanne Verhoeven', account_id: evvAccount.id })
  evv = { id: evvMember.id, name: evvMember.name }
  await createCareAssignment(t.db, client.id, { staff_member_id: evvMember.id, role: 'evv', valid_from: '2026-01-01' })
  const former = await createStaffMember(t.db, { name: 'Oud EVV', account_id: formerEvvAccount.id })
  await createCareAssignment(t.db, client.id, { staff_member_id: former.id, role: 'evv', valid_from: '2025-01-01', valid_until: '2025-12-31' })
  // One message from before the daughter's link was activated: never shown to her.
  await createMessage(t.db, client.id, { author_account_id: son.id, body: 'Oud bericht van voor de activering', created_at: new Date('2026-05-01T10:00:00Z') })
  await createMessage(t.db, client.id, { author_staff_id: evvMember.id, body: 'Welkom in het portaal', created_at: new Date('2026-07-01T10:00:00Z') })
  await createMessage(t.db, client.id, { author_account_id: daughter.id, body: 'Dank u wel', created_at: new Date('2026-07-02T10:00:00Z') })
  await createMessage(t.db, client.id, { author_account_id: son.id, body: 'Ik kom zondag', created_at: new Date('2026-07-03T10:00:00Z') })
  login = await logIn(t, daughter)
})
afterAll(() => t.close())

// Each step a minute later, so newest-first order is not left to equal timestamps.
let clockAt = now.getTime()
const tick = () => {
  clockAt += 60_000
  const at = new Date(clockAt)
  t.setNow(at)
  return at
}

const url = () => `/api/clients/${clientId}/messages`
const list = async (query = '') => {
  const res = await t.app.inject({ method: 'GET', url: `${url()}${query}`, headers: login.headers })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ items: { id: string; body: string; unread: boolean; author: { kind: string; name: string; role: string; isMe: boolean } }[]; unreadCount: number; nextCursor: string | null }>()
}
const emailsSince = (id: string) => readOutbox(t.db, { channel: 'email', afterId: id })
const lastOutboxId = async () => (await t.db.selectFrom('outbox_message').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst())?.max ?? '0'

describe('GET messages', () => {
  it('shows the conversation since the link’s activation, newest first, with authors and unread marks', async () => {
    const page = await list()
    expect(page.items.map((m) => m.body)).toEqual(['Ik kom zondag', 'Dank u wel', 'Welkom in het portaal'])
    expect(page.items[0]).toMatchObject({ unread: true, author: { kind: 'account', name: 'Joost Bakker', role: 'second_contact', isMe: false } })
    expect(page.items[1]).toMatchObject({ unread: false, author: { kind: 'account', isMe: true } })
    expect(page.items[2]).toMatchObject({ unread: true, author: { kind: 'staff', name: 'Sanne Verhoeven', role: 'EVV-er', isMe: false } })
    expect(page.unreadCount).toBe(2)
  })

  it('pages with an opaque cursor', async () => {
    const first = await list('?limit=2')
    expect(first.items).toHaveLength(2)
    const second = await list(`?limit=2&cursor=${first.nextCursor}`)
    expect(second.items.map((m) => m.body)).toEqual(['Welkom in het portaal'])
    expect(second.nextCursor).toBeNull()
    // A full last page has a cursor; the page after it has no row to carry the unread count, which is then asked for alone.
    const all = await list('?limit=3')
    const past = await list(`?limit=3&cursor=${all.nextCursor}`)
    expect(past.items).toEqual([])
    expect([all.unreadCount, past.unreadCount]).toEqual([2, 2])
    const bad = await t.app.inject({ method: 'GET', url: `${url()}?cursor=bm9uc2Vuc2U`, headers: login.headers })
    expect(bad.statusCode).toBe(400)
  })
})

describe('POST messages', () => {
  it('stores the message before answering and queues e-mails without its content to the EVV-er and the other linked account only', async () => {
    const before = await lastOutboxId()
    tick()
    const res = await postJson(t, url(), { body: '  Mag moeder zaterdag mee naar de markt?\nGroet, Marieke  ' }, login.headers)
    expect(res.statusCode, res.body).toBe(201)
    const sent = res.json()
    expect(sent).toMatchObject({ body: 'Mag moeder zaterdag mee naar de markt?\nGroet, Marieke', unread: false, author: { kind: 'account', name: 'Marieke Bakker', isMe: true } })
    const stored = await t.db.selectFrom('message').selectAll().where('id', '=', sent.id).executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ client_id: clientId, author_staff_id: null, body: 'Mag moeder zaterdag mee naar de markt?\nGroet, Marieke' })

    const queued = await emailsSince(before)
    expect(queued.map((m) => m.recipient).sort()).toEqual([emails.evv, emails.son].sort())
    for (const message of queued) {
      expect(message.subject).toBe('Nieuw bericht in het cliëntportaal')
      for (const text of [message.body_text, message.body_html ?? '', message.subject]) {
        expect(text).not.toContain('markt')
        expect(text).not.toContain('Jordaan')
      }
    }
    const log = await t.db.selectFrom('access_log').selectAll().where('request_id', '=', String(res.headers['x-request-id'])).execute()
    expect(log).toEqual([expect.objectContaining({ action: 'create', data_kind: 'message', record_id: sent.id, client_id: clientId })])
  })

  it('refuses an empty, a blank and a too long message with clear codes, and fields it does not know', async () => {
    const count = async () => Number((await t.db.selectFrom('message').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
    const before = await count()
    const cases: [unknown, string][] = [
      [{ body: '' }, 'message_empty'],
      [{ body: ' \n\t ' }, 'message_empty'],
      [{ body: 'x'.repeat(4001) }, 'message_too_long'],
      [{ body: 'x'.repeat(5000) }, 'validation_failed'],
      [{ body: 'Hallo', clientId: '00000000-0000-4000-8000-000000000000' }, 'validation_failed'],
      [{}, 'validation_failed'],
    ]
    for (const [body, code] of cases) {
      const res = await postJson(t, url(), body, login.headers)
      expect(res.statusCode, JSON.stringify(body).slice(0, 40)).toBe(400)
      expect(res.json().error.code).toBe(code)
      expect(res.json().error.message).toMatch(/\w/)
    }
    expect(await count()).toBe(before)
    tick()
    expect((await postJson(t, url(), { body: 'x'.repeat(4000) }, login.headers)).statusCode).toBe(201)
    // Control characters are removed, line breaks kept, and an emoji counts as one; NUL, which
    // PostgreSQL cannot store and no person types, is refused like any input with it (issue 9).
    tick()
    const withNul = await postJson(t, url(), { body: 'Tot\u0000 straks' }, login.headers)
    expect(withNul.statusCode).toBe(400)
    expect(withNul.json().error.code).toBe('validation_failed')
    const odd = await postJson(t, url(), { body: 'Tot\u0007 straks\r\nGroet \u{1F642}' }, login.headers)
    expect(odd.statusCode, odd.body).toBe(201)
    expect(odd.json().body).toBe('Tot straks\nGroet \u{1F642}')
    tick()
    expect((await postJson(t, url(), { body: '\u{1F642}'.repeat(4000) }, login.headers)).statusCode).toBe(201)
  })
})

describe('read markers and staff messages', () => {
  it('a staff message notifies the linked accounts, not the staff member, and is unread until marked', async () => {
    const before = await lastOutboxId()
    const { id } = await addStaffMessage(t.db, { clientId, staffMemberId: evv.id, staffName: evv.name, body: 'Ja hoor, dat kan.', portalUrl: 'https://portaal.example.org/' }, source, tick())
    // "Until read": the son was told of his sister's message and has not read since: no second e-mail.
    expect((await emailsSince(before)).map((m) => m.recipient).sort()).toEqual([emails.daughter])
    const page = await list()
    expect(page.items[0]).toMatchObject({ id, unread: true, author: { kind: 'staff', role: 'EVV-er' } })
    expect(page.unreadCount).toBe(3)

    tick()
    const read = await postJson(t, `${url()}/read`, { upToMessageId: id }, login.headers)
    expect(read.statusCode, read.body).toBe(200)
    expect(read.json()).toEqual({ unreadCount: 0 })
    expect((await list()).items.every((m) => !m.unread)).toBe(true)
  })

  it('never moves the marker back, and refuses a message of another client or from before the activation', async () => {
    const oldest = (await list()).items.at(-1)!
    expect((await postJson(t, `${url()}/read`, { upToMessageId: oldest.id }, login.headers)).json()).toEqual({ unreadCount: 0 })
    const hidden = await t.db.selectFrom('message').select('id').where('body', '=', 'Oud bericht van voor de activering').executeTakeFirstOrThrow()
    expect((await postJson(t, `${url()}/read`, { upToMessageId: hidden.id }, login.headers)).statusCode).toBe(404)
    const other = await createClient(t.db)
    const foreign = await createMessage(t.db, other.id, { author_staff_id: evv.id })
    expect((await postJson(t, `${url()}/read`, { upToMessageId: foreign.id }, login.headers)).statusCode).toBe(404)
  })
})

describe('rate limit', () => {
  it('an account may send 30 messages an hour; the 31st answers 429 and is not stored', async () => {
    const writer = await createAccount(t.db)
    await createLink(t.db, writer.id, clientId)
    const headers = (await logIn(t, writer)).headers
    for (let n = 1; n <= 30; n++) expect((await postJson(t, url(), { body: `Bericht ${n}` }, headers)).statusCode).toBe(201)
    const refused = await postJson(t, url(), { body: 'Nog een' }, headers)
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error.code).toBe('rate_limited')
    expect(await t.db.selectFrom('message').select('id').where('author_account_id', '=', writer.id).execute()).toHaveLength(30)
  })
})

describe('exact keyset paging', () => {
  it('neither skips nor repeats messages whose times differ by microseconds, and marks them read exactly', async () => {
    const client = await createClient(t.db)
    await createLink(t.db, daughterId, client.id)
    for (const micro of ['100', '200', '300']) {
      await sql`insert into message (client_id, author_staff_id, body, created_at) values (${client.id}, ${evv.id}, ${`m${micro}`}, ${`2026-11-20T10:00:00.000${micro}Z`}::timestamptz)`.execute(t.db)
    }
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const url = `/api/clients/${client.id}/messages?limit=1${cursor ? `&cursor=${cursor}` : ''}`
      const page: { items: { body: string }[]; nextCursor: string | null } = (await t.app.inject({ method: 'GET', url, headers: login.headers })).json()
      seen.push(...page.items.map((m) => m.body))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(['m300', 'm200', 'm100'])
    const newest = await t.db.selectFrom('message').select('id').where('body', '=', 'm300').executeTakeFirstOrThrow()
    const read = await postJson(t, `/api/clients/${client.id}/messages/read`, { upToMessageId: newest.id }, login.headers)
    expect(read.json()).toEqual({ unreadCount: 0 })
  })
})

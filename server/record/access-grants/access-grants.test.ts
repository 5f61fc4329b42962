import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readOutbox } from '../../platform/outbox/outbox.test-support.ts'
import { createClient, createLink } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn, postJson } from '../../test/login-helper.ts'
import { createStaffAccount, logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { runGrantEndDates } from './access-grants.service.ts'

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
})
afterAll(() => t.close())

const ALL = { reports: true, carePlan: true, appointments: true, messages: true, profile: true, subscriptions: true }
const TWO = { reports: true, carePlan: false, appointments: false, messages: true, profile: false, subscriptions: false }

function send(login: LoggedIn, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) {
  return t.app.inject({ method, url, headers: { ...login.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) })
}

/** A client linked to herself, logged in, and her client id. */
async function clientWithOwnLogin(overrides: { legal_capacity?: 'wilsbekwaam' | 'wilsonbekwaam' } = {}) {
  const client = await createClient(t.db, overrides)
  const account = await createAccount(t.db)
  await createLink(t.db, account.id, client.id, { relation: 'self' })
  return { client, account, login: await logIn(t, account) }
}

async function invitationToken(email: string): Promise<string> {
  const mail = (await readOutbox(t.db, { recipient: email })).at(-1)
  expect(mail?.subject).toMatch(/^Uitnodiging voor het cliëntportaal/)
  const token = /\/uitnodiging#([A-Za-z0-9_-]+)/.exec(mail?.body_text ?? '')?.[1]
  if (!token) throw new Error('no invitation link in the e-mail')
  return token
}

const invitation = (email: string, permissions = TWO, extra: Record<string, unknown> = {}) => ({ name: 'Peter Jansen', email, mobile: '06 12345678', relation: 'first_contact', permissions, ...extra })

describe('a client gives her son access and ends it', () => {
  it('invites by e-mail, records the consent, the son accepts into his account, sees exactly two sections, loses access on the next request', async () => {
    const { client, account, login } = await clientWithOwnLogin()
    const son = await createAccount(t.db, { email: 'peter.zoon@example.org' })
    const created = await send(login, 'POST', `/api/clients/${client.id}/access-grants`, invitation('peter.zoon@example.org'))
    expect(created.statusCode, created.body).toBe(201)
    const consent = await t.db.selectFrom('consent').selectAll().where('id', '=', created.json().id).executeTakeFirstOrThrow()
    expect(consent).toMatchObject({ client_id: client.id, given_by: 'client', given_on: '2026-11-25', form_pdf: null })
    expect(consent.scope).toContain('Rapportages, Berichten')
    const stored = await t.db.selectFrom('access_invitation').selectAll().where('id', '=', consent.invitation_id!).executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ way_in: 'sms', assurance: 'low', expires_at: new Date('2026-11-28T12:00:00Z') })

    const token = await invitationToken('peter.zoon@example.org')
    // Only the hash is stored.
    expect(stored.token_hash.toString('hex')).not.toContain(Buffer.from(token).toString('hex'))
    expect((await postJson(t, '/api/access-invitations/describe', { token })).json()).toMatchObject({ grantedByName: 'Anna de Vries', permissions: TWO })

    // Someone logged in with another address cannot take the link.
    const stranger = await logIn(t, await createAccount(t.db))
    expect((await send(stranger, 'POST', '/api/access-invitations/accept', { token })).statusCode).toBe(403)

    const sonLogin = await logIn(t, son)
    const accepted = await send(sonLogin, 'POST', '/api/access-invitations/accept', { token })
    expect(accepted.statusCode, accepted.body).toBe(200)
    expect((await send(sonLogin, 'POST', '/api/access-invitations/accept', { token })).statusCode).toBe(404)
    expect((await send(sonLogin, 'GET', `/api/clients/${client.id}/reports`)).statusCode).toBe(200)
    expect((await send(sonLogin, 'GET', `/api/clients/${client.id}/messages`)).statusCode).toBe(200)
    expect((await send(sonLogin, 'GET', `/api/clients/${client.id}/appointments`)).statusCode).toBe(404)
    expect((await send(sonLogin, 'GET', `/api/clients/${client.id}/profile`)).statusCode).toBe(404)
    // A grantee can never grant further.
    expect((await send(sonLogin, 'POST', `/api/clients/${client.id}/access-grants`, invitation('kleinzoon@example.org'))).statusCode).toBe(403)
    expect((await send(sonLogin, 'GET', `/api/clients/${client.id}/access-grants`)).json()).toMatchObject({ mayGrant: false, grants: [] })

    const list = (await send(login, 'GET', `/api/clients/${client.id}/access-grants`)).json()
    expect(list.grants).toEqual([expect.objectContaining({ name: 'Peter Jansen', status: 'active', permissions: TWO, activatedAt: now.toISOString() })])
    const ended = await send(login, 'POST', `/api/clients/${client.id}/access-grants/${list.grants[0].id}/end`, {})
    expect(ended.statusCode, ended.body).toBe(200)
    expect(ended.json()).toMatchObject({ status: 'ended', endedAt: now.toISOString() })
    expect((await send(sonLogin, 'GET', `/api/clients/${client.id}/reports`)).json().error.code).toBe('not_found')
    expect((await readOutbox(t.db, { recipient: 'peter.zoon@example.org' })).at(-1)?.subject).toBe('Uw toegang tot het cliëntportaal is beëindigd')
    const withdrawn = await t.db.selectFrom('consent').select('withdrawn_at').where('id', '=', consent.id).executeTakeFirstOrThrow()
    expect(withdrawn.withdrawn_at).toEqual(now)
    // Meldingen, "a change in who has access" (e-mail by default): the client hears of the son's
    // link and of its end; the son has the grant's own e-mails and no second notice.
    const notices = async (email: string) => (await readOutbox(t.db, { recipient: email })).filter((m) => m.subject === 'Wijziging in wie mag meekijken')
    expect(await notices(account.email ?? '')).toHaveLength(2)
    expect(await notices('peter.zoon@example.org')).toHaveLength(0)
  })

  it('a person without an account registers from the link and gets the welcome e-mail; the token works once', async () => {
    const { client, login } = await clientWithOwnLogin()
    expect((await send(login, 'POST', `/api/clients/${client.id}/access-grants`, invitation('nieuw.familielid@example.org'))).statusCode).toBe(201)
    const token = await invitationToken('nieuw.familielid@example.org')
    const registered = await postJson(t, '/api/access-invitations/register', { token, loginName: 'peter.nieuw' })
    expect(registered.statusCode, registered.body).toBe(201)
    const account = await t.db.selectFrom('account').selectAll().where('login_name', '=', 'peter.nieuw').executeTakeFirstOrThrow()
    expect(account).toMatchObject({ email: 'nieuw.familielid@example.org', mobile_phone: '+31612345678', display_name: 'Peter Jansen' })
    const link = await t.db.selectFrom('client_link').selectAll().where('account_id', '=', account.id).executeTakeFirstOrThrow()
    expect(link).toMatchObject({ client_id: client.id, relation: 'first_contact', may_read_reports: true, may_use_messages: true, may_use_appointments: false, activated_at: now })
    expect((await readOutbox(t.db, { recipient: 'nieuw.familielid@example.org' })).at(-1)?.subject).toMatch(/^Welkom bij het cliëntportaal/)
    expect((await postJson(t, '/api/access-invitations/register', { token, loginName: 'peter.nog.eens' })).statusCode).toBe(404)
  })
})

describe('who may grant what', () => {
  it('refuses a client not able to decide, more sections than the granter has, and everything while the organisation has it off', async () => {
    const unable = await clientWithOwnLogin({ legal_capacity: 'wilsonbekwaam' })
    expect((await send(unable.login, 'POST', `/api/clients/${unable.client.id}/access-grants`, invitation('a@example.org'))).statusCode).toBe(403)

    // A legal representative with reports only may give reports, not messages.
    const client = await createClient(t.db, { legal_capacity: 'wilsonbekwaam' })
    const representative = await createAccount(t.db)
    await createLink(t.db, representative.id, client.id, { relation: 'legal_representative', may_use_messages: false })
    const repLogin = await logIn(t, representative)
    expect((await send(repLogin, 'POST', `/api/clients/${client.id}/access-grants`, invitation('b@example.org', TWO))).json().error.code).toBe('validation_failed')
    expect((await send(repLogin, 'POST', `/api/clients/${client.id}/access-grants`, invitation('b@example.org', { ...TWO, reports: false, messages: false }))).statusCode).toBe(400)
    expect((await send(repLogin, 'POST', `/api/clients/${client.id}/access-grants`, invitation('b@example.org', { ...TWO, messages: false }))).statusCode).toBe(201)
    expect((await send(repLogin, 'POST', `/api/clients/${client.id}/access-grants`, invitation('b@example.org', { ...TWO, messages: false }, { endsOn: '2026-11-24' }))).statusCode).toBe(400)
    expect(await t.db.selectFrom('access_invitation').select('id').where('client_id', '=', client.id).execute()).toHaveLength(1)

    // Beheer switches the feature off: nobody can invite, and the open invitation stops working.
    const admin = await logInStaff(t, await createStaffAccount(t.db, t.cipher, { administrator: true, caregiver: false }), now)
    expect((await send(admin, 'GET', '/api/admin/organisation/client-grants')).json()).toEqual({ enabled: true })
    expect((await send(admin, 'PUT', '/api/admin/organisation/client-grants', { enabled: false })).json()).toEqual({ enabled: false })
    try {
      expect((await send(repLogin, 'POST', `/api/clients/${client.id}/access-grants`, invitation('c@example.org', { ...TWO, messages: false }))).statusCode).toBe(403)
      expect((await send(repLogin, 'GET', `/api/clients/${client.id}/access-grants`)).json().mayGrant).toBe(false)
      expect((await postJson(t, '/api/access-invitations/describe', { token: await invitationToken('b@example.org') })).statusCode).toBe(404)
      expect((await send(repLogin, 'PUT', '/api/admin/organisation/client-grants', { enabled: true })).statusCode).toBe(403)
    } finally {
      expect((await send(admin, 'PUT', '/api/admin/organisation/client-grants', { enabled: true })).statusCode).toBe(200)
    }
  })
})

describe('an end date', () => {
  it('stops access after the last day even before the job runs; the job tells both sides a week ahead, once, and ends the link', async () => {
    const { client, login, account: mother } = await clientWithOwnLogin()
    const son = await createAccount(t.db, { email: 'zoon.tijdelijk@example.org' })
    expect((await send(login, 'POST', `/api/clients/${client.id}/access-grants`, invitation('zoon.tijdelijk@example.org', ALL, { endsOn: '2026-11-30' }))).statusCode).toBe(201)
    const sonLogin = await logIn(t, son)
    expect((await send(sonLogin, 'POST', '/api/access-invitations/accept', { token: await invitationToken('zoon.tijdelijk@example.org') })).statusCode).toBe(200)

    await runGrantEndDates(t.db, now)
    await runGrantEndDates(t.db, now)
    for (const email of [son.email, mother.email]) {
      expect((await readOutbox(t.db, { recipient: email })).filter((m) => m.subject === 'Toegang tot het cliëntportaal stopt binnenkort')).toHaveLength(1)
    }
    expect((await send(sonLogin, 'GET', `/api/clients/${client.id}/reports`)).statusCode).toBe(200)

    // The last day passed (set back in the data rather than moving the clock, which would end the session):
    // the door refuses at once; the job then ends the link.
    await t.db.updateTable('client_link').set({ ends_on: '2026-11-24' }).where('account_id', '=', son.id).execute()
    expect((await send(sonLogin, 'GET', `/api/clients/${client.id}/reports`)).statusCode).toBe(404)
    expect(await runGrantEndDates(t.db, now)).toMatchObject({ ended: 1 })
    const link = await t.db.selectFrom('client_link').select(['ended_at', 'end_reason']).where('account_id', '=', son.id).executeTakeFirstOrThrow()
    expect(link).toEqual({ ended_at: now, end_reason: 'end_date' })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readOutbox } from '../../platform/outbox/outbox.test-support.ts'
import { pdfPageTexts } from '../../platform/pdf/pdf-text.test-support.ts'
import { createClient, createLink, createReport } from '../../test/client-record-factories.ts'
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
    expect((await send(admin, 'GET', '/api/admin/organisation/client-grants')).json()).toEqual({ enabled: true, approvalRequired: false })
    expect((await send(admin, 'PUT', '/api/admin/organisation/client-grants', { enabled: false, approvalRequired: false })).json()).toEqual({ enabled: false, approvalRequired: false })
    try {
      expect((await send(repLogin, 'POST', `/api/clients/${client.id}/access-grants`, invitation('c@example.org', { ...TWO, messages: false }))).statusCode).toBe(403)
      expect((await send(repLogin, 'GET', `/api/clients/${client.id}/access-grants`)).json().mayGrant).toBe(false)
      expect((await postJson(t, '/api/access-invitations/describe', { token: await invitationToken('b@example.org') })).statusCode).toBe(404)
      expect((await send(repLogin, 'PUT', '/api/admin/organisation/client-grants', { enabled: true, approvalRequired: false })).statusCode).toBe(403)
    } finally {
      expect((await send(admin, 'PUT', '/api/admin/organisation/client-grants', { enabled: true, approvalRequired: false })).statusCode).toBe(200)
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

describe("the organisation's approval rule", () => {
  it('an accepted invitation gives no access until an administrator approves; the approval is the activation moment; refusing makes no link', async () => {
    const admin = await logInStaff(t, await createStaffAccount(t.db, t.cipher, { administrator: true, caregiver: false }), now)
    expect((await send(admin, 'PUT', '/api/admin/organisation/client-grants', { enabled: true, approvalRequired: true })).json()).toEqual({ enabled: true, approvalRequired: true })
    try {
      const { client, login } = await clientWithOwnLogin()
      const son = await createAccount(t.db, { email: 'zoon.wacht@example.org' })
      const daughter = await createAccount(t.db, { email: 'dochter.geweigerd@example.org' })
      expect((await send(login, 'POST', `/api/clients/${client.id}/access-grants`, invitation('zoon.wacht@example.org'))).statusCode).toBe(201)
      expect((await send(login, 'POST', `/api/clients/${client.id}/access-grants`, invitation('dochter.geweigerd@example.org', TWO, { name: 'Els Jansen' }))).statusCode).toBe(201)
      const sonLogin = await logIn(t, son)
      const accepted = await send(sonLogin, 'POST', '/api/access-invitations/accept', { token: await invitationToken('zoon.wacht@example.org') })
      expect(accepted.json()).toEqual({ clientId: client.id, awaitingApproval: true })
      expect((await send(await logIn(t, daughter), 'POST', '/api/access-invitations/accept', { token: await invitationToken('dochter.geweigerd@example.org') })).json().awaitingApproval).toBe(true)
      // Waiting: no link, no access; the granter sees the state.
      expect((await send(sonLogin, 'GET', `/api/clients/${client.id}/reports`)).statusCode).toBe(404)
      expect(await t.db.selectFrom('client_link').select('id').where('account_id', 'in', [son.id, daughter.id]).execute()).toEqual([])
      const waiting = (await send(login, 'GET', `/api/clients/${client.id}/access-grants`)).json().grants
      expect(waiting.map((g: { status: string }) => g.status)).toEqual(['awaiting_approval', 'awaiting_approval'])

      // A report written while waiting stays hidden once approved: the approval is the activation.
      const approvedAt = new Date(now.getTime() + 60_000)
      await createReport(t.db, client.id, { body: 'Geschreven tijdens het wachten.', reported_at: new Date(now.getTime() + 30_000) })
      await createReport(t.db, client.id, { body: 'Geschreven na de goedkeuring.', reported_at: new Date(now.getTime() + 90_000) })
      const listed = (await send(admin, 'GET', '/api/admin/client-grants')).json()
      const sonGrant = listed.items.find((g: { email: string }) => g.email === 'zoon.wacht@example.org')
      const daughterGrant = listed.items.find((g: { email: string }) => g.email === 'dochter.geweigerd@example.org')
      expect(sonGrant).toMatchObject({ status: 'awaiting_approval', clientId: client.id, clientNumber: client.client_number, grantedByName: 'Anna de Vries', acceptedAt: now.toISOString() })
      // Only an administrator decides.
      expect((await send(login, 'POST', `/api/admin/client-grants/${sonGrant.id}/approve`, {})).statusCode).toBe(403)
      t.setNow(approvedAt)
      try {
        const approved = await send(admin, 'POST', `/api/admin/client-grants/${sonGrant.id}/approve`, {})
        expect(approved.statusCode, approved.body).toBe(200)
        expect(approved.json()).toMatchObject({ status: 'active', activatedAt: approvedAt.toISOString() })
        expect((await send(admin, 'POST', `/api/admin/client-grants/${sonGrant.id}/approve`, {})).statusCode).toBe(409)
        const reports = (await send(sonLogin, 'GET', `/api/clients/${client.id}/reports`)).json()
        expect(reports.items.map((r: { text: string }) => r.text)).toEqual(['Geschreven na de goedkeuring.'])
        expect((await readOutbox(t.db, { recipient: 'zoon.wacht@example.org' })).at(-1)?.subject).toBe('Uw toegang tot het cliëntportaal is goedgekeurd')

        const refused = await send(admin, 'POST', `/api/admin/client-grants/${daughterGrant.id}/refuse`, {})
        expect(refused.json()).toMatchObject({ status: 'refused' })
        expect(await t.db.selectFrom('client_link').select('id').where('account_id', '=', daughter.id).execute()).toEqual([])
        const consent = await t.db.selectFrom('consent').select('withdrawn_at').where('invitation_id', '=', daughterGrant.id).executeTakeFirstOrThrow()
        expect(consent.withdrawn_at).toEqual(approvedAt)
        const decisions = await t.db.selectFrom('access_log').select(['actor_role', 'action', 'data_kind', 'record_id']).where('client_id', '=', client.id).where('occurred_at', '=', approvedAt).where('actor_role', '=', 'administrator').execute()
        expect(decisions).toEqual(expect.arrayContaining([
          { actor_role: 'administrator', action: 'update', data_kind: 'access_grant', record_id: sonGrant.id },
          { actor_role: 'administrator', action: 'create', data_kind: 'client_link', record_id: expect.any(String) },
          { actor_role: 'administrator', action: 'update', data_kind: 'access_grant', record_id: daughterGrant.id },
        ]))
        // The administrator ends the son's access: his next request is refused.
        expect((await send(admin, 'POST', `/api/admin/client-grants/${sonGrant.id}/end`, { reason: 'consent_withdrawn' })).json()).toMatchObject({ status: 'ended' })
        expect((await send(sonLogin, 'GET', `/api/clients/${client.id}/reports`)).statusCode).toBe(404)
        const all = (await send(admin, 'GET', '/api/admin/client-grants?show=all')).json().items.map((g: { id: string }) => g.id)
        const open = (await send(admin, 'GET', '/api/admin/client-grants')).json().items.map((g: { id: string }) => g.id)
        expect(all).toEqual(expect.arrayContaining([sonGrant.id, daughterGrant.id]))
        expect(open).not.toContain(sonGrant.id)
        expect(open).not.toContain(daughterGrant.id)
      } finally {
        t.setNow(now)
      }
    } finally {
      expect((await send(admin, 'PUT', '/api/admin/organisation/client-grants', { enabled: true, approvalRequired: false })).statusCode).toBe(200)
    }
  })
})

describe('changing the sections of a grant', () => {
  it('takes effect on the next request, never gives more than the granter has, and refuses an ended grant or another client', async () => {
    const { client, login } = await clientWithOwnLogin()
    const son = await createAccount(t.db, { email: 'zoon.onderdelen@example.org' })
    expect((await send(login, 'POST', `/api/clients/${client.id}/access-grants`, invitation('zoon.onderdelen@example.org'))).statusCode).toBe(201)
    const sonLogin = await logIn(t, son)
    expect((await send(sonLogin, 'POST', '/api/access-invitations/accept', { token: await invitationToken('zoon.onderdelen@example.org') })).statusCode).toBe(200)
    const grantId = (await send(login, 'GET', `/api/clients/${client.id}/access-grants`)).json().grants[0].id
    const url = `/api/clients/${client.id}/access-grants/${grantId}/permissions`

    const changed = await send(login, 'PUT', url, { permissions: { ...TWO, messages: false, appointments: true } })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json().permissions).toEqual({ ...TWO, messages: false, appointments: true })
    expect((await send(sonLogin, 'GET', `/api/clients/${client.id}/messages`)).statusCode).toBe(404)
    expect((await send(sonLogin, 'GET', `/api/clients/${client.id}/appointments`)).statusCode).toBe(200)
    // The grantee cannot change it; no section at all is refused; another client's id finds nothing.
    expect((await send(sonLogin, 'PUT', url, { permissions: ALL })).statusCode).toBe(403)
    expect((await send(login, 'PUT', url, { permissions: { ...TWO, reports: false, messages: false } })).statusCode).toBe(400)
    const other = await clientWithOwnLogin()
    expect((await send(other.login, 'PUT', `/api/clients/${other.client.id}/access-grants/${grantId}/permissions`, { permissions: TWO })).statusCode).toBe(404)

    // A granter with fewer sections cannot give one she lacks.
    await t.db.updateTable('client_link').set({ may_read_profile: false }).where('client_id', '=', client.id).where('relation', '=', 'self').execute()
    expect((await send(login, 'PUT', url, { permissions: { ...TWO, profile: true } })).json().error.code).toBe('validation_failed')
    const link = await t.db.selectFrom('client_link').select(['may_use_messages', 'may_use_appointments', 'may_read_profile']).where('account_id', '=', son.id).executeTakeFirstOrThrow()
    expect(link).toEqual({ may_use_messages: false, may_use_appointments: true, may_read_profile: false })

    expect((await send(login, 'POST', `/api/clients/${client.id}/access-grants/${grantId}/end`, {})).statusCode).toBe(200)
    expect((await send(login, 'PUT', url, { permissions: TWO })).statusCode).toBe(409)
  })
})

describe('the consent receipt', () => {
  it('is a PDF naming who gave it, when, to whom, which sections, until when, the way in and its assurance; for the granter and the grantee only; logged', async () => {
    const { client, login } = await clientWithOwnLogin()
    const son = await createAccount(t.db, { email: 'zoon.bewijs@example.org' })
    expect((await send(login, 'POST', `/api/clients/${client.id}/access-grants`, invitation('zoon.bewijs@example.org', TWO, { endsOn: '2027-03-31' }))).statusCode).toBe(201)
    const grantId = (await send(login, 'GET', `/api/clients/${client.id}/access-grants`)).json().grants[0].id
    const url = `/api/clients/${client.id}/access-grants/${grantId}/receipt.pdf`

    const res = await send(login, 'GET', url)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toBe('attachment; filename="bewijs-van-toestemming-2026-11-25.pdf"')
    const text = (await pdfPageTexts(res.rawPayload)).join('\n')
    for (const field of [
      'Bewijs van toestemming', 'Gegeven door', 'Anna de Vries, de cliënt zelf', 'Gegeven op', 'woensdag 25 november 2026, 13:00',
      'Toegang voor', 'Peter Jansen (zoon.bewijs@example.org), eerste contactpersoon', 'Onderdelen', 'Rapportages, Berichten',
      'Tot en met', 'woensdag 31 maart 2027', 'Ingelogd met', 'wachtwoord en sms-code, betrouwbaarheidsniveau laag', 'uitgenodigd, nog niet geaccepteerd',
    ]) expect(text).toContain(field)
    const log = await t.db.selectFrom('access_log').select(['action', 'data_kind', 'record_id']).where('request_id', '=', String(res.headers['x-request-id'])).execute()
    expect(log).toEqual([{ action: 'export', data_kind: 'consent', record_id: grantId }])

    const sonLogin = await logIn(t, son)
    expect((await send(sonLogin, 'POST', '/api/access-invitations/accept', { token: await invitationToken('zoon.bewijs@example.org') })).statusCode).toBe(200)
    const forSon = await send(sonLogin, 'GET', url)
    expect(forSon.statusCode).toBe(200)
    expect((await pdfPageTexts(forSon.rawPayload)).join('\n')).toContain('heeft toegang')
    // Someone else linked to the client, who may not grant, and another client's granter: 404.
    const cousin = await createAccount(t.db)
    await createLink(t.db, cousin.id, client.id, { relation: 'second_contact' })
    expect((await send(await logIn(t, cousin), 'GET', url)).statusCode).toBe(404)
    const other = await clientWithOwnLogin()
    expect((await send(other.login, 'GET', `/api/clients/${other.client.id}/access-grants/${grantId}/receipt.pdf`)).statusCode).toBe(404)
  })
})

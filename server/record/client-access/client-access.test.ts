import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, createConsent, createLink } from '../../test/client-record-factories.ts'
import { createAccount } from '../../test/factories.ts'
import { logIn } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { requireClientAccess } from './client-access.policy.ts'
import { findActiveLink } from './client-access.repository.ts'
import { resumeSession } from '../../identity/authentication/session.service.ts'
import type { ActiveSession } from '../../identity/authentication/session.service.ts'

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ now })
})
afterAll(() => t.close())

function sessionOf(accountId: string, kind: 'portal' | 'staff' = 'portal'): ActiveSession {
  return { accountId, kind, displayName: 'Anna de Vries', loginName: 'x', csrfToken: '', tokenHash: Buffer.alloc(0), authenticatedAt: now, wayIn: 'sms', assurance: 'low', mustChangePassword: false, idleExpiresAt: now, expiresAt: now, loginPolicy: 'with_sms', termsOwed: false }
}

describe('GET /api/clients', () => {
  it('lists the active links with the Dutch name and the sections of each link', async () => {
    const account = await createAccount(t.db)
    const mother = await createClient(t.db, { gender: 'female', initials: 'S.', name_prefix: 'Uit de', family_name: 'Jordaan' })
    const father = await createClient(t.db, { gender: 'male', initials: 'J.P.', name_prefix: '', family_name: 'Bakker' })
    const ended = await createClient(t.db, { family_name: 'Zwart' })
    await createLink(t.db, account.id, mother.id, { relation: 'legal_representative', may_use_messages: false })
    await createLink(t.db, account.id, father.id, { relation: 'first_contact' })
    await createLink(t.db, account.id, ended.id, { ended_at: new Date('2026-11-01T00:00:00Z') })
    const withdrawnClient = await createClient(t.db, { family_name: 'Teruggetrokken' })
    const withdrawn = await createConsent(t.db, withdrawnClient.id, { withdrawn_at: new Date('2026-11-20T00:00:00Z') })
    await createLink(t.db, account.id, withdrawnClient.id, { consent_id: withdrawn.id })

    const res = await t.app.inject({ method: 'GET', url: '/api/clients', headers: (await logIn(t, account)).headers })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().items).toEqual([
      { clientId: father.id, name: 'dhr. J.P. Bakker', relation: 'first_contact', sections: ['reports', 'care_plan', 'appointments', 'messages', 'profile', 'subscriptions'] },
      { clientId: mother.id, name: 'mw. S. uit de Jordaan', relation: 'legal_representative', sections: ['reports', 'care_plan', 'appointments', 'profile', 'subscriptions'] },
    ])
    // The names read are logged, once per listed client, through its link.
    const log = await t.db.selectFrom('access_log').select(['client_id', 'on_behalf_link_id']).where('data_kind', '=', 'client_list').execute()
    expect(log.map((row) => row.client_id).sort()).toEqual([father.id, mother.id].sort())
    expect(log.every((row) => row.on_behalf_link_id !== null)).toBe(true)
  })

  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/clients' })).statusCode).toBe(401)
  })
})

describe('requireClientAccess', () => {
  it('gives the link, its actor and sections for an active link', async () => {
    const account = await createAccount(t.db, { display_name: 'Marieke Bakker' })
    const client = await createClient(t.db)
    const link = await createLink(t.db, account.id, client.id, { relation: 'legal_representative', may_read_reports: false })
    const access = await requireClientAccess(t.db, sessionOf(account.id), client.id, 'profile', now)
    expect(access).toEqual({
      clientId: client.id,
      linkId: link.id,
      accountId: account.id,
      // The way in travels with the actor into every access-log row (NEN 7513's authorisation protocol).
      actor: { type: 'account', id: account.id, role: 'legal_representative', name: 'Marieke Bakker', authentication: { method: 'sms', assurance: 'low' } },
      activatedAt: link.activated_at,
      sections: new Set(['care_plan', 'appointments', 'messages', 'profile', 'subscriptions']),
      onBehalfLinkId: link.id,
      onBehalfOf: '',
    })
    await expect(requireClientAccess(t.db, sessionOf(account.id), client.id, 'reports', now)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('refuses with not_found: another client, a link activated later, a blocked account, a staff session, a malformed id', async () => {
    const account = await createAccount(t.db)
    const own = await createClient(t.db)
    const other = await createClient(t.db)
    const later = await createClient(t.db)
    await createLink(t.db, account.id, own.id)
    await createLink(t.db, account.id, later.id, { activated_at: new Date(now.getTime() + 60_000) })
    const session = sessionOf(account.id)
    for (const id of [other.id, later.id, 'not-a-uuid', '00000000-0000-0000-0000-000000000000']) {
      await expect(requireClientAccess(t.db, session, id, null, now)).rejects.toMatchObject({ code: 'not_found' })
    }
    await expect(requireClientAccess(t.db, sessionOf(account.id, 'staff'), own.id, null, now)).rejects.toMatchObject({ code: 'not_found' })
    await t.db.updateTable('account').set({ blocked_at: now }).where('id', '=', account.id).execute()
    await expect(requireClientAccess(t.db, session, own.id, null, now)).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('the link read with the session (one statement for both, request-path.md)', () => {
  it('is the link findActiveLink finds, or null, for the record page\'s client only', async () => {
    const account = await createAccount(t.db, { display_name: 'Marieke Bakker' })
    const client = await createClient(t.db)
    const other = await createClient(t.db)
    await createLink(t.db, account.id, client.id, { relation: 'legal_representative', may_read_reports: false })
    const { token } = await logIn(t, account)
    const withLink = await resumeSession(t.db, token, now, client.id)
    expect(withLink?.linkRead).toEqual({ clientId: client.id, now, link: await findActiveLink(t.db, account.id, client.id, now) })
    expect(withLink?.linkRead?.link?.activated_at).toBeInstanceOf(Date)
    expect((await resumeSession(t.db, token, now, other.id))?.linkRead).toEqual({ clientId: other.id, now, link: null })
    expect((await resumeSession(t.db, token, now))?.linkRead).toBeUndefined()
    // A staff session reads no portal link, also not through the session's statement.
    const staff = await createAccount(t.db, { kind: 'staff' })
    await createLink(t.db, staff.id, client.id)
    expect((await resumeSession(t.db, (await logIn(t, staff)).token, now, client.id))?.linkRead?.link).toBeNull()
  })

  it('serves the first check only, for its client and instant; every later check reads afresh', async () => {
    const account = await createAccount(t.db)
    const client = await createClient(t.db)
    const link = await createLink(t.db, account.id, client.id)
    const found = (await findActiveLink(t.db, account.id, client.id, now)) ?? null
    const session = { ...sessionOf(account.id), linkRead: { clientId: client.id, now, link: found } }
    await t.db.updateTable('client_link').set({ ended_at: now }).where('id', '=', link.id).execute()
    // The first check takes what the session's statement read (before the link ended) ...
    expect((await requireClientAccess(t.db, session, client.id.toUpperCase(), null, now)).linkId).toBe(link.id)
    expect(session.linkRead).toBeUndefined()
    // ... a second one in the same request reads the ended link afresh.
    await expect(requireClientAccess(t.db, session, client.id, null, now)).rejects.toMatchObject({ code: 'not_found' })
    // Read for another client or another instant: not used.
    const later = new Date(now.getTime() + 1)
    const readAt = { ...sessionOf(account.id), linkRead: { clientId: client.id, now: later, link: found } }
    await expect(requireClientAccess(t.db, readAt, client.id, null, now)).rejects.toMatchObject({ code: 'not_found' })
    const readFor = { ...sessionOf(account.id), linkRead: { clientId: crypto.randomUUID(), now, link: found } }
    await expect(requireClientAccess(t.db, readFor, client.id, null, now)).rejects.toMatchObject({ code: 'not_found' })
    // A read that found no link refuses without a look of its own.
    const none = { ...sessionOf(account.id), linkRead: { clientId: client.id, now, link: null } }
    await expect(requireClientAccess(t.db, none, client.id, null, now)).rejects.toMatchObject({ code: 'not_found' })
  })
})

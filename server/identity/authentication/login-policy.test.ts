import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, createLink } from '../../test/client-record-factories.ts'
import { logInWithDigid } from '../../test/digid-login-helper.ts'
import { createAccount } from '../../test/factories.ts'
import { EIDAS, startTestIdentityProvider, type TestIdentityProvider } from '../../test/identity-provider.ts'
import { type LoggedIn, logIn } from '../../test/login-helper.ts'
import { createStaffAccount, logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { send } from './second-factors/second-factors.test-support.ts'
import { acceptsStrongSecondFactor, satisfiesLoginPolicy } from './login-policy.ts'

const BSN = '999990019'
let idp: TestIdentityProvider
let t: TestApp
let admin: LoggedIn
let account: Awaited<ReturnType<typeof createAccount>>
let clientId: string

beforeAll(async () => {
  idp = await startTestIdentityProvider({ kind: 'digid' })
  t = await createTestApp({ env: idp.env })
  // A new organisation: the default policy, DigiD or a strong second factor.
  await t.db.insertInto('organisation').values({ name: 'Zorggroep Nieuw' }).execute()
  admin = await logInStaff(t, await createStaffAccount(t.db, t.cipher, { administrator: true }), new Date())
  account = await createAccount(t.db, { bsn_encrypted: t.cipher.encrypt(BSN), bsn_lookup: t.cipher.lookupHash(BSN) })
  clientId = (await createClient(t.db)).id
  await createLink(t.db, account.id, clientId)
  idp.users.set('eigen-digid', { bsn: BSN, acr: EIDAS.substantial })
})
afterAll(async () => {
  await t?.close()
  await idp?.close()
})

const readRecord = (who: LoggedIn) => send(t, who, 'GET', `/api/clients/${clientId}/profile`)
const setPolicy = (loginPolicy: string) => send(t, admin, 'PUT', '/api/admin/organisation/login-policy', { loginPolicy })

describe('the organisation decides which ways in are enough (Beheer → Beveiliging)', () => {
  it('starts a new organisation at DigiD or a strong second factor: an SMS session must step up before it reads the record', async () => {
    expect((await send(t, admin, 'GET', '/api/admin/organisation/login-policy')).json()).toEqual({ loginPolicy: 'digid_or_strong', digidEnabled: true })
    const sms = await logIn(t, account)
    const refused = await readRecord(sms)
    expect(refused.statusCode).toBe(403)
    expect(refused.json()).toMatchObject({ error: { code: 'step_up_required' } })
    // Outside the record the session still works (to set up an app, or bind DigiD).
    expect((await send(t, sms, 'GET', '/api/profile')).statusCode).toBe(200)
    expect((await readRecord(await logInWithDigid(t, 'eigen-digid'))).statusCode).toBe(200)
    // The read is in the access log with the way in and its level (NEN 7513).
    const rows = await t.db.selectFrom('access_log').select(['action', 'auth_method', 'assurance']).where('client_id', '=', clientId).where('outcome', '=', 'success').execute()
    expect(rows).toContainEqual({ action: 'read', auth_method: 'digid', assurance: 'substantial' })
  })

  it('applies a change at once to sessions already open', async () => {
    const sms = await logIn(t, account)
    const digid = await logInWithDigid(t, 'eigen-digid')
    expect((await setPolicy('with_sms')).json()).toEqual({ loginPolicy: 'with_sms', digidEnabled: true })
    expect((await readRecord(sms)).statusCode).toBe(200)
    expect((await setPolicy('digid_only')).statusCode).toBe(200)
    expect((await readRecord(sms)).json()).toMatchObject({ error: { code: 'step_up_required' } })
    expect((await readRecord(digid)).statusCode).toBe(200)
    const logged = await t.db.selectFrom('access_log').select(['data_kind', 'auth_method']).where('data_kind', '=', 'login_policy').execute()
    expect(logged.length).toBe(2)
    await setPolicy('digid_or_strong')
  })

  it('tells the web app in the session state, by the same check as the gate, who must step up and what the policy offers', async () => {
    const state = async (who: LoggedIn) => (await send(t, who, 'GET', '/api/session')).json() as { stepUpRequired: boolean; strongSecondFactorAccepted: boolean }
    const sms = await logIn(t, account)
    const digid = await logInWithDigid(t, 'eigen-digid')
    expect(await state(sms)).toMatchObject({ stepUpRequired: true, strongSecondFactorAccepted: true })
    expect((await readRecord(sms)).statusCode).toBe(403)
    expect(await state(digid)).toMatchObject({ stepUpRequired: false })
    expect((await readRecord(digid)).statusCode).toBe(200)
    try {
      // DigiD only: staff are still not asked, and logging in again with an app would not help.
      await setPolicy('digid_only')
      expect(await state(admin)).toMatchObject({ stepUpRequired: false, strongSecondFactorAccepted: false })
      expect(await state(sms)).toMatchObject({ stepUpRequired: true, strongSecondFactorAccepted: false })
      await setPolicy('with_sms')
      expect(await state(sms)).toMatchObject({ stepUpRequired: false, strongSecondFactorAccepted: true })
      expect((await readRecord(sms)).statusCode).toBe(200)
    } finally {
      await setPolicy('digid_or_strong')
    }
  })

  it('refuses an unknown policy, and is for administrators only', async () => {
    expect((await setPolicy('alles_mag')).statusCode).toBe(400)
    const portal = await logInWithDigid(t, 'eigen-digid')
    expect((await send(t, portal, 'PUT', '/api/admin/organisation/login-policy', { loginPolicy: 'with_sms' })).statusCode).toBe(403)
  })
})

describe('satisfiesLoginPolicy', () => {
  it('accepts per policy: DigiD always, passkey and app unless DigiD only, SMS only as legacy; staff are not asked', () => {
    const portal = (wayIn: string) => ({ kind: 'portal' as const, wayIn })
    expect(['digid', 'passkey', 'totp', 'sms'].map((way) => satisfiesLoginPolicy('digid_only', portal(way)))).toEqual([true, false, false, false])
    expect(['digid', 'passkey', 'totp', 'sms'].map((way) => satisfiesLoginPolicy('digid_or_strong', portal(way)))).toEqual([true, true, true, false])
    expect(['digid', 'passkey', 'totp', 'sms'].map((way) => satisfiesLoginPolicy('with_sms', portal(way)))).toEqual([true, true, true, true])
    expect(satisfiesLoginPolicy('digid_only', { kind: 'staff', wayIn: 'oidc' })).toBe(true)
  })

  it('offers logging in again with a passkey or app only where the policy accepts it', () => {
    expect((['digid_only', 'digid_or_strong', 'with_sms'] as const).map(acceptsStrongSecondFactor)).toEqual([false, true, true])
  })
})

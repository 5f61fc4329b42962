import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../config.ts'
import { SESSION_COOKIE } from '../authentication/session.service.ts'
import { logInAtIdentityProvider, startTestIdentityProvider, type TestIdentityProvider } from '../../test/identity-provider.ts'
import { rememberSecret } from '../../test/log-capture.ts'
import { createStaffAccount } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { SSO_COOKIE } from './sso.routes.ts'

const FAILED = '/inloggen?sso=mislukt'

let idp: TestIdentityProvider
let t: TestApp

beforeAll(async () => {
  idp = await startTestIdentityProvider()
  t = await createTestApp({ env: idp.env })
})

afterAll(async () => {
  await t?.close()
  await idp?.close()
})

/** A browser that asked the portal to start: its SSO cookie and the IdP's URL. */
async function startSso(): Promise<{ ssoCookie: string; location: string }> {
  const res = await t.app.inject({ method: 'GET', url: '/api/sso/start' })
  expect(res.statusCode, res.body).toBe(302)
  const ssoCookie = res.cookies.find((c) => c.name === SSO_COOKIE)?.value
  if (!ssoCookie) throw new Error('no SSO cookie')
  return { ssoCookie: rememberSecret(ssoCookie), location: String(res.headers.location) }
}

function callback(url: URL, ssoCookie?: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}`, ...(ssoCookie ? { cookies: { [SSO_COOKIE]: ssoCookie } } : {}) })
}

/** A staff account the IdP knows by the same e-mail address; returns the IdP subject. */
function knownAtIdp(email: string, extra: Record<string, unknown> = {}): string {
  const subject = `idp-${idp.users.size + 1}`
  idp.users.set(subject, { email, email_verified: true, ...extra })
  return subject
}

/** Why the last single sign-on was refused, as the log says it (the URL says nothing). */
function lastRefusal(): string {
  const line = t.logs.filter((l) => l.includes('single sign-on refused')).at(-1)
  return line ? String((JSON.parse(line) as { reason?: string }).reason) : ''
}

async function ssoLoginRows(accountId: string | null) {
  return t.db.selectFrom('access_log').select(['outcome', 'actor_id']).where('data_kind', '=', 'sso').where('actor_id', accountId === null ? 'is' : '=', accountId).execute()
}

describe('staff single sign-on through OpenID Connect', () => {
  it('says it is on, and sends the browser to the IdP with code flow, PKCE, state and nonce', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/sso' })).json()).toEqual({ enabled: true })
    const res = await t.app.inject({ method: 'GET', url: '/api/sso/start' })
    expect(res.statusCode).toBe(302)
    const location = new URL(String(res.headers.location))
    expect(location.origin).toBe(idp.issuer)
    expect(location.searchParams.get('response_type')).toBe('code')
    expect(location.searchParams.get('redirect_uri')).toBe('http://localhost:3000/api/sso/callback')
    expect(location.searchParams.get('code_challenge_method')).toBe('S256')
    for (const parameter of ['state', 'nonce', 'code_challenge']) expect(location.searchParams.get(parameter)).toBeTruthy()
    const cookie = res.cookies.find((c) => c.name === SSO_COOKIE)
    expect(cookie).toMatchObject({ path: '/', secure: true, httpOnly: true, sameSite: 'Lax' })
    // Only the cookie's hash is stored, beside state, nonce and verifier.
    const stored = await t.db.selectFrom('sso_login_state').select(['id_hash', 'state']).where('state', '=', location.searchParams.get('state')!).executeTakeFirstOrThrow()
    expect(stored.id_hash.toString('base64url')).not.toBe(cookie?.value)
  })

  it('logs a staff member in through the IdP: a strong session, a cookie that works, a line in the access log', async () => {
    // Without an app of their own: the IdP's login (with its MFA) is the strong factor.
    const staff = await createStaffAccount(t.db, t.cipher, { totp: false })
    const subject = knownAtIdp(staff.email.toUpperCase())
    const { ssoCookie, location } = await startSso()
    const back = await logInAtIdentityProvider(location, subject)
    expect(back.searchParams.get('code')).toBeTruthy()

    const res = await callback(back, ssoCookie)
    expect(res.statusCode).toBe(302)
    expect(res.headers.location).toBe('/werkplek')
    const token = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value
    expect(token).toBeTruthy()
    rememberSecret(token!)
    expect(res.cookies.find((c) => c.name === SSO_COOKIE)?.value).toBe('')

    const session = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `${SESSION_COOKIE}=${token}` } })
    expect(session.statusCode, session.body).toBe(200)
    expect(session.json()).toMatchObject({ account: { kind: 'staff', loginName: staff.login_name }, staff: { caregiver: true, secondFactorSetupRequired: false } })
    rememberSecret(session.json<{ csrfToken: string }>().csrfToken)
    const stored = await t.db.selectFrom('session').select('second_factor').where('account_id', '=', staff.id).executeTakeFirstOrThrow()
    expect(stored.second_factor).toBe('oidc')
    expect(await ssoLoginRows(staff.id)).toEqual([{ outcome: 'success', actor_id: staff.id }])
  })

  it('refuses a callback whose state is not the one it sent', async () => {
    const staff = await createStaffAccount(t.db, t.cipher)
    const { ssoCookie, location } = await startSso()
    const back = await logInAtIdentityProvider(location, knownAtIdp(staff.email))
    back.searchParams.set('state', 'een-andere-state')
    const res = await callback(back, ssoCookie)
    expect(res.headers.location).toBe(FAILED)
    expect(lastRefusal()).toMatch(/state/)
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined()
  })

  it('refuses the callback in another browser (without the SSO cookie), and a replayed one', async () => {
    const staff = await createStaffAccount(t.db, t.cipher)
    const { ssoCookie, location } = await startSso()
    const back = await logInAtIdentityProvider(location, knownAtIdp(staff.email))
    expect((await callback(back)).headers.location).toBe(FAILED)
    expect(lastRefusal()).toBe('no sso cookie')
    expect((await callback(back, ssoCookie)).headers.location).toBe('/werkplek')
    const replay = await callback(back, ssoCookie)
    expect(replay.headers.location).toBe(FAILED)
    expect(lastRefusal()).toBe('unknown, used or expired sso state')
    expect(replay.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined()
  })

  it('refuses a state past its lifetime', async () => {
    const staff = await createStaffAccount(t.db, t.cipher)
    const { ssoCookie, location } = await startSso()
    const back = await logInAtIdentityProvider(location, knownAtIdp(staff.email))
    t.setNow(new Date(Date.now() + 11 * 60_000))
    try {
      expect((await callback(back, ssoCookie)).headers.location).toBe(FAILED)
      expect(lastRefusal()).toBe('unknown, used or expired sso state')
    } finally {
      t.setNow(new Date())
    }
  })

  it('creates no account for an e-mail address the portal does not know, and logs the refusal', async () => {
    const before = await ssoLoginRows(null)
    const { ssoCookie, location } = await startSso()
    const back = await logInAtIdentityProvider(location, knownAtIdp('onbekend@example.org'))
    const res = await callback(back, ssoCookie)
    expect(res.headers.location).toBe(FAILED)
    expect(lastRefusal()).toBe('no staff account for this claim')
    expect(await t.db.selectFrom('account').select('id').where('email', '=', 'onbekend@example.org').execute()).toEqual([])
    expect((await ssoLoginRows(null)).length).toBe(before.length + 1)
  })

  it('refuses a blocked staff account, and an address the IdP has not verified', async () => {
    const blocked = await createStaffAccount(t.db, t.cipher)
    await t.db.updateTable('account').set({ blocked_at: new Date() }).where('id', '=', blocked.id).execute()
    const first = await startSso()
    expect((await callback(await logInAtIdentityProvider(first.location, knownAtIdp(blocked.email)), first.ssoCookie)).headers.location).toBe(FAILED)
    expect(lastRefusal()).toBe('staff account blocked')
    expect(await ssoLoginRows(blocked.id)).toEqual([{ outcome: 'failure', actor_id: blocked.id }])

    const unverified = await createStaffAccount(t.db, t.cipher)
    const second = await startSso()
    const subject = knownAtIdp(unverified.email, { email_verified: false })
    expect((await callback(await logInAtIdentityProvider(second.location, subject), second.ssoCookie)).headers.location).toBe(FAILED)
    expect(lastRefusal()).toBe('e-mail address not verified by the IdP')
  })

  it('refuses a portal account with the same e-mail address: single sign-on is for staff', async () => {
    const { createAccount } = await import('../../test/factories.ts')
    const portal = await createAccount(t.db, { email: 'dochter@example.org' })
    const { ssoCookie, location } = await startSso()
    const res = await callback(await logInAtIdentityProvider(location, knownAtIdp(portal.email)), ssoCookie)
    expect(res.headers.location).toBe(FAILED)
    expect(lastRefusal()).toBe('no staff account for this claim')
  })

  it('puts the IdP error answer (the person cancelled) on the login page, without details', async () => {
    const { ssoCookie, location } = await startSso()
    const back = new URL('http://localhost:3000/api/sso/callback')
    back.search = new URLSearchParams({ error: 'access_denied', state: new URL(location).searchParams.get('state')!, iss: idp.issuer }).toString()
    const res = await callback(back, ssoCookie)
    expect(res.headers.location).toBe(FAILED)
    expect(lastRefusal()).toMatch(/access_denied/)
  })
})

describe('when the IdP must prove MFA (OIDC_REQUIRED_AMR)', () => {
  it('refuses a login whose ID token names no such method', async () => {
    const strict = await createTestApp({ env: { ...idp.env, OIDC_REQUIRED_AMR: 'mfa' } })
    try {
      const staff = await createStaffAccount(strict.db, strict.cipher)
      const start = await strict.app.inject({ method: 'GET', url: '/api/sso/start' })
      const ssoCookie = rememberSecret(start.cookies.find((c) => c.name === SSO_COOKIE)!.value)
      const back = await logInAtIdentityProvider(String(start.headers.location), knownAtIdp(staff.email))
      const res = await strict.app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, cookies: { [SSO_COOKIE]: ssoCookie } })
      expect(res.headers.location).toBe(FAILED)
      expect(strict.logs.some((line) => line.includes('amr names none of the required methods'))).toBe(true)
    } finally {
      await strict.close()
    }
  })
})

describe('the OIDC configuration', () => {
  it('is all or none: an issuer without its client is refused at start', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example.org' })).toThrow(ConfigError)
    expect(() => loadConfig({ OIDC_CLIENT_ID: 'portaal', OIDC_CLIENT_SECRET: 'geheim' })).toThrow(ConfigError)
    expect(loadConfig({}).oidc).toBeUndefined()
    const env = { OIDC_ISSUER: 'https://idp.example.org/tenant', OIDC_CLIENT_ID: 'portaal', OIDC_CLIENT_SECRET: 'geheim', OIDC_REQUIRED_AMR: 'mfa, otp' }
    expect(loadConfig(env).oidc).toMatchObject({ clientId: 'portaal', claim: 'email', requiredAmr: ['mfa', 'otp'], acrValues: [] })
  })

  it('wants https in production', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/portal', DATA_ENCRYPTION_KEY: `${'A'.repeat(43)}=`, PUBLIC_BASE_URL: 'https://portaal.example.org', SMTP_URL: 'smtps://smtp.example.org', MAIL_FROM: 'Portaal <p@example.org>', SMS_PROVIDER: 'cm', CM_PRODUCT_TOKEN: '00000000-0000-0000-0000-000000000000', SMS_SENDER: 'Zorg' }
    expect(() => loadConfig({ ...production, OIDC_ISSUER: 'http://idp.example.org', OIDC_CLIENT_ID: 'p', OIDC_CLIENT_SECRET: 's' })).toThrow(/OIDC_ISSUER: must use https/)
    expect(loadConfig({ ...production, OIDC_ISSUER: 'https://idp.example.org', OIDC_CLIENT_ID: 'p', OIDC_CLIENT_SECRET: 's' }).oidc).toBeDefined()
  })
})

describe('without OIDC configuration', () => {
  it('is off: GET /api/sso says so, start and callback are not found', async () => {
    const plain = await createTestApp()
    try {
      expect((await plain.app.inject({ method: 'GET', url: '/api/sso' })).json()).toEqual({ enabled: false })
      expect((await plain.app.inject({ method: 'GET', url: '/api/sso/start' })).statusCode).toBe(404)
      expect((await plain.app.inject({ method: 'GET', url: '/api/sso/callback?code=x&state=y' })).statusCode).toBe(404)
    } finally {
      await plain.close()
    }
  })
})

import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../config.ts'
import { readOutbox } from '../../platform/outbox/outbox.test-support.ts'
import { EIDAS, logInAtIdentityProvider, startTestIdentityProvider, type TestIdentityProvider } from '../../test/identity-provider.ts'
import { rememberSecret } from '../../test/log-capture.ts'
import { createAccount } from '../../test/factories.ts'
import { logIn } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { SESSION_COOKIE } from '../authentication/session.service.ts'
import { DIGID_COOKIE, DIGID_PAGES } from './digid.routes.ts'

let idp: TestIdentityProvider
let t: TestApp

beforeAll(async () => {
  idp = await startTestIdentityProvider({ kind: 'digid' })
  t = await createTestApp({ env: idp.env })
})

afterAll(async () => {
  await t?.close()
  await idp?.close()
})

/** Test BSNs from the range the RvIG keeps for tests (999990000–999999999), each passing the 11-proef. */
let nextBsn = 0
function testBsn(): string {
  for (;;) {
    const candidate = String(999990000 + nextBsn++ * 7)
    const sum = [...candidate].reduce((total, digit, i) => total + Number(digit) * (i === 8 ? -1 : 9 - i), 0)
    if (sum % 11 === 0) return candidate
  }
}

/** A person DigiD knows, by BSN and the level of this login; returns the provider's subject. */
function knownAtDigid(bsn: string, acr: string = EIDAS.substantial): string {
  const subject = `digid-${idp.users.size + 1}`
  idp.users.set(subject, { bsn, acr })
  return subject
}

async function portalAccountWithBsn(bsn: string) {
  const account = await createAccount(t.db)
  await t.db.updateTable('account').set({ bsn_encrypted: t.cipher.encrypt(bsn), bsn_lookup: t.cipher.lookupHash(bsn) }).where('id', '=', account.id).execute()
  return account
}

async function start(url = '/api/digid/start', headers: Record<string, string> = {}): Promise<{ cookie: string; location: string }> {
  const res = url === '/api/digid/start' ? await t.app.inject({ method: 'GET', url, headers }) : await t.app.inject({ method: 'POST', url, headers, payload: {} })
  expect(res.statusCode, res.body).toBeLessThan(400)
  const cookie = res.cookies.find((c) => c.name === DIGID_COOKIE)?.value
  if (!cookie) throw new Error('no DigiD cookie')
  const location = url === '/api/digid/start' ? String(res.headers.location) : res.json<{ url: string }>().url
  return { cookie: rememberSecret(cookie), location }
}

function callback(url: URL, digidCookie?: string, extraCookies: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}`, cookies: { ...(digidCookie ? { [DIGID_COOKIE]: digidCookie } : {}), ...extraCookies } })
}

function lastRefusal(): string {
  const line = t.logs.filter((l) => l.includes('DigiD refused')).at(-1)
  return line ? String((JSON.parse(line) as { reason?: string }).reason) : ''
}

async function digidRows(accountId: string | null) {
  return t.db
    .selectFrom('access_log')
    .select(['action', 'outcome', 'actor_id', 'auth_method', 'assurance'])
    .where('data_kind', '=', 'digid')
    .where('actor_id', accountId === null ? 'is' : '=', accountId)
    .orderBy('occurred_at')
    .execute()
}

describe('Inloggen met DigiD', () => {
  it('says it is on, and sends the browser to the broker with code flow, PKCE, state, nonce and the eIDAS level', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/digid' })).json()).toEqual({ enabled: true })
    const { location } = await start()
    const url = new URL(location)
    expect(url.origin).toBe(idp.issuer)
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost:3000/api/digid/callback')
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('acr_values')).toBe(`${EIDAS.substantial} ${EIDAS.high}`)
    for (const parameter of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(parameter)).toBeTruthy()
  })

  it('logs in the account whose own BSN DigiD names: a session at level substantial, a way in in the access log', async () => {
    const bsn = testBsn()
    const account = await portalAccountWithBsn(bsn)
    const { cookie, location } = await start()
    const res = await callback(await logInAtIdentityProvider(location, knownAtDigid(bsn)), cookie)
    expect(res.headers.location, lastRefusal()).toBe(DIGID_PAGES.loggedIn)
    const token = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value
    expect(token).toBeTruthy()
    rememberSecret(token!)
    const session = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `${SESSION_COOKIE}=${token}` } })
    expect(session.statusCode, session.body).toBe(200)
    rememberSecret(session.json<{ csrfToken: string }>().csrfToken)
    expect(session.json()).toMatchObject({ account: { kind: 'portal', loginName: account.login_name } })
    const stored = await t.db.selectFrom('session').select(['second_factor', 'assurance']).where('account_id', '=', account.id).executeTakeFirstOrThrow()
    expect(stored).toEqual({ second_factor: 'digid', assurance: 'substantial' })
    expect(await digidRows(account.id)).toEqual([{ action: 'login', outcome: 'success', actor_id: account.id, auth_method: 'digid', assurance: 'substantial' }])
  })

  it('ends the weaker session the browser had when it logs in with DigiD (the step-up page)', async () => {
    const bsn = testBsn()
    const account = await portalAccountWithBsn(bsn)
    const sms = await logIn(t, { ...account, password: account.password, mobile_phone: account.mobile_phone })
    const { cookie, location } = await start()
    const res = await callback(await logInAtIdentityProvider(location, knownAtDigid(bsn)), cookie, { [SESSION_COOKIE]: sms.token })
    expect(res.headers.location, lastRefusal()).toBe(DIGID_PAGES.loggedIn)
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: sms.headers })).statusCode).toBe(401)
    const open = await t.db.selectFrom('session').select('second_factor').where('account_id', '=', account.id).where('ended_at', 'is', null).execute()
    expect(open).toEqual([{ second_factor: 'digid' }])
  })

  it('accepts level high, and refuses a lower level (logged, no session)', async () => {
    const bsn = testBsn()
    const account = await portalAccountWithBsn(bsn)
    const high = await start()
    expect((await callback(await logInAtIdentityProvider(high.location, knownAtDigid(bsn, EIDAS.high)), high.cookie)).headers.location).toBe(DIGID_PAGES.loggedIn)

    const low = await start()
    const res = await callback(await logInAtIdentityProvider(low.location, knownAtDigid(bsn, EIDAS.low)), low.cookie)
    expect(res.headers.location).toBe(DIGID_PAGES.failed)
    expect(lastRefusal()).toBe(`acr ${EIDAS.low} is not an accepted level`)
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined()
    const rows = await digidRows(null)
    expect(rows.at(-1)).toMatchObject({ action: 'login', outcome: 'failure' })
    expect((await digidRows(account.id)).map((row) => row.assurance)).toEqual(['high'])
  })

  it('sends an unknown BSN to the calm page, which names nothing, and creates no account', async () => {
    const before = await t.db.selectFrom('account').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    const { cookie, location } = await start()
    const res = await callback(await logInAtIdentityProvider(location, knownAtDigid(testBsn())), cookie)
    expect(res.headers.location).toBe(DIGID_PAGES.unknown)
    expect(res.headers.location).not.toMatch(/\d{9}/)
    expect(lastRefusal()).toBe('no active portal account holds this BSN')
    const after = await t.db.selectFrom('account').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })

  it('refuses a BSN recorded for two accounts, and logs it', async () => {
    const bsn = testBsn()
    await portalAccountWithBsn(bsn)
    await portalAccountWithBsn(bsn)
    const before = (await digidRows(null)).length
    const { cookie, location } = await start()
    const res = await callback(await logInAtIdentityProvider(location, knownAtDigid(bsn)), cookie)
    expect(res.headers.location).toBe(DIGID_PAGES.failed)
    expect(lastRefusal()).toBe('this BSN is recorded for several portal accounts')
    expect((await digidRows(null)).length).toBe(before + 1)
  })

  it('refuses a replayed callback (state used), one without the cookie, and a swapped state', async () => {
    const bsn = testBsn()
    await portalAccountWithBsn(bsn)
    const { cookie, location } = await start()
    const back = await logInAtIdentityProvider(location, knownAtDigid(bsn))
    expect((await callback(back)).headers.location).toBe(DIGID_PAGES.failed)
    expect(lastRefusal()).toBe('no login cookie')
    expect((await callback(back, cookie)).headers.location).toBe(DIGID_PAGES.loggedIn)
    const replay = await callback(back, cookie)
    expect(replay.headers.location).toBe(DIGID_PAGES.failed)
    expect(lastRefusal()).toBe('unknown, used or expired login state')

    const other = await start()
    const swapped = await logInAtIdentityProvider(other.location, knownAtDigid(bsn))
    swapped.searchParams.set('state', new URL(location).searchParams.get('state')!)
    expect((await callback(swapped, other.cookie)).headers.location).toBe(DIGID_PAGES.failed)
    expect(lastRefusal()).toMatch(/state/)
  })

  it('refuses an ID token whose nonce is not the one this login sent', async () => {
    const bsn = testBsn()
    await portalAccountWithBsn(bsn)
    const first = await start()
    const second = await start()
    // The second login's code (and ID token, with the second nonce) brought back with the first login's state and cookie.
    const back = await logInAtIdentityProvider(second.location, knownAtDigid(bsn))
    back.searchParams.set('state', new URL(first.location).searchParams.get('state')!)
    const res = await callback(back, first.cookie)
    expect(res.headers.location).toBe(DIGID_PAGES.failed)
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined()
  })
})

describe('DigiD koppelen and ontkoppelen (Mijn profiel)', () => {
  it('binds the DigiD of the logged-in person after a recent login, tells them by e-mail, and then logs them in with it', async () => {
    const account = await createAccount(t.db)
    const session = await logIn(t, account)
    expect((await t.app.inject({ method: 'GET', url: '/api/digid/binding', headers: session.headers })).json()).toEqual({ enabled: true, bound: false })
    const bsn = testBsn()
    const { cookie, location } = await start('/api/digid/binding', session.headers)
    const res = await callback(await logInAtIdentityProvider(location, knownAtDigid(bsn)), cookie, { [SESSION_COOKIE]: session.token })
    expect(res.headers.location, lastRefusal()).toBe(DIGID_PAGES.bound)
    expect((await t.app.inject({ method: 'GET', url: '/api/digid/binding', headers: session.headers })).json()).toEqual({ enabled: true, bound: true })
    const stored = await t.db.selectFrom('account').select(['bsn_encrypted', 'bsn_lookup']).where('id', '=', account.id).executeTakeFirstOrThrow()
    expect(stored.bsn_encrypted?.toString('utf8')).not.toContain(bsn)
    expect(t.cipher.decrypt(stored.bsn_encrypted!)).toBe(bsn)
    const mail = (await readOutbox(t.db, { channel: 'email', recipient: account.email })).at(-1)
    expect(mail?.subject).toBe('DigiD gekoppeld aan uw account')
    expect(mail?.body_text).not.toContain(bsn)

    const login = await start()
    expect((await callback(await logInAtIdentityProvider(login.location, knownAtDigid(bsn)), login.cookie)).headers.location).toBe(DIGID_PAGES.loggedIn)
  })

  it('needs a recent login to bind or unbind, and unbinding sends a notice', async () => {
    const bsn = testBsn()
    const account = await portalAccountWithBsn(bsn)
    const session = await logIn(t, account)
    t.setNow(new Date(Date.now() + 6 * 60_000))
    try {
      const bind = await t.app.inject({ method: 'POST', url: '/api/digid/binding', headers: session.headers, payload: {} })
      expect(bind.json()).toMatchObject({ error: { code: 'reauthentication_required' } })
      const unbind = await t.app.inject({ method: 'DELETE', url: '/api/digid/binding', headers: session.headers })
      expect(unbind.json()).toMatchObject({ error: { code: 'reauthentication_required' } })
    } finally {
      t.setNow(new Date())
    }
    const unbind = await t.app.inject({ method: 'DELETE', url: '/api/digid/binding', headers: session.headers })
    expect(unbind.statusCode, unbind.body).toBe(200)
    expect(unbind.json()).toEqual({ enabled: true, bound: false })
    const mail = (await readOutbox(t.db, { channel: 'email', recipient: account.email })).at(-1)
    expect(mail?.subject).toBe('DigiD ontkoppeld van uw account')
    const rows = await digidRows(account.id)
    expect(rows.at(-1)).toMatchObject({ action: 'delete', outcome: 'success', auth_method: 'sms', assurance: 'low' })
    const { cookie, location } = await start()
    expect((await callback(await logInAtIdentityProvider(location, knownAtDigid(bsn)), cookie)).headers.location).toBe(DIGID_PAGES.unknown)
  })

  it('refuses to bind a BSN another account already holds', async () => {
    const bsn = testBsn()
    await portalAccountWithBsn(bsn)
    const account = await createAccount(t.db)
    const session = await logIn(t, account)
    const { cookie, location } = await start('/api/digid/binding', session.headers)
    const res = await callback(await logInAtIdentityProvider(location, knownAtDigid(bsn)), cookie, { [SESSION_COOKIE]: session.token })
    expect(res.headers.location).toBe(DIGID_PAGES.bindFailed)
    expect(lastRefusal()).toBe('this BSN is already recorded for another portal account')
  })
})

describe('the DigiD configuration', () => {
  it('is all or none, with a secret or a private key (not both)', () => {
    expect(loadConfig({}).digid).toBeUndefined()
    expect(() => loadConfig({ DIGID_ISSUER: 'https://broker.example.org' })).toThrow(ConfigError)
    expect(() => loadConfig({ DIGID_ISSUER: 'https://broker.example.org', DIGID_CLIENT_ID: 'p', DIGID_CLIENT_SECRET: 's', DIGID_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----' })).toThrow(/not both/)
    expect(loadConfig({ DIGID_ISSUER: 'https://broker.example.org', DIGID_CLIENT_ID: 'p', DIGID_CLIENT_SECRET: 's' }).digid).toMatchObject({
      clientAuth: { method: 'client_secret_basic' },
      acrValues: [EIDAS.substantial, EIDAS.high],
      bsnClaim: 'bsn',
    })
    expect(loadConfig({ DIGID_ISSUER: 'https://broker.example.org', DIGID_CLIENT_ID: 'p', DIGID_CLIENT_SECRET: 's', DIGID_BSN_CLAIM: 'sub' }).digid?.bsnClaim).toBe('sub')
  })

  it('is off without configuration: no button, start and callback not found', async () => {
    const plain = await createTestApp()
    try {
      expect((await plain.app.inject({ method: 'GET', url: '/api/digid' })).json()).toEqual({ enabled: false })
      expect((await plain.app.inject({ method: 'GET', url: '/api/digid/start' })).statusCode).toBe(404)
      expect((await plain.app.inject({ method: 'GET', url: '/api/digid/callback?code=x&state=y' })).statusCode).toBe(404)
    } finally {
      await plain.close()
    }
  })
})

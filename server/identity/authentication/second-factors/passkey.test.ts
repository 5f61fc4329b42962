import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../../test/factories.ts'
import { type LoggedIn, logIn, postJson, sessionCookieOf } from '../../../test/login-helper.ts'
import { buildApp } from '../../../app.ts'
import { loadConfig } from '../../../config.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { SESSION_COOKIE } from '../session.service.ts'
import { type CeremonyOptions, createSoftwareAuthenticator, emailsTo, send } from './second-factors.test-support.ts'

const BASE = 'https://portaal.example.org'
let t: TestApp
let now = new Date('2026-11-27T09:00:00Z')
beforeAll(async () => {
  t = await createTestApp({ now, env: { PUBLIC_BASE_URL: BASE } })
})
afterAll(() => t.close())

const MINUTE = 60_000
function moveClock(ms: number): void {
  now = new Date(now.getTime() + ms)
  t.setNow(now)
}

function newAuthenticator() {
  return createSoftwareAuthenticator({ origin: BASE, rpId: 'portaal.example.org' })
}
type Authenticator = ReturnType<typeof newAuthenticator>

async function registrationOptions(me: LoggedIn): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const res = await send(t, me, 'POST', '/api/profile/passkeys/options', {})
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ options: PublicKeyCredentialCreationOptionsJSON }>().options
}

async function register(me: LoggedIn, authenticator: Authenticator, ceremony: CeremonyOptions = {}, name = 'Telefoon') {
  return send(t, me, 'POST', '/api/profile/passkeys', { name, credential: authenticator.register(await registrationOptions(me), ceremony) })
}

async function loginOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const res = await postJson(t, '/api/session/passkey/options', {})
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ options: PublicKeyCredentialRequestOptionsJSON }>().options
}

async function logInWith(authenticator: Authenticator, ceremony: CeremonyOptions = {}) {
  return postJson(t, '/api/session/passkey/verify', { credential: authenticator.authenticate(await loginOptions(), ceremony) })
}

async function accountWithPasskey() {
  const account = await createAccount(t.db)
  const me = await logIn(t, account)
  const authenticator = newAuthenticator()
  const res = await register(me, authenticator)
  expect(res.statusCode, res.body).toBe(200)
  return { account, me, authenticator }
}

async function loginLog(accountId: string) {
  return t.db.selectFrom('access_log').select(['outcome', 'data_kind']).where('actor_id', '=', accountId).where('action', '=', 'login').orderBy('occurred_at', 'desc').orderBy('id', 'desc').execute()
}

describe('adding a passkey', () => {
  it('needs a recent login; the options ask for a discoverable, user-verifying passkey for the portal’s own host', async () => {
    const account = await createAccount(t.db)
    const me = await logIn(t, account)
    const options = await registrationOptions(me)
    expect(options.rp.id).toBe('portaal.example.org')
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' })
    expect(options.user.name).toBe(account.login_name)
    // Stored for any app instance to check, as a hash only.
    const challenges = await t.db.selectFrom('webauthn_challenge').selectAll().where('account_id', '=', account.id).execute()
    expect(challenges).toHaveLength(1)
    expect(challenges[0]?.challenge_hash.toString('base64url')).not.toBe(options.challenge)

    moveClock(6 * MINUTE)
    const stale = await send(t, me, 'POST', '/api/profile/passkeys/options', {})
    expect(stale.statusCode).toBe(403)
    expect(stale.json().error.code).toBe('reauthentication_required')
  })

  it('registers a passkey: listed with its name, created and last used; the challenge is used up; an e-mail tells the person', async () => {
    const { account, me, authenticator } = await accountWithPasskey()
    const profile = await send(t, me, 'GET', '/api/profile')
    const [passkey] = profile.json().secondFactors.passkeys
    expect(passkey).toEqual({ id: expect.any(String), name: 'Telefoon', createdAt: now.toISOString(), lastUsedAt: null })
    expect((await send(t, me, 'GET', '/api/profile/passkeys')).json()).toEqual({ passkeys: [passkey] })
    const row = await t.db.selectFrom('passkey').selectAll().where('account_id', '=', account.id).executeTakeFirstOrThrow()
    expect(row.credential_id).toBe(authenticator.credentialId)
    expect(await t.db.selectFrom('webauthn_challenge').selectAll().where('account_id', '=', account.id).execute()).toHaveLength(0)
    const [email] = await emailsTo(t.db, account.email)
    expect(email?.subject).toBe('Passkey toegevoegd')
    expect(email?.body_text).toContain('Was u dit niet?')

    // The same authenticator cannot be registered twice: it is in excludeCredentials, and refused.
    const options = await registrationOptions(me)
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual([authenticator.credentialId])
    expect(options.user.id).toBe(row.user_handle)
    const twice = await send(t, me, 'POST', '/api/profile/passkeys', { name: 'Nog eens', credential: authenticator.register(options) })
    expect(twice.statusCode).toBe(400)
  })

  it('refuses an answer from another origin, without user verification, for a used challenge or for another account’s challenge', async () => {
    const me = await logIn(t, await createAccount(t.db))
    const authenticator = newAuthenticator()
    const options = await registrationOptions(me)
    const foreign = await send(t, me, 'POST', '/api/profile/passkeys', { name: 'X', credential: authenticator.register(options, { origin: 'https://evil.example' }) })
    expect(foreign.statusCode).toBe(400)
    expect(foreign.json().error.code).toBe('passkey_registration_failed')
    // The failed try used the challenge up.
    const reused = await send(t, me, 'POST', '/api/profile/passkeys', { name: 'X', credential: authenticator.register(options) })
    expect(reused.statusCode).toBe(400)

    expect((await register(me, authenticator, { userVerified: false })).statusCode).toBe(400)
    expect((await register(me, authenticator, { rpId: 'evil.example' })).statusCode).toBe(400)

    const other = await logIn(t, await createAccount(t.db))
    const othersOptions = await registrationOptions(other)
    const stolen = await send(t, me, 'POST', '/api/profile/passkeys', { name: 'X', credential: authenticator.register(othersOptions) })
    expect(stolen.statusCode).toBe(400)
    expect((await send(t, me, 'GET', '/api/profile')).json().secondFactors.passkeys).toEqual([])
  })
})

describe('logging in with a passkey', () => {
  it('starts a session without password or code, stores counter and last use, clears the failure count, logs the success', async () => {
    const { account, authenticator } = await accountWithPasskey()
    await t.db.updateTable('account').set({ failed_attempts: 3 }).where('id', '=', account.id).execute()
    moveClock(MINUTE)
    const options = await loginOptions()
    expect(options.rpId).toBe('portaal.example.org')
    expect(options.userVerification).toBe('required')
    expect(options.allowCredentials ?? []).toEqual([])

    const res = await postJson(t, '/api/session/passkey/verify', { credential: authenticator.authenticate(options) })
    expect(res.statusCode, res.body).toBe(200)
    const token = sessionCookieOf(res)
    expect(token).toBeDefined()
    const session = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `${SESSION_COOKIE}=${token}` } })
    expect(session.statusCode).toBe(200)
    expect(session.json().account.loginName).toBe(account.login_name)

    const stored = await t.db.selectFrom('session').select('second_factor').where('account_id', '=', account.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow()
    expect(stored.second_factor).toBe('passkey')
    const passkey = await t.db.selectFrom('passkey').selectAll().where('account_id', '=', account.id).executeTakeFirstOrThrow()
    expect(Number(passkey.counter)).toBe(authenticator.counter)
    expect(passkey.last_used_at).toEqual(now)
    const { failed_attempts } = await t.db.selectFrom('account').select('failed_attempts').where('id', '=', account.id).executeTakeFirstOrThrow()
    expect(failed_attempts).toBe(0)
    expect((await loginLog(account.id))[0]).toEqual({ outcome: 'success', data_kind: 'account' })
  })

  it('refuses with one answer a replayed assertion, no user verification, a forged signature, another origin or an expired challenge, and logs each failure', async () => {
    const { account, authenticator } = await accountWithPasskey()
    const options = await loginOptions()
    const credential = authenticator.authenticate(options)
    expect((await postJson(t, '/api/session/passkey/verify', { credential })).statusCode).toBe(200)
    const logBefore = (await loginLog(account.id)).length

    const refusals = [
      await postJson(t, '/api/session/passkey/verify', { credential }),
      await logInWith(authenticator, { userVerified: false }),
      await logInWith(authenticator, { forgeSignature: true }),
      await logInWith(authenticator, { origin: 'https://evil.example' }),
      await logInWith(authenticator, { rpId: 'evil.example' }),
    ]
    const late = await loginOptions()
    moveClock(6 * MINUTE)
    refusals.push(await postJson(t, '/api/session/passkey/verify', { credential: authenticator.authenticate(late) }))

    for (const res of refusals) {
      expect(res.statusCode).toBe(401)
      expect(res.json().error.code).toBe('passkey_not_accepted')
      expect(res.body).toBe(refusals[0]?.body)
      expect(sessionCookieOf(res)).toBeUndefined()
    }
    const log = await loginLog(account.id)
    expect(log.length - logBefore).toBe(refusals.length)
    expect(log.slice(0, refusals.length).every((row) => row.outcome === 'failure')).toBe(true)
    // No lockout from passkey failures: a signature cannot be guessed (see passkey-login.service.ts).
    expect((await logInWith(authenticator)).statusCode).toBe(200)
  })

  it('works across app instances: the challenge of one is checked by another, through the database', async () => {
    const { authenticator } = await accountWithPasskey()
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: './web/dist', PUBLIC_BASE_URL: BASE })
    const other = await buildApp({ config, db: t.db, clock: () => new Date(now), cipher: t.cipher })
    try {
      const options = await loginOptions()
      const res = await other.inject({
        method: 'POST',
        url: '/api/session/passkey/verify',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ credential: authenticator.authenticate(options) }),
      })
      expect(res.statusCode, res.body).toBe(200)
    } finally {
      await other.close()
    }
  })

  it('refuses an unknown passkey the same way', async () => {
    const stranger = newAuthenticator()
    stranger.register(await registrationOptions(await logIn(t, await createAccount(t.db))))
    const res = await logInWith(stranger)
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('passkey_not_accepted')
  })

  it('does not let a blocked, ended or throttled account in', async () => {
    for (const change of [{ blocked_at: now }, { ended_at: now }, { throttled_until: new Date(now.getTime() + 10 * MINUTE) }]) {
      const { account, authenticator } = await accountWithPasskey()
      await t.db.updateTable('account').set(change).where('id', '=', account.id).execute()
      const res = await logInWith(authenticator)
      expect(res.statusCode).toBe(401)
      expect(res.json().error.code).toBe('passkey_not_accepted')
    }
  })

  it('a removed passkey logs in no more; removing needs a recent login and sends an e-mail', async () => {
    const { account, me, authenticator } = await accountWithPasskey()
    const [passkey] = (await send(t, me, 'GET', '/api/profile/passkeys')).json<{ passkeys: { id: string }[] }>().passkeys
    const url = `/api/profile/passkeys/${passkey?.id}`
    moveClock(6 * MINUTE)
    const stale = await t.app.inject({ method: 'DELETE', url, headers: me.headers })
    expect(stale.statusCode).toBe(403)
    expect(stale.json().error.code).toBe('reauthentication_required')
    expect((await send(t, me, 'POST', '/api/session/reauthenticate', { password: account.password })).statusCode).toBe(200)
    const removed = await t.app.inject({ method: 'DELETE', url, headers: me.headers })
    expect(removed.statusCode, removed.body).toBe(200)
    expect(removed.json().secondFactors.passkeys).toEqual([])
    expect((await emailsTo(t.db, account.email))[0]?.subject).toBe('Passkey verwijderd')
    expect((await logInWith(authenticator)).statusCode).toBe(401)
    expect((await t.app.inject({ method: 'DELETE', url, headers: me.headers })).statusCode).toBe(404)
  })

  it('only removes the person’s own passkeys: another account’s id answers 404', async () => {
    const owner = await accountWithPasskey()
    const [passkey] = (await send(t, owner.me, 'GET', '/api/profile/passkeys')).json<{ passkeys: { id: string }[] }>().passkeys
    const intruder = await logIn(t, await createAccount(t.db))
    const res = await t.app.inject({ method: 'DELETE', url: `/api/profile/passkeys/${passkey?.id}`, headers: intruder.headers })
    expect(res.statusCode).toBe(404)
    expect((await logInWith(owner.authenticator)).statusCode).toBe(200)
  })
})

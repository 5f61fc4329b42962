import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn, postJson, sessionCookieOf } from '../../test/login-helper.ts'
import { createStaffAccount } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { SESSION_COOKIE } from '../authentication/session.service.ts'
import { createSoftwareAuthenticator, enrolTotp, send, totpCode } from '../authentication/second-factors/second-factors.test-support.ts'

/**
 * The way in for a new staff member (issue 5, item 1): the first login by SMS only opens
 * "Mijn profiel"; after enrolling an app, a new login with the app (or a passkey) opens the
 * workspace, and SMS is no longer offered.
 */

const BASE = 'https://portaal.example.org'
let now = new Date('2026-11-25T12:00:00Z')
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ now, env: { PUBLIC_BASE_URL: BASE } })
  await createOrganisation(t.db)
})
afterAll(() => t.close())

function moveClock(ms: number): void {
  now = new Date(now.getTime() + ms)
  t.setNow(now)
}

async function sessionFrom(res: LightMyRequestResponse): Promise<LoggedIn> {
  expect(res.statusCode, res.body).toBe(200)
  const token = sessionCookieOf(res) ?? ''
  const cookie = `${SESSION_COOKIE}=${token}`
  const csrfToken = (await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).json().csrfToken
  return { token, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } }
}

describe('a new administrator enrols a strong factor', () => {
  it('SMS session → enrol the app → log in with the app → the workspace opens; then a passkey works too', async () => {
    const staff = await createStaffAccount(t.db, t.cipher, { administrator: true, totp: false })
    const smsSession = await logIn(t, staff)
    expect((await send(t, smsSession, 'GET', '/api/admin/accounts')).json().error.code).toBe('second_factor_setup_required')
    const { secretGroups } = await enrolTotp(t, smsSession, now)
    // The session that was started with SMS stays limited, even after enrolling.
    expect((await send(t, smsSession, 'GET', '/api/admin/accounts')).statusCode).toBe(403)

    moveClock(60_000)
    const step = await postJson(t, '/api/session', { loginName: staff.login_name, password: staff.password })
    expect(step.json().methods).toEqual(['totp', 'recovery_code'])
    const appSession = await sessionFrom(await postJson(t, '/api/session/verify', { attemptToken: step.json().attemptToken, method: 'totp', code: totpCode(secretGroups, now) }))
    expect((await send(t, appSession, 'GET', '/api/admin/accounts')).statusCode).toBe(200)

    const authenticator = createSoftwareAuthenticator({ origin: BASE, rpId: 'portaal.example.org' })
    const options = (await send(t, appSession, 'POST', '/api/profile/passkeys/options', {})).json<{ options: PublicKeyCredentialCreationOptionsJSON }>().options
    const registered = await send(t, appSession, 'POST', '/api/profile/passkeys', { name: 'Werklaptop', credential: authenticator.register(options) })
    expect(registered.statusCode, registered.body).toBe(200)
    const loginOptions = (await postJson(t, '/api/session/passkey/options', {})).json<{ options: PublicKeyCredentialRequestOptionsJSON }>().options
    const passkeySession = await sessionFrom(await postJson(t, '/api/session/passkey/verify', { credential: authenticator.authenticate(loginOptions) }))
    expect((await send(t, passkeySession, 'GET', '/api/admin/accounts')).statusCode).toBe(200)
  })

  it('a caregiver with an app still gets 403 on administrator routes', async () => {
    const staff = await createStaffAccount(t.db, t.cipher, { caregiver: true, totp: false })
    const smsSession = await logIn(t, staff)
    const { secretGroups } = await enrolTotp(t, smsSession, now)
    moveClock(60_000)
    const step = await postJson(t, '/api/session', { loginName: staff.login_name, password: staff.password })
    const session = await sessionFrom(await postJson(t, '/api/session/verify', { attemptToken: step.json().attemptToken, method: 'totp', code: totpCode(secretGroups, now) }))
    const res = await send(t, session, 'GET', '/api/admin/accounts')
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('forbidden')
  })
})

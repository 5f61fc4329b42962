import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../test/factories.ts'
import { rememberSecret } from '../../test/log-capture.ts'
import { latestSmsCode, logIn, passwordStep, postJson, sessionCookieOf, smsCodeFor } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

let t: TestApp
let now = new Date('2026-11-27T09:00:00Z')
beforeAll(async () => {
  t = await createTestApp({ now })
})
afterAll(() => t.close())

function moveClock(ms: number): void {
  now = new Date(now.getTime() + ms)
  t.setNow(now)
}

const WRONG_PASSWORD = rememberSecret('dit is zeker niet het wachtwoord')

/** The same six digits with the last one changed: certainly wrong. */
function wrongCode(secret: string): string {
  return secret.slice(0, 5) + String((Number(secret[5]) + 1) % 10)
}

function verify(attemptToken: string, code: string) {
  return postJson(t, '/api/session/verify', { attemptToken, method: 'sms', code })
}

function failedAttempts(accountId: string) {
  return t.db.selectFrom('account').select('failed_attempts').where('id', '=', accountId).executeTakeFirstOrThrow()
}

describe('lockout without an oracle (property 3)', () => {
  it('after 10 failures the right password fails with exactly the answer of a wrong one', async () => {
    const account = await createAccount(t.db)
    const answers = []
    for (let i = 0; i < 10; i++) answers.push(await postJson(t, '/api/session', { loginName: account.login_name, password: WRONG_PASSWORD }))
    const right = await postJson(t, '/api/session', { loginName: account.login_name, password: account.password })
    for (const res of [...answers, right]) {
      expect(res.statusCode).toBe(401)
      expect(res.body).toBe(answers[0]?.body)
    }
    expect(right.json().error.code).toBe('invalid_credentials')
    expect(right.headers['set-cookie']).toBeUndefined()
  })

  it('lets the person in again once the delay has passed, and a complete login clears the count', async () => {
    const account = await createAccount(t.db)
    for (let i = 0; i < 10; i++) await postJson(t, '/api/session', { loginName: account.login_name, password: WRONG_PASSWORD })
    expect((await postJson(t, '/api/session', { loginName: account.login_name, password: account.password })).statusCode).toBe(401)
    moveClock(61 * 60_000)
    await logIn(t, account)
    expect((await failedAttempts(account.id)).failed_attempts).toBe(0)
  })
})

describe('accounts that may not log in', () => {
  it('a blocked or ended account with the right password gets the answer of a wrong password', async () => {
    const wrong = await postJson(t, '/api/session', { loginName: (await createAccount(t.db)).login_name, password: WRONG_PASSWORD })
    for (const column of ['blocked_at', 'ended_at'] as const) {
      const account = await createAccount(t.db, { [column]: now })
      const res = await postJson(t, '/api/session', { loginName: account.login_name, password: account.password })
      expect(res.statusCode).toBe(401)
      expect(res.body).toBe(wrong.body)
    }
  })

  it('an account blocked between password and code does not get in with the right code', async () => {
    const account = await createAccount(t.db)
    const attemptToken = await passwordStep(t, account.login_name, account.password)
    const secret = await smsCodeFor(t, attemptToken, account.mobile_phone ?? '')
    await t.db.updateTable('account').set({ blocked_at: now }).where('id', '=', account.id).execute()
    const res = await verify(attemptToken, secret)
    expect(res.statusCode).toBe(401)
    expect(sessionCookieOf(res)).toBeUndefined()
  })
})

describe('second-factor failures count toward the same limit (property 4)', () => {
  it('counts missing and wrong codes, and a new SMS code does not reset the count', async () => {
    const account = await createAccount(t.db)
    const phone = account.mobile_phone ?? ''
    const attemptToken = await passwordStep(t, account.login_name, account.password) // 1: not yet completed
    const noCodeYet = await verify(attemptToken, '123456') // 2: no code was sent
    expect(noCodeYet.statusCode).toBe(401)
    expect(noCodeYet.json().error.code).toBe('invalid_code')

    let secret = await smsCodeFor(t, attemptToken, phone)
    for (let i = 0; i < 3; i++) expect((await verify(attemptToken, wrongCode(secret))).statusCode).toBe(401) // 3-5
    moveClock(31_000)
    secret = await smsCodeFor(t, attemptToken, phone)
    expect((await failedAttempts(account.id)).failed_attempts).toBe(5)
    for (let i = 0; i < 4; i++) expect((await verify(attemptToken, wrongCode(secret))).statusCode).toBe(401) // 6-9
    moveClock(31_000)
    secret = await smsCodeFor(t, attemptToken, phone)
    const wrong = await verify(attemptToken, wrongCode(secret)) // 10: throttled from here
    expect(wrong.statusCode).toBe(401)

    const right = await verify(attemptToken, secret)
    expect(right.statusCode).toBe(401)
    expect(right.body).toBe(wrong.body)
    expect(sessionCookieOf(right)).toBeUndefined()
    const password = await postJson(t, '/api/session', { loginName: account.login_name, password: account.password })
    expect(password.statusCode).toBe(401)
    expect(password.json().error.code).toBe('invalid_credentials')
  })
})

describe('the SMS code (property 5)', () => {
  it('fails after its 5 minutes', async () => {
    const account = await createAccount(t.db)
    const attemptToken = await passwordStep(t, account.login_name, account.password)
    const secret = await smsCodeFor(t, attemptToken, account.mobile_phone ?? '')
    moveClock(5 * 60_000)
    const res = await verify(attemptToken, secret)
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('invalid_code')
  })

  it('works a little before its 5 minutes are up, with or without its prefix', async () => {
    const account = await createAccount(t.db)
    const attemptToken = await passwordStep(t, account.login_name, account.password)
    const secret = await smsCodeFor(t, attemptToken, account.mobile_phone ?? '')
    const { prefix } = await latestSmsCode(t.db, account.mobile_phone ?? '')
    moveClock(5 * 60_000 - 1000)
    expect((await verify(attemptToken, `${prefix}-${secret}`)).statusCode).toBe(200)
  })

  it('fails on second use', async () => {
    const account = await createAccount(t.db)
    const attemptToken = await passwordStep(t, account.login_name, account.password)
    const secret = await smsCodeFor(t, attemptToken, account.mobile_phone ?? '')
    expect((await verify(attemptToken, secret)).statusCode).toBe(200)
    const again = await verify(attemptToken, secret)
    expect(again.statusCode).toBe(401)
    expect(sessionCookieOf(again)).toBeUndefined()
  })

  it('fails for another login attempt than the one it was sent for', async () => {
    const account = await createAccount(t.db)
    const phone = account.mobile_phone ?? ''
    const first = await passwordStep(t, account.login_name, account.password)
    const firstCode = await smsCodeFor(t, first, phone)
    const second = await passwordStep(t, account.login_name, account.password)
    const secondCode = await smsCodeFor(t, second, phone)
    const crossed = await verify(second, firstCode)
    expect(crossed.statusCode).toBe(401)
    expect(crossed.json().error.code).toBe('invalid_code')
    expect((await verify(second, secondCode)).statusCode).toBe(200)
  })

  it('is refused after its fifth wrong try, even when right', async () => {
    const account = await createAccount(t.db)
    const attemptToken = await passwordStep(t, account.login_name, account.password)
    const secret = await smsCodeFor(t, attemptToken, account.mobile_phone ?? '')
    for (let i = 0; i < 5; i++) await verify(attemptToken, wrongCode(secret))
    expect((await verify(attemptToken, secret)).statusCode).toBe(401)
  })
})

describe('an unknown account (property 7, login)', () => {
  it('gets the same status and body as a real one, in the same time, and no SMS is queued', async () => {
    const account = await createAccount(t.db)
    const outboxBefore = await t.db.selectFrom('outbox_message').select('id').execute()
    const known: number[] = []
    const unknown: number[] = []
    const bodies = new Set<string>()
    // Interleaved, so a slow moment of the machine hits both; each from its own address (rate limit).
    for (let i = 0; i < 15; i++) {
      for (const [loginName, times] of [[account.login_name, known], [`niemand.${i}`, unknown]] as const) {
        const started = performance.now()
        const res = await postJson(t, '/api/session', { loginName, password: WRONG_PASSWORD }, {}, { remoteAddress: `192.0.2.${i + 1}` })
        times.push(performance.now() - started)
        expect(res.statusCode).toBe(401)
        bodies.add(res.body)
      }
    }
    expect(bodies.size).toBe(1)
    const [medianKnown, medianUnknown] = [median(known), median(unknown)]
    expect(Math.abs(medianKnown - medianUnknown) / Math.max(medianKnown, medianUnknown)).toBeLessThan(0.1)
    expect(await t.db.selectFrom('outbox_message').select('id').execute()).toEqual(outboxBefore)
  })
})

describe('the access log', () => {
  it('gets a row for every login request: unknown name, wrong password, right password, wrong and right code', async () => {
    const account = await createAccount(t.db)
    const rows = () => t.db.selectFrom('access_log').select(['actor_type', 'actor_id', 'outcome', 'data_kind']).where('action', '=', 'login').orderBy('id').execute()
    const before = (await rows()).length
    await postJson(t, '/api/session', { loginName: 'onbekend.persoon', password: WRONG_PASSWORD })
    await postJson(t, '/api/session', { loginName: account.login_name, password: WRONG_PASSWORD })
    const attemptToken = await passwordStep(t, account.login_name, account.password)
    const secret = await smsCodeFor(t, attemptToken, account.mobile_phone ?? '')
    await verify(attemptToken, wrongCode(secret))
    await verify(attemptToken, secret)
    const added = (await rows()).slice(before)
    // The password step that passed is a 'password' row; the login itself an 'account' row.
    expect(added.map((r) => [r.actor_type, r.outcome, r.data_kind])).toEqual([
      ['anonymous', 'failure', 'account'],
      ['account', 'failure', 'account'],
      ['account', 'success', 'password'],
      ['account', 'failure', 'account'],
      ['account', 'success', 'account'],
    ])
    expect(added.slice(1).every((r) => r.actor_id === account.id)).toBe(true)
  })
})

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

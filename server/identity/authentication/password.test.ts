import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { rememberSecret } from '../../test/log-capture.ts'
import { logIn, postJson } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { sendPasswordLink } from './password.service.ts'
import { readOutbox } from '../../platform/outbox/outbox.test-support.ts'

const BASE_URL = 'https://portaal.zorg.example'
let t: TestApp
let now = new Date('2026-11-27T09:00:00Z')
beforeAll(async () => {
  t = await createTestApp({ now, env: { PUBLIC_BASE_URL: BASE_URL } })
})
afterAll(() => t.close())

function moveClock(ms: number): void {
  now = new Date(now.getTime() + ms)
  t.setNow(now)
}

const HOUR = 3600_000
const NEW_PASSWORD = rememberSecret('zeven blauwe fietsen staan stil bij de brug')
// 64 characters with spaces, all lower case: accepted without composition rules.
const PASSPHRASE_64 = rememberSecret('de oude molen draait langzaam in de wind bij het kanaal van zaandam'.slice(0, 64))

/** The token of the newest password link e-mailed to `email`, and the whole link. */
async function latestLink(email: string): Promise<{ url: string; token: string; text: string }> {
  const message = (await readOutbox(t.db, { channel: 'email', recipient: email })).at(-1)
  if (!message) throw new Error(`no e-mail to ${email}`)
  const match = /(https?:\/\/\S+\/wachtwoord-instellen#([\w-]{43}))/.exec(message.body_text)
  if (!match?.[1] || !match[2]) throw new Error('no password link in the e-mail')
  return { url: match[1], token: rememberSecret(match[2]), text: `${message.body_text}\n${message.body_html ?? ''}` }
}

function forgot(loginName: string, headers: Record<string, string> = {}, remoteAddress?: string) {
  return postJson(t, '/api/password/forgot', { loginName }, headers, { remoteAddress })
}

function setPassword(token: string, password: string) {
  return postJson(t, '/api/password/set', { token, password })
}

async function storedHash(accountId: string): Promise<string> {
  const row = await t.db.selectFrom('account').select('password_hash').where('id', '=', accountId).executeTakeFirstOrThrow()
  return row.password_hash ?? ''
}

/** Stored hashes are argon2id with at least m = 19456 KiB and t = 2 (property 2). */
function expectStrongHash(hash: string): void {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash)
  expect(match, hash.slice(0, 30)).not.toBeNull()
  expect(Number(match?.[1])).toBeGreaterThanOrEqual(19456)
  expect(Number(match?.[2])).toBeGreaterThanOrEqual(2)
}

describe('the password policy (property 1) and the stored hash (property 2)', () => {
  it('refuses a short, a common and a name-bearing password with a reason through a reset link; accepts a 64-character passphrase', async () => {
    const account = await createAccount(t.db)
    await forgot(account.login_name)
    const { token } = await latestLink(account.email)
    const refusals = [
      ['kort geheim', 'too_short'],
      ['password1234', 'too_common'],
      [`${account.login_name} fietst naar huis`, 'contains_name'],
    ] as const
    for (const [password, problem] of refusals) {
      const res = await setPassword(token, rememberSecret(password))
      expect(res.statusCode, password).toBe(400)
      expect(res.json().error.code).toBe('password_rejected')
      expect(res.json().error.passwordProblems).toContain(problem)
    }
    // A refused password does not use the link up.
    expect(PASSPHRASE_64).toHaveLength(64)
    expect((await setPassword(token, PASSPHRASE_64)).statusCode).toBe(200)
    expectStrongHash(await storedHash(account.id))
    await logIn(t, { ...account, password: PASSPHRASE_64 })
  })

  it('applies the same rules to "Wachtwoord wijzigen", which needs the current password', async () => {
    const account = await createAccount(t.db)
    const session = await logIn(t, account)
    const change = (currentPassword: string, newPassword: string) =>
      postJson(t, '/api/password/change', { currentPassword, newPassword }, session.headers)
    expect((await change(account.password, 'welkom123456')).json().error.passwordProblems).toEqual(['too_common'])
    expect((await change(account.password, 'Anna fietst elke ochtend naar de markt')).json().error.passwordProblems).toContain('contains_name')
    const wrongCurrent = await change(rememberSecret('niet mijn huidige wachtwoord'), NEW_PASSWORD)
    expect(wrongCurrent.statusCode).toBe(403)
    expect(wrongCurrent.json().error.code).toBe('wrong_current_password')
    const before = await storedHash(account.id)
    expect((await change(account.password, PASSPHRASE_64)).statusCode).toBe(200)
    const after = await storedHash(account.id)
    expect(after).not.toBe(before)
    expectStrongHash(after)
  })

  it('adds the composition rule only when the organisation switched it on', async () => {
    await createOrganisation(t.db, { password_require_composition: true })
    try {
      const account = await createAccount(t.db)
      await forgot(account.login_name)
      const { token } = await latestLink(account.email)
      const res = await setPassword(token, PASSPHRASE_64)
      expect(res.statusCode).toBe(400)
      expect(res.json().error.passwordProblems).toEqual(['needs_composition'])
      expect((await setPassword(token, rememberSecret('Zeven blauwe fietsen staan stil bij brug 7'))).statusCode).toBe(200)
    } finally {
      await t.db.deleteFrom('organisation').execute()
    }
  })
})

describe('"Wachtwoord vergeten?" for an unknown account (property 7)', () => {
  it('answers with the same status and body in the same time, and sends nothing', async () => {
    const account = await createAccount(t.db)
    const outboxBefore = (await t.db.selectFrom('outbox_message').select('id').execute()).length
    const known: number[] = []
    const unknown: number[] = []
    const answers = new Set<string>()
    for (let i = 0; i < 15; i++) {
      for (const [loginName, times] of [[account.login_name, known], [`niemand.${i}`, unknown]] as const) {
        const started = performance.now()
        const res = await forgot(loginName, {}, `198.51.100.${i + 1}`)
        times.push(performance.now() - started)
        answers.add(`${res.statusCode} ${res.body}`)
      }
    }
    expect([...answers]).toEqual(['202 {"status":"accepted"}'])
    const [medianKnown, medianUnknown] = [median(known), median(unknown)]
    expect(Math.abs(medianKnown - medianUnknown) / Math.max(medianKnown, medianUnknown)).toBeLessThan(0.1)
    const queued = await t.db.selectFrom('outbox_message').select(['recipient', 'channel']).orderBy('id').execute()
    const added = queued.slice(outboxBefore)
    // At most three links an hour per account; none for the unknown names.
    expect(added.length).toBe(3)
    expect(added.every((m) => m.channel === 'email' && m.recipient === account.email)).toBe(true)
  })
})

describe('"Wachtwoord vergeten?" with the username or the e-mail address', () => {
  it('sends one e-mail per account with that address, each naming its username; the same answer as for an unknown address', async () => {
    const email = 'gedeeld.adres@example.org'
    const daughter = await createAccount(t.db, { email })
    const mother = await createAccount(t.db, { email: 'Gedeeld.Adres@example.org' })
    const blocked = await createAccount(t.db, { email, blocked_at: new Date() })
    const before = await readOutbox(t.db, { channel: 'email' })
    const known = await forgot(email, {}, '198.51.100.200')
    const unknown = await forgot('niemand@example.org', {}, '198.51.100.201')
    expect(`${known.statusCode} ${known.body}`).toBe(`${unknown.statusCode} ${unknown.body}`)
    const sent = (await readOutbox(t.db, { channel: 'email' })).slice(before.length)
    expect(sent.map((m) => m.recipient).sort()).toEqual([daughter.email, mother.email].sort())
    for (const account of [daughter, mother]) {
      const mail = sent.find((m) => m.recipient === account.email)
      expect(mail?.body_text).toContain(`voor de gebruikersnaam ${account.login_name}.`)
    }
    expect(sent.some((m) => m.body_text.includes(blocked.login_name))).toBe(false)
  })

  it('the welcome e-mail names the username', async () => {
    const account = await createAccount(t.db, { password: null })
    await sendPasswordLink(t.db, { publicBaseUrl: new URL(BASE_URL) }, account, 'welcome', now)
    expect((await latestLink(account.email)).text).toContain(`Uw gebruikersnaam is: ${account.login_name}`)
  })
})

describe('reset and welcome links (property 8)', () => {
  it('is built from PUBLIC_BASE_URL even with a forged Host header, works once and never logs in', async () => {
    const account = await createAccount(t.db)
    await forgot(account.login_name, { host: 'evil.example', 'x-forwarded-host': 'evil.example' })
    const link = await latestLink(account.email)
    expect(link.url.startsWith(`${BASE_URL}/wachtwoord-instellen#`)).toBe(true)
    expect(link.text).not.toContain('evil.example')

    const described = await postJson(t, '/api/password/token', { token: link.token })
    expect(described.statusCode).toBe(200)
    expect(described.json()).toEqual({ loginName: account.login_name, displayName: account.display_name, purpose: 'reset' })
    expect(described.headers['referrer-policy']).toBe('no-referrer')

    const first = await setPassword(link.token, NEW_PASSWORD)
    expect(first.statusCode).toBe(200)
    expect(first.headers['set-cookie']).toBeUndefined()
    expect(await t.db.selectFrom('session').select('token_hash').where('account_id', '=', account.id).execute()).toEqual([])

    const second = await setPassword(link.token, rememberSecret('nog een ander goed wachtwoord voor later'))
    expect(second.statusCode).toBe(410)
    expect(second.json().error.code).toBe('token_invalid')
    expect((await postJson(t, '/api/password/token', { token: link.token })).statusCode).toBe(410)
    await logIn(t, { ...account, password: NEW_PASSWORD })
  })

  it('expires after 72 hours', async () => {
    const account = await createAccount(t.db)
    await forgot(account.login_name)
    const { token } = await latestLink(account.email)
    moveClock(72 * HOUR - 60_000)
    expect((await postJson(t, '/api/password/token', { token })).statusCode).toBe(200)
    moveClock(60_000)
    const res = await setPassword(token, NEW_PASSWORD)
    expect(res.statusCode).toBe(410)
    expect(res.json().error.code).toBe('token_invalid')
  })

  it('stops working when a newer link is sent', async () => {
    const account = await createAccount(t.db)
    await forgot(account.login_name)
    const older = await latestLink(account.email)
    await forgot(account.login_name)
    const newer = await latestLink(account.email)
    expect((await setPassword(older.token, NEW_PASSWORD)).statusCode).toBe(410)
    expect((await setPassword(newer.token, NEW_PASSWORD)).statusCode).toBe(200)
  })

  it('welcome link: from the base URL, once, expiring, without logging in; the account can log in afterwards', async () => {
    const account = await createAccount(t.db, { password: null })
    await sendPasswordLink(t.db, { publicBaseUrl: new URL(BASE_URL) }, account, 'welcome', now)
    const link = await latestLink(account.email)
    expect(link.url.startsWith(`${BASE_URL}/wachtwoord-instellen#`)).toBe(true)
    expect((await postJson(t, '/api/password/token', { token: link.token })).json().purpose).toBe('welcome')
    const res = await setPassword(link.token, NEW_PASSWORD)
    expect(res.statusCode).toBe(200)
    expect(res.headers['set-cookie']).toBeUndefined()
    expect((await setPassword(link.token, NEW_PASSWORD)).statusCode).toBe(410)
    await logIn(t, { ...account, password: NEW_PASSWORD })

    const late = await createAccount(t.db, { password: null })
    await sendPasswordLink(t.db, { publicBaseUrl: new URL(BASE_URL) }, late, 'welcome', now)
    const lateLink = await latestLink(late.email)
    moveClock(72 * HOUR)
    expect((await setPassword(lateLink.token, NEW_PASSWORD)).statusCode).toBe(410)
  })
})

describe('other sessions end (property 9)', () => {
  it('after a password reset, every session of the account gets 401', async () => {
    const account = await createAccount(t.db)
    const session = await logIn(t, account)
    await forgot(account.login_name)
    const { token } = await latestLink(account.email)
    expect((await setPassword(token, NEW_PASSWORD)).statusCode).toBe(200)
    const res = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.headers.cookie } })
    expect(res.statusCode).toBe(401)
  })

  it('after "Wachtwoord wijzigen", the other sessions get 401, this one stays, and an e-mail tells the person', async () => {
    const account = await createAccount(t.db)
    const here = await logIn(t, account)
    const elsewhere = await logIn(t, account)
    const res = await postJson(t, '/api/password/change', { currentPassword: account.password, newPassword: NEW_PASSWORD }, here.headers)
    expect(res.statusCode).toBe(200)
    const get = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })
    expect((await get(elsewhere.headers.cookie)).statusCode).toBe(401)
    expect((await get(here.headers.cookie)).statusCode).toBe(200)
    const mail = await t.db.selectFrom('outbox_message').select('subject').where('recipient', '=', account.email).orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(mail.subject).toBe('Uw wachtwoord is gewijzigd')
  })
})

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

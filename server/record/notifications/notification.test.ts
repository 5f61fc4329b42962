import { createECDH, createHmac, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCareAssignment, createLink, createStaffMember } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn, postJson } from '../../test/login-helper.ts'
import { logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { createClientOfTeam, createTeamWithCaregivers } from '../../test/workspace-factories.ts'
import { loadConfig } from '../../config.ts'
import { decodeQuotedPrintable, recordingTransports, startSmtpFake } from '../../platform/outbox/outbox.test-support.ts'
import { deliverDueMessages } from '../../platform/outbox/outbox.worker.ts'
import { loadVapidKeys } from '../../platform/outbox/push/vapid-keys.ts'
import { createWebPushTransport, PUSH_PAYLOAD } from '../../platform/outbox/push/web-push-transport.ts'
import { createSmtpEmailTransport } from '../../platform/outbox/transports/smtp-email.ts'
import { runDigest, runRecordReadNotices } from './notification-jobs.ts'

// Tuesday 8 December 2026, 10:00 in Amsterdam.
const start = new Date('2026-12-08T09:00:00Z')
const quiet = { debug() {}, info() {}, warn() {}, error() {} }
let t: TestApp
let smtp: Awaited<ReturnType<typeof startSmtpFake>>
let clientId: string
let daughter: LoggedIn & { email: string; id: string }
let son: LoggedIn & { email: string }
let caregiver: LoggedIn & { email: string }
let clock = start.getTime()
const tick = (ms = 60_000) => {
  clock += ms
  t.setNow(new Date(clock))
  return new Date(clock)
}
const config = loadConfig({ NODE_ENV: 'test' })
const pushTransport = () => createWebPushTransport({ vapid: () => loadVapidKeys(t.db, config, t.cipher), subject: 'mailto:beheer@example.org' })

/** Delivers the outbox as the worker does: e-mail through a real SMTP server, push to the local push service. */
async function deliver(at?: Date) {
  const email = createSmtpEmailTransport({ smtpUrl: smtp.url, from: 'Portaal <portaal@example.org>' })
  await deliverDueMessages(t.db, { clock: () => at ?? new Date(clock), transports: { email, sms: recordingTransports().transports.sms, push: pushTransport() }, log: quiet, batchSize: 100 })
  await email.close?.()
}
/** What reached the SMTP server for this address since `from` (an index into smtp.received). */
const mailTo = (address: string, from = 0) => smtp.received.slice(from).filter((mail) => mail.to.includes(address))
const subjectOf = (raw: string) => /^Subject: (.*)$/m.exec(raw)?.[1] ?? ''

beforeAll(async () => {
  t = await createTestApp({ now: start })
  smtp = await startSmtpFake()
  await createOrganisation(t.db)
  const { team, caregivers } = await createTeamWithCaregivers(t.db, t.cipher, 1)
  const client = await createClientOfTeam(t.db, team.id)
  clientId = client.id
  // The EVV-er has no e-mail address: a relative's message must still reach someone on staff.
  const evvAccount = await createAccount(t.db, { kind: 'staff', email: '' })
  const evv = await createStaffMember(t.db, { name: 'EVV zonder e-mail', account_id: evvAccount.id })
  await createCareAssignment(t.db, clientId, { staff_member_id: evv.id, role: 'evv', valid_from: '2026-01-01' })
  const daughterAccount = await createAccount(t.db, { display_name: 'Marieke Jordaan' })
  const sonAccount = await createAccount(t.db, { display_name: 'Joost Jordaan' })
  await createLink(t.db, daughterAccount.id, clientId, { relation: 'first_contact', activated_at: new Date('2026-06-01T00:00:00Z') })
  await createLink(t.db, sonAccount.id, clientId, { relation: 'second_contact', activated_at: new Date('2026-06-01T00:00:00Z') })
  daughter = { ...(await logIn(t, daughterAccount)), email: daughterAccount.email, id: daughterAccount.id }
  son = { ...(await logIn(t, sonAccount)), email: sonAccount.email }
  const staff = caregivers[0]!
  caregiver = { ...(await logInStaff(t, staff, start)), email: staff.email }
}, 180_000)
afterAll(async () => {
  await smtp.close()
  await t.close()
})

const settings = async (login: LoggedIn) => (await t.app.inject({ method: 'GET', url: '/api/profile/notifications', headers: login.headers })).json()
const choose = (login: LoggedIn, preferences: { kind: string; channel: string; mode: string }[]) =>
  t.app.inject({ method: 'PUT', url: '/api/profile/notifications', headers: login.headers, payload: { preferences } })
const staffWrites = (body: string) => postJson(t, `/api/workspace/clients/${clientId}/messages`, { body }, caregiver.headers)
const markRead = async (login: LoggedIn) => {
  const newest = (await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/messages`, headers: login.headers })).json().items[0].id
  expect((await postJson(t, `/api/clients/${clientId}/messages/read`, { upToMessageId: newest }, login.headers)).statusCode).toBe(200)
}

describe('Meldingen: preferences', () => {
  it('shows the defaults, stores a choice, and refuses what cannot be chosen without changing anything', async () => {
    const initial = await settings(daughter)
    const mode = (s: { preferences: { kind: string; channel: string; mode: string }[] }, kind: string, channel: string) => s.preferences.find((p) => p.kind === kind && p.channel === channel)?.mode
    expect([mode(initial, 'message', 'email'), mode(initial, 'report', 'email'), mode(initial, 'record_read', 'email'), mode(initial, 'message', 'sms')]).toEqual(['immediate', 'digest', 'off', 'off'])
    expect(initial.pushPublicKey).toMatch(/^[A-Za-z0-9_-]{87}$/)
    // Staff choose only for messages.
    expect((await settings(caregiver)).preferences.map((p: { kind: string }) => p.kind)).toEqual(['message', 'message', 'message'])

    expect((await choose(daughter, [{ kind: 'message', channel: 'sms', mode: 'digest' }])).statusCode).toBe(400)
    expect((await choose(caregiver, [{ kind: 'report', channel: 'email', mode: 'off' }])).statusCode).toBe(400)
    expect((await choose(son, [{ kind: 'message', channel: 'email', mode: 'loud' }])).statusCode).toBe(400)
    expect(await settings(daughter)).toEqual(initial)

    const changed = await choose(son, [{ kind: 'message', channel: 'email', mode: 'off' }])
    expect(changed.statusCode, changed.body).toBe(200)
    expect(mode(changed.json(), 'message', 'email')).toBe('off')
  })
})

describe('a relative writes: the care team is told', () => {
  it('reaches the team when the EVV-er has no e-mail address, and says nothing of the message', async () => {
    const from = smtp.received.length
    tick()
    expect((await postJson(t, `/api/clients/${clientId}/messages`, { body: 'Mama is gevallen, wilt u bellen?' }, daughter.headers)).statusCode).toBe(201)
    await deliver()
    const told = mailTo(caregiver.email, from)
    expect(told).toHaveLength(1)
    expect(decodeQuotedPrintable(told[0]!.raw)).not.toContain('gevallen')
    // The son switched message e-mails off: nothing for him.
    expect(mailTo(son.email, from)).toHaveLength(0)
  })
})

describe('until read', () => {
  it('sends one e-mail per conversation until the person has read it, counted at the SMTP server', async () => {
    const from = smtp.received.length
    for (const body of ['Eerste antwoord', 'Tweede antwoord', 'Derde antwoord']) {
      tick()
      expect((await staffWrites(body)).statusCode).toBe(201)
    }
    await deliver()
    expect(mailTo(daughter.email, from)).toHaveLength(1)
    await markRead(daughter)
    tick()
    expect((await staffWrites('Na het lezen')).statusCode).toBe(201)
    await deliver()
    expect(mailTo(daughter.email, from)).toHaveLength(2)
    expect(mailTo(son.email, from)).toHaveLength(0)
  })
})

describe('the daily digest', () => {
  it('gathers new reports into one e-mail a day with counts only, sent once however often the job runs', async () => {
    const from = smtp.received.length
    for (const text of ['Mevrouw at goed vandaag.', 'Mevrouw sliep onrustig.']) {
      tick()
      const written = await postJson(t, `/api/workspace/clients/${clientId}/reports`, { reportedAt: new Date(clock).toISOString(), carePlanGoal: '', text, visibleInPortal: true }, caregiver.headers)
      expect(written.statusCode, written.body).toBe(201)
    }
    await deliver()
    expect(mailTo(daughter.email, from)).toHaveLength(0)
    // Two instances at 07:00 the next morning: one runs it, the other finds it held or done.
    const seven = new Date('2026-12-09T06:00:00Z')
    const runs = await Promise.all([runDigest(t.db, seven, { portalUrl: 'http://localhost:3000/' }), runDigest(t.db, seven, { portalUrl: 'http://localhost:3000/' })])
    expect(runs.filter((r) => r !== null)).toEqual([2])
    expect(await runDigest(t.db, new Date(seven.getTime() + 3600_000), { portalUrl: 'http://localhost:3000/' })).toBeNull()
    await deliver(seven)
    const digest = mailTo(daughter.email, from)
    expect(digest).toHaveLength(1)
    const text = decodeQuotedPrintable(digest[0]!.raw)
    expect(text).toContain('2 nieuwe rapportages')
    expect(text).not.toContain('Mevrouw')
    expect(mailTo(son.email, from)).toHaveLength(1)
  })
})

describe('someone read my record (opt-in)', () => {
  it('tells the person who chose it after a caregiver opened the reports, not the others, and not for their own reads', async () => {
    expect((await choose(daughter, [{ kind: 'record_read', channel: 'email', mode: 'immediate' }])).statusCode).toBe(200)
    const from = smtp.received.length
    // The job runs every five minutes on its own clock; the reads happen in between. First it
    // moves its cursor past everything logged so far.
    const at = (minutes: number) => new Date(clock + minutes * 60_000)
    const job = (minutes: number) => runRecordReadNotices(t.db, at(minutes), { portalUrl: 'http://localhost:3000/' })
    const base = clock
    expect(await job(1)).toBe(0)
    // Her own read is no news.
    tick(2_000)
    expect((await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/reports`, headers: daughter.headers })).statusCode).toBe(200)
    clock = base
    expect(await job(7)).toBe(0)
    expect(await job(8)).toBeNull()
    tick(4_000)
    expect((await t.app.inject({ method: 'GET', url: `/api/workspace/clients/${clientId}/reports`, headers: caregiver.headers })).statusCode).toBe(200)
    clock = base
    expect(await job(13)).toBe(1)
    clock = base + 5_000
    t.setNow(new Date(clock))
    await deliver(at(14))
    const notice = mailTo(daughter.email, from)
    expect(notice.map((mail) => subjectOf(mail.raw))).toEqual(['Iemand heeft het dossier bekeken'])
    expect(mailTo(son.email, from)).toHaveLength(0)
  })
})

describe('web push', () => {
  it('delivers an encrypted notice with VAPID to the browser’s push service, and its plaintext holds no content', async () => {
    const received: { headers: Record<string, string | string[] | undefined>; body: Buffer }[] = []
    const pushService = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks) })
        res.writeHead(received.length === 1 ? 201 : 410).end()
      })
    })
    await new Promise<void>((resolve) => pushService.listen(0, '127.0.0.1', resolve))
    try {
      // The browser's side: a P-256 key pair and an auth secret (RFC 8291).
      const browser = createECDH('prime256v1')
      browser.generateKeys()
      const auth = randomBytes(16)
      const endpoint = `http://127.0.0.1:${(pushService.address() as AddressInfo).port}/push/abc`
      const subscribed = await postJson(t, '/api/profile/notifications/push-subscriptions', { endpoint, keys: { p256dh: browser.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } }, daughter.headers)
      expect(subscribed.statusCode, subscribed.body).toBe(200)
      expect(subscribed.json().reachable.push).toBe(true)

      tick()
      const made = await postJson(t, `/api/workspace/clients/${clientId}/appointments`, { date: '2026-12-20', startTime: '10:00', endTime: '11:00', title: 'Tandarts Jansen', location: 'Praktijk', withWhom: 'Dr. Jansen' }, caregiver.headers)
      expect(made.statusCode, made.body).toBe(201)
      await deliver()
      expect(received).toHaveLength(1)
      const push = received[0]!
      expect(push.headers['content-encoding']).toBe('aes128gcm')
      const { publicKey } = await loadVapidKeys(t.db, config, t.cipher)
      expect(String(push.headers.authorization)).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${publicKey}$`))
      const plaintext = decryptAes128gcm(push.body, browser, auth)
      expect(plaintext).toBe(PUSH_PAYLOAD)
      expect(plaintext).not.toMatch(/Tandarts|Jansen|Jordaan|afspraak/i)

      // The push service says the subscription is gone: it is forgotten.
      tick()
      await postJson(t, `/api/workspace/clients/${clientId}/appointments`, { date: '2026-12-21', startTime: '10:00', endTime: '11:00', title: 'Kapper', location: '', withWhom: '' }, caregiver.headers)
      await deliver()
      expect(received).toHaveLength(2)
      expect((await settings(daughter)).reachable.push).toBe(false)
    } finally {
      await new Promise<void>((resolve) => pushService.close(() => resolve()))
    }
  })
})

/** RFC 8291 (with RFC 8188 aes128gcm) decryption on the browser's side, with node:crypto only. */
function decryptAes128gcm(body: Buffer, browser: ReturnType<typeof createECDH>, auth: Buffer): string {
  const salt = body.subarray(0, 16)
  const idLength = body[20]!
  const serverPublic = body.subarray(21, 21 + idLength)
  const ciphertext = body.subarray(21 + idLength)
  const shared = browser.computeSecret(serverPublic)
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), browser.getPublicKey(), serverPublic])
  const ikm = Buffer.from(hkdfSync('sha256', shared, auth, keyInfo, 32))
  const prk = createHmac('sha256', salt).update(ikm).digest()
  const expand = (info: string, length: number) => createHmac('sha256', prk).update(Buffer.concat([Buffer.from(info), Buffer.from([1])])).digest().subarray(0, length)
  const key = expand('Content-Encoding: aes128gcm\0', 16)
  const nonce = expand('Content-Encoding: nonce\0', 12)
  const decipher = createDecipheriv('aes-128-gcm', key, nonce)
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16))
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()])
  // The last record ends with the delimiter 0x02 and optional zero padding.
  const end = padded.lastIndexOf(2)
  return padded.subarray(0, end).toString('utf8')
}

import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createFieldCipher } from '../crypto/field-encryption.ts'
import { type Db, openDatabase } from '../db/database.ts'
import { createTestDatabase } from '../../test/test-database.ts'
import { withOutboxSecrets } from './outbox-secrets.ts'
import { claimNextDueMessage } from './outbox.repository.ts'
import { enqueueEmail, enqueueSms } from './outbox.service.ts'
import { captureLog, manualClock, recordingTransports, startHttpFake } from './outbox.test-support.ts'
import { deliverDueMessages, LEASE_MS, MAX_ATTEMPTS, RETRY_DELAYS_MS, startOutboxWorker } from './outbox.worker.ts'
import { createCmSmsTransport } from './transports/cm-sms.ts'
import { DeliveryError } from './transports/transport.ts'

const start = new Date('2026-11-25T12:00:00Z')
const SMS_TEXT = 'Uw inlogcode is 482913. Deel deze code met niemand.'
let database: Awaited<ReturnType<typeof createTestDatabase>>
let db: Db
const captured = captureLog()
const cipher = createFieldCipher(randomBytes(32))

beforeAll(async () => {
  database = await createTestDatabase()
  // Outside demo mode: a delivered or given-up body is erased.
  db = withOutboxSecrets(database.db, cipher, { keepDelivered: false })
})
afterAll(() => database.close())
beforeEach(async () => {
  await db.deleteFrom('outbox_message').execute()
})

const accepted = { status: 200, json: { details: 'Created 1 message(s)', errorCode: 0, messages: [{ status: 'Accepted', messageErrorCode: 0 }] } }

function cmTransports(baseUrl: string) {
  const { transports } = recordingTransports()
  return { ...transports, sms: createCmSmsTransport({ baseUrl, productToken: '00000000-0000-0000-0000-000000000000', sender: 'Zorggroep' }) }
}

async function row(id: string) {
  return db.selectFrom('outbox_message').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

describe('deliverDueMessages', () => {
  it('retries an SMS provider that fails three times with backoff, and delivers exactly once', async () => {
    const provider = await startHttpFake((_request, index) => (index < 3 ? { status: 500, json: { errorCode: 500 } } : accepted))
    try {
      const time = manualClock(start)
      const options = { clock: time.clock, transports: cmTransports(provider.url), log: captured.log, batchSize: 10 }
      const { id } = await enqueueSms(db, { to: '+31612345678', text: SMS_TEXT }, time.clock())

      expect(await deliverDueMessages(db, options)).toBe(1)
      expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'CM.com answered HTTP 500 (errorCode 500)' })
      expect((await row(id)).next_attempt_at).toEqual(new Date(start.getTime() + RETRY_DELAYS_MS[0]!))

      time.advance(5_000) // not yet due
      expect(await deliverDueMessages(db, options)).toBe(0)
      time.advance(5_000) // 10 s after the first attempt
      expect(await deliverDueMessages(db, options)).toBe(1)
      time.advance(RETRY_DELAYS_MS[1]!)
      expect(await deliverDueMessages(db, options)).toBe(1)
      expect(await row(id)).toMatchObject({ status: 'pending', attempts: 3 })
      time.advance(RETRY_DELAYS_MS[2]!)
      expect(await deliverDueMessages(db, options)).toBe(1)

      const sent = await row(id)
      expect(sent).toMatchObject({ status: 'sent', attempts: 4, last_error: null, claim_token: null, payload: null })
      expect(sent.sent_at).toEqual(time.clock())
      time.advance(24 * 3600_000)
      expect(await deliverDueMessages(db, options)).toBe(0)

      expect(provider.requests).toHaveLength(4)
      const bodies = provider.requests.map((r) => JSON.parse(r.body))
      expect(new Set(bodies.map((b) => b.messages.msg[0].reference))).toEqual(new Set([id]))
      expect(bodies[3].messages.msg[0]).toMatchObject({ to: [{ number: '0031612345678' }], body: { type: 'auto', content: SMS_TEXT }, from: 'Zorggroep' })
    } finally {
      await provider.close()
    }
  })

  it('gives a permanently failing message up after the maximum number of attempts', async () => {
    const provider = await startHttpFake(() => ({ status: 503 }))
    try {
      const time = manualClock(start)
      const options = { clock: time.clock, transports: cmTransports(provider.url), log: captured.log, batchSize: 10 }
      const { id } = await enqueueSms(db, { to: '+31612345678', text: SMS_TEXT }, time.clock())
      for (let i = 0; i < MAX_ATTEMPTS + 3; i++) {
        await deliverDueMessages(db, options)
        time.advance(24 * 3600_000)
      }
      expect(provider.requests).toHaveLength(MAX_ATTEMPTS)
      expect(await row(id)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, last_error: 'CM.com answered HTTP 503', sent_at: null, payload: null })
    } finally {
      await provider.close()
    }
  })

  it('gives up at once when the provider refuses the recipient for good', async () => {
    const provider = await startHttpFake(() => ({ status: 400, json: { errorCode: 201, messages: [{ status: 'Rejected', messageErrorCode: 303 }] } }))
    try {
      const time = manualClock(start)
      const { id } = await enqueueSms(db, { to: '+31612345678', text: SMS_TEXT }, time.clock())
      await deliverDueMessages(db, { clock: time.clock, transports: cmTransports(provider.url), log: captured.log, batchSize: 10 })
      expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'CM.com answered HTTP 400 (errorCode 201, messageErrorCode 303)', payload: null })
    } finally {
      await provider.close()
    }
  })

  it('delivers each message exactly once when two workers on separate connections run at the same time', async () => {
    // On PostgreSQL the second worker has its own pool; the embedded database has one connection.
    const opened = database.kind === 'postgres' ? await openDatabase(database.config) : { db, close: async () => {} }
    const second = { db: withOutboxSecrets(opened.db, cipher, { keepDelivered: false }), close: opened.close }
    try {
      const time = manualClock(start)
      const ids: string[] = []
      for (let i = 0; i < 30; i++) {
        const queued = i % 2
          ? await enqueueSms(db, { to: `+316123456${String(i).padStart(2, '0')}`, text: `code ${i}` }, time.clock())
          : await enqueueEmail(db, { to: `persoon${i}@example.org`, subject: `Onderwerp ${i}`, text: 'tekst', html: '<p>tekst</p>' }, time.clock())
        ids.push(queued.id)
      }
      const recorder = recordingTransports({ delayMs: 3 })
      const options = { clock: time.clock, transports: recorder.transports, log: captured.log, batchSize: 100 }
      const [a, b] = await Promise.all([deliverDueMessages(db, options), deliverDueMessages(second.db, options)])

      expect(a + b).toBe(30)
      // Both took part: the claims really raced.
      expect(a).toBeGreaterThan(0)
      expect(b).toBeGreaterThan(0)
      const delivered = [...recorder.emails.map((m) => m.id), ...recorder.sms.map((m) => m.id)].sort()
      expect(delivered).toEqual([...ids].sort())
      const statuses = await db.selectFrom('outbox_message').select(['status', 'attempts']).execute()
      expect(statuses.every((s) => s.status === 'sent' && s.attempts === 1)).toBe(true)
    } finally {
      await second.close()
    }
  })

  it('retries a message whose worker died after claiming it, once the lease has run out', async () => {
    const time = manualClock(start)
    const { id } = await enqueueSms(db, { to: '+31612345678', text: SMS_TEXT }, time.clock())
    // A worker claims the message and dies before reporting back.
    const lost = await claimNextDueMessage(db, {
      now: time.clock(),
      leaseUntil: new Date(time.clock().getTime() + LEASE_MS),
      claimToken: '11111111-1111-4111-8111-111111111111',
      channels: ['sms'],
      maxAttempts: MAX_ATTEMPTS,
    })
    expect(lost?.id).toBe(id)
    const recorder = recordingTransports()
    const options = { clock: time.clock, transports: recorder.transports, log: captured.log, batchSize: 10 }

    time.advance(LEASE_MS - 1_000)
    expect(await deliverDueMessages(db, options)).toBe(0)
    time.advance(1_000)
    expect(await deliverDueMessages(db, options)).toBe(1)
    expect(recorder.sms.map((m) => m.id)).toEqual([id])
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 })
  })

  it('stores a short reason for an unexpected error, without its message', async () => {
    const time = manualClock(start)
    const { id } = await enqueueEmail(db, { to: 'a@example.org', subject: 'Welkom', text: 'geheim-token-123', html: '<p>x</p>' }, time.clock())
    const { transports } = recordingTransports()
    transports.email = {
      name: 'broken',
      sendEmail: async () => {
        throw new TypeError('cannot read geheim-token-123')
      },
    }
    await deliverDueMessages(db, { clock: time.clock, transports, log: captured.log, batchSize: 10 })
    expect(await row(id)).toMatchObject({ status: 'pending', last_error: 'unexpected TypeError' })
    expect(new DeliveryError('x').permanent).toBe(false)
  })
})

describe('startOutboxWorker', () => {
  it('delivers what is queued while it runs, and stops', async () => {
    const recorder = recordingTransports()
    const worker = startOutboxWorker({ db, clock: () => new Date(), log: captured.log, transports: recorder.transports, pollIntervalMs: 20 })
    try {
      const { id } = await enqueueSms(db, { to: '+31612345678', text: SMS_TEXT }, new Date())
      await expect.poll(() => recorder.sms.map((m) => m.id), { timeout: 5_000 }).toEqual([id])
    } finally {
      await worker.stop()
    }
    expect((await row(recorder.sms[0]!.id)).status).toBe('sent')
  })
})

describe('the worker log', () => {
  it('never contains the SMS text or the e-mail body', () => {
    const log = captured.lines.join('')
    expect(captured.lines.length).toBeGreaterThan(5)
    expect(log).toMatch(/outbox: sent/)
    expect(log).not.toContain('482913')
    expect(log).not.toContain('geheim-token-123')
    expect(log).not.toContain('tekst')
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { enqueueSms } from './outbox.service.ts'
import { recordingTransports } from './outbox.test-support.ts'
import { deliverDueMessages } from './outbox.worker.ts'

let t: TestApp | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

const key = Buffer.alloc(32, 7).toString('base64')

describe('the development mailbox', () => {
  it('shows queued SMS in demo mode, without logging in, and is never cached', async () => {
    t = await createTestApp({ env: { NODE_ENV: 'development' } })
    await enqueueSms(t.db, { to: '+31612345678', text: 'Uw inlogcode is 1234-567890.' }, new Date())
    const res = await t.app.inject({ method: 'GET', url: '/api/dev/outbox' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.json().items).toMatchObject([{ channel: 'sms', to: '+31612345678', text: 'Uw inlogcode is 1234-567890.' }])
  })

  it('in demo mode still shows a message after delivery (kept encrypted), while the table holds no plain text', async () => {
    t = await createTestApp({ env: { NODE_ENV: 'development' } })
    await enqueueSms(t.db, { to: '+31612345678', text: 'Uw inlogcode is 1234-567890.' }, new Date())
    const log = { debug() {}, info() {}, warn() {}, error() {} }
    expect(await deliverDueMessages(t.db, { clock: () => new Date(), transports: recordingTransports().transports, log, batchSize: 10 })).toBe(1)
    const res = await t.app.inject({ method: 'GET', url: '/api/dev/outbox' })
    expect(res.json().items).toMatchObject([{ status: 'sent', text: 'Uw inlogcode is 1234-567890.' }])
    const [row] = await t.db.selectFrom('outbox_message').select('payload').execute()
    expect(row?.payload?.toString('utf8')).not.toContain('567890')
  })

  it('does not exist outside development', async () => {
    t = await createTestApp()
    await enqueueSms(t.db, { to: '+31612345678', text: 'Uw inlogcode is 1234-567890.' }, new Date())
    const res = await t.app.inject({ method: 'GET', url: '/api/dev/outbox' })
    expect(res.statusCode).toBe(404)
  })

  // Security spec property 31: with a real database, SMTP or SMS provider configured, the
  // mailbox is gone although NODE_ENV is development (the default).
  for (const [setting, env] of [
    ['DATABASE_URL', { DATABASE_URL: 'postgres://db.example/portal', DATA_ENCRYPTION_KEY: key, SMS_PROVIDER: 'console' }],
    ['SMTP_URL', { SMTP_URL: 'smtps://smtp.example.org:465', MAIL_FROM: 'Zorg <portaal@zorg.example>' }],
    ['SMS_PROVIDER=cm', { SMS_PROVIDER: 'cm', CM_PRODUCT_TOKEN: '00000000-0000-0000-0000-000000000000', SMS_SENDER: 'Zorg' }],
  ] as const) {
    it(`property 31: is 404 in live mode (${setting} set, NODE_ENV development)`, async () => {
      t = await createTestApp({ env: { NODE_ENV: 'development', ...env } })
      expect(t.app.printRoutes()).not.toContain('dev/')
      await enqueueSms(t.db, { to: '+31612345678', text: 'Uw inlogcode is 1234-567890.' }, new Date())
      const res = await t.app.inject({ method: 'GET', url: '/api/dev/outbox' })
      expect(res.statusCode).toBe(404)
      expect(res.body).not.toContain('567890')
    })
  }

  it('property 31: in demo mode answers only the machine itself, whatever X-Forwarded-For claims', async () => {
    t = await createTestApp({ env: { NODE_ENV: 'development', TRUST_PROXY: '10.0.0.0/8' } })
    await enqueueSms(t.db, { to: '+31612345678', text: 'Uw inlogcode is 1234-567890.' }, new Date())
    for (const remoteAddress of ['127.0.0.1', '::1']) {
      expect((await t.app.inject({ method: 'GET', url: '/api/dev/outbox', remoteAddress })).statusCode).toBe(200)
    }
    const fromNetwork = await t.app.inject({ method: 'GET', url: '/api/dev/outbox', remoteAddress: '192.0.2.10' })
    expect(fromNetwork.statusCode).toBe(404)
    expect(fromNetwork.body).not.toContain('567890')
    // A trusted proxy forwarding for "127.0.0.1" is still a request from the network.
    const forwarded = await t.app.inject({ method: 'GET', url: '/api/dev/outbox', remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': '127.0.0.1' } })
    expect(forwarded.statusCode).toBe(404)
    expect(forwarded.body).not.toContain('567890')
  })
})

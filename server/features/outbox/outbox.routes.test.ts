import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { enqueueSms } from './outbox.service.ts'

let t: TestApp | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

describe('the development mailbox', () => {
  it('shows queued SMS in development, without logging in, and is never cached', async () => {
    t = await createTestApp({ env: { NODE_ENV: 'development' } })
    await enqueueSms(t.db, { to: '+31612345678', text: 'Uw inlogcode is 1234-567890.' }, new Date())
    const res = await t.app.inject({ method: 'GET', url: '/api/dev/outbox' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.json().items).toMatchObject([{ channel: 'sms', to: '+31612345678', text: 'Uw inlogcode is 1234-567890.' }])
  })

  it('does not exist outside development', async () => {
    t = await createTestApp()
    await enqueueSms(t.db, { to: '+31612345678', text: 'Uw inlogcode is 1234-567890.' }, new Date())
    const res = await t.app.inject({ method: 'GET', url: '/api/dev/outbox' })
    expect(res.statusCode).toBe(404)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('health', () => {
  it('is live and ready while the database answers', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).json()).toEqual({ status: 'ok' })
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).json()).toEqual({ status: 'ok' })
  })

  it('is not ready once the database is gone, but still live', async () => {
    await t.db.destroy()
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' })
    expect(ready.statusCode).toBe(503)
    expect(ready.json()).toEqual({ status: 'unavailable' })
    // Security property 35: the client (or load balancer) is told when to ask again.
    expect(ready.headers['retry-after']).toBe('5')
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200)
  })
})

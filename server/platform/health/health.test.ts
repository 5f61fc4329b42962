import { type AddressInfo, createServer, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONNECTION_TIMEOUT_MS, openDatabase } from '../db/database.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { READY_TIMEOUT_MS } from './health.routes.ts'

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

describe('health when PostgreSQL does not answer at all (a failover in progress, a cut network)', () => {
  const sockets: Socket[] = []
  const silentServer = createServer((socket) => sockets.push(socket))
  let silent: TestApp
  beforeAll(async () => {
    await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve))
    const { port } = silentServer.address() as AddressInfo
    const config = { kind: 'postgres' as const, url: `postgres://portal@127.0.0.1:${port}/portal`, poolSize: 2 }
    silent = await createTestApp({ database: { ...(await openDatabase(config)), config } })
  })
  afterAll(async () => {
    // Cutting the sockets ends the pending connection attempts at once.
    for (const socket of sockets) socket.destroy()
    await silent.close()
    await new Promise((resolve) => silentServer.close(resolve))
  })

  it('answers not ready within the probe timeout instead of hanging, and stays live', async () => {
    const started = performance.now()
    const ready = await silent.app.inject({ method: 'GET', url: '/health/ready' })
    const tookMs = performance.now() - started
    expect(ready.statusCode).toBe(503)
    expect(ready.headers['retry-after']).toBe('5')
    expect(tookMs).toBeGreaterThanOrEqual(READY_TIMEOUT_MS - 50)
    expect(tookMs).toBeLessThan(CONNECTION_TIMEOUT_MS)
    expect((await silent.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { passwordHashingStats } from '../../identity/accounts/password-hash.ts'
import { systemClock } from '../clock.ts'
import { enqueueEmail } from '../outbox/outbox.service.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { setMetricsSources } from './metrics.ts'
import { startMetricsServer } from './metrics-server.ts'

let t: TestApp
let metrics: Awaited<ReturnType<typeof startMetricsServer>>
beforeAll(async () => {
  t = await createTestApp()
  setMetricsSources({ db: t.db, clock: systemClock, pool: () => ({ total: 3, idle: 1, waiting: 0 }), hashing: passwordHashingStats })
  metrics = await startMetricsServer({ host: '127.0.0.1', port: 0 })
})
afterAll(async () => {
  await metrics.close()
  await t.close()
})

describe('/metrics', () => {
  it('is not served on the public port', async () => {
    // The public port answers as for any page it does not have (404, or the web app's own
    // not-found page when a build is there), never with the figures.
    const res = await t.app.inject({ method: 'GET', url: '/metrics' })
    expect(res.headers['content-type']).not.toMatch(/^text\/plain/)
    expect(res.body).not.toMatch(/http_request_duration_seconds|process_resident_memory_bytes/)
  })

  it('serves request duration per route, statements per request, pool, hashing queue and the outbox backlog', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200)
    // Counted by the request path itself: the readiness check asks the database.
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200)
    await enqueueEmail(t.db, { to: 'metrics@example.org', subject: 'Test', text: 'tekst', html: '<p>tekst</p>' }, new Date())

    const res = await fetch(`http://127.0.0.1:${metrics.port}/metrics`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const text = await res.text()
    expect(text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/health\/live",status_class="2xx"\} [1-9]/m)
    expect(text).toMatch(/^http_request_db_statements_sum\{route="\/health\/ready"\} [1-9]/m)
    expect(text).toMatch(/^db_pool_connections\{state="waiting"\} 0$/m)
    expect(text).toMatch(/^password_hashing_jobs\{state="queue_limit"\} 32$/m)
    expect(text).toMatch(/^password_hashing_refused_total 0$/m)
    expect(text).toMatch(/^outbox_depth 1$/m)
    expect(text).toMatch(/^outbox_oldest_age_seconds \d/m)
    expect(text).toMatch(/^process_resident_memory_bytes \d/m)
    // Route patterns only: no ids, no query text.
    expect(text).not.toMatch(/route="[^"]*\?/)

    expect((await fetch(`http://127.0.0.1:${metrics.port}/other`)).status).toBe(404)
  })
})

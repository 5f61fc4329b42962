import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { FastifyInstance } from 'fastify'
import type { Db } from '../db/database.ts'
import { statementsOfRequest } from '../http/request-context.ts'
import { findOutboxBacklog } from '../outbox/outbox.repository.ts'

/**
 * What the bench measures, for operators, in Prometheus's text format (prom-client): request
 * duration per route, statements per request, the database pool, the password-hashing queue,
 * the outbox backlog, and Node's own figures (memory, event-loop delay, GC). One registry per
 * process: metrics describe this instance; Prometheus adds the instances up.
 * Served only by the separate listener in metrics-server.ts, never on the public port.
 */
export const metricsRegistry = new Registry()
collectDefaultMetrics({ register: metricsRegistry })

const requestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time from request to response, per route (the route pattern, never the URL: no ids or query text).',
  labelNames: ['method', 'route', 'status_class'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
})

const statementsPerRequest = new Histogram({
  name: 'http_request_db_statements',
  help: 'SQL statements one request ran, per route.',
  labelNames: ['route'] as const,
  buckets: [0, 1, 2, 4, 6, 8, 12, 16, 24, 32, 64],
  registers: [metricsRegistry],
})

/**
 * Records how many SQL statements a request to `route` (its pattern, e.g. /api/clients/:clientId/reports) ran.
 * Called by the per-request statement counter in the request path.
 */
export function observeStatements(route: string, count: number): void {
  statementsPerRequest.observe({ route }, count)
}

/** Request duration and statements per route, for every route of `app`; unmatched URLs count under one label. */
export function registerRequestMetrics(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched'
    requestDuration.observe({ method: request.method, route, status_class: `${Math.floor(reply.statusCode / 100)}xx` }, reply.elapsedTime / 1000)
    observeStatements(route, statementsOfRequest(request))
  })
}

export interface PoolStats {
  total: number
  idle: number
  waiting: number
}

export interface RuntimeSources {
  db: Db
  clock: () => Date
  /** The PostgreSQL pool's counts; undefined for the embedded database (one connection). */
  pool: (() => PoolStats) | undefined
  /** The password-hashing admission (identity/accounts/password-hash.ts). */
  hashing: () => { running: number; waiting: number; refused: number; concurrency: number; queueLimit: number }
}

let sources: RuntimeSources | undefined

/** Where the gauges read from at each scrape: the server's database, pool and hashing queue. */
export function setMetricsSources(next: RuntimeSources): void {
  sources = next
}

new Gauge({
  name: 'db_pool_connections',
  help: 'PostgreSQL pool: connections open (total), idle, and requests waiting for one (waiting).',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  collect() {
    const pool = sources?.pool?.()
    if (!pool) return
    this.set({ state: 'total' }, pool.total)
    this.set({ state: 'idle' }, pool.idle)
    this.set({ state: 'waiting' }, pool.waiting)
  },
})

new Gauge({
  name: 'password_hashing_jobs',
  help: 'argon2id jobs running and waiting for a slot; past the queue limit logins get 503 server_busy.',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  collect() {
    const stats = sources?.hashing()
    if (!stats) return
    this.set({ state: 'running' }, stats.running)
    this.set({ state: 'waiting' }, stats.waiting)
    this.set({ state: 'concurrency_limit' }, stats.concurrency)
    this.set({ state: 'queue_limit' }, stats.queueLimit)
  },
})

new Counter({
  name: 'password_hashing_refused_total',
  help: 'argon2id jobs refused because the queue was full (answered 503 server_busy).',
  registers: [metricsRegistry],
  collect() {
    const stats = sources?.hashing()
    if (!stats) return
    this.reset()
    this.inc(stats.refused)
  },
})

new Gauge({
  name: 'outbox_depth',
  help: 'E-mail and SMS not yet delivered (pending or being sent), all instances together.',
  registers: [metricsRegistry],
  async collect() {
    const backlog = await readBacklog()
    if (backlog) this.set(backlog.depth)
  },
})

new Gauge({
  name: 'outbox_oldest_age_seconds',
  help: 'Age of the oldest undelivered e-mail or SMS; 0 when none waits.',
  registers: [metricsRegistry],
  async collect() {
    const backlog = await readBacklog()
    if (!backlog || !sources) return
    this.set(backlog.oldestCreatedAt ? Math.max(0, (sources.clock().getTime() - backlog.oldestCreatedAt.getTime()) / 1000) : 0)
  },
})

/** One backlog query per scrape, shared by both outbox gauges. */
let backlogRead: { at: number; result: Promise<Awaited<ReturnType<typeof findOutboxBacklog>> | undefined> } | undefined
function readBacklog() {
  if (!sources) return Promise.resolve(undefined)
  const now = Date.now()
  if (!backlogRead || now - backlogRead.at > 1000) {
    // A database that is away leaves the gauges as they were rather than failing the whole scrape.
    backlogRead = { at: now, result: findOutboxBacklog(sources.db).catch(() => undefined) }
  }
  return backlogRead.result
}

/** The text Prometheus scrapes. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() }
}

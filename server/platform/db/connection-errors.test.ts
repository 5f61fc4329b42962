import { readFileSync } from 'node:fs'
import { createConnection, createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { Type } from 'typebox'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_MESSAGES } from '../../../shared/error-messages.ts'
import { AppError } from '../errors.ts'
import { integratorText } from '../../integration/fhir/fhir-errors.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { describeConnectionError, isDatabaseUnavailable } from './connection-errors.ts'
import { openDatabase } from './database.ts'

/** The error a promise rejects with (the test fails if it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

const servers: Server[] = []
const sockets: Socket[] = []
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

/** A local TCP server that does `onSocket` with each connection; returns its port. */
async function tcpServer(onSocket: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.push(socket)
    onSocket(socket)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (typeof address !== 'object' || !address) throw new Error('no port')
  return address.port
}

/** A port nothing listens on (a server that has just closed it). */
async function closedPort(): Promise<number> {
  const port = await tcpServer(() => {})
  await new Promise((resolve) => servers.pop()!.close(resolve))
  return port
}

function connect(config: pg.ClientConfig): Promise<unknown> {
  const client = new pg.Client(config)
  return rejectionOf(client.connect()).finally(() => client.end().catch(() => {}))
}

describe('isDatabaseUnavailable (security property 35: what is answered 503 with Retry-After)', () => {
  it('recognises node-postgres failing to reach a server that is down', async () => {
    const refused = await connect({ host: '127.0.0.1', port: await closedPort(), user: 'portal', database: 'portal' })
    expect((refused as { code?: string }).code).toBe('ECONNREFUSED')
    expect(isDatabaseUnavailable(refused)).toBe(true)
    expect(describeConnectionError(refused)).toBe('Error ECONNREFUSED')
  })

  it('recognises a connection the server closes (PostgreSQL stopping), and the text says nothing secret', async () => {
    const port = await tcpServer((socket) => socket.destroy())
    const terminated = await connect({ connectionString: `postgres://portal:hunter2-secret@127.0.0.1:${port}/portal` })
    expect((terminated as Error).message).toMatch(/^Connection terminated/)
    expect(isDatabaseUnavailable(terminated)).toBe(true)
    expect(describeConnectionError(terminated)).not.toContain('hunter2')
  })

  it('recognises the pool giving up on a server that does not answer (failover, cut network)', async () => {
    const port = await tcpServer(() => {})
    const pool = new pg.Pool({ host: '127.0.0.1', port, user: 'portal', database: 'portal', connectionTimeoutMillis: 100 })
    const timedOut = await rejectionOf(pool.query('select 1'))
    await pool.end()
    expect((timedOut as Error).message).toMatch(/timeout/)
    expect(isDatabaseUnavailable(timedOut)).toBe(true)
  })

  it('recognises a Unix socket that is not there, but not a missing file', async () => {
    const socketError = await new Promise<unknown>((resolve) => {
      createConnection(join(tmpdir(), `no-such-postgres-${process.pid}.sock`)).on('error', resolve)
    })
    expect(isDatabaseUnavailable(socketError)).toBe(true)
    let fileError: unknown
    try {
      readFileSync(join(tmpdir(), `no-such-file-${process.pid}`))
    } catch (error) {
      fileError = error
    }
    expect((fileError as { code?: string }).code).toBe('ENOENT')
    expect(isDatabaseUnavailable(fileError)).toBe(false)
  })

  it('recognises the SQLSTATEs of a server shutting down or starting up, also when wrapped', () => {
    const serverError = (code: string) => Object.assign(new pg.DatabaseError('server says no', 0, 'error'), { code })
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001', '08P01', '53300']) {
      expect(isDatabaseUnavailable(serverError(code)), code).toBe(true)
    }
    expect(isDatabaseUnavailable(new Error('query failed', { cause: serverError('57P01') }))).toBe(true)
    expect(isDatabaseUnavailable(new AggregateError([new Error('x'), serverError('57P03')]))).toBe(true)
  })

  it('leaves every other error alone: those are the request’s or the code’s fault', () => {
    const serverError = (code: string) => Object.assign(new pg.DatabaseError('server says no', 0, 'error'), { code })
    for (const code of ['23505', '22P02', '22007', '42P01', '40001', '57014']) {
      expect(isDatabaseUnavailable(serverError(code)), code).toBe(false)
    }
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false)
    expect(isDatabaseUnavailable(new AppError('not_found'))).toBe(false)
    expect(isDatabaseUnavailable(new Error('driver has already been destroyed'))).toBe(false)
    expect(isDatabaseUnavailable(undefined)).toBe(false)
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false)
  })
})

describe('the error handler during a database outage (security property 35)', () => {
  let t: TestApp
  let downPort: number
  beforeAll(async () => {
    downPort = await closedPort()
    t = await createTestApp({
      extraRoutes: (app) => {
        // A handler whose database is away: the real error node-postgres gives then.
        app.get('/api/test/database-away', { config: { access: 'public' }, schema: { response: { 200: Type.Object({}) } } }, async () => {
          const client = new pg.Client({ host: '127.0.0.1', port: downPort, user: 'portal', database: 'portal' })
          try {
            await client.connect()
          } finally {
            await client.end().catch(() => {})
          }
          return {}
        })
      },
    })
  })
  afterAll(() => t.close())

  it('answers 503 database_unavailable with Retry-After and the Dutch message (English on request), not 500', async () => {
    const dutch = await t.app.inject({ method: 'GET', url: '/api/test/database-away' })
    expect(dutch.statusCode).toBe(503)
    expect(dutch.headers['retry-after']).toBe('5')
    expect(dutch.json()).toEqual({ error: { code: 'database_unavailable', message: ERROR_MESSAGES.database_unavailable.nl } })
    const english = await t.app.inject({ method: 'GET', url: '/api/test/database-away', headers: { 'accept-language': 'en' } })
    expect(english.json<{ error: { message: string } }>().error.message).toBe(ERROR_MESSAGES.database_unavailable.en)
    // A warning with the code, not an "unexpected error" with a stack: nothing is broken in the portal.
    expect(t.logs.some((line) => line.includes('"errorCode":"database_unavailable"'))).toBe(true)
    expect(t.logs.some((line) => line.includes('unexpected error'))).toBe(false)
  })
})

describe('an app whose PostgreSQL refuses connections (security property 35)', () => {
  let down: TestApp
  beforeAll(async () => {
    const config = { kind: 'postgres' as const, url: `postgres://portal@127.0.0.1:${await closedPort()}/portal`, poolSize: 2 }
    down = await createTestApp({ database: { ...(await openDatabase(config)), config } })
  })
  afterAll(() => down.close())

  it('answers the JSON API 503 database_unavailable with Retry-After', async () => {
    const response = await down.app.inject({ method: 'GET', url: '/api/organisation' })
    expect(response.statusCode).toBe(503)
    expect(response.headers['retry-after']).toBe('5')
    expect(response.json()).toEqual({ error: { code: 'database_unavailable', message: ERROR_MESSAGES.database_unavailable.nl } })
  })

  it('answers the FHIR API 503 with a transient OperationOutcome and Retry-After, not 500', async () => {
    const response = await down.app.inject({ method: 'GET', url: '/fhir/Patient', headers: { authorization: `Bearer ${'x'.repeat(43)}` } })
    expect(response.statusCode).toBe(503)
    expect(response.headers['retry-after']).toBe('5')
    expect(response.json()).toEqual({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'transient', details: { text: integratorText('database_unavailable') } }],
    })
  })
})

/**
 * Loaded into the benchmark's portal process only (`node --import tsx --import ./bench/statement-probe.ts
 * server/main.ts`); a production server never loads it. Two things:
 *
 * - It answers every request with the number of SQL statements it sent, in the header
 *   `x-bench-statements`, so the benchmark can print statements per request from outside the
 *   process. It listens on Fastify's handler tracing channel, whose `asyncStart` comes after the
 *   handler finished and before the answer is sent.
 * - A request with the header `x-bench-capture: <file>` has the statements it sent to the
 *   database written to that file as JSON: every call into node-postgres, as the portal made it
 *   (named or not, with its values), in order. The benchmark replays them through the bare server
 *   to measure what the page's own SQL costs without the portal (request-bench.ts). Send such a
 *   request alone: what runs outside a request (the jobs) is left out, except the access log's
 *   INSERT, which group commit sends outside the request's count.
 */
import diagnostics from 'node:diagnostics_channel'
import { writeFileSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import type { FastifyReply, FastifyRequest } from 'fastify'
import pg from 'pg'
import { statementsOfCurrentRequest } from '../server/platform/db/statement-count.ts'
import { statementsOfRequest } from '../server/platform/http/request-context.ts'

export const STATEMENTS_HEADER = 'x-bench-statements'
export const CAPTURE_HEADER = 'x-bench-capture'

/** One call into node-postgres: a text (sent unnamed) or a named statement, with its values. */
export interface CapturedStatement {
  name?: string
  text: string
  values: unknown[]
}

interface HandlerTrace {
  request: FastifyRequest
  reply: FastifyReply
}

let capture: { file: string; statements: CapturedStatement[] } | undefined

diagnostics.subscribe('http.server.request.start', (message) => {
  const file = (message as { request: IncomingMessage }).request.headers[CAPTURE_HEADER]
  if (typeof file === 'string') capture = { file, statements: [] }
})

diagnostics.subscribe('tracing:fastify.request.handler:asyncStart', (message) => {
  const { request, reply } = message as HandlerTrace
  if (reply.sent) return
  reply.header(STATEMENTS_HEADER, String(statementsOfRequest(request)))
  if (capture && request.headers[CAPTURE_HEADER] === capture.file) {
    writeFileSync(capture.file, JSON.stringify(capture.statements))
    capture = undefined
  }
})

type Query = (this: pg.Client, ...args: unknown[]) => unknown
const query = pg.Client.prototype.query as unknown as Query
pg.Client.prototype.query = function capturing(this: pg.Client, ...args: unknown[]) {
  if (capture) {
    const [first, second] = args
    const call: CapturedStatement = typeof first === 'string' ? { text: first, values: Array.isArray(second) ? second : [] } : (first as CapturedStatement)
    const ofRequest = statementsOfCurrentRequest() !== undefined || /^\s*insert into access_log/.test(call.text)
    if (ofRequest) capture.statements.push({ ...(call.name ? { name: call.name } : {}), text: call.text, values: call.values.map(serialisable) })
  }
  return query.apply(this, args)
} as typeof pg.Client.prototype.query

/** A value as JSON can carry it and PostgreSQL reads it back the same: bytes as bytea text. */
function serialisable(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`
  if (Array.isArray(value)) return value.map(serialisable)
  return value
}

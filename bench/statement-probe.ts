/**
 * Loaded into the benchmark's portal process only (`node --import tsx --import ./bench/statement-probe.ts
 * server/main.ts`): answers every request with the number of SQL statements it sent, in the header
 * `x-bench-statements`, so the benchmark can print statements per request from outside the process.
 * It listens on Fastify's handler tracing channel, whose `asyncStart` comes after the handler
 * finished and before the answer is sent. A production server never loads it.
 */
import diagnostics from 'node:diagnostics_channel'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { statementsOfRequest } from '../server/platform/http/request-context.ts'

export const STATEMENTS_HEADER = 'x-bench-statements'

interface HandlerTrace {
  request: FastifyRequest
  reply: FastifyReply
}

diagnostics.subscribe('tracing:fastify.request.handler:asyncStart', (message) => {
  const { request, reply } = message as HandlerTrace
  if (!reply.sent) reply.header(STATEMENTS_HEADER, String(statementsOfRequest(request)))
})

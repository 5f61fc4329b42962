import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppDeps } from '../app-deps.ts'
import { type AccessLogGroupCommit, accessLogGroupCommit } from '../access-log/access-log-group-commit.ts'
import type { RequestSource } from '../access-log/access-log.service.ts'
import type { Db } from '../db/database.ts'
import { countStatementsInto, newStatementCounter, type StatementCounter } from '../db/statement-count.ts'
import { AppError } from '../errors.ts'
import { requestSource } from './request-source.ts'

/**
 * What every handler hands to its service, built once per request in the first onRequest hook:
 * one reading of the clock (so a request that checks and then logs sees one moment), the
 * source the access log records, and the database. Handlers take it with `contextOf(request)`
 * (routes behind a session) or `publicContextOf(request)` (public routes); services take it as
 * their first argument instead of five loose ones.
 */
export interface PublicContext {
  db: Db
  source: RequestSource
  now: Date
  /** PUBLIC_BASE_URL with a slash: the one link notifications and e-mails carry. */
  portalUrl: string
  /** Where read acts write their access-log rows: one group commit per app, shared by its requests. */
  readLog: AccessLogGroupCommit
}

/**
 * The session is the one authentication.ts resumed in its onRequest hook. Its type comes
 * through that file's FastifyRequest declaration, not an import: the platform knows no feature.
 */
export type RequestSession = NonNullable<FastifyRequest['session']>

export interface RequestContext extends PublicContext {
  session: RequestSession
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Filled by registerRequestContext; read it through contextOf or publicContextOf. */
    requestContext: PublicContext | null
    /** The SQL statements this request sent (platform/db/statement-count.ts); read it with statementsOfRequest. */
    statementCounter: StatementCounter | null
  }
}

/** Registered before authentication, so every later hook and handler finds the context. */
export function registerRequestContext(app: FastifyInstance, { db, clock, config }: Pick<AppDeps, 'db' | 'clock' | 'config'>): void {
  const portalUrl = new URL('/', config.publicBaseUrl).href
  const readLog = accessLogGroupCommit(db)
  app.decorateRequest('requestContext', null)
  app.decorateRequest('statementCounter', null)
  // Callback hooks, not async ones: the hooks and the handler after `done` run inside the counter's context.
  app.addHook('onRequest', (request, _reply, done) => {
    request.requestContext = { db, source: requestSource(request), now: clock(), portalUrl, readLog }
    const counter = newStatementCounter()
    request.statementCounter = counter
    countStatementsInto(counter, done)
  })
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.statementCounter) countStatementsInto(request.statementCounter, done)
    else done()
  })
}

/** The SQL statements (BEGIN and COMMIT included) the request has sent so far: for /metrics and the statement tests. */
export function statementsOfRequest(request: FastifyRequest): number {
  return request.statementCounter?.count ?? 0
}

/** The context of a public route: the session may be absent. */
export function publicContextOf(request: FastifyRequest): PublicContext {
  // Only a handler of an app built without registerRequestContext gets here without one.
  if (!request.requestContext) throw new Error('registerRequestContext was not called')
  return request.requestContext
}

/** The context of a route behind a session (access `session` or `full`); unauthenticated otherwise. */
export function contextOf(request: FastifyRequest): RequestContext {
  const context = publicContextOf(request)
  if (!request.session) throw new AppError('unauthenticated')
  return { ...context, session: request.session }
}

import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../../platform/db/connection-errors.ts'
import { AppError, type ErrorCode, statusOf } from '../../platform/errors.ts'
import { databaseErrorCode } from '../../platform/http/error-handler.ts'
import { ERROR_MESSAGES } from '../../../shared/error-messages.ts'

/**
 * The one error type, with FHIR issues attached: what a validator or a portal rule found, per
 * element. Issues name paths and rules, never the values sent (a BSN must not echo back into logs).
 */
export class FhirError extends AppError {
  readonly issues: OperationOutcomeIssue[]
  constructor(code: ErrorCode, issues: OperationOutcomeIssue[], detail?: string) {
    super(code, detail)
    this.issues = issues
  }
}

/** One issue about one element: `invalid('Patient.birthDate', 'is required')`. */
export function issue(code: OperationOutcomeIssue['code'], expression: string | undefined, text: string): OperationOutcomeIssue {
  return { severity: 'error', code, details: { text }, ...(expression ? { expression: [expression] } : {}) }
}

/** A portal rule a resource does not meet: 422, nothing stored. */
export function unprocessable(expression: string, text: string): FhirError {
  return new FhirError('unprocessable', [issue('business-rule', expression, text)], text)
}

/** A request that is malformed for FHIR (bad search parameter, wrong resource type): 400. */
export function fhirBadRequest(text: string, expression?: string): FhirError {
  return new FhirError('bad_request', [issue('invalid', expression, text)], text)
}

/**
 * A `_cursor` this server did not make: validation_failed (400), as a bad cursor answers
 * everywhere (server/platform/http/keyset-cursor.ts), told as an OperationOutcome.
 */
export function fhirBadCursor(): FhirError {
  return new FhirError('validation_failed', [issue('invalid', '_cursor', '_cursor is not valid')], '_cursor is not valid')
}

const ISSUE_CODE: Partial<Record<number, OperationOutcomeIssue['code']>> = {
  400: 'invalid', 401: 'login', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 412: 'conflict',
  413: 'too-costly', 415: 'not-supported', 422: 'business-rule', 429: 'throttled', 501: 'not-supported', 503: 'transient',
}

/** The OperationOutcome for an error code: the person-readable message, plus any issues. */
export function operationOutcome(code: ErrorCode, issues: OperationOutcomeIssue[] = []): OperationOutcome {
  const text = ERROR_MESSAGES[code].en
  return {
    resourceType: 'OperationOutcome',
    issue: issues.length > 0 ? issues : [{ severity: 'error', code: ISSUE_CODE[statusOf(code)] ?? 'exception', details: { text } }],
  }
}

export function sendOutcome(reply: FastifyReply, code: ErrorCode, issues: OperationOutcomeIssue[] = []): FastifyReply {
  if (code === 'unauthenticated') reply.header('www-authenticate', 'Bearer realm="fhir"')
  return reply.status(statusOf(code)).type('application/fhir+json; charset=utf-8').send(operationOutcome(code, issues))
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
}

/**
 * Errors under /fhir become OperationOutcomes; the token endpoint answers in OAuth's own shape
 * (RFC 6749 §5.2). Called with the integration client's refusal logger, so refusals are logged too.
 */
export function registerFhirErrorHandler(app: FastifyInstance, onRefused: (request: FastifyRequest, code: ErrorCode) => Promise<void>): void {
  app.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
    let code: ErrorCode
    let issues: OperationOutcomeIssue[] = []
    if (error instanceof AppError) {
      code = error.code
      if (error instanceof FhirError) issues = error.issues
      if (error.status >= 500) request.log.error({ err: error, detail: error.detail }, 'application error')
      else request.log.info({ errorCode: code, detail: error.detail }, 'request refused')
    } else if (isDatabaseUnavailable(error)) {
      // PostgreSQL restarting or failing over: over in seconds, so the client is told to retry.
      code = 'database_unavailable'
      reply.header('retry-after', String(RETRY_AFTER_SECONDS))
      request.log.warn({ errorCode: code }, 'request refused: database unavailable')
    } else if (error.validation) {
      code = 'bad_request'
      issues = error.validation.map((v) => issue('invalid', `${error.validationContext ?? ''}${v.instancePath}`.replace(/\//g, '.'), v.message ?? 'invalid'))
      request.log.info({ errorCode: code }, 'request refused')
    } else if (databaseErrorCode(error)) {
      // Two rows with the same ECD identifier or BSN (the database's unique index decided), or a
      // value PostgreSQL cannot hold: the same mapping as the JSON API (server/platform/http/error-handler.ts).
      code = databaseErrorCode(error)!
      request.log.info({ errorCode: code, sqlState: error.code }, 'request refused by the database')
    } else if (error.code && FASTIFY_CODES[error.code]) {
      code = FASTIFY_CODES[error.code]!
      request.log.info({ errorCode: code, fastifyCode: error.code }, 'request refused')
    } else {
      code = 'internal'
      request.log.error({ err: error }, 'unexpected error')
    }
    if (request.routeOptions.config.oauthError) return sendOAuthError(reply, code, error instanceof AppError ? error.detail : undefined)
    // A refusal is logged in the database, which is just what is away during an outage.
    if (code !== 'database_unavailable') await onRefused(request, code).catch((logError: unknown) => request.log.error({ err: logError }, 'refusal not logged'))
    return sendOutcome(reply, code, issues)
  })
}

/** OAuth token errors: invalid_client (401) or invalid_request / invalid_grant / invalid_scope (400). */
function sendOAuthError(reply: FastifyReply, code: ErrorCode, detail: string | undefined): FastifyReply {
  const status = statusOf(code)
  const error = code === 'unauthenticated' ? 'invalid_client' : code === 'rate_limited' ? 'slow_down' : status >= 500 ? 'server_error' : (detail ?? 'invalid_request')
  return reply.status(status).type('application/json; charset=utf-8').header('cache-control', 'no-store').send({ error })
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The token endpoint: errors in OAuth's shape, not as OperationOutcome. */
    oauthError?: boolean
  }
}

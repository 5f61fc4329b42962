import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isDatabaseError, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../../platform/db/connection-errors.ts'
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

/**
 * What an integrator (a developer of the ECD, or its error queue) reads: what went wrong and what
 * to do, instead of the portal's texts for people at a screen ("Please reload the page").
 */
const INTEGRATOR_TEXTS: Partial<Record<ErrorCode, string>> = {
  bad_request: 'The request is not valid FHIR R4 for this API; see docs/integration-api.md. Sending it again will fail again.',
  validation_failed: 'A value cannot be stored as sent (an impossible date or number, or a text with characters the portal refuses). Sending it again will fail again.',
  unauthenticated: 'No valid bearer token: get a new one at /fhir/auth/token.',
  forbidden: 'The token lacks the scope for this resource type and action.',
  not_found: 'No such resource, or a resource type this API does not serve.',
  conflict: 'The write conflicts with what the portal holds (an identifier or BSN already in use, or a change made at the same moment). Read the current resource and decide; repeating the same write unchanged fails again.',
  precondition_failed: 'If-Match names an older version: read the resource again and resend with its current ETag.',
  unprocessable: 'Valid FHIR, but the portal cannot keep it; see the issue for the element and the rule.',
  payload_too_large: 'The body is larger than this API accepts.',
  unsupported_media_type: 'Send application/fhir+json or application/json in UTF-8.',
  rate_limited: 'Too many requests for this client: wait a minute before sending more.',
  internal: 'The portal failed. This is not caused by the request; retrying later is safe.',
  database_unavailable: 'The portal is briefly unavailable: retry after the Retry-After seconds.',
}

/** The text an integrator gets for an error code. */
export function integratorText(code: ErrorCode): string {
  return INTEGRATOR_TEXTS[code] ?? ERROR_MESSAGES[code].en
}

/** What a unique index that refused a write stands for, by the index's name. */
function uniqueReason(constraint: string | undefined): string {
  if (constraint?.includes('bsn')) return 'another client in the portal already has this BSN'
  if (constraint?.startsWith('fhir_source_identifier')) return 'this identifier of your system already names another resource'
  if (constraint?.includes('ecd_id')) return 'another source system uses this identifier value for a different resource; the portal keeps one row per value for now (docs/decisions/fhir-identifiers.md)'
  return 'the same data was written twice at the same moment'
}

/**
 * The refusal a unique index (by its name) would give, for a write found to collide before it
 * is sent (a transaction Bundle's report set looks its rows up first): the same words as databaseIssue.
 */
export function uniqueIndexConflict(constraint: string): FhirError {
  return new FhirError('conflict', [issue('conflict', undefined, `${uniqueReason(constraint)}: ${integratorText('conflict')}`)], `unique index ${constraint}`)
}

/**
 * A refusal by the database as an issue: the reason in words (by SQL state and index name, never
 * the value, which PostgreSQL's own message would quote). Undefined when it is the server's failure.
 */
export function databaseIssue(error: unknown, expression?: string): { code: ErrorCode; issue: OperationOutcomeIssue } | undefined {
  const code = databaseErrorCode(error)
  if (!code || !isDatabaseError(error)) return undefined
  const text = code === 'conflict'
    ? `${error.code === '23503' ? 'a resource it refers to is gone, or it is still referred to' : uniqueReason(error.constraint)}: ${integratorText(code)}`
    : integratorText(code)
  return { code, issue: issue(code === 'conflict' ? 'conflict' : 'value', expression, text) }
}

/**
 * The issues of any refusal, for an OperationOutcome: a FhirError's own, a plain AppError's
 * code and log detail (written by this code, never a value sent) with the integrator's text, or
 * the database's reason. Undefined for a failure of the server itself.
 */
export function refusalOf(error: unknown, expression?: string): { code: ErrorCode; issues: OperationOutcomeIssue[] } | undefined {
  if (error instanceof FhirError) return { code: error.code, issues: error.issues }
  if (error instanceof AppError) {
    if (error.status >= 500) return undefined
    const text = error.detail ? `${error.detail}: ${integratorText(error.code)}` : integratorText(error.code)
    return { code: error.code, issues: [issue(ISSUE_CODE[error.status] ?? 'processing', expression, text)] }
  }
  const refused = databaseIssue(error, expression)
  return refused && { code: refused.code, issues: [refused.issue] }
}

/** What a write did not keep as sent: warnings naming elements (never their values). */
export function warningOutcome(warnings: OperationOutcomeIssue[]): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: warnings }
}

/** One element the portal accepted but does not keep. */
export function notKept(expression: string, text = 'not kept by the portal'): OperationOutcomeIssue {
  return { severity: 'warning', code: 'business-rule', expression: [expression], details: { text } }
}

/** The OperationOutcome for an error code: the integrator's text, plus any issues. */
export function operationOutcome(code: ErrorCode, issues: OperationOutcomeIssue[] = []): OperationOutcome {
  const text = integratorText(code)
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
      issues = refusalOf(error)?.issues ?? []
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
    } else if (databaseIssue(error)) {
      // Two rows with the same ECD identifier or BSN (the database's unique index decided), or a
      // value PostgreSQL cannot hold: the same mapping as the JSON API (server/platform/http/error-handler.ts).
      const refused = databaseIssue(error)!
      code = refused.code
      issues = [refused.issue]
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

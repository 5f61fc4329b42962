import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ERROR_MESSAGES, type Language } from '../../../shared/error-messages.ts'
import type { ErrorResponse } from '../../../shared/schemas/common.ts'
import { isDatabaseError, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/connection-errors.ts'
import { AppError, type ErrorCode, statusOf } from '../errors.ts'

/** The language of error messages: English only when the request prefers it over Dutch. */
export function requestLanguage(request: FastifyRequest): Language {
  const first = (request.headers['accept-language'] ?? '').split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'nl'
}

/** Sends the one JSON error shape; the only place errors become HTTP. */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  fields?: { path: string; message: string }[],
  passwordProblems?: string[],
): FastifyReply {
  const body: ErrorResponse = {
    error: {
      code,
      message: ERROR_MESSAGES[code][requestLanguage(request)],
      ...(fields && fields.length > 0 ? { fields } : {}),
      ...(passwordProblems ? { passwordProblems } : {}),
    },
  }
  return reply.status(statusOf(code)).type('application/json; charset=utf-8').send(body)
}

/** Fastify's own error codes that are the client's fault, and what they mean here. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
}

/**
 * PostgreSQL errors (SQLSTATE in `code`, on pg's DatabaseError and PGlite's alike) that mean the
 * request asked for something the data cannot be, not that the server failed: the last line of
 * defence behind the schemas, so a value they let through answers 4xx, never 500.
 * Class 22 (data exception): a value PostgreSQL cannot store or compare (an impossible date,
 * a NUL byte, a number out of range, text too long). Class 23 (integrity constraint): the row
 * conflicts with another (two requests creating the same login name at once) or breaks a rule.
 */
const DATABASE_CODES: Record<string, ErrorCode> = {
  '23505': 'conflict', // unique_violation
  '23P01': 'conflict', // exclusion_violation
  '23503': 'conflict', // foreign_key_violation: the row it refers to is gone or still referred to
  '23514': 'validation_failed', // check_violation
  '23502': 'validation_failed', // not_null_violation
  '22001': 'validation_failed', // string_data_right_truncation
  '22003': 'validation_failed', // numeric_value_out_of_range
  '22007': 'validation_failed', // invalid_datetime_format
  '22008': 'validation_failed', // datetime_field_overflow
  '22021': 'validation_failed', // character_not_in_repertoire (NUL in text)
  '22P02': 'validation_failed', // invalid_text_representation
  '22P05': 'validation_failed', // untranslatable_character
  '22023': 'validation_failed', // invalid_parameter_value
  '22009': 'validation_failed', // invalid_time_zone_displacement_value
  '2201B': 'validation_failed', // invalid_regular_expression
  '22025': 'validation_failed', // invalid_escape_sequence
  '22019': 'validation_failed', // invalid_escape_character
  '22012': 'validation_failed', // division_by_zero
}

/** What a database error means for the client, or undefined when it is the server's failure. */
export function databaseErrorCode(error: unknown): ErrorCode | undefined {
  if (!isDatabaseError(error)) return undefined
  return DATABASE_CODES[error.code]
}

/** A full password-hashing queue drains in about a second at 25 hashes a second per core. */
const BUSY_RETRY_AFTER_SECONDS = 2

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === 'server_busy') request.log.info({ errorCode: error.code, detail: error.detail }, 'request refused: busy (counted in /metrics)')
      else if (error.status >= 500) request.log.error({ err: error, detail: error.detail }, 'application error')
      else request.log.info({ errorCode: error.code, detail: error.detail }, 'request refused')
      // Busy hashing passwords (platform/crypto/cpu-admission.ts): over in a moment, say when to retry.
      if (error.code === 'server_busy') reply.header('retry-after', String(BUSY_RETRY_AFTER_SECONDS))
      return sendError(request, reply, error.code, undefined, error.passwordProblems)
    }
    if (isDatabaseUnavailable(error)) {
      // PostgreSQL restarting or failing over: not the request's fault, and over in seconds.
      request.log.warn({ errorCode: 'database_unavailable' }, 'request refused: database unavailable')
      return sendError(request, reply.header('retry-after', String(RETRY_AFTER_SECONDS)), 'database_unavailable')
    }
    if (error.validation) {
      const fields = error.validation.map((v) => ({
        path: `${error.validationContext ?? ''}${v.instancePath}`.replace(/\//g, '.'),
        message: v.message ?? 'invalid',
      }))
      request.log.info({ errorCode: 'validation_failed', fields }, 'request refused')
      return sendError(request, reply, 'validation_failed', fields)
    }
    const fromDatabase = databaseErrorCode(error)
    if (fromDatabase) {
      // The SQLSTATE, table and constraint say what happened; the message and detail could
      // quote the value (a name, a BSN), so they are not logged.
      const { code: sqlState, table, constraint } = error as { code: string; table?: string; constraint?: string }
      request.log.info({ errorCode: fromDatabase, sqlState, table, constraint }, 'request refused by the database')
      return sendError(request, reply, fromDatabase)
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined
    if (mapped) {
      request.log.info({ errorCode: mapped, fastifyCode: error.code }, 'request refused')
      return sendError(request, reply, mapped)
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ fastifyCode: error.code, statusCode: error.statusCode }, 'request refused')
      return sendError(request, reply, statusToCode(error.statusCode))
    }
    request.log.error({ err: error }, 'unexpected error')
    return sendError(request, reply, 'internal')
  })
}

function statusToCode(status: number): ErrorCode {
  const byStatus: Record<number, ErrorCode> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'rate_limited' }
  return byStatus[status] ?? 'bad_request'
}

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ERROR_MESSAGES, type Language } from '../../shared/error-messages.ts'
import type { ErrorResponse } from '../../shared/schemas/common.ts'
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/connection-errors.ts'
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

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error, detail: error.detail }, 'application error')
      else request.log.info({ errorCode: error.code, detail: error.detail }, 'request refused')
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

import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { AppError } from '../errors.ts'
import { sendError } from './error-handler.ts'

/**
 * The only body type JSON routes accept: exactly `application/json`, optionally with
 * `charset=utf-8`. Checked on the raw header before Fastify's own parser runs, because
 * lenient parsing of tabs, spaces and odd parameters has let bodies slip past validation
 * before (Fastify CVE-2025-32442).
 */
const STRICT_JSON = /^application\/json(; ?charset=utf-8)?$/i
/** The FHIR API also takes FHIR's own JSON type, equally strict. */
const STRICT_FHIR_JSON = /^application\/(fhir\+)?json(; ?charset=utf-8)?$/i
/** OAuth's token request (and FHIR's POST _search) are form-encoded: only on routes that say `formBody`. */
const STRICT_FORM = /^application\/x-www-form-urlencoded(; ?charset=utf-8)?$/i

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This /fhir route takes an application/x-www-form-urlencoded body. */
    formBody?: boolean
  }
}

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length']
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}

export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only means something over TLS; on plain http it would only confuse.
    strictTransportSecurity: config.publicBaseUrl.protocol === 'https:' ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  })

  // Only JSON reaches JSON routes; everything else is refused before parsing.
  app.removeContentTypeParser('text/plain')
  app.addHook('onRequest', async (request, reply) => {
    if (!hasBody(request.headers)) return
    const contentType = request.headers['content-type'] ?? ''
    if (request.url === '/fhir' || request.url.startsWith('/fhir/') || request.url.startsWith('/fhir?')) {
      // Thrown, so the FHIR error handler answers with an OperationOutcome.
      const form = request.routeOptions.config.formBody === true && STRICT_FORM.test(contentType)
      if (!form && !STRICT_FHIR_JSON.test(contentType)) throw new AppError('unsupported_media_type')
      return
    }
    if (!STRICT_JSON.test(contentType)) return sendError(request, reply, 'unsupported_media_type')
  })

  // API answers may hold record data: never cached by a browser or proxy.
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
    if (request.url.startsWith('/api/') || request.url.startsWith('/health/') || request.url.startsWith('/fhir')) {
      reply.header('cache-control', 'no-store')
    }
  })
}

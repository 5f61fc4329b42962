import type { FastifyInstance, FastifyRequest } from 'fastify'
import { isUuid } from '../../../shared/schemas/common.ts'
import { isCalendarDate, isSaneDateTime } from '../../../shared/schemas/dates.ts'
import { validationFailed } from '../errors.ts'

/**
 * Checks that hold for every input of every route, so no route has to remember them:
 * - text is well-formed Unicode without NUL (PostgreSQL text cannot hold U+0000, and a lone
 *   surrogate would be stored as U+FFFD: silently changed data), numbers are finite;
 * - a JSON body is valid UTF-8 (Fastify's parser would replace bad bytes with U+FFFD);
 * - the schema formats `date` and `date-time` mean real days in years 1900–2200, and `uuid`
 *   is the one uuid check (shared/schemas/common.ts).
 * What is refused answers 400 validation_failed before any handler or query runs.
 */
export function registerInputChecks(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, strictJsonParser(app))
  // Before validation, as the input arrived (Ajv would coerce the body's 1e309, Infinity, to the
  // text "Infinity"), and again after it: Ajv coerces the query's text "1e309" to Infinity and
  // lets that pass its own minimum and maximum.
  app.addHook('preValidation', refuseBadInput)
  app.addHook('preHandler', refuseBadInput)
}

async function refuseBadInput(request: FastifyRequest): Promise<void> {
  const found = findBadText(request.params, 'params') ?? findBadText(request.query, 'querystring') ?? findBadText(request.body, 'body')
  if (found) throw validationFailed(`${found} holds a NUL character, broken Unicode or an infinite number, or nests too deep`)
}

/** The Ajv formats with the portal's date range and uuid check; pass as Fastify's `ajv.onCreate`. */
export function addInputFormats(ajv: { addFormat: (name: string, format: (text: string) => boolean) => unknown }): void {
  ajv.addFormat('date', isCalendarDate)
  ajv.addFormat('date-time', isSaneDateTime)
  ajv.addFormat('uuid', isUuid)
}

type Done = (error: Error | null, body?: unknown) => void

/**
 * Fastify's own JSON parser (prototype-poisoning refused, empty body refused), fed only text
 * that decoded as strict UTF-8. For application/json here and application/fhir+json under /fhir.
 */
export function strictJsonParser(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error')
  const decoder = new TextDecoder('utf-8', { fatal: true })
  return (request: FastifyRequest, body: Buffer | string, done: Done): void => {
    let text: string
    try {
      text = typeof body === 'string' ? body : decoder.decode(body)
    } catch {
      done(invalidJsonBody('the body is not valid UTF-8'))
      return
    }
    parseJson(request, text, done)
  }
}

function invalidJsonBody(message: string): Error {
  // The code Fastify gives a body it cannot parse; both error handlers answer it with 400.
  return Object.assign(new Error(message), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 })
}

/**
 * Where the first string with U+0000 or a lone surrogate, or the first number that is not
 * finite, is (e.g. `body.items.2.name`); undefined if none.
 */
export function findBadText(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return isGoodText(value) ? undefined : path
  // JSON.parse turns 1e309 into Infinity, which no column holds and Ajv may coerce to text.
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return undefined
  // No form of the portal nests this deep; walking further would only cost time.
  if (depth > 64) return path
  for (const [key, item] of Object.entries(value)) {
    if (!isGoodText(key)) return `${path}.(key)`
    const found = findBadText(item, `${path}.${key}`, depth + 1)
    if (found) return found
  }
  return undefined
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

function isGoodText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text)
}

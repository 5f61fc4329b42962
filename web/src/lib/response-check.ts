import type { Static, TSchema } from 'typebox'
import { Check } from 'typebox/schema'

/**
 * The response check on its own, for api-client.ts to load as a chunk apart. `Check` from
 * 'typebox/schema' is the one 'typebox/value' wraps (value's `Check(type, value)` calls it with an
 * empty context): the same interpreter, without `new Function` (the CSP forbids it). In the built
 * app its format registry has only the formats the shared schemas use and fails any other
 * (web/build/response-formats.ts), so typebox's IDNA, URI and IP checks stay out of the chunk.
 * Imported from the value barrel, the bundler kept much of typebox's type engine in the chunk
 * every page loads; see docs/decisions/web-performance.md.
 */
export function checkResponse<S extends TSchema>(schema: S, value: unknown): value is Static<S> {
  return Check(schema, value)
}

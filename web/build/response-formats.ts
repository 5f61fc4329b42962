import type { Plugin } from 'vite'

/**
 * The string formats the shared response schemas use (shared/schemas, `format: ...`), the only
 * ones the web app's response check (lib/response-check.ts) knows. `response-formats.test.ts`
 * fails when a schema uses another.
 */
export const RESPONSE_FORMATS = ['date', 'date-time', 'uuid'] as const

/** typebox's format registry: every JSON Schema format, registered when the module loads. */
const REGISTRY = /[\\/]typebox[\\/]build[\\/]format[\\/]_registry\.mjs$/

const IMPORT = /^import \{ (\w+) \} from '\.\/[\w-]+\.mjs';\n/gm
const REGISTRATION = /^ {4}formats\.set\('([\w-]+)', (\w+)\);\n/gm
const UNKNOWN_PASSES = 'return formats.get(format)?.(value) ?? true;'
const UNKNOWN_FAILS = 'return formats.get(format)?.(value) ?? false;'

/**
 * typebox's format registry as the web app needs it: only RESPONSE_FORMATS, and a value with
 * any other format fails the check (typebox lets an unknown format pass).
 *
 * The registry imports and registers all 21 formats when it loads (IDNA host names and e-mail
 * addresses, URIs, IP addresses, ...), so the bundler keeps them all in the response check's
 * chunk: about 3 KB gzip that no answer of the portal's API needs. The date, date-time and uuid
 * checks are typebox's own, unchanged. Throws when typebox's file no longer looks as expected,
 * so an upgrade cannot silently keep or drop formats.
 */
export function registryWithFormats(code: string, formats: readonly string[] = RESPONSE_FORMATS): string {
  const registered = new Map([...code.matchAll(REGISTRATION)].map(([, format, check]) => [format, check] as const))
  const missing = formats.filter((format) => !registered.has(format))
  if (registered.size === 0 || missing.length > 0 || !code.includes(UNKNOWN_PASSES)) {
    throw new Error(`typebox's format registry is not as expected (missing: ${missing.join(', ') || 'its registrations'}): see web/build/response-formats.ts`)
  }
  const kept = new Set(formats.map((format) => registered.get(format)))
  return code
    .replace(REGISTRATION, (line, format: string) => (formats.includes(format) ? line : ''))
    .replace(IMPORT, (line, check: string) => (kept.has(check) ? line : ''))
    .replace(UNKNOWN_PASSES, UNKNOWN_FAILS)
}

/** The Vite plugin: typebox's format registry with only RESPONSE_FORMATS (registryWithFormats). */
export function responseFormats(): Plugin {
  return {
    name: 'portal-response-formats',
    transform: {
      filter: { id: REGISTRY },
      handler: (code) => registryWithFormats(code),
    },
  }
}

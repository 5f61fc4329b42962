import { Type, type Static } from 'typebox'

/**
 * Error body of every JSON API route (FHIR routes answer an OperationOutcome instead).
 * The request id travels in the X-Request-Id header, not here, so two refusals of the
 * same kind have identical bodies (no oracle in login and password answers).
 */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      fields: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
      /** With password_rejected: what the password lacks (see shared/password-policy.ts). */
      passwordProblems: Type.Optional(Type.Array(Type.String())),
    }),
  },
  { $id: 'ErrorResponse' },
)
export type ErrorResponse = Static<typeof ErrorResponse>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The only uuid check: the schema format `uuid` (server/platform/http/input-checks.ts) and code
 * that reads an id out of other text (a FHIR reference, a cursor) both use it. Stricter than
 * Ajv's own format, which also lets `urn:uuid:…` through: PostgreSQL would refuse that cast.
 */
export function isUuid(text: string): boolean {
  return UUID.test(text)
}

export const Uuid = Type.String({ format: 'uuid' })
export const IsoDateTime = Type.String({ format: 'date-time' })

/** Body of a POST that carries no data: `{}`. */
export const EmptyBody = Type.Object({}, { additionalProperties: false })

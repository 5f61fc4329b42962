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

export const Uuid = Type.String({ format: 'uuid' })
export const IsoDateTime = Type.String({ format: 'date-time' })

/** Body of a POST that carries no data: `{}`. */
export const EmptyBody = Type.Object({}, { additionalProperties: false })

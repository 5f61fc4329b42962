import { Type, type Static } from 'typebox'

/** Error body of every JSON API route (FHIR routes answer an OperationOutcome instead). */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      requestId: Type.String(),
      fields: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
    }),
  },
  { $id: 'ErrorResponse' },
)
export type ErrorResponse = Static<typeof ErrorResponse>

export const Uuid = Type.String({ format: 'uuid' })
export const IsoDateTime = Type.String({ format: 'date-time' })

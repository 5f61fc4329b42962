import { Type, type Static } from 'typebox'

export const TermsOfUse = Type.Object({
  version: Type.Integer(),
  body: Type.String(),
  publishedAt: Type.String({ format: 'date-time' }),
  /** When the logged-in person accepted this version; null when not (yet), or not logged in. */
  acceptedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})
export type TermsOfUse = Static<typeof TermsOfUse>

export const AcceptTermsRequest = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false })

import { Type, type Static } from 'typebox'

const IsoDate = Type.String({ format: 'date' })

export const CarePlanPrintParams = Type.Object(
  { clientId: Type.String({ format: 'uuid' }), printId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
)
export type CarePlanPrintParams = Static<typeof CarePlanPrintParams>

/** One signed care-plan print: "Cliëntplanafdruk van donderdag 11 oktober 2018", signed on ... */
export const CarePlanPrint = Type.Object({
  id: Type.String({ format: 'uuid' }),
  planDate: IsoDate,
  signedOn: Type.Union([IsoDate, Type.Null()]),
  printSize: Type.Integer(),
  /** Null when no signature sheet ("Handtekeningblad") was delivered. */
  signatureSheetSize: Type.Union([Type.Integer(), Type.Null()]),
})
export type CarePlanPrint = Static<typeof CarePlanPrint>

/** Newest first. */
export const CarePlanPrintList = Type.Object({ items: Type.Array(CarePlanPrint) })
export type CarePlanPrintList = Static<typeof CarePlanPrintList>

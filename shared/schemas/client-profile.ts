import { Type, type Static } from 'typebox'

/** The person's own facts, in the same order on the profile page and in the record copy. */
export const personFields = {
  dateOfBirth: Type.String({ format: 'date' }),
  age: Type.Integer(),
  maritalStatus: Type.String(),
  placeOfBirth: Type.String(),
  nationality: Type.String(),
  /** Only the last four digits, "*****0076"; the whole number through POST .../profile/bsn. Null when unknown. */
  bsnMasked: Type.Union([Type.String(), Type.Null()]),
}

/**
 * The admission facts that end both the full profile and the record copy's profile, spread last
 * into each so the fields keep their order in the response.
 */
export const admissionFields = {
  admissionStatus: Type.String(),
  admissionLegalBasis: Type.String(),
  generalPractitioner: Type.String(),
  identityEstablished: Type.Boolean(),
  /** Country code and last four characters only, "NL************4300". Null when unknown. */
  bankAccountMasked: Type.Union([Type.String(), Type.Null()]),
}

/** "Profiel" and "Volledig profiel": the card shows the first block, the full page all of it. */
export const ClientProfile = Type.Object({
  name: Type.String(),
  ...personFields,
  address: Type.Object({ street: Type.String(), houseNumber: Type.String(), postalCode: Type.String(), city: Type.String(), extra: Type.String() }),
  phone: Type.String(),
  email: Type.String(),
  // Volledig profiel
  clientNumber: Type.String(),
  legalCapacity: Type.Union([Type.Literal('wilsbekwaam'), Type.Literal('wilsonbekwaam'), Type.Literal('onbekend')]),
  legalRepresentatives: Type.Array(Type.String()),
  ...admissionFields,
})
export type ClientProfile = Static<typeof ClientProfile>

/** The whole BSN, asked for on purpose; the request is logged on its own. */
export const RevealedBsn = Type.Object({ bsn: Type.String() })
export type RevealedBsn = Static<typeof RevealedBsn>

const Person = Type.Object({ name: Type.String(), discipline: Type.String() })

/** "Wie heeft er vandaag toegang tot mijn dossier?": assignments valid on `date` (Dutch calendar). */
export const CareTeamToday = Type.Object({
  date: Type.String({ format: 'date' }),
  teams: Type.Array(Type.Object({ name: Type.String(), location: Type.String() })),
  disciplines: Type.Array(Type.String()),
  /** EVV-er (eerst verantwoordelijk verzorgende) and other responsible staff. */
  responsible: Type.Array(Type.Object({ name: Type.String(), discipline: Type.String(), role: Type.Union([Type.Literal('evv'), Type.Literal('responsible')]) })),
  practitioners: Type.Array(Person),
})
export type CareTeamToday = Static<typeof CareTeamToday>

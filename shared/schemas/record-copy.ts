import { Type, type Static } from 'typebox'
import { Appointment } from './appointments.ts'
import { CarePlanPrint } from './care-plan-prints.ts'
import { admissionFields, personFields } from './client-profile.ts'
import { LinkRelation, Section } from './clients.ts'
import { SubscriptionSummary } from './home.ts'
import { Message } from './messages.ts'
import { Report } from './reports.ts'

/**
 * The full profile as it appears in the electronic copy. BSN and bank account are masked
 * (last three / four characters): a downloaded file outlives the session and may end up in a
 * downloads folder or a mailbox. The full BSN stays viewable on the profile page, where each
 * look is logged.
 */
export const CopyProfile = Type.Object({
  name: Type.String(),
  clientNumber: Type.String(),
  ...personFields,
  address: Type.String(),
  addressExtra: Type.String(),
  phone: Type.String(),
  email: Type.String(),
  legalCapacity: Type.String(),
  ...admissionFields,
})
export type CopyProfile = Static<typeof CopyProfile>

/** One line of "Wie heeft mijn dossier ingezien?" in the copy. */
export const CopyAccessLogEntry = Type.Object({
  occurredAt: Type.String({ format: 'date-time' }),
  action: Type.String(),
  outcome: Type.String(),
  actorType: Type.String(),
  actorRole: Type.String(),
  actorName: Type.String(),
  dataKind: Type.String(),
})
export type CopyAccessLogEntry = Static<typeof CopyAccessLogEntry>

/** "Mijn gegevens downloaden": everything this link may see, as of `generatedAt`. */
export const RecordCopy = Type.Object({
  generatedAt: Type.String({ format: 'date-time' }),
  organisation: Type.String(),
  client: Type.Object({ name: Type.String() }),
  link: Type.Object({ relation: LinkRelation, activatedAt: Type.String({ format: 'date-time' }), sections: Type.Array(Section) }),
  profile: Type.Optional(CopyProfile),
  reports: Type.Optional(Type.Array(Report)),
  messages: Type.Optional(Type.Array(Message)),
  appointments: Type.Optional(Type.Array(Appointment)),
  carePlanPrints: Type.Optional(Type.Array(CarePlanPrint)),
  subscriptions: Type.Optional(Type.Array(SubscriptionSummary)),
  /** Newest first; at most the last 5,000 lines. */
  accessLog: Type.Array(CopyAccessLogEntry),
})
export type RecordCopy = Static<typeof RecordCopy>

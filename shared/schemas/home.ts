import { Type, type Static } from 'typebox'
import { Appointment } from './appointments.ts'
import { CarePlanPrint } from './care-plan-prints.ts'
import { Message } from './messages.ts'
import { Report } from './reports.ts'

/** The client profile card: who, born when, how old. Never the BSN. */
export const ProfileSummary = Type.Object({
  /** The Dutch way: "mw. S. uit de Jordaan". */
  name: Type.String(),
  dateOfBirth: Type.String({ format: 'date' }),
  age: Type.Integer(),
})
export type ProfileSummary = Static<typeof ProfileSummary>

export const SubscriptionSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  service: Type.String(),
  supplier: Type.String(),
  startsOn: Type.String({ format: 'date' }),
  endsOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
})
export type SubscriptionSummary = Static<typeof SubscriptionSummary>

/**
 * The whole home screen in one answer. A card whose section the link may not open is absent
 * (not empty), so the web app shows exactly the cards that are there.
 */
export const HomeOverview = Type.Object({
  reports: Type.Optional(Type.Object({ newest: Type.Union([Report, Type.Null()]) })),
  messages: Type.Optional(Type.Object({ newest: Type.Array(Message), unreadCount: Type.Integer() })),
  carePlanPrints: Type.Optional(Type.Object({ newest: Type.Union([CarePlanPrint, Type.Null()]) })),
  appointments: Type.Optional(Type.Object({ today: Type.Array(Appointment), tomorrow: Type.Array(Appointment) })),
  profile: Type.Optional(ProfileSummary),
  subscriptions: Type.Optional(Type.Object({ items: Type.Array(SubscriptionSummary), total: Type.Integer() })),
})
export type HomeOverview = Static<typeof HomeOverview>

import { Type, type Static } from 'typebox'

/** "Abonnementen": a service such as the hairdresser, its supplier and period ("1 januari 2019 – ..."). */
export const Subscription = Type.Object({
  id: Type.String({ format: 'uuid' }),
  service: Type.String(),
  supplier: Type.String(),
  startsOn: Type.String({ format: 'date' }),
  /** Null while it runs on ("..."). */
  endsOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
})
export type Subscription = Static<typeof Subscription>

export const SubscriptionList = Type.Object({ items: Type.Array(Subscription) })
export type SubscriptionList = Static<typeof SubscriptionList>

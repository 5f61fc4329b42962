import { Type, type Static } from 'typebox'

/** Whether "Inloggen met DigiD" is offered (GET /api/digid). */
export const DigidAvailability = Type.Object({ enabled: Type.Boolean() })
export type DigidAvailability = Static<typeof DigidAvailability>

/** The logged-in account's DigiD: offered at all, and bound or not (never the BSN). */
export const DigidBinding = Type.Object({ enabled: Type.Boolean(), bound: Type.Boolean() })
export type DigidBinding = Static<typeof DigidBinding>

/** Where the browser goes next to log in at DigiD (POST /api/digid/binding). */
export const DigidBindingStart = Type.Object({ url: Type.String() })
export type DigidBindingStart = Static<typeof DigidBindingStart>

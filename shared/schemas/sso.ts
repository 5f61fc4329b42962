import { Type, type Static } from 'typebox'

/** Whether staff may log in through the organisation's identity provider (GET /api/sso). */
export const SsoAvailability = Type.Object({ enabled: Type.Boolean() })
export type SsoAvailability = Static<typeof SsoAvailability>

/** A redirect: no body leaves the server, only the Location header. */
export const Redirect = Type.Null({ description: 'Redirect; see the Location header.' })

import { Type, type Static } from 'typebox'

/** Period in Dutch calendar days (both inclusive) and the page; `cursor` is the previous `nextCursor`. */
export const AccessLogQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
    cursor: Type.Optional(Type.String({ format: 'date' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
)
export type AccessLogQuery = Static<typeof AccessLogQuery>

export const AccessLogActor = Type.Object({
  type: Type.Union([Type.Literal('account'), Type.Literal('staff'), Type.Literal('integration'), Type.Literal('system'), Type.Literal('anonymous')]),
  /** The care organisation, for its staff, systems and integrations; null for portal accounts. */
  organisation: Type.Union([Type.String(), Type.Null()]),
  /** A staff role or discipline, or a portal account's relation to the client ('legal_representative', ...). */
  role: Type.String(),
  /** The person's name, for staff and linked accounts only. */
  name: Type.Union([Type.String(), Type.Null()]),
})

/** One line of "Wie heeft mijn dossier ingezien?": the same actor, data and action on one day, merged. */
export const AccessLogLine = Type.Object({
  date: Type.String({ format: 'date' }),
  firstAt: Type.String({ format: 'date-time' }),
  lastAt: Type.String({ format: 'date-time' }),
  count: Type.Integer({ minimum: 1 }),
  actor: AccessLogActor,
  /** 'report', 'profile', 'bsn', 'care_team', 'subscription', 'care_plan_print', 'message', 'appointment', 'access_log', ... */
  dataKind: Type.String(),
  action: Type.Union([Type.Literal('read'), Type.Literal('create'), Type.Literal('update'), Type.Literal('delete'), Type.Literal('export')]),
  /** How the person logged in (digid, sms, totp, passkey, oidc); null for systems and integrations. */
  wayIn: Type.Union([Type.String(), Type.Null()]),
  /** The assurance level of that login: low, substantial or high; null with wayIn. */
  assurance: Type.Union([Type.String(), Type.Null()]),
})
export type AccessLogLine = Static<typeof AccessLogLine>

/** Newest day first; `nextCursor` (a day) is null on the last page. A page holds whole days. */
export const AccessLogPage = Type.Object({ items: Type.Array(AccessLogLine), nextCursor: Type.Union([Type.String({ format: 'date' }), Type.Null()]) })
export type AccessLogPage = Static<typeof AccessLogPage>

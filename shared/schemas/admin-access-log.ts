import { Type, type Static } from 'typebox'
import { Uuid } from './common.ts'

/** The access log for administrators: search and CSV export (`/api/admin/access-log`). */

export const AccessAction = Type.Union(['read', 'create', 'update', 'delete', 'export', 'login', 'logout'].map((a) => Type.Literal(a)))

const Filters = {
  clientId: Type.Optional(Uuid),
  /** The person who acted: their account id… */
  actorId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  /** …or part of their name. */
  actorName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  until: Type.Optional(Type.String({ format: 'date-time' })),
  action: Type.Optional(AccessAction),
}

export const AccessLogExportQuery = Type.Object(Filters, { additionalProperties: false })
export type AccessLogFilters = Static<typeof AccessLogExportQuery>

export const AccessLogSearchQuery = Type.Object(
  {
    ...Filters,
    /** The opaque `nextCursor` of the previous page. */
    cursor: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
)
export type AccessLogSearchQuery = Static<typeof AccessLogSearchQuery>

const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()])

export const AccessLogEntry = Type.Object({
  id: Type.String(),
  occurredAt: Type.String({ format: 'date-time' }),
  action: Type.String(),
  outcome: Type.String(),
  actorType: Type.String(),
  actorId: Nullable(Type.String()),
  actorRole: Type.String(),
  actorName: Type.String(),
  onBehalfLinkId: Nullable(Type.String()),
  onBehalfOf: Type.String(),
  clientId: Nullable(Type.String()),
  clientNumber: Nullable(Type.String()),
  dataKind: Type.String(),
  recordId: Nullable(Type.String()),
  sourceIp: Type.String(),
  userAgent: Type.String(),
  requestId: Type.String(),
})
export type AccessLogEntry = Static<typeof AccessLogEntry>

export const AccessLogPage = Type.Object({ items: Type.Array(AccessLogEntry), nextCursor: Type.Union([Type.String(), Type.Null()]) })
export type AccessLogPage = Static<typeof AccessLogPage>

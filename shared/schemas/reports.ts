import { Type, type Static } from 'typebox'

/** Filters and the page asked for; `cursor` is the opaque `nextCursor` of the previous page. */
export const ReportListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    /** Calendar days in Dutch time, both inclusive. */
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
    cursor: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
)
export type ReportListQuery = Static<typeof ReportListQuery>

/** One report as the portal shows it; `text` is plain text with its line breaks. */
export const Report = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reportedAt: Type.String({ format: 'date-time' }),
  team: Type.Union([Type.String(), Type.Null()]),
  authorRole: Type.String(),
  /** Only when the organisation shows authors' names; null otherwise. */
  authorName: Type.Union([Type.String(), Type.Null()]),
  carePlanGoal: Type.String(),
  text: Type.String(),
})
export type Report = Static<typeof Report>

/**
 * Newest first; `nextCursor` is null on the last page. `shownFrom`: the moment the reader's link
 * was activated; nothing written before it is shown through that link (the portal says so).
 */
export const ReportPage = Type.Object({
  items: Type.Array(Report),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  shownFrom: Type.String({ format: 'date-time' }),
})
export type ReportPage = Static<typeof ReportPage>

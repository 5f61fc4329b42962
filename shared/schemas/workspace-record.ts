import { Type, type Static } from 'typebox'
import { CareTeamToday } from './client-profile.ts'

/** Reports, care-plan print uploads and the care team in the caregivers' workspace. */

export const REPORT_TEXT_MAX = 8000
export const REPORT_GOAL_MAX = 300
/** How long after writing a report its author may correct it. */
export const REPORT_CORRECTION_HOURS = 24

export const ReportParams = Type.Object(
  { clientId: Type.String({ format: 'uuid' }), reportId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
)
export type ReportParams = Static<typeof ReportParams>

export const WorkspaceReportQuery = Type.Object(
  {
    /** 'portal': only what the portal shows (visible ones); 'all' (default): hidden ones too, marked. */
    view: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('portal')])),
    cursor: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
)
export type WorkspaceReportQuery = Static<typeof WorkspaceReportQuery>

export const WorkspaceReport = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reportedAt: Type.String({ format: 'date-time' }),
  team: Type.Union([Type.String(), Type.Null()]),
  authorName: Type.Union([Type.String(), Type.Null()]),
  authorRole: Type.String(),
  carePlanGoal: Type.String(),
  text: Type.String(),
  /** "Zichtbaar in portaal": off means the portal never shows it. */
  visibleInPortal: Type.Boolean(),
  /** Written by the logged-in staff member. */
  isMine: Type.Boolean(),
  /** Until when its author may still correct it; null when that is over or it is someone else's. */
  correctableUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** How many earlier versions are kept (0: never corrected). */
  earlierVersions: Type.Integer(),
})
export type WorkspaceReport = Static<typeof WorkspaceReport>

export const WorkspaceReportPage = Type.Object({ items: Type.Array(WorkspaceReport), nextCursor: Type.Union([Type.String(), Type.Null()]) })
export type WorkspaceReportPage = Static<typeof WorkspaceReportPage>

/** A new report, or the corrected text of one's own. */
export const ReportRequest = Type.Object(
  {
    reportedAt: Type.String({ format: 'date-time' }),
    carePlanGoal: Type.String({ maxLength: REPORT_GOAL_MAX }),
    text: Type.String({ minLength: 1, maxLength: REPORT_TEXT_MAX }),
    visibleInPortal: Type.Boolean(),
  },
  { additionalProperties: false },
)
export type ReportRequest = Static<typeof ReportRequest>

export const ReportVersion = Type.Object({
  version: Type.Integer(),
  reportedAt: Type.String({ format: 'date-time' }),
  carePlanGoal: Type.String(),
  text: Type.String(),
  visibleInPortal: Type.Boolean(),
  writtenAt: Type.String({ format: 'date-time' }),
  replacedAt: Type.String({ format: 'date-time' }),
})
export type ReportVersion = Static<typeof ReportVersion>

/** Oldest first. */
export const ReportVersionList = Type.Object({ items: Type.Array(ReportVersion) })
export type ReportVersionList = Static<typeof ReportVersionList>

/** Largest PDF a caregiver may upload (print or signature sheet). */
export const PRINT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024
/** No maxLength: the route's body limit bounds it, and the service answers file_too_large with the limit in words. */
const Base64Pdf = Type.String({ minLength: 4, pattern: '^[A-Za-z0-9+/]+={0,2}$' })
/** Two files at the limit, in base64, and room for the rest of the JSON. */
export const PRINT_UPLOAD_BODY_LIMIT = 2 * Math.ceil(PRINT_UPLOAD_MAX_BYTES / 3) * 4 + 64 * 1024

/** A signed care-plan print and its signature sheet, each a PDF as base64 (JSON is the only body type). */
export const CarePlanPrintUpload = Type.Object(
  {
    planDate: Type.String({ format: 'date' }),
    signedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    printPdfBase64: Base64Pdf,
    signatureSheetPdfBase64: Type.Union([Base64Pdf, Type.Null()]),
  },
  { additionalProperties: false },
)
export type CarePlanPrintUpload = Static<typeof CarePlanPrintUpload>

export const CareAssignmentRole = Type.Union([Type.Literal('team'), Type.Literal('evv'), Type.Literal('responsible'), Type.Literal('practitioner')])
export type CareAssignmentRole = Static<typeof CareAssignmentRole>

export const CareAssignment = Type.Object({
  id: Type.String({ format: 'uuid' }),
  role: CareAssignmentRole,
  team: Type.Union([Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), location: Type.String() }), Type.Null()]),
  staff: Type.Union([Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }), Type.Null()]),
  discipline: Type.String(),
  validFrom: Type.String({ format: 'date' }),
  validUntil: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  /** Valid on today's Dutch calendar day. */
  activeToday: Type.Boolean(),
})
export type CareAssignment = Static<typeof CareAssignment>

/** Every assignment, current, past and future, and the summary the portal shows today. */
export const WorkspaceCareTeam = Type.Object({ assignments: Type.Array(CareAssignment), today: CareTeamToday })
export type WorkspaceCareTeam = Static<typeof WorkspaceCareTeam>

/** A team (role team) or a staff member (other roles), from a day on, optionally until a day. */
export const NewCareAssignment = Type.Object(
  {
    role: CareAssignmentRole,
    teamId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    staffMemberId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    discipline: Type.String({ maxLength: 100 }),
    validFrom: Type.String({ format: 'date' }),
    validUntil: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  },
  { additionalProperties: false },
)
export type NewCareAssignment = Static<typeof NewCareAssignment>

export const CareAssignmentParams = Type.Object(
  { clientId: Type.String({ format: 'uuid' }), assignmentId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
)
export type CareAssignmentParams = Static<typeof CareAssignmentParams>

/** The last day the assignment counts. */
export const EndCareAssignment = Type.Object({ validUntil: Type.String({ format: 'date' }) }, { additionalProperties: false })
export type EndCareAssignment = Static<typeof EndCareAssignment>

/** Teams and staff members to choose from when assigning. */
export const CareTeamDirectory = Type.Object({
  teams: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), location: Type.String() })),
  staff: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), discipline: Type.String() })),
})
export type CareTeamDirectory = Static<typeof CareTeamDirectory>

import { Type, type Static } from 'typebox'
import { Uuid } from './common.ts'

/** Administrator routes for staff accounts, their roles and teams (`/api/admin/staff...`). */

export const StaffIdParams = Type.Object({ staffMemberId: Uuid }, { additionalProperties: false })

export const StaffRoles = Type.Object({ caregiver: Type.Boolean(), administrator: Type.Boolean() }, { additionalProperties: false })
export type StaffRoles = Static<typeof StaffRoles>

export const Team = Type.Object({ id: Uuid, name: Type.String(), location: Type.String() })
export const TeamList = Type.Object({ items: Type.Array(Team) })

const TeamIds = Type.Array(Uuid, { maxItems: 50, uniqueItems: true })

export const StaffSummary = Type.Object({
  staffMemberId: Uuid,
  accountId: Uuid,
  name: Type.String(),
  loginName: Type.String(),
  email: Type.String(),
  discipline: Type.String(),
  roles: StaffRoles,
  teams: Type.Array(Team),
  blockedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  endedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})
export type StaffSummary = Static<typeof StaffSummary>
export const StaffList = Type.Object({ items: Type.Array(StaffSummary) })

export const StaffSearchQuery = Type.Object({ search: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false })

export const NewStaffRequest = Type.Object(
  {
    loginName: Type.String({ minLength: 3, maxLength: 64 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.String({ minLength: 3, maxLength: 254 }),
    mobilePhone: Type.String({ minLength: 6, maxLength: 30 }),
    discipline: Type.String({ maxLength: 100 }),
    roles: StaffRoles,
    teamIds: TeamIds,
  },
  { additionalProperties: false },
)
export type NewStaffRequest = Static<typeof NewStaffRequest>

export const TeamsRequest = Type.Object({ teamIds: TeamIds }, { additionalProperties: false })

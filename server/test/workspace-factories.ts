import type { FieldCipher } from '../platform/crypto/field-encryption.ts'
import type { Db } from '../platform/db/database.ts'
import { createCareAssignment, createClient, createTeam } from './client-record-factories.ts'
import { createStaffAccount } from './staff-factories.ts'

/** Test data of the caregivers' workspace: teams with members and the clients they care for. */

/** A team with caregivers (staff accounts with an authenticator app) as its members. */
export async function createTeamWithCaregivers(db: Db, cipher: FieldCipher, count = 1, teamName = 'Team Noord') {
  const team = await createTeam(db, { name: teamName })
  const caregivers = []
  for (let i = 0; i < count; i++) {
    const caregiver = await createStaffAccount(db, cipher, { caregiver: true })
    await db.insertInto('team_membership').values({ team_id: team.id, staff_member_id: caregiver.staffMemberId }).execute()
    caregivers.push(caregiver)
  }
  return { team, caregivers }
}

/** A client the team cares for from `validFrom` on (a team assignment). */
export async function createClientOfTeam(db: Db, teamId: string, overrides: Parameters<typeof createClient>[1] = {}, validity: { validFrom?: string; validUntil?: string | null } = {}) {
  const client = await createClient(db, overrides)
  await createCareAssignment(db, client.id, { role: 'team', team_id: teamId, valid_from: validity.validFrom ?? '2026-01-01', valid_until: validity.validUntil ?? null })
  return client
}

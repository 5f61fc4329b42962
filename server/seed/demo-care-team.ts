import type { Faker } from '@faker-js/faker'
import type { Insertable } from 'kysely'
import type { CareAssignmentTable } from '../record/care-team/care-team.table.ts'
import { addDays } from '../platform/amsterdam-time.ts'
import { DEMO_CLIENT_INDEX, type DemoPeople, type PlannedStaff } from './demo-people.ts'

/**
 * Who cares for each client, and since when: the team, the EVV-er, the responsible
 * physician and practitioners. Some assignments have ended (a previous EVV-er, a
 * physiotherapy series that stopped), so "Wie heeft er vandaag toegang?" has something
 * to leave out.
 */

export interface DatedStaff {
  staff: PlannedStaff
  from: string
  until: string | null
}

export interface ClientCareTeam {
  evv: PlannedStaff
  /** Everyone of the client's team who writes day-to-day reports. */
  caregivers: PlannedStaff[]
  responsible: PlannedStaff | undefined
  practitioners: DatedStaff[]
}

export interface CarePlan {
  assignments: Insertable<CareAssignmentTable>[]
  careTeams: Map<string, ClientCareTeam>
}

const RESPONSIBLE_DISCIPLINE = 'Specialist ouderengeneeskunde'

export function planCareTeams(faker: Faker, people: DemoPeople, today: string): CarePlan {
  const assignments: Insertable<CareAssignmentTable>[] = []
  const careTeams = new Map<string, ClientCareTeam>()

  for (const [index, client] of people.clients.entries()) {
    const team = people.teams[client.teamIndex]
    if (!team) throw new Error(`No team ${client.teamIndex}`)
    const inTeam = people.staff.filter((member) => member.teamIndexes.includes(client.teamIndex))
    const caregivers = inTeam.filter((member) => ['Verzorgende IG', 'Verpleegkundige', 'Helpende'].includes(member.discipline))
    const evvCandidates = caregivers.filter((member) => member.discipline !== 'Helpende')
    const demoFamilyMember = index === DEMO_CLIENT_INDEX.mother || index === DEMO_CLIENT_INDEX.father
    // demo.zorg is the EVV-er of demo.familie's father; the mother has a colleague as EVV-er.
    const evv = index === DEMO_CLIENT_INDEX.father
      ? people.demoCaregiver
      : faker.helpers.arrayElement(demoFamilyMember ? evvCandidates.filter((m) => m !== people.demoCaregiver) : evvCandidates)

    assignments.push({ client_id: client.id, team_id: team.id, staff_member_id: null, role: 'team', discipline: '', valid_from: client.admittedOn, valid_until: null })

    // A third of the clients had another EVV-er before the current one.
    const previousEvv = evvCandidates.find((member) => member !== evv)
    let evvFrom = client.admittedOn
    if (previousEvv && index > DEMO_CLIENT_INDEX.father && faker.number.float() < 0.33) {
      evvFrom = addDays(today, -faker.number.int({ min: 60, max: 400 }))
      if (evvFrom <= client.admittedOn) evvFrom = addDays(client.admittedOn, 30)
      assignments.push(staffAssignment(client.id, previousEvv, 'evv', client.admittedOn, addDays(evvFrom, -1)))
    }
    assignments.push(staffAssignment(client.id, evv, 'evv', evvFrom, null))

    const responsible = inTeam.find((member) => member.discipline === RESPONSIBLE_DISCIPLINE)
    if (responsible) assignments.push(staffAssignment(client.id, responsible, 'responsible', client.admittedOn, null))

    const otherPractitioners = inTeam.filter((member) => !member.isAdministrator && !caregivers.includes(member) && member !== responsible)
    const practitioners: DatedStaff[] = faker.helpers
      .arrayElements(otherPractitioners, { min: 1, max: Math.min(2, otherPractitioners.length) })
      .map((staff) => {
        const from = addDays(client.admittedOn, faker.number.int({ min: 0, max: 60 }))
        // About a quarter of the treatments have ended some months ago.
        const until = faker.number.float() < 0.25 ? addDays(today, -faker.number.int({ min: 30, max: 200 })) : null
        return { staff, from, until: until !== null && until < from ? from : until }
      })
    for (const practitioner of practitioners) {
      assignments.push(staffAssignment(client.id, practitioner.staff, 'practitioner', practitioner.from, practitioner.until))
    }

    careTeams.set(client.id, { evv, caregivers, responsible, practitioners })
  }
  return { assignments, careTeams }
}

function staffAssignment(
  clientId: string,
  staff: PlannedStaff,
  role: 'evv' | 'responsible' | 'practitioner',
  validFrom: string,
  validUntil: string | null,
): Insertable<CareAssignmentTable> {
  return { client_id: clientId, team_id: null, staff_member_id: staff.id, role, discipline: staff.discipline, valid_from: validFrom, valid_until: validUntil }
}

/** The team memberships implied by the staff plan. */
export function planTeamMemberships(people: DemoPeople): { team_id: string; staff_member_id: string }[] {
  return people.staff.flatMap((member) =>
    member.teamIndexes.flatMap((teamIndex) => {
      const team = people.teams[teamIndex]
      return team ? [{ team_id: team.id, staff_member_id: member.id }] : []
    }),
  )
}

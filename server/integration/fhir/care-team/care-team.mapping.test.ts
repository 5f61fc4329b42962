import type { CareTeam } from '@medplum/fhirtypes'
import { describe, expect, it } from 'vitest'
import { validateFhirResource } from '../fhir-validator.ts'
import { CARE_ROLE_SYSTEM, careTeamRowToFhir, careTeamToColumns, participantToAssignment } from './care-team.mapping.ts'

const SYSTEM = 'urn:oid:2.16.840.1.113883.2.4.3.11.999.1'
const updatedAt = new Date('2026-11-02T10:00:00Z')

/** The FHIR R4 specification's CareTeam example (period with an end only). */
const r4CareTeam: CareTeam = {
  resourceType: 'CareTeam',
  id: 'example',
  identifier: [{ value: '12345' }],
  status: 'active',
  name: 'Peter James Charlmers Care Plan for Inpatient Encounter',
  subject: { reference: 'Patient/example', display: 'Peter James Chalmers' },
  period: { end: '2013-01-01' },
  participant: [
    { role: [{ text: 'responsiblePerson' }], member: { reference: 'Patient/example', display: 'Peter James Chalmers' } },
    { role: [{ text: 'adviser' }], member: { reference: '#pr1', display: 'Dorothy Dietition' }, onBehalfOf: { reference: 'Organization/f001' }, period: { end: '2013-01-01' } },
  ],
}

describe('CareTeam ⇄ care assignments', () => {
  it('takes the period of the R4 example, and refuses one that ends before it starts', () => {
    validateFhirResource(r4CareTeam)
    expect(careTeamToColumns({ ...r4CareTeam, period: { start: '2012-06-01', end: '2013-01-01' } }, '2026-11-27')).toEqual({ name: r4CareTeam.name, valid_from: '2012-06-01', valid_until: '2013-01-01' })
    // Without a start (the R4 example has only an end) the team ran until its end: it starts on that day at the latest.
    expect(careTeamToColumns(r4CareTeam, '2026-11-27')).toMatchObject({ valid_from: '2013-01-01', valid_until: '2013-01-01' })
    expect(() => careTeamToColumns({ ...r4CareTeam, period: { start: '2013-06-01', end: '2013-01-01' } }, '2026-11-27')).toThrow(expect.objectContaining({ code: 'unprocessable' }))
  })

  it('turns participants into assignments: EVV by text or code, a team for an Organization, practitioner otherwise', () => {
    const team = { valid_from: '2026-01-01', valid_until: null }
    const staff = { kind: 'staff' as const, id: 's1' }
    expect(participantToAssignment({ member: staff, role: { text: 'EVV' }, period: undefined }, team)).toMatchObject({ role: 'evv', staff_member_id: 's1', discipline: 'EVV', valid_from: '2026-01-01' })
    expect(participantToAssignment({ member: staff, role: { coding: [{ system: CARE_ROLE_SYSTEM, code: 'responsible' }] }, period: { start: '2026-02-01' } }, team)).toMatchObject({ role: 'responsible', valid_from: '2026-02-01' })
    expect(participantToAssignment({ member: staff, role: r4CareTeam.participant![1]!.role![0], period: undefined }, team)).toMatchObject({ role: 'practitioner', discipline: 'adviser' })
    expect(participantToAssignment({ member: { kind: 'team', id: 't1' }, role: undefined, period: undefined }, team)).toMatchObject({ role: 'team', team_id: 't1', staff_member_id: null })
  })

  it('writes the team back as a CareTeam valid against R4, which maps to the same assignments', () => {
    const assignments = [
      { staff_member_id: 's1', team_id: null, role: 'evv' as const, discipline: 'Verzorgende IG', valid_from: '2026-01-01', valid_until: null },
      { staff_member_id: null, team_id: 't1', role: 'team' as const, discipline: '', valid_from: '2026-01-01', valid_until: '2026-12-31' },
    ]
    const row = { id: 'a8c1d7e4-0000-4000-8000-000000000003', ecd_id: 'CT-1', client_id: 'a8c1d7e4-0000-4000-8000-000000000004', name: 'Zorgteam', valid_from: '2026-01-01', valid_until: null, version: 1, created_at: updatedAt, updated_at: updatedAt }
    const careTeam = careTeamRowToFhir(row, assignments, SYSTEM)
    validateFhirResource(careTeam)
    expect(careTeam.subject).toEqual({ reference: 'Patient/a8c1d7e4-0000-4000-8000-000000000004' })
    const again = careTeam.participant!.map((p) => participantToAssignment({
      member: p.member!.reference!.startsWith('Practitioner/') ? { kind: 'staff', id: 's1' } : { kind: 'team', id: 't1' },
      role: p.role?.[0],
      period: p.period,
    }, careTeamToColumns(careTeam, '2026-11-27')))
    expect(again).toEqual(assignments)
  })
})

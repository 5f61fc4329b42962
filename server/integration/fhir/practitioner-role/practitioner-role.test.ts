import type { Bundle, PractitionerRole } from '@medplum/fhirtypes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { ECD_SYSTEM, fhirCaller } from '../fhir.test-support.ts'
import { validateFhirResource } from '../fhir-validator.ts'
import { practitionerRoleToColumns, roleRowToPractitionerRole } from './practitioner-role.mapping.ts'

/** nl-core-HealthProfessional-PractitionerRole-01, written from the Nictiz zib2020 example. */
const nlCoreRole: PractitionerRole = {
  resourceType: 'PractitionerRole',
  id: 'nl-core-HealthProfessional-PractitionerRole-01',
  practitioner: { reference: 'Practitioner/nl-core-HealthProfessional-Practitioner-01', type: 'Practitioner', display: 'Johan XXX_Arends' },
  organization: { reference: 'Organization/nl-core-HealthcareProvider-Organization-01', type: 'Organization', display: 'Huisartsenpraktijk Blaricum' },
  specialty: [{ coding: [{ system: 'urn:oid:2.16.840.1.113883.2.4.6.7', code: '0100', display: 'Huisartsen, niet nader gespecificeerd' }] }],
}

describe('PractitionerRole mapping', () => {
  it('reads the nl-core example and writes a role back valid against R4', () => {
    validateFhirResource(nlCoreRole)
    expect(practitionerRoleToColumns(nlCoreRole)).toEqual({ role: 'Huisartsen, niet nader gespecificeerd', active: true, valid_from: null, valid_until: null })
    const now = new Date('2026-11-02T10:00:00Z')
    const back = roleRowToPractitionerRole({
      id: 'a8c1d7e4-0000-4000-8000-000000000005', ecd_id: 'R-1', staff_member_id: 'a8c1d7e4-0000-4000-8000-000000000006', team_id: 'a8c1d7e4-0000-4000-8000-000000000007',
      role: 'Verzorgende IG', active: true, valid_from: '2026-01-01', valid_until: null, version: 1, created_at: now, updated_at: now,
    }, ECD_SYSTEM)
    validateFhirResource(back)
    expect(practitionerRoleToColumns(back)).toEqual({ role: 'Verzorgende IG', active: true, valid_from: '2026-01-01', valid_until: null })
  })
})

describe('PractitionerRole through HTTP', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-11-27T09:00:00Z') })
  })
  afterAll(() => t.close())

  const bundle = (active: boolean): Bundle => ({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { fullUrl: 'urn:uuid:9b7e0000-0000-4000-8000-000000000001', resource: { resourceType: 'Practitioner', identifier: [{ system: ECD_SYSTEM, value: 'PR-9' }], name: [{ text: 'Fatima el Amrani' }] }, request: { method: 'PUT', url: `Practitioner?identifier=${ECD_SYSTEM}|PR-9` } },
      { fullUrl: 'urn:uuid:9b7e0000-0000-4000-8000-000000000002', resource: { resourceType: 'Organization', identifier: [{ system: ECD_SYSTEM, value: 'T-9' }], name: 'Team Zuid' }, request: { method: 'PUT', url: `Organization?identifier=${ECD_SYSTEM}|T-9` } },
      {
        resource: {
          resourceType: 'PractitionerRole', identifier: [{ system: ECD_SYSTEM, value: 'R-9' }], active,
          practitioner: { reference: 'urn:uuid:9b7e0000-0000-4000-8000-000000000001' }, organization: { reference: 'urn:uuid:9b7e0000-0000-4000-8000-000000000002' }, code: [{ text: 'Verzorgende IG' }],
        },
        request: { method: 'PUT', url: `PractitionerRole?identifier=${ECD_SYSTEM}|R-9` },
      },
    ],
  })

  it('makes the staff member a member of the team while the role is active, and not once it ends', async () => {
    const caller = await fhirCaller(t)
    const memberships = () => t.db.selectFrom('team_membership').innerJoin('team', 'team.id', 'team_membership.team_id').select('team.ecd_id').execute()
    const first = await t.app.inject({ method: 'POST', url: '/fhir', headers: caller.headers, payload: bundle(true) as object })
    expect(first.statusCode, first.body).toBe(200)
    expect(await memberships()).toEqual([{ ecd_id: 'T-9' }])
    expect((await t.app.inject({ method: 'POST', url: '/fhir', headers: caller.headers, payload: bundle(true) as object })).json<Bundle>().entry!.map((e) => e.response!.status)).toEqual(['200 OK', '200 OK', '200 OK'])
    const ended = await t.app.inject({ method: 'POST', url: '/fhir', headers: caller.headers, payload: bundle(false) as object })
    expect(ended.json<Bundle>().entry![2]!.response).toMatchObject({ status: '200 OK', etag: 'W/"2"' })
    expect(await memberships()).toEqual([])
  })

  it('refuses a role for an unknown practitioner (422), storing nothing', async () => {
    const caller = await fhirCaller(t)
    const role = { resourceType: 'PractitionerRole', identifier: [{ system: ECD_SYSTEM, value: 'R-10' }], practitioner: { reference: 'Practitioner/00000000-0000-4000-8000-000000000000' }, organization: { reference: `Organization?identifier=${ECD_SYSTEM}|T-9` } }
    const res = await t.app.inject({ method: 'PUT', url: `/fhir/PractitionerRole?identifier=${encodeURIComponent(`${ECD_SYSTEM}|R-10`)}`, headers: caller.headers, payload: role })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ issue: [{ expression: ['PractitionerRole.practitioner'] }] })
    expect(await t.db.selectFrom('practitioner_role').select('id').where('ecd_id', '=', 'R-10').execute()).toEqual([])
  })
})

import type { Bundle, BundleEntry, Identifier, Resource } from '@medplum/fhirtypes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { nlCorePatientExample } from './examples/nl-core-patient.example.ts'
import { ECD_SYSTEM, fhirCaller } from './fhir.test-support.ts'

let t: TestApp
let caller: Awaited<ReturnType<typeof fhirCaller>>
beforeAll(async () => {
  t = await createTestApp()
  caller = await fhirCaller(t)
})
afterAll(() => t.close())

const put = (fullUrl: string, resource: Resource): BundleEntry => ({
  fullUrl,
  resource,
  request: { method: 'PUT', url: `${resource.resourceType}?identifier=${encodeURIComponent(`${ECD_SYSTEM}|${(resource as { identifier: Identifier[] }).identifier[0]!.value}`)}` },
})

/** A new client with their team, EVV-er and care team, the care team first: references decide the order. */
function admissionBundle(suffix: string, bsn: string): Bundle {
  const patient = nlCorePatientExample()
  delete patient.id
  patient.identifier = [{ system: ECD_SYSTEM, value: `P-${suffix}` }, { system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: bsn }]
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      put('urn:uuid:5a0f5a4e-0000-4000-8000-000000000004', {
        resourceType: 'CareTeam',
        identifier: [{ system: ECD_SYSTEM, value: `CT-${suffix}` }],
        status: 'active',
        name: 'Zorgteam mevrouw Van der Giessen',
        subject: { reference: 'urn:uuid:5a0f5a4e-0000-4000-8000-000000000001' },
        period: { start: '2026-01-01' },
        participant: [
          { role: [{ text: 'EVV' }], member: { reference: 'urn:uuid:5a0f5a4e-0000-4000-8000-000000000002' } },
          { member: { reference: 'urn:uuid:5a0f5a4e-0000-4000-8000-000000000003' } },
        ],
      } as Resource),
      put('urn:uuid:5a0f5a4e-0000-4000-8000-000000000001', patient),
      put('urn:uuid:5a0f5a4e-0000-4000-8000-000000000002', {
        resourceType: 'Practitioner',
        identifier: [{ system: ECD_SYSTEM, value: `PR-${suffix}` }],
        name: [{ use: 'official', family: 'Amrani', given: ['Fatima'], prefix: [] }],
        qualification: [{ code: { text: 'Verzorgende IG' } }],
      } as Resource),
      put('urn:uuid:5a0f5a4e-0000-4000-8000-000000000003', {
        resourceType: 'Organization',
        identifier: [{ system: ECD_SYSTEM, value: `T-${suffix}` }],
        name: `Team Noord ${suffix}`,
        address: [{ city: 'Zwolle' }],
      } as Resource),
    ],
  }
}

const post = (bundle: Bundle) => t.app.inject({ method: 'POST', url: '/fhir', headers: caller.headers, payload: bundle as object })
const count = async (table: 'client' | 'care_team' | 'team' | 'staff_member', ecdId: string) =>
  (await t.db.selectFrom(table).select('id').where('ecd_id', '=', ecdId).execute()).length

describe('transaction Bundle', () => {
  it('writes every entry in one go, resolving urn:uuid references, and the same Bundle again duplicates nothing', async () => {
    const first = await post(admissionBundle('A', '999911120'))
    expect(first.statusCode).toBe(200)
    const response = first.json<Bundle>()
    expect(response.type).toBe('transaction-response')
    expect(response.entry!.map((e) => e.response!.status)).toEqual(['201 Created', '201 Created', '201 Created', '201 Created'])
    const careTeam = response.entry![0]!.resource as Resource & { subject: { reference: string }; participant: { member: { reference: string }; role: { coding: { code: string }[] }[] }[] }
    const patientId = response.entry![1]!.resource!.id
    expect(careTeam.subject.reference).toBe(`Patient/${patientId}`)
    expect(careTeam.participant.map((p) => [p.member.reference.split('/')[0], p.role[0]!.coding[0]!.code])).toEqual([['Practitioner', 'evv'], ['Organization', 'team']])
    const assignments = await t.db.selectFrom('care_assignment').select(['role', 'discipline', 'valid_from']).where('client_id', '=', patientId!).orderBy('role').execute()
    expect(assignments).toEqual([{ role: 'evv', discipline: 'EVV', valid_from: '2026-01-01' }, { role: 'team', discipline: '', valid_from: '2026-01-01' }])

    const again = await post(admissionBundle('A', '999911120'))
    expect(again.statusCode).toBe(200)
    expect(again.json<Bundle>().entry!.map((e) => e.response!.status)).toEqual(['200 OK', '200 OK', '200 OK', '200 OK'])
    expect(again.json<Bundle>().entry!.map((e) => e.response!.etag)).toEqual(['W/"1"', 'W/"1"', 'W/"1"', 'W/"1"'])
    for (const [table, ecdId] of [['client', 'P-A'], ['care_team', 'CT-A'], ['team', 'T-A'], ['staff_member', 'PR-A']] as const) expect(await count(table, ecdId)).toBe(1)
    expect((await t.db.selectFrom('care_assignment').select('id').where('client_id', '=', patientId!).execute()).length).toBe(2)
    // Every write is in the access log under the integration client.
    const logged = await t.db.selectFrom('access_log').select(['action', 'data_kind']).where('actor_id', '=', caller.clientId).where('action', 'in', ['create', 'update']).execute()
    expect(logged.map((l) => l.data_kind).sort()).toEqual(['care_team', 'client_profile', 'staff_member', 'team'])
  })

  it('pages a search through rows of one instant with next links, none skipped or repeated', async () => {
    // The test app's clock stands still: every row of this file has the same updated_at.
    await post(admissionBundle('G', '999912070'))
    const get = async (url: string) => (await t.app.inject({ method: 'GET', url, headers: { authorization: caller.headers.authorization } })).json<Bundle>()
    const all = (await get('/fhir/Organization?_count=100')).entry!.map((e) => e.resource!.id)
    expect(all.length).toBeGreaterThanOrEqual(2)
    const seen: string[] = []
    let url: string | undefined = '/fhir/Organization?_count=1&_lastUpdated=ge2000-01-01'
    while (url && seen.length <= all.length) {
      const page = await get(url)
      seen.push(...(page.entry ?? []).map((e) => e.resource!.id!))
      const next = page.link?.find((l) => l.relation === 'next')?.url
      url = next ? `${new URL(next).pathname}${new URL(next).search}` : undefined
    }
    expect(seen).toEqual(all)
  })

  it('stores nothing when one entry fails, and names the entry in the OperationOutcome', async () => {
    const bundle = admissionBundle('B', '999912021')
    const organization = bundle.entry![3]!.resource as Resource & { name?: string }
    delete organization.name
    const res = await post(bundle)
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'business-rule', expression: ['Bundle.entry[3].resource(Organization.name)'] }] })
    for (const [table, ecdId] of [['client', 'P-B'], ['care_team', 'CT-B'], ['team', 'T-B'], ['staff_member', 'PR-B']] as const) expect(await count(table, ecdId)).toBe(0)
  })

  it('stores nothing when an entry breaks FHIR R4, or refers to an unknown client', async () => {
    const invalid = admissionBundle('C', '999912033')
    ;(invalid.entry![1]!.resource as { birthDate?: string }).birthDate = 'gisteren'
    expect((await post(invalid)).statusCode).toBe(400)
    const orphan = admissionBundle('D', '999912045')
    orphan.entry!.splice(1, 1)
    const res = await post(orphan)
    expect(res.statusCode).toBe(422)
    expect(res.json<{ issue: { expression: string[] }[] }>().issue[0]!.expression[0]).toContain('CareTeam.subject')
    for (const ecdId of ['PR-C', 'PR-D']) expect(await count('staff_member', ecdId)).toBe(0)
  })

  it('refuses a Bundle that is not a transaction, and entries it cannot route', async () => {
    expect((await post({ resourceType: 'Bundle', type: 'batch', entry: [] })).statusCode).toBe(400)
    const deleting = admissionBundle('E', '999912057')
    deleting.entry![2]!.request = { method: 'DELETE', url: 'Practitioner/x' }
    expect((await post(deleting)).statusCode).toBe(400)
    const unknownType: Bundle = { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: { resourceType: 'Medication' } as Resource, request: { method: 'POST', url: 'Medication' } }] }
    expect((await post(unknownType)).statusCode).toBe(404)
  })

  it('needs the write scope of every type in it (403, nothing stored)', async () => {
    const readOnly = await fhirCaller(t, ['system/*.read', 'system/Patient.write'])
    const res = await t.app.inject({ method: 'POST', url: '/fhir', headers: readOnly.headers, payload: admissionBundle('F', '999912069') as object })
    expect(res.statusCode).toBe(403)
    expect(await count('client', 'P-F')).toBe(0)
  })
})

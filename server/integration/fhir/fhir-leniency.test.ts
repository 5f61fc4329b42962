import type { Bundle, Observation, Patient } from '@medplum/fhirtypes'
import { Client } from 'fhir-kit-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { nlCorePatientExample } from './examples/nl-core-patient.example.ts'
import { progressNoteExample } from './examples/record.examples.ts'
import { createSecretClient, ECD_SYSTEM, fhirCaller, tokenFor } from './fhir.test-support.ts'

let t: TestApp
let caller: Awaited<ReturnType<typeof fhirCaller>>
beforeAll(async () => {
  t = await createTestApp()
  caller = await fhirCaller(t)
})
afterAll(() => t.close())

function patient(ecdId: string): Patient {
  const resource = nlCorePatientExample()
  delete resource.id
  resource.identifier = [{ system: ECD_SYSTEM, value: ecdId }]
  return resource
}
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { ...caller.headers, ...headers } })
const conditional = (type: string, ecdId: string) => `/fhir/${type}?identifier=${encodeURIComponent(`${ECD_SYSTEM}|${ecdId}`)}`

describe('an off-the-shelf client (fhir-kit-client) against a listening server', () => {
  it('creates, reads, searches and posts a transaction Bundle with absolute fullUrls', async () => {
    // The test's own app, listening on a free port: the client speaks real HTTP to it.
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' })
    {
      const token = await tokenFor(t, await createSecretClient(t))
      const client = new Client({ baseUrl: `${address}/fhir`, bearerToken: token })

      const created = (await client.create({ resourceType: 'Patient', body: patient('KIT-1') as never })) as unknown as Patient
      expect(created.id).toBeDefined()
      expect(((await client.read({ resourceType: 'Patient', id: created.id! })) as unknown as Patient).birthDate).toBe('1934-04-28')
      const found = (await client.search({ resourceType: 'Patient', searchParams: { identifier: `${ECD_SYSTEM}|KIT-1`, _count: '10', _format: 'json' } })) as unknown as Bundle
      expect(found).toMatchObject({ type: 'searchset', total: 1, entry: [{ resource: { id: created.id } }] })
      expect(found.link?.find((l) => l.relation === 'self')?.url).toContain('identifier=')

      // fhir-kit-client posts a transaction to `/fhir/`; the ECD's entries name each other by absolute URL.
      const base = 'https://ecd.example.org/fhir'
      const note = { ...progressNoteExample(new URL(address)), identifier: [{ system: ECD_SYSTEM, value: 'KIT-R-1' }], subject: { reference: 'Patient/kit-2' } } as Observation
      delete note.performer
      const response = (await client.transaction({
        body: {
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [
            { fullUrl: `${base}/Observation/kit-r-1`, resource: note, request: { method: 'POST', url: 'Observation' } },
            { fullUrl: `${base}/Patient/kit-2`, resource: patient('KIT-2'), request: { method: 'PUT', url: `Patient?identifier=${ECD_SYSTEM}|KIT-2` } },
          ],
        } as never,
      })) as unknown as Bundle
      expect(response.type).toBe('transaction-response')
      const patientId = (response.entry![1]!.resource as Patient).id
      expect((response.entry![0]!.resource as Observation).subject?.reference).toBe(`Patient/${patientId}`)
    }
  })
})

describe('leniency (R4: unknown parameters are ignored unless Prefer: handling=strict)', () => {
  it('ignores unknown parameters and leaves them out of the self link; strict refuses them', async () => {
    const lenient = await get('/fhir/Patient?_format=json&_sort=-birthdate&foo=bar&_lastUpdated=2026-01-01')
    expect(lenient.statusCode).toBe(200)
    const self = lenient.json<Bundle>().link!.find((l) => l.relation === 'self')!.url
    expect(self).toContain('_lastUpdated=2026-01-01')
    expect(self).not.toContain('foo')
    expect(self).not.toContain('_sort')
    const strict = await get('/fhir/Patient?foo=bar', { prefer: 'handling=strict' })
    expect(strict.statusCode).toBe(400)
    // A bad value of a known parameter is refused either way: a misread filter returns more.
    expect((await get('/fhir/Patient?_lastUpdated=yesterday')).statusCode).toBe(400)
  })

  it('counts (_summary=count, _count=0, _total), selects by _id and _lastUpdated as a day, subsets with _elements', async () => {
    const a = await t.app.inject({ method: 'PUT', url: conditional('Patient', 'LEN-1'), headers: caller.headers, payload: patient('LEN-1') })
    const b = await t.app.inject({ method: 'PUT', url: conditional('Patient', 'LEN-2'), headers: caller.headers, payload: patient('LEN-2') })
    const ids = [a.json<Patient>().id!, b.json<Patient>().id!]
    const byId = await get(`/fhir/Patient?_id=${ids.join(',')}&_elements=birthDate`)
    expect(byId.json()).toMatchObject({ total: 2 })
    const first = byId.json<Bundle>().entry![0]!.resource as Patient
    expect(first.birthDate).toBeDefined()
    expect(first.name).toBeUndefined()
    expect(first.meta?.tag).toContainEqual(expect.objectContaining({ code: 'SUBSETTED' }))

    const today = new Date().toISOString().slice(0, 10)
    for (const count of [`_summary=count&_lastUpdated=${today}`, `_count=0&_lastUpdated=${today}`]) {
      const res = await get(`/fhir/Patient?${count}`)
      expect(res.statusCode, count).toBe(200)
      expect(res.json<Bundle>().total, count).toBeGreaterThanOrEqual(2)
      expect(res.json<Bundle>().entry, count).toEqual([])
    }
    const page = await get(`/fhir/Patient?_count=1&_total=accurate&_lastUpdated=${today}`)
    expect(page.json<Bundle>().entry).toHaveLength(1)
    expect(page.json<Bundle>().total).toBeGreaterThanOrEqual(2)
    expect((await get('/fhir/Patient?_lastUpdated=2001-01-01&_total=accurate')).json()).toMatchObject({ total: 0 })
  })

  it('reads back the Location of a create (vread, history); an older version is 404', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: caller.headers, payload: patient('LEN-3') })
    expect(created.statusCode).toBe(201)
    const location = created.headers.location as string
    expect(location).toMatch(/^\/fhir\/Patient\/[0-9a-f-]+\/_history\/1$/)
    expect((await get(location)).json()).toMatchObject({ resourceType: 'Patient', meta: { versionId: '1' } })
    expect((await get(location.replace(/_history\/1$/, '_history'))).json()).toMatchObject({ type: 'history', total: 1 })
    const changed = { ...patient('LEN-3'), gender: 'male' }
    await t.app.inject({ method: 'PUT', url: conditional('Patient', 'LEN-3'), headers: caller.headers, payload: changed })
    expect((await get(location)).statusCode).toBe(404)
  })

  it('creates conditionally (If-None-Exist) and answers as Prefer: return= asks', async () => {
    const headers = { ...caller.headers, 'if-none-exist': `identifier=${ECD_SYSTEM}|LEN-4` }
    const first = await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: { ...headers, prefer: 'return=minimal' }, payload: patient('LEN-4') })
    expect(first.statusCode).toBe(201)
    expect(first.body).toBe('')
    const again = await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: { ...headers, prefer: 'return=OperationOutcome' }, payload: patient('LEN-4') })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ resourceType: 'OperationOutcome' })
    expect(await t.db.selectFrom('client').where('ecd_id', '=', 'LEN-4').select('id').execute()).toHaveLength(1)
    // Without the header a second create still conflicts.
    expect((await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: caller.headers, payload: patient('LEN-4') })).statusCode).toBe(409)
  })
})

describe('scopes and the CapabilityStatement', () => {
  it('grants narrower scopes than registered, v1 and v2; refuses wider ones', async () => {
    const client = await createSecretClient(t, ['system/*.read', 'system/*.write'])
    const narrow = await tokenFor(t, client, 'system/Patient.rs')
    const read = await t.app.inject({ method: 'GET', url: '/fhir/Patient?_count=1', headers: { authorization: `Bearer ${narrow}` } })
    expect(read.statusCode).toBe(200)
    const write = await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: { authorization: `Bearer ${narrow}`, 'content-type': 'application/fhir+json' }, payload: patient('LEN-5') })
    expect(write.statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: '/fhir/Observation', headers: { authorization: `Bearer ${narrow}` } })).statusCode).toBe(403)
    await tokenFor(t, client, 'system/Patient.read system/Observation.cu')
    const reader = await createSecretClient(t, ['system/*.read'])
    await expect(tokenFor(t, reader, 'system/Patient.cruds')).rejects.toThrow(/invalid_scope/)
  })

  it('names only the interactions that work, and the software', async () => {
    const statement = (await t.app.inject({ method: 'GET', url: '/fhir/metadata' })).json()
    expect(statement).toMatchObject({ name: 'ClientportaalFhirApi', software: { name: 'Cliëntportaal' } })
    const codes = (type: string) => statement.rest[0].resource.find((r: { type: string }) => r.type === type).interaction.map((i: { code: string }) => i.code)
    expect(codes('AuditEvent')).not.toContain('create')
    expect(codes('AuditEvent')).not.toContain('update')
    expect(codes('Consent')).not.toContain('create')
    expect(codes('Patient')).toEqual(expect.arrayContaining(['read', 'vread', 'history-instance', 'search-type', 'create', 'update']))
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { nlCorePatientExample } from '../examples/nl-core-patient.example.ts'
import { ECD_SYSTEM, fhirCaller } from '../fhir.test-support.ts'

let t: TestApp
let caller: Awaited<ReturnType<typeof fhirCaller>>
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-11-27T09:00:00Z') })
  caller = await fhirCaller(t)
})
afterAll(() => t.close())

/** The nl-core example as the ECD sends it: with its own identifier and a BSN of its own. */
function ecdPatient(ecdId: string, bsn = '999911120') {
  const patient = nlCorePatientExample()
  delete patient.id
  patient.identifier = [{ system: ECD_SYSTEM, value: ecdId }, { system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: bsn }]
  return patient
}
const conditionalUrl = (ecdId: string) => `/fhir/Patient?identifier=${encodeURIComponent(`${ECD_SYSTEM}|${ecdId}`)}`
const put = (ecdId: string, body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'PUT', url: conditionalUrl(ecdId), headers: { ...caller.headers, ...headers }, payload: body as object })
const countClients = async (ecdId: string) => (await t.db.selectFrom('client').select('id').where('ecd_id', '=', ecdId).execute()).length

describe('conditional update on the ECD identifier', () => {
  it('creates the first time (201), and the same push again changes nothing (200, one row, same version)', async () => {
    const first = await put('P-100', ecdPatient('P-100'))
    expect(first.statusCode).toBe(201)
    expect(first.headers.etag).toBe('W/"1"')
    expect(first.headers.location).toMatch(/^\/fhir\/Patient\/[0-9a-f-]{36}\/_history\/1$/)
    const again = await put('P-100', ecdPatient('P-100'))
    expect(again.statusCode).toBe(200)
    expect(again.headers.etag).toBe('W/"1"')
    expect(await countClients('P-100')).toBe(1)
    const row = await t.db.selectFrom('client').selectAll().where('ecd_id', '=', 'P-100').executeTakeFirstOrThrow()
    expect(row).toMatchObject({ given_name: 'Jo', name_prefix: 'van der', family_name: 'Giessen', city: 'Amsterdam', client_number: 'P-100' })
    expect(row.bsn_lookup?.equals(t.cipher.lookupHash('999911120'))).toBe(true)
    expect(t.cipher.decrypt(row.bsn_encrypted!)).toBe('999911120')
    // Answers never carry the BSN.
    expect(first.body + again.body).not.toContain('999911120')
  })

  it('updates with the current If-Match, and refuses a stale one with 412 storing nothing', async () => {
    const created = await put('P-200', ecdPatient('P-200', '999912021'))
    expect(created.statusCode).toBe(201)
    const moved = ecdPatient('P-200', '999912021')
    moved.address![0]!.city = 'Utrecht'
    const updated = await put('P-200', moved, { 'if-match': 'W/"1"' })
    expect(updated.statusCode).toBe(200)
    expect(updated.headers.etag).toBe('W/"2"')
    const stale = ecdPatient('P-200', '999912021')
    stale.address![0]!.city = 'Zwolle'
    const refused = await put('P-200', stale, { 'if-match': 'W/"1"' })
    expect(refused.statusCode).toBe(412)
    expect(refused.json()).toMatchObject({ resourceType: 'OperationOutcome' })
    const row = await t.db.selectFrom('client').select(['city', 'version']).where('ecd_id', '=', 'P-200').executeTakeFirstOrThrow()
    expect(row).toEqual({ city: 'Utrecht', version: 2 })
  })

  it('refuses a conditional update on another identifier system, and a BSN in the URL', async () => {
    const other = await t.app.inject({ method: 'PUT', url: `/fhir/Patient?identifier=${encodeURIComponent('http://example.org/other|X')}`, headers: caller.headers, payload: ecdPatient('X') })
    expect(other.statusCode).toBe(400)
    const search = await t.app.inject({ method: 'GET', url: `/fhir/Patient?identifier=${encodeURIComponent('http://fhir.nl/fhir/NamingSystem/bsn|999911120')}`, headers: caller.headers })
    expect(search.statusCode).toBe(400)
    expect(search.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'invalid' }] })
  })
})

describe('invalid resources store nothing', () => {
  it('answers 400 for a resource that breaks FHIR R4 (bad date, unknown element), naming the element', async () => {
    const patient = { ...ecdPatient('P-300', '999912033'), birthDate: '1934-13-45', colour: 'blue' }
    const res = await put('P-300', patient)
    expect(res.statusCode).toBe(400)
    const expressions = res.json<{ issue: { expression?: string[] }[] }>().issue.flatMap((i) => i.expression ?? [])
    expect(expressions).toEqual(expect.arrayContaining(['Patient.birthDate', 'Patient.colour']))
    expect(await countClients('P-300')).toBe(0)
  })

  it('answers 422 for a valid resource the portal cannot keep (no birth date, a BSN failing the 11-test)', async () => {
    const noBirth = ecdPatient('P-301', '999912045')
    delete noBirth.birthDate
    const res = await put('P-301', noBirth)
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'business-rule', expression: ['Patient.birthDate'] }] })
    expect((await put('P-302', ecdPatient('P-302', '123456789'))).statusCode).toBe(422)
    expect(await countClients('P-301')).toBe(0)
    expect(await countClients('P-302')).toBe(0)
  })

  it('answers 409 for a create with an ECD identifier that exists, and for a BSN another client has', async () => {
    await put('P-400', ecdPatient('P-400', '999912057'))
    const create = await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: caller.headers, payload: ecdPatient('P-400', '999912057') })
    expect(create.statusCode).toBe(409)
    const sameBsn = await put('P-401', ecdPatient('P-401', '999912057'))
    expect(sameBsn.statusCode).toBe(409)
    expect(await countClients('P-401')).toBe(0)
  })

  it('answers 415 for a body that is not FHIR JSON, and 400 for JSON that does not parse', async () => {
    const text = await t.app.inject({ method: 'PUT', url: conditionalUrl('P-500'), headers: { ...caller.headers, 'content-type': 'application/fhir+json; charset=latin1' }, payload: '{}' })
    expect(text.statusCode).toBe(415)
    expect(text.json()).toMatchObject({ resourceType: 'OperationOutcome' })
    const broken = await t.app.inject({ method: 'PUT', url: conditionalUrl('P-500'), headers: caller.headers, payload: '{"resourceType": "Patient",' })
    expect(broken.statusCode).toBe(400)
    expect(broken.json()).toMatchObject({ resourceType: 'OperationOutcome' })
  })
})

describe('read and search', () => {
  it('reads by id with ETag, 404 as OperationOutcome for an unknown id, every read in the access log', async () => {
    const created = await put('P-600', ecdPatient('P-600', '999912069'))
    const id = created.json<{ id: string }>().id
    const read = await t.app.inject({ method: 'GET', url: `/fhir/Patient/${id}`, headers: { authorization: caller.headers.authorization } })
    expect(read.statusCode).toBe(200)
    expect(read.headers.etag).toBe('W/"1"')
    expect(read.headers['cache-control']).toBe('no-store')
    const missing = await t.app.inject({ method: 'GET', url: '/fhir/Patient/00000000-0000-4000-8000-000000000000', headers: { authorization: caller.headers.authorization } })
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-found' }] })
    const logged = await t.db.selectFrom('access_log').select(['action', 'outcome', 'actor_type', 'client_id']).where('actor_id', '=', caller.clientId).where('client_id', '=', id).execute()
    expect(logged).toEqual([
      { action: 'create', outcome: 'success', actor_type: 'integration', client_id: id },
      { action: 'read', outcome: 'success', actor_type: 'integration', client_id: id },
    ])
  })

  it('finds what changed with _lastUpdated (gt, le) as a searchset Bundle, oldest change first', async () => {
    // Tokens live five minutes: a fresh one after each move of the clock.
    t.setNow(new Date('2026-11-27T10:00:00Z'))
    caller = await fhirCaller(t)
    await put('P-700', ecdPatient('P-700', '999912070'))
    t.setNow(new Date('2026-11-27T11:00:00Z'))
    caller = await fhirCaller(t)
    await put('P-701', ecdPatient('P-701', '999912082'))
    const search = (query: string) => t.app.inject({ method: 'GET', url: `/fhir/Patient?${query}`, headers: { authorization: caller.headers.authorization } })
    const ids = async (query: string) => {
      const res = await search(query)
      expect(res.statusCode).toBe(200)
      const bundle = res.json<{ resourceType: string; type: string; entry: { resource: { identifier: { value: string }[] } }[] }>()
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset' })
      return bundle.entry.map((e) => e.resource.identifier[0]!.value)
    }
    expect(await ids('_lastUpdated=gt2026-11-27T10:30:00Z')).toEqual(['P-701'])
    expect(await ids('_lastUpdated=ge2026-11-27T10:00:00Z&_lastUpdated=le2026-11-27T10:59:59Z')).toEqual(['P-700'])
    expect(await ids(`identifier=${encodeURIComponent(`${ECD_SYSTEM}|P-701`)}`)).toEqual(['P-701'])
    expect(await ids('_lastUpdated=gt2026-11-28T00:00:00Z')).toEqual([])
    // Even a search that finds nothing is in the access log.
    const empty = await t.db.selectFrom('access_log').select(['action', 'client_id', 'record_id']).where('actor_id', '=', caller.clientId).where('record_id', 'is', null).execute()
    expect(empty).toEqual([{ action: 'read', client_id: null, record_id: null }])
    // Without a prefix: the whole day (R4 eq); an unknown parameter is ignored unless strict (docs/decisions/fhir-leniency.md).
    expect(await ids('_lastUpdated=2026-11-27')).toEqual(expect.arrayContaining(['P-700', 'P-701']))
    expect(await ids('_lastUpdated=2026-11-26')).not.toContain('P-700')
    expect((await search('_lastUpdated=27-11-2026')).statusCode).toBe(400)
    expect((await t.app.inject({ method: 'GET', url: '/fhir/Patient?name=Giessen', headers: { authorization: caller.headers.authorization, prefer: 'handling=strict' } })).statusCode).toBe(400)
  })

  it('finds a client by BSN only through POST _search, by its lookup hash', async () => {
    await put('P-800', ecdPatient('P-800', '999912094'))
    const res = await t.app.inject({
      method: 'POST', url: '/fhir/Patient/_search',
      headers: { authorization: caller.headers.authorization, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ identifier: 'http://fhir.nl/fhir/NamingSystem/bsn|999912094' }).toString(),
    })
    expect(res.statusCode).toBe(200)
    expect(res.json<{ entry: { resource: { identifier: { value: string }[] } }[] }>().entry.map((e) => e.resource.identifier[0]!.value)).toEqual(['P-800'])
    expect(res.body).not.toContain('999912094')
  })
})

describe('no BSN in a URL, in any spelling (issue 9, item 7)', () => {
  const BSN = '999913001'
  const bsnSpellings = [
    'HTTP://FHIR.NL/FHIR/NAMINGSYSTEM/BSN',
    'http://fhir.nl/fhir/NamingSystem/bsn/',
    'http://fhir.nl/fhir/NamingSystem/bsn ',
    'https://fhir.nl/fhir/NamingSystem/bsn',
    'http://fhir.nl/fhir/NamingSystem/bsn\u200b',
    encodeURIComponent('http://fhir.nl/fhir/NamingSystem/bsn'),
    'urn:oid:2.16.840.1.113883.2.4.6.3',
  ]
  const form = { authorization: '', 'content-type': 'application/x-www-form-urlencoded' }
  const query = (pairs: Record<string, string>) => new URLSearchParams(pairs).toString()
  const ecdIds = (body: string) => JSON.parse(body).entry.map((e: { resource: { identifier: { value: string }[] } }) => e.resource.identifier[0]!.value)
  beforeAll(async () => {
    form.authorization = caller.headers.authorization
    expect((await put('P-900', ecdPatient('P-900', BSN))).statusCode).toBe(201)
    expect((await put('P-901', ecdPatient('P-901', '999913013'))).statusCode).toBe(201)
  })

  it('refuses every spelling of the BSN system in a GET search, on Patient and on other types, without echoing the BSN', async () => {
    for (const system of bsnSpellings) {
      for (const type of ['Patient', 'DocumentReference']) {
        const res = await t.app.inject({ method: 'GET', url: `/fhir/${type}?${query({ identifier: `${system}|${BSN}` })}`, headers: caller.headers })
        expect(res.statusCode, `${type} ${JSON.stringify(system)}`).toBe(400)
        expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'invalid', expression: ['identifier'] }] })
        expect(res.body).not.toContain(BSN)
      }
    }
    // Hidden in an "or" list behind the ECD's own identifier, or under a parameter name with a modifier.
    const or = await t.app.inject({ method: 'GET', url: `/fhir/Patient?${query({ identifier: `${ECD_SYSTEM}|P-900,http://fhir.nl/fhir/NamingSystem/bsn/|${BSN}` })}`, headers: caller.headers })
    expect(or.statusCode).toBe(400)
    const modifier = await t.app.inject({ method: 'GET', url: `/fhir/Patient?${query({ 'identifier:exact': `HTTP://FHIR.NL/FHIR/NAMINGSYSTEM/BSN|${BSN}` })}`, headers: caller.headers })
    expect(modifier.statusCode).toBe(400)
    expect(modifier.json().issue[0].details.text).toContain('BSN')
  })

  it('refuses the BSN in the query string of a POST _search too, with an empty form body or another parameter in it', async () => {
    for (const system of bsnSpellings) {
      const url = `/fhir/Patient/_search?${query({ identifier: `${system}|${BSN}` })}`
      const empty = await t.app.inject({ method: 'POST', url, headers: form, payload: '' })
      expect(empty.statusCode, JSON.stringify(system)).toBe(400)
      const withCount = await t.app.inject({ method: 'POST', url, headers: form, payload: query({ _count: '5' }) })
      expect(withCount.statusCode, JSON.stringify(system)).toBe(400)
    }
    const bare = await t.app.inject({ method: 'POST', url: `/fhir/Patient/_search?${query({ identifier: `http://fhir.nl/fhir/NamingSystem/bsn|${BSN}` })}`, headers: { authorization: caller.headers.authorization } })
    expect(bare.statusCode).toBe(400)
  })

  it('refuses the BSN system as the target of a conditional update, in any spelling', async () => {
    for (const system of bsnSpellings) {
      const res = await t.app.inject({ method: 'PUT', url: `/fhir/Patient?${query({ identifier: `${system}|${BSN}` })}`, headers: caller.headers, payload: ecdPatient('P-902') })
      expect(res.statusCode, JSON.stringify(system)).toBe(400)
    }
    expect(await countClients('P-902')).toBe(0)
  })

  it('POST _search applies the query string and the form body together (before: the query string was ignored, and every patient came back)', async () => {
    const byQuery = await t.app.inject({ method: 'POST', url: `/fhir/Patient/_search?${query({ identifier: `${ECD_SYSTEM}|P-900` })}`, headers: form, payload: '' })
    expect(byQuery.statusCode, byQuery.body).toBe(200)
    expect(ecdIds(byQuery.body)).toEqual(['P-900'])
    const noBodyAtAll = await t.app.inject({ method: 'POST', url: `/fhir/Patient/_search?${query({ identifier: `${ECD_SYSTEM}|P-901` })}`, headers: { authorization: caller.headers.authorization } })
    expect(noBodyAtAll.statusCode, noBodyAtAll.body).toBe(200)
    expect(ecdIds(noBodyAtAll.body)).toEqual(['P-901'])
    // _count from the URL, the BSN from the body: both apply.
    const both = await t.app.inject({ method: 'POST', url: '/fhir/Patient/_search?_count=1', headers: form, payload: query({ identifier: `http://fhir.nl/fhir/NamingSystem/bsn|${BSN}` }) })
    expect(both.statusCode, both.body).toBe(200)
    expect(ecdIds(both.body)).toEqual(['P-900'])
    expect(both.body).not.toContain(BSN)
    // In the body the BSN system may be spelled loosely too: it is still a search by BSN.
    const loose = await t.app.inject({ method: 'POST', url: '/fhir/Patient/_search', headers: form, payload: query({ identifier: `HTTP://FHIR.NL/FHIR/NAMINGSYSTEM/BSN/|${BSN}` }) })
    expect(ecdIds(loose.body)).toEqual(['P-900'])
    // The same parameter in both places is two values for a parameter that takes one.
    const twice = await t.app.inject({ method: 'POST', url: `/fhir/Patient/_search?${query({ identifier: `${ECD_SYSTEM}|P-900` })}`, headers: form, payload: query({ identifier: `${ECD_SYSTEM}|P-901` }) })
    expect(twice.statusCode).toBe(400)
  })

  it('refuses an identifier without a system, so a bare number is never looked up', async () => {
    for (const identifier of [BSN, `|${BSN}`]) {
      const get = await t.app.inject({ method: 'GET', url: `/fhir/Patient?${query({ identifier })}`, headers: caller.headers })
      expect(get.statusCode).toBe(400)
      const post = await t.app.inject({ method: 'POST', url: '/fhir/Patient/_search', headers: form, payload: query({ identifier }) })
      expect(post.statusCode).toBe(400)
    }
  })
})

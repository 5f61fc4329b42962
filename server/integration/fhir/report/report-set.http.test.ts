import type { Bundle, BundleEntry, Observation } from '@medplum/fhirtypes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { statementsOfRequest } from '../../../platform/http/request-context.ts'
import { createClient, createLink, createStaffMember } from '../../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { ECD_SYSTEM, fhirCaller } from '../fhir.test-support.ts'

// Transaction Bundles of reports, written as one set (report-set.service.ts): small Bundles, as
// the set's correctness does not depend on its size (the bench measures the speed).

const BASE = new URL('https://portaal.zorg.example/')
let t: TestApp
let caller: Awaited<ReturnType<typeof fhirCaller>>
let clientId: string
let authorId: string
const statements = new Map<string, number>()
beforeAll(async () => {
  t = await createTestApp({
    now: new Date('2026-11-27T09:00:00Z'),
    env: { PUBLIC_BASE_URL: BASE.origin },
    extraRoutes: (app) => app.addHook('onResponse', async (request) => void statements.set(String(request.id), statementsOfRequest(request))),
  })
  await createOrganisation(t.db)
  caller = await fhirCaller(t)
  clientId = (await createClient(t.db, { cipher: t.cipher })).id
  authorId = (await createStaffMember(t.db, { name: 'Fatima el Amrani' })).id
  // A linked account: new visible reports are news for it (a digest item, by default).
  await createLink(t.db, (await createAccount(t.db)).id, clientId)
})
afterAll(() => t.close())

function report(ecdId: string, text = `Rapportage ${ecdId}: rustig geslapen.`, subject = `Patient/${clientId}`): Observation {
  return {
    resourceType: 'Observation', identifier: [{ system: ECD_SYSTEM, value: ecdId }], status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '11506-3' }] }, subject: { reference: subject },
    performer: [{ reference: `Practitioner/${authorId}` }], effectiveDateTime: '2026-11-26T08:00:00Z', valueString: text,
  }
}
const put = (resource: Observation): BundleEntry => ({
  resource, request: { method: 'PUT', url: `Observation?identifier=${encodeURIComponent(`${ECD_SYSTEM}|${resource.identifier![0]!.value}`)}` },
})
const bundleOf = (entry: BundleEntry[]): Bundle => ({ resourceType: 'Bundle', type: 'transaction', entry })
const reportsOf = (prefix: string, count: number, text?: string) => Array.from({ length: count }, (_, i) => put(report(`${prefix}-${i}`, text)))

async function post(bundle: Bundle) {
  const res = await t.app.inject({ method: 'POST', url: '/fhir', headers: caller.headers, payload: bundle as object })
  return { res, statements: statements.get(String(res.headers['x-request-id'])) }
}
const rowsOf = (prefix: string) => t.db.selectFrom('report').select(['id', 'ecd_id', 'body', 'version', 'client_id', 'author_staff_id']).where('ecd_id', 'like', `${prefix}-%`).orderBy('ecd_id').execute()
const logOf = (ids: string[]) => t.db.selectFrom('access_log').select(['action', 'record_id', 'client_id', 'data_kind', 'actor_type']).where('record_id', 'in', ids).orderBy('id').execute()
const digestItems = async () => (await t.db.selectFrom('notification_digest_item').select('account_id').where('kind', '=', 'report').execute()).length

describe('a transaction Bundle of reports, written as one set', () => {
  it('creates every report in a few statements, logs each one by name, and tells the linked account once', async () => {
    const digestBefore = await digestItems()
    const { res, statements: count } = await post(bundleOf(reportsOf('S', 30)))
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
    const answer = res.json<Bundle>()
    expect(answer.entry).toHaveLength(30)
    expect(answer.entry!.every((e) => e.response?.status === '201 Created' && e.response.etag === 'W/"1"')).toBe(true)
    const rows = await rowsOf('S')
    expect(rows).toHaveLength(30)
    expect(rows.every((r) => r.client_id === clientId && r.author_staff_id === authorId && r.version === 1)).toBe(true)
    // The answer is built from the rows written: same ids, texts and writer's name.
    const first = answer.entry![0]!.resource as Observation
    expect(first).toMatchObject({ id: rows.find((r) => r.ecd_id === 'S-0')!.id, valueString: 'Rapportage S-0: rustig geslapen.', performer: [{ display: 'Fatima el Amrani' }], identifier: [{ system: ECD_SYSTEM, value: 'S-0' }] })
    expect(answer.entry![0]!.response!.location).toBe(`Observation/${first.id}/_history/1`)
    // NEN 7513: one row per report, naming it, its client, the integration client and the act.
    const log = await logOf(rows.map((r) => r.id))
    expect(log).toHaveLength(30)
    expect(new Set(log.map((l) => l.record_id))).toEqual(new Set(rows.map((r) => r.id)))
    expect(log.every((l) => l.action === 'create' && l.client_id === clientId && l.data_kind === 'report' && l.actor_type === 'integration')).toBe(true)
    // One look-up per kind, one INSERT per table, one access-log INSERT, the notice: not five per report (150 here).
    expect(count).toBeLessThanOrEqual(20)
    expect(await digestItems()).toBe(digestBefore + 1)
  })

  it('a repeat of the same Bundle changes nothing: 200, version 1, no new rows, each report logged as read', async () => {
    const before = await rowsOf('S')
    const { res } = await post(bundleOf(reportsOf('S', 30)))
    expect(res.statusCode).toBe(200)
    expect(res.json<Bundle>().entry!.every((e) => e.response?.status === '200 OK' && e.response.etag === 'W/"1"')).toBe(true)
    expect(await rowsOf('S')).toEqual(before)
    const log = await logOf(before.map((r) => r.id))
    expect(log.filter((l) => l.action === 'read')).toHaveLength(30)
  })

  it('updates existing reports and creates new ones in the same Bundle; only the changed ones get a new version', async () => {
    const entries = [...reportsOf('S', 3), ...reportsOf('U', 2)]
    entries[1] = put(report('S-1', 'Aangevuld: ook gewandeld.'))
    // A report without a writer, hidden from the portal: empty and false values travel as well.
    const hidden = report('U-1')
    delete hidden.performer
    hidden.extension = [{ url: `${BASE.origin}/fhir/StructureDefinition/visible-in-portal`, valueBoolean: false }]
    entries[4] = put(hidden)
    const { res } = await post(bundleOf(entries))
    expect(res.statusCode).toBe(200)
    expect(res.json<Bundle>().entry!.map((e) => [e.response!.status, e.response!.etag])).toEqual([
      ['200 OK', 'W/"1"'], ['200 OK', 'W/"2"'], ['200 OK', 'W/"1"'], ['201 Created', 'W/"1"'], ['201 Created', 'W/"1"'],
    ])
    expect((await rowsOf('S')).find((r) => r.ecd_id === 'S-1')).toMatchObject({ body: 'Aangevuld: ook gewandeld.', version: 2 })
    expect(await t.db.selectFrom('report').select(['author_staff_id', 'visible_in_portal']).where('ecd_id', '=', 'U-1').executeTakeFirst()).toEqual({ author_staff_id: null, visible_in_portal: false })
    const changed = (await rowsOf('S')).find((r) => r.ecd_id === 'S-1')!
    expect((await logOf([changed.id])).map((l) => l.action)).toEqual(['create', 'read', 'update'])
  })

  it('one bad entry refuses the whole Bundle with its index, and stores and logs nothing', async () => {
    const createdLogRows = async () => (await t.db.selectFrom('access_log').select('id').where('action', '=', 'create').where('outcome', '=', 'success').execute()).length
    const logBefore = await createdLogRows()
    const unknownClient = reportsOf('X', 10)
    unknownClient[7] = put(report('X-7', 'Over niemand', 'Patient/0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0009'))
    const refused = await post(bundleOf(unknownClient))
    expect(refused.res.statusCode).toBe(422)
    expect(refused.res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ expression: ['Bundle.entry[7].resource(Observation.subject)'] }] })

    const invalid = reportsOf('X', 10)
    ;(invalid[4]!.resource as unknown as Record<string, unknown>).valueString = 42
    const malformed = await post(bundleOf(invalid))
    expect(malformed.res.statusCode).toBe(400)
    expect(JSON.stringify(malformed.res.json())).toContain('Bundle.entry[4]')

    const stale = reportsOf('S', 3)
    stale[2]!.request!.ifMatch = 'W/"7"'
    const conflict = await post(bundleOf([...reportsOf('X', 2), ...stale]))
    expect(conflict.res.statusCode).toBe(412)
    expect(JSON.stringify(conflict.res.json())).toContain('Bundle.entry[4]')

    const created = await post(bundleOf([...reportsOf('X', 2), { resource: report('S-0'), request: { method: 'POST', url: 'Observation' } }]))
    expect(created.res.statusCode).toBe(409)
    expect(created.res.json()).toMatchObject({ issue: [{ code: 'duplicate', expression: ['Bundle.entry[2].resource(Observation.identifier)'] }] })

    expect(await rowsOf('X')).toEqual([])
    // (Each refusal itself is logged, as a failure without a record.)
    expect(await createdLogRows()).toBe(logBefore)
  })

  it('a report number another source system uses is refused with 409 naming the entry, as the single write refuses it', async () => {
    const other = await fhirCaller(t)
    await t.db.updateTable('integration_client').set({ identifier_system: 'urn:oid:2.16.840.1.113883.2.4.3.11.999.2' }).where('id', '=', other.clientId).execute()
    const theirs = report('B-1')
    theirs.identifier = [{ system: 'urn:oid:2.16.840.1.113883.2.4.3.11.999.2', value: 'B-1' }]
    const single = await t.app.inject({ method: 'PUT', url: `/fhir/Observation?identifier=${encodeURIComponent('urn:oid:2.16.840.1.113883.2.4.3.11.999.2|B-1')}`, headers: other.headers, payload: theirs })
    expect(single.statusCode, single.body).toBe(201)
    const { res } = await post(bundleOf([...reportsOf('Y', 1), put(report('B-1'))]))
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({ issue: [{ code: 'conflict', expression: ['Bundle.entry[1]'] }] })
    expect(await rowsOf('Y')).toEqual([])
  })

  it('two entries for the same report are written one after the other, as before: the second updates the first', async () => {
    const { res } = await post(bundleOf([put(report('D-1')), put(report('D-1', 'Tweede versie.'))]))
    expect(res.statusCode).toBe(200)
    expect(res.json<Bundle>().entry!.map((e) => [e.response!.status, e.response!.etag])).toEqual([['201 Created', 'W/"1"'], ['200 OK', 'W/"2"']])
    expect(await rowsOf('D')).toMatchObject([{ body: 'Tweede versie.', version: 2 }])
  })

  it('Prefer: return=minimal leaves the resources out; fields not kept are told per entry', async () => {
    const warned = report('M-1')
    warned.status = 'amended'
    const res = await t.app.inject({ method: 'POST', url: '/fhir', headers: { ...caller.headers, prefer: 'return=minimal' }, payload: bundleOf([put(warned), put(report('M-2'))]) as object })
    expect(res.statusCode).toBe(200)
    const [first, second] = res.json<Bundle>().entry!
    expect(first!.resource).toBeUndefined()
    expect(JSON.stringify(first!.response!.outcome)).toContain('Observation.status')
    expect(second!.response!.outcome).toBeUndefined()
  })
})

import type { Bundle, BundleEntry, Observation, Resource } from '@medplum/fhirtypes'
import type { LightMyRequestResponse } from 'fastify'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLink, createStaffMember } from '../../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../../test/factories.ts'
import { logIn } from '../../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { nlCorePatientExample } from '../examples/nl-core-patient.example.ts'
import { progressNoteExample } from '../examples/record.examples.ts'
import { ECD_SYSTEM, fhirCaller } from '../fhir.test-support.ts'

const BASE = new URL('https://portaal.zorg.example/')
const PATIENT_URL = 'urn:uuid:7c1d0000-0000-4000-8000-000000000001'
/** Enough for three pages of the portal's list (50 a page); the bench measures Bundles of 1,000. */
const REPORTS = 120
let t: TestApp
let caller: Awaited<ReturnType<typeof fhirCaller>>
let authorId: string
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-11-27T09:00:00Z'), env: { PUBLIC_BASE_URL: BASE.origin } })
  await createOrganisation(t.db)
  caller = await fhirCaller(t)
  authorId = (await createStaffMember(t.db, { name: 'Fatima el Amrani' })).id
})
afterAll(() => t.close())

const conditional = (type: string, ecdId: string) => `${type}?identifier=${encodeURIComponent(`${ECD_SYSTEM}|${ecdId}`)}`

/** A report as the ECD sends it: the published progress note with the ECD's identifier, about `subject`. */
function report(ecdId: string, subject: string, minute = 0, author = `Practitioner/${authorId}`): Observation {
  const observation = progressNoteExample(BASE)
  observation.identifier = [{ system: ECD_SYSTEM, value: ecdId }]
  observation.subject = { reference: subject }
  observation.performer = [{ reference: author }]
  observation.effectiveDateTime = new Date(Date.UTC(2026, 9, 2, 8) + minute * 60_000).toISOString()
  observation.valueString = `Rapportage ${ecdId}: rustig geslapen, goed gegeten.`
  return observation
}

const PRACTITIONER_URL = 'urn:uuid:7c1d0000-0000-4000-8000-000000000002'
const TEAM_URL = 'urn:uuid:7c1d0000-0000-4000-8000-000000000003'
const entry = (fullUrl: string, resource: Resource, ecdId: string): BundleEntry => ({ fullUrl, resource, request: { method: 'PUT', url: conditional(resource.resourceType, ecdId) } })

/** A new client (nl-core-Patient), their contact person, their care team (EVV-er and team) and their reports, written by the EVV-er, in one transaction Bundle. */
function admission(suffix: string, count: number): Bundle {
  const patient = nlCorePatientExample()
  delete patient.id
  patient.identifier = [{ system: ECD_SYSTEM, value: `P-${suffix}` }]
  const entries: BundleEntry[] = [
    entry(PATIENT_URL, patient, `P-${suffix}`),
    entry(`urn:uuid:${randomUUID()}`, {
      resourceType: 'RelatedPerson', identifier: [{ system: ECD_SYSTEM, value: `CP-${suffix}` }], patient: { reference: PATIENT_URL },
      relationship: [{ coding: [{ system: 'urn:oid:2.16.840.1.113883.2.4.3.11.22.472', code: '01', display: 'Eerste relatie/contactpersoon' }] }],
      name: [{ use: 'official', family: 'Bergman', given: ['Marieke'] }],
      telecom: [{ system: 'phone', value: '0612345678', use: 'mobile' }],
    }, `CP-${suffix}`),
    entry(PRACTITIONER_URL, { resourceType: 'Practitioner', identifier: [{ system: ECD_SYSTEM, value: `PR-${suffix}` }], name: [{ use: 'official', family: 'Smit', given: ['Jan'] }], qualification: [{ code: { text: 'Verpleegkundige' } }] }, `PR-${suffix}`),
    entry(TEAM_URL, { resourceType: 'Organization', identifier: [{ system: ECD_SYSTEM, value: `T-${suffix}` }], name: `Team Noord ${suffix}` }, `T-${suffix}`),
    entry(`urn:uuid:${randomUUID()}`, {
      resourceType: 'CareTeam', identifier: [{ system: ECD_SYSTEM, value: `CT-${suffix}` }], status: 'active', subject: { reference: PATIENT_URL }, period: { start: '2026-10-01' },
      participant: [{ role: [{ text: 'EVV' }], member: { reference: PRACTITIONER_URL } }, { member: { reference: TEAM_URL } }],
    }, `CT-${suffix}`),
  ]
  for (let i = 0; i < count; i++) {
    const ecdId = `R-${suffix}-${i}`
    entries.push(entry(`urn:uuid:${randomUUID()}`, report(ecdId, PATIENT_URL, i, PRACTITIONER_URL), ecdId))
  }
  return { resourceType: 'Bundle', type: 'transaction', entry: entries }
}

const postBundle = (bundle: Bundle, headers = caller.headers) => t.app.inject({ method: 'POST', url: '/fhir', headers, payload: bundle as object })
const reportCount = async () => Number((await t.db.selectFrom('report').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

describe('a new client with their reports in one transaction Bundle', () => {
  it('imports in one call, shows in the portal through a link activated before them, and a repeat changes nothing', { timeout: 60_000 }, async () => {
    const first = await postBundle(admission('A', REPORTS))
    expect(first.statusCode, first.body.slice(0, 500)).toBe(200)
    const answer = first.json<Bundle>()
    expect(answer.type).toBe('transaction-response')
    expect(answer.entry).toHaveLength(REPORTS + 5)
    expect(answer.entry!.every((e) => e.response?.status === '201 Created')).toBe(true)
    const client = await t.db.selectFrom('client').select('id').where('ecd_id', '=', 'P-A').executeTakeFirstOrThrow()
    expect(await reportCount()).toBe(REPORTS)
    // The reports' writer is the EVV-er the same Bundle made, on the client's care team.
    const author = await t.db.selectFrom('report').innerJoin('staff_member', 'staff_member.id', 'report.author_staff_id').select('staff_member.ecd_id').distinct().execute()
    expect(author).toEqual([{ ecd_id: 'PR-A' }])
    expect(await t.db.selectFrom('care_assignment').select('role').where('client_id', '=', client.id).orderBy('role').execute()).toEqual([{ role: 'evv' }, { role: 'team' }])

    // An administrator links an account with a consent from before the reports (October 1st).
    const account = await createAccount(t.db)
    await createLink(t.db, account.id, client.id, { activated_at: new Date('2026-10-01T08:00:00Z') })
    const login = await logIn(t, account)
    const seen: { text: string; carePlanGoal: string }[] = []
    let cursor: string | null = null
    do {
      const page: LightMyRequestResponse = await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}/reports?limit=50${cursor ? `&cursor=${cursor}` : ''}`, headers: login.headers })
      expect(page.statusCode, page.body).toBe(200)
      const body: { items: { text: string; carePlanGoal: string }[]; nextCursor: string | null } = page.json()
      seen.push(...body.items)
      cursor = body.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(REPORTS)
    expect(seen[0]).toMatchObject({ text: `Rapportage R-A-${REPORTS - 1}: rustig geslapen, goed gegeten.`, carePlanGoal: 'Mevrouw douchet zelfstandig' })

    // The same Bundle again: 200 for every entry, no new rows, no new versions.
    const again = await postBundle(admission('A', REPORTS))
    expect(again.statusCode).toBe(200)
    expect(again.json<Bundle>().entry!.every((e) => e.response?.status === '200 OK' && e.response.etag === 'W/"1"')).toBe(true)
    expect(await reportCount()).toBe(REPORTS)
    expect(await t.db.selectFrom('client').select('id').where('ecd_id', '=', 'P-A').execute()).toHaveLength(1)
    expect(await t.db.selectFrom('contact_person').select(['client_id', 'name']).where('ecd_id', '=', 'CP-A').execute()).toEqual([{ client_id: client.id, name: 'Marieke Bergman' }])
    const versions = await t.db.selectFrom('report').select((eb) => eb.fn.max('version').as('v')).executeTakeFirstOrThrow()
    expect(versions.v).toBe(1)
  })
})

describe('refusals store nothing', () => {
  let clientRef: string
  beforeAll(async () => {
    const created = await t.app.inject({ method: 'PUT', url: `/fhir/${conditional('Patient', 'P-B')}`, headers: caller.headers, payload: { ...nlCorePatientExample(), id: undefined, identifier: [{ system: ECD_SYSTEM, value: 'P-B' }] } })
    expect(created.statusCode, created.body).toBe(201)
    clientRef = `Patient/${created.json<{ id: string }>().id}`
  })
  const put = (ecdId: string, body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'PUT', url: `/fhir/${conditional('Observation', ecdId)}`, headers: { ...caller.headers, ...headers }, payload: body as object })
  const stored = async (ecdId: string) => t.db.selectFrom('report').selectAll().where('ecd_id', '=', ecdId).executeTakeFirst()

  it('a malformed report: 400 naming the element', async () => {
    const res = await put('R-bad', { ...report('R-bad', clientRef), valueString: 42, mood: 'good' })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome' })
    expect(JSON.stringify(res.json())).toContain('Observation.mood')
    expect(await stored('R-bad')).toBeUndefined()
  })

  it('a report about an unknown client: 422; in a Bundle the good entries are not kept either', async () => {
    const res = await put('R-unknown', report('R-unknown', `Patient/${randomUUID()}`))
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'business-rule', expression: ['Observation.subject'] }] })
    const bundle: Bundle = {
      resourceType: 'Bundle', type: 'transaction',
      entry: [
        { resource: report('R-good', clientRef), request: { method: 'PUT', url: conditional('Observation', 'R-good') } },
        { resource: report('R-orphan', `Patient/${randomUUID()}`), request: { method: 'PUT', url: conditional('Observation', 'R-orphan') } },
      ],
    }
    const refused = await postBundle(bundle)
    expect(refused.statusCode).toBe(422)
    expect(refused.json()).toMatchObject({ issue: [{ expression: ['Bundle.entry[1].resource(Observation.subject)'] }] })
    expect(await stored('R-good')).toBeUndefined()
    expect(await stored('R-unknown')).toBeUndefined()
  })

  it('a stale If-Match: 412, the report keeps its text; the current one updates (version 2)', async () => {
    expect((await put('R-v', report('R-v', clientRef))).statusCode).toBe(201)
    const changed = { ...report('R-v', clientRef), valueString: 'Aangevuld: ook gewandeld.' }
    const updated = await put('R-v', changed, { 'if-match': 'W/"1"' })
    expect(updated.statusCode).toBe(200)
    expect(updated.headers.etag).toBe('W/"2"')
    const stale = await put('R-v', { ...report('R-v', clientRef), valueString: 'Oude versie' }, { 'if-match': 'W/"1"' })
    expect(stale.statusCode).toBe(412)
    expect(stale.json()).toMatchObject({ resourceType: 'OperationOutcome' })
    expect(await stored('R-v')).toMatchObject({ body: 'Aangevuld: ook gewandeld.', version: 2 })
  })

  it('a missing scope: 403; no token or another portal\'s token: 401', async () => {
    const reader = await fhirCaller(t, ['system/Observation.read'])
    const forbidden = await put('R-scope', report('R-scope', clientRef), { authorization: reader.headers.authorization })
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'forbidden' }] })
    const none = await t.app.inject({ method: 'PUT', url: `/fhir/${conditional('Observation', 'R-scope')}`, headers: { 'content-type': 'application/fhir+json' }, payload: report('R-scope', clientRef) })
    expect(none.statusCode).toBe(401)
    const wrong = await put('R-scope', report('R-scope', clientRef), { authorization: 'Bearer not-a-token-of-this-portal' })
    expect(wrong.statusCode).toBe(401)
    expect(await stored('R-scope')).toBeUndefined()
  })

  it('a hidden report (visible-in-portal false) is stored hidden and read back with the flag and its goal', async () => {
    const hidden = report('R-hidden', clientRef)
    hidden.extension = [{ url: `${BASE.origin}/fhir/StructureDefinition/visible-in-portal`, valueBoolean: false }]
    const created = await put('R-hidden', hidden)
    expect(created.statusCode).toBe(201)
    expect(await stored('R-hidden')).toMatchObject({ visible_in_portal: false, care_plan_goal: '' })
    const read = await t.app.inject({ method: 'GET', url: `/fhir/Observation/${created.json<{ id: string }>().id}`, headers: caller.headers })
    expect(read.json()).toMatchObject({ extension: [{ valueBoolean: false }], subject: { reference: clientRef }, performer: [{ display: 'Fatima el Amrani' }] })
    const search = await t.app.inject({ method: 'GET', url: `/fhir/Observation?patient=${clientRef}&_lastUpdated=ge2026-11-27T00:00:00Z`, headers: caller.headers })
    expect(search.json<Bundle>().entry?.map((e) => (e.resource as Observation).identifier?.[0]?.value).sort()).toEqual(['R-hidden', 'R-v'])
  })
})

import type { AuditEvent, Bundle, Consent } from '@medplum/fhirtypes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, createLink, createReport } from '../../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../../test/factories.ts'
import { type LoggedIn, logIn } from '../../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { fhirCaller } from '../fhir.test-support.ts'

let t: TestApp
let caller: Awaited<ReturnType<typeof fhirCaller>>
let login: LoggedIn
let clientId: string
let accountId: string
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-11-27T09:00:00Z') })
  await createOrganisation(t.db)
  caller = await fhirCaller(t)
  const account = await createAccount(t.db, { display_name: 'Anna de Vries' })
  accountId = account.id
  clientId = (await createClient(t.db)).id
  await createLink(t.db, account.id, clientId, { relation: 'legal_representative' })
  await createReport(t.db, clientId, { reported_at: new Date('2026-11-20T08:00:00Z'), body: 'Rustige nacht.' })
  login = await logIn(t, account)
})
afterAll(() => t.close())

describe('read-only: the access log as AuditEvent, consents as Consent', () => {
  it("a portal reader's look at the reports is an AuditEvent about the client: who, role, action, data, outcome, source", async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/reports`, headers: login.headers })).statusCode).toBe(200)
    const res = await t.app.inject({ method: 'GET', url: `/fhir/AuditEvent?patient=${clientId}`, headers: caller.headers })
    expect(res.statusCode).toBe(200)
    const events = (res.json<Bundle>().entry ?? []).map((e) => e.resource as AuditEvent)
    const reading = events.find((e) => e.subtype?.[0]?.code === 'report')
    expect(reading).toMatchObject({
      action: 'R', outcome: '0', agent: [{ who: { display: 'Anna de Vries', identifier: { value: accountId } }, requestor: true }],
      entity: [{ what: { reference: `Patient/${clientId}` } }, { name: 'report' }], source: { observer: { display: 'Cliëntportaal' } },
    })
    const one = await t.app.inject({ method: 'GET', url: `/fhir/AuditEvent/${reading!.id}`, headers: caller.headers })
    expect(one.json()).toMatchObject({ id: reading!.id, action: 'R' })
    expect((await t.app.inject({ method: 'GET', url: '/fhir/AuditEvent/42', headers: caller.headers })).statusCode).toBe(404)

    // Page by page through the next links: every event once, in the log's order.
    const ids: string[] = []
    let next: string | undefined = `/fhir/AuditEvent?patient=${clientId}&_count=1`
    while (next) {
      const page: Bundle = (await t.app.inject({ method: 'GET', url: next.replace(/^https?:\/\/[^/]+/, ''), headers: caller.headers })).json()
      ids.push(...(page.entry ?? []).map((e) => e.resource!.id!))
      next = page.link?.find((l) => l.relation === 'next')?.url
    }
    expect(ids.length).toBe(events.length)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.slice(0, events.length)).toEqual(events.map((e) => e.id))
  })

  it('a _cursor this server did not make answers 400 with an OperationOutcome about _cursor, as a bad cursor does everywhere', async () => {
    // Spelled as the server spells a cursor (a JSON array of its parts), each wrong in one part.
    const forged = (...parts: string[]) => Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url')
    const notAnEvent = forged('2026-11-20T08:00:00.000Z', '0f8fad5b-d9cb-469f-a165-70867728950e')
    for (const [type, cursor] of [['AuditEvent', 'garbage'], ['AuditEvent', forged('2026-13-20T08:00:00.000Z', '00000000-0000-0000-0000-00000000002a')], ['AuditEvent', notAnEvent], ['Communication', forged('x', clientId)]] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/fhir/${type}?patient=${clientId}&_cursor=${cursor}`, headers: caller.headers })
      expect(res.statusCode, cursor).toBe(400)
      expect(res.json(), cursor).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'invalid', expression: ['_cursor'] }] })
    }
  })

  it('the consent behind the link is read as Consent; the ECD may withdraw it, which closes the link at once, but not make or restore one', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/fhir/Consent?patient=${clientId}`, headers: caller.headers })
    const consents = (res.json<Bundle>().entry ?? []).map((e) => e.resource as Consent)
    expect(consents).toHaveLength(1)
    const consent = consents[0]!
    expect(consent).toMatchObject({ status: 'active', patient: { reference: `Patient/${clientId}` }, dateTime: '2026-01-05' })
    const body = { ...consent, meta: undefined }

    const create = await t.app.inject({ method: 'POST', url: '/fhir/Consent', headers: caller.headers, payload: { ...body, id: undefined } })
    expect(create.statusCode).toBe(422)
    expect(await t.db.selectFrom('consent').select('id').where('client_id', '=', clientId).execute()).toHaveLength(1)

    const put = (status: Consent['status'], ifMatch: string) =>
      t.app.inject({ method: 'PUT', url: `/fhir/Consent/${consent.id}`, headers: { ...caller.headers, 'if-match': ifMatch }, payload: { ...body, status } })
    const withdrawn = await put('inactive', 'W/"1"')
    expect(withdrawn.statusCode, withdrawn.body).toBe(200)
    expect(withdrawn.headers.etag).toBe('W/"2"')
    expect((await put('inactive', 'W/"2"')).headers.etag).toBe('W/"2"')
    expect((await put('active', 'W/"2"')).statusCode).toBe(422)
    expect((await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/reports`, headers: login.headers })).statusCode).toBe(404)
  })

  it('the access log cannot be written: 501, nothing stored', async () => {
    const event = { resourceType: 'AuditEvent', type: { code: 'rest' }, recorded: '2026-11-27T09:00:00Z', agent: [{ requestor: true, who: { display: 'x' } }], source: { observer: { display: 'x' } }, entity: [{ name: 'smuggled' }] }
    const res = await t.app.inject({ method: 'POST', url: '/fhir/AuditEvent', headers: caller.headers, payload: event })
    expect(res.statusCode).toBe(501)
    expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-supported' }] })
    const smuggled = await t.db.selectFrom('access_log').select('id').where('data_kind', '=', 'smuggled').execute()
    expect(smuggled).toHaveLength(0)
  })
})

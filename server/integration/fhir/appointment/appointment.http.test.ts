import type { Appointment, Bundle } from '@medplum/fhirtypes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, createLink } from '../../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../../test/factories.ts'
import { type LoggedIn, logIn, postJson } from '../../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { r4AppointmentExample } from '../examples/record.examples.ts'
import { ECD_SYSTEM, fhirCaller } from '../fhir.test-support.ts'

const BASE = new URL('https://portaal.zorg.example/')
let t: TestApp
let caller: Awaited<ReturnType<typeof fhirCaller>>
let login: LoggedIn
let clientId: string
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-11-27T09:00:00Z'), env: { PUBLIC_BASE_URL: BASE.origin } })
  await createOrganisation(t.db)
  caller = await fhirCaller(t)
  const account = await createAccount(t.db, { display_name: 'Anna de Vries' })
  clientId = (await createClient(t.db)).id
  await createLink(t.db, account.id, clientId, { relation: 'first_contact' })
  login = await logIn(t, account)
})
afterAll(() => t.close())

/** The R4 example as the ECD sends it: its own identifier, about our client, next month. */
function ecdAppointment(status: Appointment['status'] = 'booked'): Appointment {
  const appointment = r4AppointmentExample()
  delete appointment.id
  appointment.identifier = [{ system: ECD_SYSTEM, value: 'A-1' }]
  appointment.participant[0]!.actor = { reference: `Patient/${clientId}`, display: 'Peter James Chalmers' }
  return { ...appointment, status, start: '2026-12-10T09:00:00Z', end: '2026-12-10T10:00:00Z' }
}
const put = (body: Appointment, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'PUT', url: `/fhir/Appointment?identifier=${encodeURIComponent(`${ECD_SYSTEM}|A-1`)}`, headers: { ...caller.headers, ...headers }, payload: body })

describe('appointments both ways', () => {
  it('one made in the portal is read by the ECD, with who made it', async () => {
    const made = await postJson(t, `/api/clients/${clientId}/appointments`, { date: '2026-12-01', startTime: '10:00', endTime: '11:00', title: 'Kapper', location: 'Thuis', withWhom: '' }, login.headers)
    expect(made.statusCode, made.body).toBe(201)
    const found = await t.app.inject({ method: 'GET', url: `/fhir/Appointment?patient=${clientId}`, headers: caller.headers })
    const appointments = (found.json<Bundle>().entry ?? []).map((e) => e.resource as Appointment)
    expect(appointments).toHaveLength(1)
    expect(appointments[0]).toMatchObject({
      status: 'booked', description: 'Kapper', start: '2026-12-01T09:00:00.000Z',
      extension: [{ url: `${BASE.origin}/fhir/StructureDefinition/appointment-made-by`, valueReference: { type: 'RelatedPerson', display: 'Anna de Vries' } }],
      participant: [{ actor: { reference: `Patient/${clientId}` } }, { actor: { type: 'Location', display: 'Thuis' } }],
    })
  })

  it("the ECD's appointment shows in the portal; a repeat keeps version 1, a cancellation makes version 2; a stale If-Match is 412", async () => {
    expect((await put(ecdAppointment())).statusCode).toBe(201)
    expect((await put(ecdAppointment())).headers.etag).toBe('W/"1"')
    const list = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/appointments`, headers: login.headers })
    expect(list.json<{ items: { title: string; withWhom: string; location: string }[] }>().items).toContainEqual(
      expect.objectContaining({ title: 'Discussion on the results of your recent MRI', withWhom: 'Dr Adam Careful', location: 'South Wing, second floor' }),
    )
    const cancelled = await put(ecdAppointment('cancelled'), { 'if-match': 'W/"1"' })
    expect(cancelled.statusCode).toBe(200)
    expect(cancelled.headers.etag).toBe('W/"2"')
    expect((await put(ecdAppointment(), { 'if-match': 'W/"1"' })).statusCode).toBe(412)
    const row = await t.db.selectFrom('appointment').select(['cancelled_at', 'version']).where('ecd_id', '=', 'A-1').executeTakeFirstOrThrow()
    expect(row.version).toBe(2)
    expect(row.cancelled_at).not.toBeNull()
  })

  it('an appointment without a known client is 422 and stores nothing', async () => {
    const orphan = ecdAppointment()
    orphan.identifier = [{ system: ECD_SYSTEM, value: 'A-2' }]
    orphan.participant[0]!.actor = { reference: 'Patient/example' }
    const res = await t.app.inject({ method: 'POST', url: '/fhir/Appointment', headers: caller.headers, payload: orphan })
    expect(res.statusCode).toBe(422)
    expect(await t.db.selectFrom('appointment').select('id').where('ecd_id', '=', 'A-2').execute()).toHaveLength(0)
  })
})

import type { Bundle, Communication } from '@medplum/fhirtypes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, createLink, createStaffMember } from '../../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../../test/factories.ts'
import { type LoggedIn, logIn, postJson } from '../../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { ECD_SYSTEM, fhirCaller } from '../fhir.test-support.ts'
import { readOutbox } from '../../../platform/outbox/outbox.test-support.ts'

let t: TestApp
let caller: Awaited<ReturnType<typeof fhirCaller>>
let login: LoggedIn
let clientId: string
let accountEmail: string
let staffId: string
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-11-27T09:00:00Z') })
  await createOrganisation(t.db)
  caller = await fhirCaller(t)
  const account = await createAccount(t.db, { display_name: 'Anna de Vries' })
  accountEmail = account.email
  clientId = (await createClient(t.db)).id
  await createLink(t.db, account.id, clientId, { relation: 'first_contact', activated_at: new Date('2026-10-01T00:00:00Z') })
  staffId = (await createStaffMember(t.db, { name: 'Jan Smit' })).id
  login = await logIn(t, account)
})
afterAll(() => t.close())

/** The ECD's reply, as a Communication from the staff member it names. */
function reply(ecdId: string, text: string, sender = `Practitioner/${staffId}`): Communication {
  return {
    resourceType: 'Communication',
    identifier: [{ system: ECD_SYSTEM, value: ecdId }],
    status: 'completed',
    subject: { reference: `Patient/${clientId}` },
    sent: '2026-11-27T10:00:00+01:00',
    sender: { reference: sender },
    payload: [{ contentString: text }],
  }
}
const put = (body: Communication) =>
  t.app.inject({ method: 'PUT', url: `/fhir/Communication?identifier=${encodeURIComponent(`${ECD_SYSTEM}|${body.identifier![0]!.value}`)}`, headers: caller.headers, payload: body })
const portalMessages = async () =>
  (await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/messages`, headers: login.headers })).json<{ items: { body: string; author: { kind: string; name: string } }[] }>().items

describe('messages both ways', () => {
  it('a message sent in the portal is found with Communication?patient=...&_lastUpdated=gt...', async () => {
    const before = new Date(Date.now() - 1000).toISOString()
    const sent = await postJson(t, `/api/clients/${clientId}/messages`, { body: 'Kan de zorg morgen een uur later komen?' }, login.headers)
    expect(sent.statusCode, sent.body).toBe(201)
    const found = await t.app.inject({ method: 'GET', url: `/fhir/Communication?patient=${clientId}&_lastUpdated=gt${before}`, headers: caller.headers })
    expect(found.statusCode).toBe(200)
    const entries = found.json<Bundle>().entry ?? []
    expect(entries).toHaveLength(1)
    expect(entries[0]!.resource).toMatchObject({
      resourceType: 'Communication', status: 'completed', subject: { reference: `Patient/${clientId}` },
      sender: { type: 'RelatedPerson', display: 'Anna de Vries' }, payload: [{ contentString: 'Kan de zorg morgen een uur later komen?' }],
    })
    const later = await t.app.inject({ method: 'GET', url: `/fhir/Communication?patient=${clientId}&_lastUpdated=gt${new Date(Date.now() + 60_000).toISOString()}`, headers: caller.headers })
    expect(later.json<Bundle>().entry ?? []).toHaveLength(0)
  })

  it("the ECD's reply appears in the portal as a care-team message, announced by e-mail without its text; a repeat adds nothing", async () => {
    t.setNow(new Date('2026-11-27T09:01:00Z'))
    const created = await put(reply('M-1', 'Dat is goed, wij komen om 9 uur.'))
    expect(created.statusCode, created.body).toBe(201)
    const items = await portalMessages()
    expect(items[0]).toMatchObject({ body: 'Dat is goed, wij komen om 9 uur.', author: { kind: 'staff', name: 'Jan Smit' } })
    const mails = await readOutbox(t.db, { recipient: accountEmail })
    expect(mails).toHaveLength(1)
    expect(mails[0]!.body_text).not.toContain('9 uur')

    const again = await put(reply('M-1', 'Dat is goed, wij komen om 9 uur.'))
    expect(again.statusCode).toBe(200)
    expect(again.headers.etag).toBe('W/"1"')
    expect(await t.db.selectFrom('message').select('id').where('ecd_id', '=', 'M-1').execute()).toHaveLength(1)
    expect(await t.db.selectFrom('outbox_message').select('id').where('recipient', '=', accountEmail).execute()).toHaveLength(1)
  })

  it('polling page by page (next links) finds every message once, also those whose time the database made', async () => {
    for (const body of ['Tweede vraag', 'Derde vraag']) expect((await postJson(t, `/api/clients/${clientId}/messages`, { body }, login.headers)).statusCode).toBe(201)
    const total = (await t.db.selectFrom('message').select('id').where('client_id', '=', clientId).execute()).length
    const ids: string[] = []
    let next: string | undefined = `/fhir/Communication?patient=${clientId}&_count=1`
    for (let pages = 0; next && pages <= total; pages++) {
      const page: Bundle = (await t.app.inject({ method: 'GET', url: next.replace(/^https?:\/\/[^/]+/, ''), headers: caller.headers })).json()
      ids.push(...(page.entry ?? []).map((e) => e.resource!.id!))
      next = page.link?.find((l) => l.relation === 'next')?.url
    }
    expect(new Set(ids).size).toBe(total)
    expect(ids).toHaveLength(total)
  })

  it('a sent message is not rewritten (422), and a reply from an unknown writer or about an unknown client stores nothing (422)', async () => {
    expect((await put(reply('M-1', 'Toch om 10 uur.'))).statusCode).toBe(422)
    expect((await put(reply('M-2', 'Wie ben ik?', 'Practitioner/5b0a7a8e-0000-4000-8000-000000000000'))).statusCode).toBe(422)
    const orphan = { ...reply('M-3', 'Voor niemand'), subject: { reference: 'Patient/5b0a7a8e-0000-4000-8000-000000000000' } }
    const refused = await put(orphan)
    expect(refused.statusCode).toBe(422)
    expect(refused.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'business-rule', expression: ['Communication.subject'] }] })
    const bodies = (await t.db.selectFrom('message').select('body').where('client_id', '=', clientId).execute()).map((m) => m.body)
    expect(bodies).not.toContain('Toch om 10 uur.')
    expect(await t.db.selectFrom('message').select('id').where('ecd_id', 'in', ['M-2', 'M-3']).execute()).toHaveLength(0)
  })
})

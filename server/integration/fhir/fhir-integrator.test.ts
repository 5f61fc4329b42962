import { readFileSync } from 'node:fs'
import type { Bundle, CareTeam, OperationOutcome, Patient, Practitioner, PractitionerRole, Resource } from '@medplum/fhirtypes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { createLink, createStaffMember } from '../../test/client-record-factories.ts'
import { createStaffAccount } from '../../test/staff-factories.ts'
import { readOutbox } from '../../platform/outbox/outbox.test-support.ts'
import { rememberSecret } from '../../test/log-capture.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { ONE_PAGE, pdfOfObjects, streamObject } from '../../platform/pdf/pdf.test-support.ts'
import { FHIR_JSON, tokenFor } from './fhir.test-support.ts'
import { createIntegrationClient } from './integration-client.service.ts'

/**
 * The API as an ECD integrator meets it (issue 12): two sources with their own identifier systems,
 * care-plan PDFs as large as the portal's own upload takes, nl-core and R4 examples as published
 * (examples/published, not written here), errors a machine can act on, nothing dropped silently.
 */

const SYSTEM_A = 'urn:oid:2.16.840.1.113883.2.4.3.11.999.1'
const SYSTEM_B = 'urn:oid:2.16.840.1.113883.2.4.3.11.999.77'
const BSN_SYSTEM = 'http://fhir.nl/fhir/NamingSystem/bsn'

const published = <R extends Resource>(file: string): R => JSON.parse(readFileSync(new URL(`./examples/published/${file}`, import.meta.url), 'utf8')) as R

let t: TestApp
type Source = { system: string; headers: Record<string, string> }
let a: Source
let b: Source
async function source(system: string): Promise<Source> {
  const created = await createIntegrationClient(t.db, { name: `Source ${system.slice(-3)}`, identifierSystem: system, scopes: ['system/*.read', 'system/*.write'] })
  const token = await tokenFor(t, { clientId: created.clientId, secret: rememberSecret(created.clientSecret!) })
  return { system, headers: { authorization: `Bearer ${token}`, 'content-type': FHIR_JSON } }
}
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-12-07T09:00:00Z') })
  await createOrganisation(t.db)
  a = await source(SYSTEM_A)
  b = await source(SYSTEM_B)
})
afterAll(() => t.close())

const put = (from: Source, type: string, value: string, body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'PUT', url: `/fhir/${type}?identifier=${encodeURIComponent(`${from.system}|${value}`)}`, headers: { ...from.headers, ...headers }, payload: body as object })
const transaction = (from: Source, entry: Bundle['entry']) =>
  t.app.inject({ method: 'POST', url: '/fhir', headers: from.headers, payload: { resourceType: 'Bundle', type: 'transaction', entry } })

function patient(from: Source, value: string, bsn: string | null, family = 'Jansen', birthDate = '1938-05-01'): Patient {
  return {
    resourceType: 'Patient',
    identifier: [{ system: from.system, value }, ...(bsn ? [{ system: BSN_SYSTEM, value: bsn }] : [])],
    name: [{ use: 'official', family, given: ['Sophie'] }],
    gender: 'female',
    birthDate,
  }
}
const issuesOf = (body: string) => JSON.parse(body) as OperationOutcome

describe('identifiers per source system (item 1)', () => {
  it('keeps each source to its own system; the BSN links two sources to one client, whose fields stay with the source that made it', async () => {
    const made = await put(a, 'Patient', 'X-P1', patient(a, 'X-P1', '999911120'))
    expect(made.statusCode).toBe(201)
    const id = made.json<Patient>().id!

    // Another person under the same number in B's system: not A's client. The portal keeps one row per number for now: 409 with the reason.
    const other = await put(b, 'Patient', 'X-P1', patient(b, 'X-P1', null, 'Pietersen', '1950-01-01'))
    expect(other.statusCode).toBe(409)
    expect(issuesOf(other.body).issue[0]!.details!.text).toMatch(/another source system uses this identifier value/)

    // The same person (same BSN) under B's number: linked, nothing of A's record changed, and B is told.
    const linked = await put(b, 'Patient', 'B-77', patient(b, 'B-77', '999911120', 'Pietersen', '1950-01-01'), { prefer: 'return=OperationOutcome' })
    expect(linked.statusCode).toBe(200)
    expect(issuesOf(linked.body).issue).toEqual([expect.objectContaining({ severity: 'warning', expression: ['Patient'] })])
    const row = await t.db.selectFrom('client').select(['family_name', 'date_of_birth', 'version']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toEqual({ family_name: 'Jansen', date_of_birth: '1938-05-01', version: 1 })

    // Each identifier under its own system, for both sources; a search under one system never finds the other's number.
    const read = await t.app.inject({ method: 'GET', url: `/fhir/Patient/${id}`, headers: b.headers })
    expect(read.json<Patient>().identifier).toEqual([{ system: SYSTEM_A, value: 'X-P1' }, { system: SYSTEM_B, value: 'B-77' }])
    const search = (from: Source, system: string, value: string) =>
      t.app.inject({ method: 'GET', url: `/fhir/Patient?identifier=${encodeURIComponent(`${system}|${value}`)}`, headers: from.headers })
    expect((await search(b, SYSTEM_B, 'X-P1')).json<Bundle>().entry ?? []).toEqual([])
    expect((await search(b, SYSTEM_B, 'B-77')).json<Bundle>().entry?.map((e) => e.resource?.id)).toEqual([id])

    // A new client of B's own, then A tries to write it by id: 409, it is not A's.
    const own = await put(b, 'Patient', 'B-78', patient(b, 'B-78', null, 'Bakker'))
    expect(own.statusCode).toBe(201)
    const byId = await t.app.inject({ method: 'PUT', url: `/fhir/Patient/${own.json<Patient>().id}`, headers: a.headers, payload: patient(a, 'X-P9', null, 'Overschreven') })
    expect(byId.statusCode).toBe(409)
    expect(issuesOf(byId.body).issue[0]!.details!.text).toMatch(/another source system/)
  })
})

/** A one-page PDF padded to `bytes` with an unreferenced stream (what a scanned care plan weighs). */
function pdfOf(bytes: number): Buffer {
  return pdfOfObjects([...ONE_PAGE, streamObject('', Buffer.alloc(bytes, 0x41))])
}

describe('care-plan PDFs as large as the portal takes (item 2)', () => {
  it('takes a 0.9 MB PDF through PUT and inside a transaction Bundle, and a 15 MB one', { timeout: 120_000 }, async () => {
    const client = (await put(a, 'Patient', 'PDF-1', patient(a, 'PDF-1', '999912021'))).json<Patient>().id!
    const document = (value: string, pdf: Buffer) => ({
      resourceType: 'DocumentReference', status: 'current',
      identifier: [{ system: SYSTEM_A, value }], subject: { reference: `Patient/${client}` },
      context: { period: { start: '2026-11-01' } },
      content: [{ attachment: { contentType: 'application/pdf', data: pdf.toString('base64') } }],
    })
    // 0.9 MB was a 413 alone (1 MiB body limit) and a 400 in a Bundle (Medplum's 1 MB string limit);
    // 15 MB passes both limits on the write routes, which the Bundle route shares (one 15 MB write: they are slow).
    const small = pdfOf(900 * 1024)
    expect((await put(a, 'DocumentReference', 'CP-small-put', document('CP-small-put', small))).statusCode).toBe(201)
    const bundle = await transaction(a, [{ resource: document('CP-small-bundle', small) as Resource, request: { method: 'PUT', url: `DocumentReference?identifier=${SYSTEM_A}|CP-small-bundle` } }])
    expect(bundle.statusCode).toBe(200)
    expect((await put(a, 'DocumentReference', 'CP-large-put', document('CP-large-put', pdfOf(15 * 1024 * 1024)))).statusCode).toBe(201)
    const sizes = await t.db.selectFrom('care_plan_print').select('print_size').where('client_id', '=', client).orderBy('print_size').execute()
    expect(sizes.map((s) => s.print_size > 15 * 1024 * 1024)).toEqual([false, false, true])
  })

  it('takes a Bundle above the 20 MB a transaction once had, at /fhir and at /fhir/', { timeout: 120_000 }, async () => {
    // Padding, not a PDF: what is checked is that the body limit lets it through (a 413 otherwise).
    const padded = `{"resourceType":"Bundle","type":"transaction","entry":[]${' '.repeat(21 * 1024 * 1024)}}`
    for (const url of ['/fhir', '/fhir/']) {
      const res = await t.app.inject({ method: 'POST', url, headers: a.headers, payload: padded })
      expect(res.statusCode, url).toBe(400)
      expect(issuesOf(res.body).issue[0]!.expression).toEqual(['Bundle.entry'])
    }
  })

  it('refuses a large body without a valid token before reading it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/fhir', headers: { 'content-type': FHIR_JSON }, payload: `{"resourceType":"Bundle","pad":"${'x'.repeat(2 * 1024 * 1024)}"}` })
    expect(res.statusCode).toBe(401)
  })
})

describe('nl-core as published (item 3)', () => {
  it('accepts nl-core-CareTeam-01 with PractitionerRole, Patient and RelatedPerson members; the ones that are no care providers are told back', async () => {
    const withId = <R extends Resource>(resource: R, value: string): R => ({ ...resource, id: undefined, identifier: [{ system: SYSTEM_A, value }] })
    const role = published<PractitionerRole>('nl-core-CareTeam-01-PractitionerRole-01.json')
    const careTeam = published<CareTeam>('nl-core-CareTeam-01.json')
    // What an ECD adds: its identifiers, the client as subject, and references within the Bundle;
    // of the five PractitionerRoles only the one whose resource is published is sent.
    const members = careTeam.participant!.filter((p) => p.member?.type !== 'PractitionerRole' || p.member.reference === 'PractitionerRole/0100')
    members.find((p) => p.member?.reference === 'PractitionerRole/0100')!.member!.reference = 'urn:uuid:00000000-0000-4000-8000-0000000000c3'
    const res = await transaction(a, [
      { fullUrl: 'urn:uuid:00000000-0000-4000-8000-0000000000c1', resource: withId(published<Patient>('nl-core-Patient-01.json'), 'CT-P'), request: { method: 'PUT', url: `Patient?identifier=${SYSTEM_A}|CT-P` } },
      { fullUrl: 'urn:uuid:00000000-0000-4000-8000-0000000000c2', resource: withId(published('nl-core-CareTeam-01-Practitioner-01.json'), 'CT-PR'), request: { method: 'PUT', url: `Practitioner?identifier=${SYSTEM_A}|CT-PR` } },
      { fullUrl: 'urn:uuid:00000000-0000-4000-8000-0000000000c4', resource: { resourceType: 'Organization', identifier: [{ system: SYSTEM_A, value: 'CT-T' }], name: 'Wijkteam Hoogmade' }, request: { method: 'PUT', url: `Organization?identifier=${SYSTEM_A}|CT-T` } },
      { fullUrl: 'urn:uuid:00000000-0000-4000-8000-0000000000c3', resource: { ...withId(role, 'CT-R'), practitioner: { reference: 'urn:uuid:00000000-0000-4000-8000-0000000000c2' }, organization: { reference: 'urn:uuid:00000000-0000-4000-8000-0000000000c4' } } as Resource, request: { method: 'PUT', url: `PractitionerRole?identifier=${SYSTEM_A}|CT-R` } },
      { resource: { ...withId(careTeam, 'CT-1'), subject: { reference: 'urn:uuid:00000000-0000-4000-8000-0000000000c1' }, participant: members }, request: { method: 'PUT', url: `CareTeam?identifier=${SYSTEM_A}|CT-1` } },
    ])
    expect(res.statusCode, res.body).toBe(200)
    const entry = res.json<Bundle>().entry![4]!
    expect((entry.resource as CareTeam).participant).toEqual([expect.objectContaining({ member: { reference: expect.stringMatching(/^Practitioner\//) } })])
    const warned = (entry.response!.outcome as OperationOutcome).issue.flatMap((i) => i.expression ?? [])
    expect(warned).toEqual(expect.arrayContaining(['CareTeam.participant[0]', 'CareTeam.participant[1]', 'CareTeam.reasonReference']))
  })

  it('accepts the HL7 R4 CareTeam example, whose period has only an end', async () => {
    const client = (await put(a, 'Patient', 'HL7-1', patient(a, 'HL7-1', null, 'Chalmers'))).json<Patient>().id!
    const example = published<CareTeam>('hl7-r4-careteam-example.json')
    const careTeam = { ...example, id: undefined, identifier: [...example.identifier!, { system: SYSTEM_A, value: 'HL7-CT' }], subject: { reference: `Patient/${client}` } }
    const res = await put(a, 'CareTeam', 'HL7-CT', careTeam, { prefer: 'return=OperationOutcome' })
    expect(res.statusCode, res.body).toBe(201)
    const stored = await t.db.selectFrom('care_team').select(['valid_from', 'valid_until']).where('client_id', '=', client).executeTakeFirstOrThrow()
    expect(stored).toEqual({ valid_from: '2013-01-01', valid_until: '2013-01-01' })
    expect(issuesOf(res.body).issue.flatMap((i) => i.expression ?? [])).toEqual(expect.arrayContaining(['CareTeam.participant[0]', 'CareTeam.participant[1]', 'CareTeam.category']))
  })
})

describe('errors a machine can act on (item 4)', () => {
  it('names the entry and the reason of a conflict inside a transaction, in words for integrators', async () => {
    await put(a, 'Patient', 'E-1', patient(a, 'E-1', '999912033'))
    const res = await transaction(a, [
      { resource: patient(a, 'E-2', null), request: { method: 'PUT', url: `Patient?identifier=${SYSTEM_A}|E-2` } },
      { resource: patient(a, 'E-3', '999912033'), request: { method: 'PUT', url: `Patient?identifier=${SYSTEM_A}|E-3` } },
    ])
    expect(res.statusCode).toBe(409)
    const [issue] = issuesOf(res.body).issue
    expect(issue!.expression![0]).toMatch(/^Bundle\.entry\[1\]/)
    expect(issue!.details!.text).not.toMatch(/reload the page/i)
    expect(issue!.details!.text).toMatch(/BSN/)
    expect(res.body).not.toContain('999912033')
    expect(await t.db.selectFrom('client').select('id').where('ecd_id', '=', 'E-2').execute()).toEqual([])
  })

  it('refuses an impossible date with 400, alone or in a Bundle, and the value reaches no log line', async () => {
    const single = await put(a, 'Patient', 'D-1', { ...patient(a, 'D-1', null), birthDate: '1934-02-30' })
    expect(single.statusCode).toBe(400)
    expect(issuesOf(single.body).issue).toEqual([expect.objectContaining({ expression: ['Patient.birthDate'] })])
    const bundle = await transaction(a, [{ resource: { ...patient(a, 'D-2', null), birthDate: '1934-02-30' }, request: { method: 'PUT', url: `Patient?identifier=${SYSTEM_A}|D-2` } }])
    expect(bundle.statusCode).toBe(400)
    expect(issuesOf(bundle.body).issue[0]!.expression).toEqual(['Bundle.entry[0].resource(Patient.birthDate)'])
    expect(t.logs.join('\n')).not.toContain('1934-02-30')
  })
})

describe('nothing lost silently (item 8)', () => {
  it('round-trips nl-core-Patient-01: what the portal keeps comes back, what it does not is a warning by element', async () => {
    const sent = { ...published<Patient>('nl-core-Patient-01.json'), id: undefined }
    sent.identifier = [...sent.identifier!, { system: SYSTEM_A, value: 'NL-1' }]
    const res = await put(a, 'Patient', 'NL-1', sent, { prefer: 'return=OperationOutcome' })
    expect(res.statusCode, res.body).toBe(201)
    const warned = issuesOf(res.body).issue.filter((i) => i.severity === 'warning').flatMap((i) => i.expression ?? [])
    expect(String(res.headers['x-fhir-not-kept']).split(', ')).toContain('Patient.communication')
    // Still not kept, and so still told: elements the portal has no place for.
    expect(warned).toEqual(expect.arrayContaining(['Patient.communication', 'Patient.multipleBirthBoolean', 'Patient._gender', 'Patient.address.extension', 'Patient.address._country', 'Patient.contact.address.extension', 'Patient.contact.address._country']))
    // Kept: not among the warnings, and served back field by field below.
    const keptPaths = ['Patient.extension', 'Patient.name.text', 'Patient.name.given', 'Patient.name._given', 'Patient.name.family', 'Patient.name._family', 'Patient.telecom', 'Patient.telecom.use', 'Patient.telecom._system',
      'Patient.address.district', 'Patient.address.country', 'Patient.address.line', 'Patient.address._line', 'Patient.address.type', 'Patient.contact.relationship', 'Patient.contact.name', 'Patient.contact.telecom', 'Patient.contact.address.line', 'Patient.contact.address.district', 'Patient.deceasedBoolean', 'Patient.birthDate', 'Patient.gender', 'Patient.maritalStatus']
    for (const kept of keptPaths) expect(warned.filter((path) => path === kept || path.startsWith(`${kept}.`)), kept).toEqual([])
    const read = (await t.app.inject({ method: 'GET', url: res.headers.location!.replace(/\/_history\/\d+$/, ''), headers: a.headers })).json<Patient>()
    const [official, usual] = sent.name!
    // The naamgebruik the family name is written in (own name, then the partner's) is added as its code.
    expect(read.name).toEqual([{ ...official, extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/humanname-assembly-order', valueCode: 'NL4' }] }, usual])
    // The mobile number keeps nl-core's MC code and gets R4's `use: mobile`; never `home`.
    expect(read.telecom).toEqual([{ ...sent.telecom![0], use: 'mobile' }, sent.telecom![1]])
    const { extension: _addressType, _country: _countryCode, ...address } = sent.address![0] as Record<string, unknown>
    expect(read.address).toEqual([address])
    expect(read.maritalStatus?.coding).toEqual(sent.maritalStatus?.coding)
    expect(read.extension).toEqual(sent.extension)
    // The contact person: relationship codes as codes, with their display as text; name, telecom and address as for the client.
    const [contact] = sent.contact!
    const { extension: _contactAddressType, _country: _contactCountryCode, ...contactAddress } = contact!.address as Record<string, unknown>
    expect(read.contact).toEqual([{
      relationship: contact!.relationship!.map((r) => ({ ...r, text: r.coding![0]!.display })),
      name: { ...contact!.name, extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/humanname-assembly-order', valueCode: 'NL4' }] },
      telecom: [{ ...contact!.telecom![0], use: 'mobile' }, contact!.telecom![1]],
      address: contactAddress,
    }])
    expect(read).toMatchObject({ active: true, deceasedBoolean: false, gender: 'female', birthDate: '1934-04-28' })
    // A Patient without a country gets none.
    const plain = (await put(a, 'Patient', 'NL-4', { ...patient(a, 'NL-4', null), address: [{ use: 'home', city: 'Hoogmade' }] })).json<Patient>()
    expect(plain.address).toEqual([{ use: 'home', type: 'physical', city: 'Hoogmade' }])
  })

  it('keeps a Practitioner\'s BIG and URA numbers and title, a Communication\'s sent time apart from its arrival, an Appointment\'s comment', async () => {
    const practitioner = { ...published<Practitioner>('nl-core-CareTeam-01-Practitioner-01.json'), id: undefined,
      // What an ECD adds: its own identifier, and the register numbers it knows.
      identifier: [{ system: SYSTEM_A, value: 'K-PR' }, { system: 'http://fhir.nl/fhir/NamingSystem/big', value: '19012345601' }, { system: 'http://fhir.nl/fhir/NamingSystem/ura', value: '00001234' }] }
    const writtenPractitioner = await put(a, 'Practitioner', 'K-PR', practitioner, { prefer: 'return=OperationOutcome' })
    expect(writtenPractitioner.statusCode, writtenPractitioner.body).toBe(201)
    // The initial's IN qualifier is the one part not kept.
    expect(issuesOf(writtenPractitioner.body).issue.flatMap((i) => i.expression ?? [])).toEqual(['Practitioner.name._given'])
    const practitionerId = (await t.db.selectFrom('staff_member').select('id').where('ecd_id', '=', 'K-PR').executeTakeFirstOrThrow()).id
    const readPractitioner = (await t.app.inject({ method: 'GET', url: `/fhir/Practitioner/${practitionerId}`, headers: a.headers })).json<Practitioner>()
    expect(readPractitioner.identifier).toEqual(practitioner.identifier)
    const { _given: _qualifiers, ...name } = practitioner.name![0] as Record<string, unknown>
    expect(readPractitioner.name).toEqual([name])

    const client = (await put(a, 'Patient', 'K-P', patient(a, 'K-P', null))).json<Patient>().id!
    const communication = { resourceType: 'Communication', status: 'completed', identifier: [{ system: SYSTEM_A, value: 'K-M' }], subject: { reference: `Patient/${client}` },
      sender: { reference: `Practitioner/${practitionerId}` }, sent: '2026-12-06T21:15:00+01:00', payload: [{ contentString: 'Goedenavond, tot morgen.' }] }
    const sentMessage = await put(a, 'Communication', 'K-M', communication, { prefer: 'return=OperationOutcome' })
    expect(sentMessage.statusCode, sentMessage.body).toBe(201)
    expect(issuesOf(sentMessage.body).issue).toEqual([expect.objectContaining({ severity: 'information' })])
    const appointment = { resourceType: 'Appointment', status: 'booked', identifier: [{ system: SYSTEM_A, value: 'K-A' }], description: 'Bezoek fysiotherapeut', comment: 'Graag de rollator klaarzetten.',
      start: '2026-12-10T10:00:00+01:00', end: '2026-12-10T10:30:00+01:00', participant: [{ actor: { reference: `Patient/${client}` }, status: 'accepted' }] }
    const madeAppointment = await put(a, 'Appointment', 'K-A', appointment, { prefer: 'return=OperationOutcome' })
    expect(madeAppointment.statusCode, madeAppointment.body).toBe(201)
    expect(issuesOf(madeAppointment.body).issue.flatMap((i) => i.expression ?? [])).not.toContain('Appointment.comment')
    const search = async (type: string) => (await t.app.inject({ method: 'GET', url: `/fhir/${type}?patient=${client}`, headers: a.headers })).json<Bundle>().entry![0]!.resource
    expect(await search('Communication')).toMatchObject({ sent: '2026-12-06T20:15:00.000Z', received: '2026-12-07T09:00:00.000Z' })
    expect(await search('Appointment')).toMatchObject({ comment: 'Graag de rollator klaarzetten.' })
  })

  it('names what was not kept whatever Prefer: return= asks for', async () => {
    const sent = { ...published<Patient>('nl-core-Patient-01.json'), id: undefined }
    sent.identifier = [...sent.identifier!.filter((i) => i.system !== BSN_SYSTEM), { system: SYSTEM_A, value: 'NL-2' }]
    const minimal = await put(a, 'Patient', 'NL-2', sent, { prefer: 'return=minimal' })
    expect(minimal.statusCode, minimal.body).toBe(201)
    expect(minimal.body).toBe('')
    expect(minimal.headers.location).toMatch(/^\/fhir\/Patient\/[^/]+\/_history\/1$/)
    expect(String(minimal.headers['x-fhir-not-kept']).split(', ')).toContain('Patient.communication')
    const representation = await put(a, 'Patient', 'NL-2', sent, { prefer: 'return=representation' })
    expect(representation.statusCode).toBe(200)
    expect(representation.json<Patient>()).toMatchObject({ resourceType: 'Patient', meta: { versionId: '1' } })
    expect(String(representation.headers['x-fhir-not-kept']).split(', ')).toContain('Patient.communication')
    // Everything kept: the OperationOutcome says so, and no header.
    const plain = await put(a, 'Patient', 'NL-3', patient(a, 'NL-3', null), { prefer: 'return=OperationOutcome' })
    expect(plain.statusCode).toBe(201)
    expect(plain.headers['x-fhir-not-kept']).toBeUndefined()
    expect(issuesOf(plain.body).issue).toEqual([expect.objectContaining({ severity: 'information' })])
  })

  it('looks If-None-Exist up under the identifier\'s own system: never another source\'s number', async () => {
    const made = (await put(a, 'Patient', 'INE-1', patient(a, 'INE-1', null, 'Visser', '1941-02-03'))).json<Patient>()
    const create = (from: Source, system: string) => t.app.inject({
      method: 'POST', url: '/fhir/Patient',
      headers: { ...from.headers, 'if-none-exist': `identifier=${system}|INE-1` },
      payload: patient(from, 'INE-1', null, 'Visser', '1941-02-03'),
    })
    // A's own create finds A's row.
    const again = await create(a, SYSTEM_A)
    expect(again.statusCode).toBe(200)
    expect(again.json<Patient>().id).toBe(made.id)
    // B's "INE-1" is not A's: no match, so a create, refused as the value is A's for another client.
    const other = await create(b, SYSTEM_B)
    expect(other.statusCode).toBe(409)
    expect(issuesOf(other.body).issue[0]!.details!.text).toMatch(/another source system uses this identifier value/)
  })

  it('a departure or a death ends the client\'s links at once, tells the administrators, and is served back', async () => {
    const admin = await createStaffAccount(t.db, t.cipher, { administrator: true, caregiver: false, totp: false })
    const writer = await createStaffMember(t.db)
    const clientId = (await put(a, 'Patient', 'L-1', patient(a, 'L-1', null))).json<Patient>().id!
    const relative = await createAccount(t.db)
    const link = await createLink(t.db, relative.id, clientId, { relation: 'first_contact' })
    const linkOf = async (id: string) => t.db.selectFrom('client_link').select(['ended_at', 'end_reason']).where('id', '=', id).executeTakeFirstOrThrow()
    const mailsToAdmin = async () => (await readOutbox(t.db, { recipient: admin.email })).map((m) => m.subject)

    const left = await put(a, 'Patient', 'L-1', { ...patient(a, 'L-1', null), active: false })
    expect(left.statusCode, left.body).toBe(200)
    expect(left.json<Patient>()).toMatchObject({ active: false, deceasedBoolean: false })
    expect(await linkOf(link.id)).toEqual({ ended_at: new Date('2026-12-07T09:00:00Z'), end_reason: 'client_left' })
    expect(await mailsToAdmin()).toEqual(['Het ECD meldt dat een cliënt uit zorg is'])
    const [mail] = await readOutbox(t.db, { recipient: admin.email })
    expect(mail!.body_text).not.toMatch(/Jansen|Sophie|L-1/)
    expect(await t.db.selectFrom('access_log').select(['action', 'actor_type']).where('record_id', '=', link.id).execute()).toEqual([{ action: 'update', actor_type: 'integration' }])
    // No new message for a client nobody is linked to any more; the same push again changes nothing and tells nobody twice.
    const message = { resourceType: 'Communication', status: 'completed', identifier: [{ system: SYSTEM_A, value: 'L-M1' }], subject: { reference: `Patient/${clientId}` }, sender: { reference: `Practitioner/${writer.id}` }, payload: [{ contentString: 'Tot morgen.' }] }
    expect((await put(a, 'Communication', 'L-M1', message)).statusCode).toBe(422)
    expect((await put(a, 'Patient', 'L-1', { ...patient(a, 'L-1', null), active: false })).headers.etag).toBe(left.headers.etag)
    expect(await mailsToAdmin()).toHaveLength(1)

    // Back in care: open for new links again, the old link stays ended, the administrators are told.
    expect((await put(a, 'Patient', 'L-1', patient(a, 'L-1', null))).json<Patient>()).toMatchObject({ active: true })
    expect(await t.db.selectFrom('client').select('closed_at').where('id', '=', clientId).executeTakeFirstOrThrow()).toEqual({ closed_at: null })
    expect((await linkOf(link.id)).end_reason).toBe('client_left')
    expect(await mailsToAdmin()).toEqual(['Het ECD meldt dat een cliënt uit zorg is', 'Het ECD meldt dat een cliënt weer in zorg is'])

    // A death, with its date: kept as sent and served back.
    const second = await createLink(t.db, relative.id, clientId, { relation: 'first_contact' })
    const died = await put(a, 'Patient', 'L-1', { ...patient(a, 'L-1', null), deceasedDateTime: '2026-12-01T10:00:00+01:00' })
    expect(died.statusCode, died.body).toBe(200)
    expect(died.json<Patient>()).toMatchObject({ deceasedDateTime: '2026-12-01T10:00:00+01:00' })
    expect((await linkOf(second.id)).end_reason).toBe('client_deceased')
    expect((await mailsToAdmin()).at(-1)).toBe('Het ECD meldt dat een cliënt is overleden')
  })
})

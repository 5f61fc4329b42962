import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCareAssignment, createClient, createLink, createStaffMember, createTeam } from '../../test/client-record-factories.ts'
import { createAccount } from '../../test/factories.ts'
import { rememberSecret } from '../../test/log-capture.ts'
import { type LoggedIn, logIn } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

// 23:30 Dutch time: still 25 November in Amsterdam, whatever the machine's time zone.
const now = new Date('2026-11-25T22:30:00Z')
let t: TestApp
let login: LoggedIn
let clientId: string

beforeAll(async () => {
  t = await createTestApp({ now })
  const account = await createAccount(t.db, { display_name: 'Marieke Bakker' })
  const client = await createClient(t.db, {
    // Remembered: the run's log scan fails if the BSN ever reaches a log line.
    cipher: t.cipher, bsn: rememberSecret('809450076'), bankAccount: 'NL91 ABNA 0417 1643 00', date_of_birth: '1950-11-26', marital_status: 'gehuwd',
    place_of_birth: 'Amsterdam', nationality: 'Nederlandse', street: 'Boerenburgerweg', house_number: '44', postal_code: '2201 PR', city: 'Noordwijk',
    client_number: '1931', legal_capacity: 'wilsonbekwaam', admission_status: 'Niet vrijwillig', admission_legal_basis: 'Rechterlijke machtiging',
    general_practitioner: 'Huisartsenpraktijk Duin', identity_established: true,
  })
  clientId = client.id
  await createLink(t.db, account.id, client.id, { relation: 'legal_representative' })
  const otherRep = await createAccount(t.db, { display_name: 'Kees Bakker' })
  await createLink(t.db, otherRep.id, client.id, { relation: 'legal_representative', ended_at: new Date('2026-10-01T00:00:00Z') })
  const team = await createTeam(t.db, { name: 'Team Duinzicht', location: 'Noordwijk' })
  const oldTeam = await createTeam(t.db, { name: 'Team Oud' })
  const evv = await createStaffMember(t.db, { name: 'Fatima el Amrani', discipline: 'Verpleegkundige' })
  const doctor = await createStaffMember(t.db, { name: 'Dr. P. de Wit', discipline: 'Specialist ouderengeneeskunde' })
  const future = await createStaffMember(t.db, { name: 'Toekomstig', discipline: 'Fysiotherapeut' })
  await createCareAssignment(t.db, client.id, { team_id: team.id, role: 'team', valid_from: '2025-01-01' })
  await createCareAssignment(t.db, client.id, { team_id: oldTeam.id, role: 'team', valid_from: '2024-01-01', valid_until: '2025-11-24' })
  await createCareAssignment(t.db, client.id, { staff_member_id: evv.id, role: 'evv', discipline: 'Verpleegkundige', valid_from: '2025-01-01', valid_until: '2026-11-25' })
  await createCareAssignment(t.db, client.id, { staff_member_id: doctor.id, role: 'practitioner', discipline: 'Specialist ouderengeneeskunde', valid_from: '2026-11-25' })
  await createCareAssignment(t.db, client.id, { staff_member_id: future.id, role: 'practitioner', discipline: 'Fysiotherapeut', valid_from: '2026-11-26' })
  login = await logIn(t, account)
})
afterAll(() => t.close())

describe('GET /api/clients/:clientId/profile', () => {
  it('gives the full profile with the BSN and bank account masked', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/profile`, headers: login.headers })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['cache-control']).toContain('no-store')
    expect(res.body).not.toContain('809450076')
    expect(res.body).not.toContain('ABNA')
    expect(res.json()).toEqual({
      name: 'mw. S. uit de Jordaan', dateOfBirth: '1950-11-26', age: 75, maritalStatus: 'gehuwd', placeOfBirth: 'Amsterdam', nationality: 'Nederlandse',
      bsnMasked: '*****0076', address: { street: 'Boerenburgerweg', houseNumber: '44', postalCode: '2201 PR', city: 'Noordwijk', extra: '' },
      phone: '', email: '', clientNumber: '1931', legalCapacity: 'wilsonbekwaam', legalRepresentatives: ['Marieke Bakker'],
      admissionStatus: 'Niet vrijwillig', admissionLegalBasis: 'Rechterlijke machtiging', generalPractitioner: 'Huisartsenpraktijk Duin',
      identityEstablished: true, bankAccountMasked: 'NL************4300',
    })
  })
})

describe('POST /api/clients/:clientId/profile/bsn', () => {
  it('reveals the BSN on request, needs the CSRF token, and logs it as its own row', async () => {
    const noCsrf = await t.app.inject({ method: 'POST', url: `/api/clients/${clientId}/profile/bsn`, headers: { cookie: login.headers.cookie, 'content-type': 'application/json' }, payload: '{}' })
    expect(noCsrf.statusCode).toBe(403)
    const res = await t.app.inject({ method: 'POST', url: `/api/clients/${clientId}/profile/bsn`, headers: { ...login.headers, 'content-type': 'application/json' }, payload: '{}' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ bsn: '809450076' })
    expect(res.headers['cache-control']).toContain('no-store')
    const row = await t.db.selectFrom('access_log').selectAll().where('data_kind', '=', 'bsn').executeTakeFirstOrThrow()
    expect(row).toMatchObject({ action: 'read', outcome: 'success', client_id: clientId, on_behalf_link_id: expect.any(String), actor_role: 'legal_representative', actor_name: 'Marieke Bakker' })
    expect(JSON.stringify(row)).not.toContain('809450076')
  })
})

describe('GET /api/clients/:clientId/care-team/today', () => {
  it('lists the teams, disciplines, responsible staff and practitioners valid on the Dutch calendar day', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/care-team/today`, headers: login.headers })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      date: '2026-11-25',
      teams: [{ name: 'Team Duinzicht', location: 'Noordwijk' }],
      disciplines: ['Specialist ouderengeneeskunde', 'Verpleegkundige'],
      responsible: [{ name: 'Fatima el Amrani', discipline: 'Verpleegkundige', role: 'evv' }],
      practitioners: [{ name: 'Dr. P. de Wit', discipline: 'Specialist ouderengeneeskunde' }],
    })
  })
})

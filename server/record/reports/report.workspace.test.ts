import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLink, createReport } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn } from '../../test/login-helper.ts'
import { logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { createClientOfTeam, createTeamWithCaregivers } from '../../test/workspace-factories.ts'

/** Issue 5, item 2: writing reports, "zichtbaar in portaal", correcting one's own within 24 hours. */

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
let author: LoggedIn
let colleague: LoggedIn
let daughter: LoggedIn
let clientId = ''
let authorStaffId = ''

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  const { team, caregivers } = await createTeamWithCaregivers(t.db, t.cipher, 2)
  await t.db.updateTable('staff_member').set({ discipline: 'Verzorgende IG' }).where('id', '=', caregivers[0]!.staffMemberId).execute()
  const client = await createClientOfTeam(t.db, team.id)
  clientId = client.id
  authorStaffId = caregivers[0]!.staffMemberId
  const account = await createAccount(t.db)
  await createLink(t.db, account.id, client.id, { activated_at: new Date('2026-11-01T00:00:00Z') })
  author = await logInStaff(t, caregivers[0]!, now)
  colleague = await logInStaff(t, caregivers[1]!, now)
  daughter = await logIn(t, account)
})
afterAll(() => t.close())

const url = () => `/api/workspace/clients/${clientId}/reports`
const send = (method: 'POST' | 'PUT', path: string, login: LoggedIn, body: unknown) =>
  t.app.inject({ method, url: path, headers: { ...login.headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) })
const report = (overrides: Record<string, unknown> = {}) => ({ reportedAt: '2026-11-25T11:00:00Z', carePlanGoal: 'Mobiliteit behouden', text: 'Mevrouw heeft een rondje gelopen.', visibleInPortal: true, ...overrides })

describe('writing a report', () => {
  it('stores it for the team with the author\'s discipline; the portal shows only the visible one, the workspace both, marked', async () => {
    const visible = await send('POST', url(), author, report({ text: 'Zichtbaar voor familie.' }))
    expect(visible.statusCode, visible.body).toBe(201)
    const hidden = await send('POST', url(), author, report({ text: 'Alleen voor het team.', visibleInPortal: false, reportedAt: '2026-11-25T11:15:00Z' }))
    expect(hidden.statusCode).toBe(201)

    const stored = await t.db.selectFrom('report').innerJoin('team', 'team.id', 'report.team_id').select(['report.author_staff_id', 'report.author_role', 'team.name']).where('report.id', '=', visible.json().id).executeTakeFirstOrThrow()
    expect(stored).toEqual({ author_staff_id: authorStaffId, author_role: 'Verzorgende IG', name: 'Team Noord' })

    const portal = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/reports`, headers: daughter.headers })
    expect(portal.json().items.map((r: { text: string }) => r.text)).toEqual(['Zichtbaar voor familie.'])

    const all = (await t.app.inject({ method: 'GET', url: url(), headers: colleague.headers })).json()
    expect(all.items.map((r: { text: string; visibleInPortal: boolean }) => [r.text, r.visibleInPortal])).toEqual([['Alleen voor het team.', false], ['Zichtbaar voor familie.', true]])
    // A colleague reads, but the correction is the author's.
    expect(all.items[0]).toMatchObject({ isMine: false, correctableUntil: null, authorRole: 'Verzorgende IG', team: 'Team Noord' })
    const asPortal = (await t.app.inject({ method: 'GET', url: `${url()}?view=portal`, headers: colleague.headers })).json()
    expect(asPortal.items.map((r: { text: string }) => r.text)).toEqual(['Zichtbaar voor familie.'])

    const logged = await t.db.selectFrom('access_log').select(['actor_type', 'actor_role', 'action']).where('record_id', '=', visible.json().id).execute()
    expect(logged).toEqual([{ actor_type: 'staff', actor_role: 'caregiver', action: 'create' }])
  })

  it('refuses a time in the future or more than a week back, an empty text and fields a caregiver may not set', async () => {
    expect((await send('POST', url(), author, report({ reportedAt: '2026-11-25T13:00:00Z' }))).json().error.code).toBe('report_time_invalid')
    expect((await send('POST', url(), author, report({ reportedAt: '2026-11-17T11:00:00Z' }))).json().error.code).toBe('report_time_invalid')
    expect((await send('POST', url(), author, report({ text: '   ' }))).json().error.code).toBe('validation_failed')
    const forged = await send('POST', url(), author, { ...report(), authorStaffId: '7b0c2f0e-1111-4222-8333-944444444444', clientId })
    expect(forged.statusCode).toBe(400)
  })
})

describe('correcting one\'s own report', () => {
  it('within 24 hours: the new text replaces the old, which is kept as an earlier version', async () => {
    const created = await send('POST', url(), author, report({ text: 'Eerste tekst.', visibleInPortal: false }))
    const id = created.json().id
    const corrected = await send('PUT', `${url()}/${id}`, author, report({ text: 'Verbeterde tekst.', visibleInPortal: true }))
    expect(corrected.statusCode, corrected.body).toBe(200)
    // Written 23 hours ago: still inside the window.
    await t.db.updateTable('report').set({ created_at: new Date('2026-11-24T13:00:00Z') }).where('id', '=', id).execute()
    expect((await send('PUT', `${url()}/${id}`, author, report({ text: 'Tweede correctie.' }))).statusCode).toBe(200)

    const versions = (await t.app.inject({ method: 'GET', url: `${url()}/${id}/versions`, headers: colleague.headers })).json()
    expect(versions.items.map((v: { version: number; text: string; visibleInPortal: boolean }) => [v.version, v.text, v.visibleInPortal]))
      .toEqual([[1, 'Eerste tekst.', false], [2, 'Verbeterde tekst.', true]])
    const listed = (await t.app.inject({ method: 'GET', url: url(), headers: author.headers })).json().items.find((r: { id: string }) => r.id === id)
    expect(listed).toMatchObject({ text: 'Tweede correctie.', visibleInPortal: true, earlierVersions: 2, isMine: true, correctableUntil: '2026-11-25T13:00:00.000Z' })
    const log = await t.db.selectFrom('access_log').select(['action', 'actor_type']).where('record_id', '=', id).where('data_kind', '=', 'report').orderBy('id').execute()
    expect(log).toEqual([{ action: 'create', actor_type: 'staff' }, { action: 'update', actor_type: 'staff' }, { action: 'update', actor_type: 'staff' }])
  })

  it('after 24 hours the report stays as it is (409), and the version table is untouched', async () => {
    const id = (await send('POST', url(), author, report({ text: 'Te laat.' }))).json().id
    await t.db.updateTable('report').set({ created_at: new Date('2026-11-24T11:59:59Z') }).where('id', '=', id).execute()
    const late = await send('PUT', `${url()}/${id}`, author, report({ text: 'Nog verbeteren?' }))
    expect(late.statusCode, late.body).toBe(409)
    expect(late.json().error.code).toBe('report_correction_closed')
    expect(await t.db.selectFrom('report_version').select('id').where('report_id', '=', id).execute()).toEqual([])
    expect((await t.db.selectFrom('report').select('body').where('id', '=', id).executeTakeFirstOrThrow()).body).toBe('Te laat.')
  })

  it('someone else\'s report cannot be corrected (403), another client\'s report is not found (404)', async () => {
    const id = (await send('POST', url(), author, report())).json().id
    const res = await send('PUT', `${url()}/${id}`, colleague, report({ text: 'Overschreven?' }))
    expect(res.statusCode, res.body).toBe(403)
    expect(res.json().error.code).toBe('report_not_own')
    const ecdReport = await createReport(t.db, clientId)
    expect((await send('PUT', `${url()}/${ecdReport.id}`, author, report())).json().error.code).toBe('report_not_own')
    const elsewhere = await createClientOfTeam(t.db, (await createTeamWithCaregivers(t.db, t.cipher, 0, 'Team West')).team.id)
    const foreign = await createReport(t.db, elsewhere.id, { author_staff_id: authorStaffId })
    expect((await send('PUT', `${url()}/${foreign.id}`, author, report())).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'GET', url: `${url()}/${foreign.id}/versions`, headers: author.headers })).statusCode).toBe(404)
  })
})

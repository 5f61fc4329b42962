import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, createLink, createReport, createStaffMember, createTeam } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { reportPageQuery } from './reports.repository.ts'

const now = new Date('2026-11-25T12:00:00Z')
const activatedAt = new Date('2026-03-01T09:00:00Z')
let t: TestApp
let login: LoggedIn
let clientId: string
const visibleIds: string[] = []
let hiddenId: string
let beforeActivationId: string

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  const account = await createAccount(t.db)
  const client = await createClient(t.db)
  clientId = client.id
  await createLink(t.db, account.id, client.id, { activated_at: activatedAt })
  const team = await createTeam(t.db, { name: 'Team Zuid' })
  const author = await createStaffMember(t.db, { name: 'Jan Smit' })
  // 25 visible reports, one a day from 1 April (two on the same instant to test the id tiebreak).
  for (let day = 0; day < 25; day++) {
    const reportedAt = new Date(Date.UTC(2026, 3, 1 + Math.min(day, 23), 7, 30))
    const body = day === 5 ? 'Mevrouw zegt: 100% tevreden_vandaag.\nTweede regel.' : `Dag ${day}: rustig geslapen en goed gegeten.`
    visibleIds.push((await createReport(t.db, client.id, { team_id: team.id, author_staff_id: author.id, reported_at: reportedAt, body })).id)
  }
  hiddenId = (await createReport(t.db, client.id, { reported_at: new Date('2026-04-10T10:00:00Z'), body: 'Verborgen: rustig geslapen.', visible_in_portal: false })).id
  beforeActivationId = (await createReport(t.db, client.id, { reported_at: new Date(activatedAt.getTime() - 1000), body: 'Voor activering: rustig geslapen.' })).id
  const other = await createClient(t.db)
  await createReport(t.db, other.id, { reported_at: new Date('2026-04-10T10:00:00Z'), body: 'Andere cliënt: rustig geslapen.' })
  login = await logIn(t, account)
})
afterAll(() => t.close())

async function page(query: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/reports${query}`, headers: login.headers })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ items: { id: string; reportedAt: string; text: string; authorName: string | null; team: string | null }[]; nextCursor: string | null }>()
}

async function allPages(query: string, limit: number) {
  const seen: string[] = []
  let cursor: string | null = null
  do {
    const sep = query ? '&' : '?'
    const body = await page(`${query}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
    seen.push(...body.items.map((i) => i.id))
    cursor = body.nextCursor
  } while (cursor)
  return seen
}

describe('GET /api/clients/:clientId/reports', () => {
  it('answers newest first with team, role, goal and text; no author name by default; no-store', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/reports?limit=2`, headers: login.headers })
    expect(res.headers['cache-control']).toContain('no-store')
    const body = res.json()
    expect(body.items[0]).toEqual({
      id: expect.any(String), reportedAt: '2026-04-24T07:30:00.000Z', team: 'Team Zuid', authorRole: 'Verzorgende IG',
      authorName: null, carePlanGoal: 'Mevrouw eet voldoende', text: expect.stringMatching(/^Dag 2[34]/),
    })
    expect(body.items[0].reportedAt >= body.items[1].reportedAt).toBe(true)
    // The portal says from when reports are shown: the moment the link was activated.
    expect(body.shownFrom).toBe(activatedAt.toISOString())
  })

  it('walks every page exactly once, with ties on reported_at, and never shows the hidden or pre-activation report', async () => {
    for (const limit of [1, 3, 7, 50]) {
      const seen = await allPages('', limit)
      expect(seen).toHaveLength(25)
      expect(new Set(seen).size).toBe(25)
      expect(new Set(seen)).toEqual(new Set(visibleIds))
    }
  })

  it('searches the text literally, case-insensitively, on every page, without hidden or pre-activation reports', async () => {
    const seen = await allPages('?q=RUSTIG%20geslapen', 4)
    expect(seen).toHaveLength(24)
    expect(seen).not.toContain(hiddenId)
    expect(seen).not.toContain(beforeActivationId)
    const percent = await page(`?q=${encodeURIComponent('100% tevreden_')}`)
    expect(percent.items.map((i) => i.text)).toEqual(['Mevrouw zegt: 100% tevreden_vandaag.\nTweede regel.'])
    expect((await page(`?q=${encodeURIComponent('0_t')}`)).items).toEqual([])
  })

  it('filters on Dutch calendar days, both inclusive', async () => {
    const body = await page('?from=2026-04-03&to=2026-04-05')
    expect(body.items.map((i) => i.reportedAt)).toEqual(['2026-04-05T07:30:00.000Z', '2026-04-04T07:30:00.000Z', '2026-04-03T07:30:00.000Z'])
    expect((await page('?from=2026-01-01&to=2026-03-31')).items).toEqual([])
  })

  it('shows the author name only when the organisation allows it', async () => {
    await t.db.updateTable('organisation').set({ show_report_author_name: true }).execute()
    expect((await page('?limit=1')).items[0]?.authorName).toBe('Jan Smit')
    await t.db.updateTable('organisation').set({ show_report_author_name: false }).execute()
  })

  it('refuses a forged cursor and unknown query fields with 400', async () => {
    for (const query of ['?cursor=abc', `?cursor=${Buffer.from('2026-01-01|x').toString('base64url')}`, '?clientId=x', '?limit=500']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/reports${query}`, headers: login.headers })
      expect(res.statusCode, query).toBe(400)
    }
  })

  it('writes one access-log row per read, with the link', async () => {
    const before = await t.db.selectFrom('access_log').select((eb) => eb.fn.countAll<number>().as('n')).where('data_kind', '=', 'report').executeTakeFirstOrThrow()
    await page('?limit=1')
    const rows = await t.db.selectFrom('access_log').selectAll().where('data_kind', '=', 'report').orderBy('id', 'desc').execute()
    expect(rows.length).toBe(Number(before.n) + 1)
    expect(rows[0]).toMatchObject({ action: 'read', outcome: 'success', client_id: clientId, on_behalf_link_id: expect.any(String), actor_type: 'account' })
  })
})

describe('the report query plan', () => {
  it('reads through the portal indexes, never a sequential scan of report', async () => {
    // Enough rows over many clients that without the indexes a sequential scan would be chosen.
    await sql`insert into client (client_number, given_name, family_name, date_of_birth)
      select 'B' || g, 'Bulk', 'Cliënt', date '1950-01-01' from generate_series(1, 200) g`.execute(t.db)
    await sql`insert into report (client_id, body, reported_at)
      select c.id, 'Bulk ' || md5(c.id::text || g::text), now() - g * interval '1 hour'
      from client c, generate_series(1, 150) g where c.client_number like 'B%'`.execute(t.db)
    await sql`analyze report`.execute(t.db)
    const base = { clientId, notBefore: activatedAt, from: null, until: null, after: { at: '2026-04-20T07:30:00.000000Z', id: visibleIds[0] ?? '' }, limit: 21 }
    for (const containsPattern of [null, '%rustig geslapen%']) {
      const plan = (await reportPageQuery(t.db, { ...base, containsPattern }).explain()).map((row) => String(row['QUERY PLAN'])).join('\n')
      expect(plan, plan).not.toMatch(/Seq Scan on report/)
      expect(plan, plan).toMatch(/report_portal_(time|body_trgm)_idx/)
    }
    // The trigram index exists on both databases (PGlite loads pg_trgm and btree_gin).
    const index = await sql<{ n: number }>`select count(*)::int as n from pg_indexes where indexname = 'report_portal_body_trgm_idx'`.execute(t.db)
    expect(index.rows[0]?.n).toBe(1)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, createLink, createReport } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn } from '../../test/login-helper.ts'
import { createStaffAccount, logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { send } from '../../identity/authentication/second-factors/second-factors.test-support.ts'
import { csvCell } from './access-log-csv.ts'

/** Administrators search the access log and export it as CSV (streamed, attachment, no formula injection). */

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
let admin: LoggedIn
let daughterId: string
let clientId: string
let clientNumber: string

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  admin = await logInStaff(t, await createStaffAccount(t.db, t.cipher, { administrator: true, name: 'Bea Beheer' }), now)
  const daughter = await createAccount(t.db, { display_name: 'Marieke Jansen' })
  daughterId = daughter.id
  const client = await createClient(t.db)
  clientId = client.id
  clientNumber = client.client_number
  await createLink(t.db, daughter.id, client.id)
  await createReport(t.db, client.id)
  const login = await logIn(t, daughter)
  // A hostile user agent ends up in the log, and so in the export.
  for (let i = 0; i < 3; i++) {
    const res = await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}/reports`, headers: { ...login.headers, 'user-agent': '=HYPERLINK("http://evil.example","klik")' } })
    expect(res.statusCode).toBe(200)
  }
})
afterAll(() => t.close())

describe('GET /api/admin/access-log', () => {
  it('finds the reads of one client by one person, newest first, page by page', async () => {
    const first = await send(t, admin, 'GET', `/api/admin/access-log?clientId=${clientId}&actorId=${daughterId}&action=read&limit=2`)
    expect(first.statusCode, first.body).toBe(200)
    const page1 = first.json()
    expect(page1.items).toHaveLength(2)
    expect(page1.items[0]).toMatchObject({ clientId, clientNumber, actorId: daughterId, actorName: 'Marieke Jansen', action: 'read', dataKind: 'report', outcome: 'success' })
    expect(Number(page1.items[0].id)).toBeGreaterThan(Number(page1.items[1].id))
    const page2 = (await send(t, admin, 'GET', `/api/admin/access-log?clientId=${clientId}&actorId=${daughterId}&action=read&limit=2&cursor=${page1.nextCursor}`)).json()
    expect(page2.items).toHaveLength(1)
    expect(page2.nextCursor).toBeNull()
  })

  it('filters by part of the name and by period; the search itself is logged', async () => {
    const byName = (await send(t, admin, 'GET', '/api/admin/access-log?actorName=jansen&action=login')).json()
    expect(byName.items.length).toBeGreaterThan(0)
    expect(byName.items.every((i: { actorName: string; action: string }) => i.actorName === 'Marieke Jansen' && i.action === 'login')).toBe(true)
    const before = (await send(t, admin, 'GET', `/api/admin/access-log?until=${encodeURIComponent(new Date(now.getTime() - 1000).toISOString())}`)).json()
    expect(before.items).toEqual([])
    const lookups = await t.db.selectFrom('access_log').selectAll().where('data_kind', '=', 'access_log').where('actor_role', '=', 'administrator').execute()
    expect(lookups.length).toBeGreaterThanOrEqual(3)
    expect(lookups.some((row) => row.client_id === clientId && row.actor_name === 'Bea Beheer')).toBe(true)
  })

  it('refuses unknown filters and a forged cursor', async () => {
    expect((await send(t, admin, 'GET', '/api/admin/access-log?table=account')).statusCode).toBe(400)
    expect((await send(t, admin, 'GET', '/api/admin/access-log?cursor=1%3B%20drop')).statusCode).toBe(400)
    // Well-formed base64url, but not a cursor this server made: a bare row number, text, row 0, too large a row.
    const spelled = (row: string) => Buffer.from(JSON.stringify([row])).toString('base64url')
    for (const forged of ['42', spelled('1; drop'), spelled('0'), spelled('99999999999999999999')]) {
      const res = await send(t, admin, 'GET', `/api/admin/access-log?cursor=${forged}`)
      expect(res.statusCode, forged).toBe(400)
      expect(res.json().error.code, forged).toBe('validation_failed')
    }
    expect((await send(t, admin, 'GET', '/api/admin/access-log?action=truncate')).statusCode).toBe(400)
  })
})

describe('GET /api/admin/access-log/export.csv', () => {
  it('streams the matching rows as a CSV attachment, with formulas neutralised; the export is logged', async () => {
    const res = await send(t, admin, 'GET', `/api/admin/access-log/export.csv?clientId=${clientId}&action=read`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toBe('attachment; filename="toegangslog-2026-11-25.csv"')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['cache-control']).toContain('no-store')
    const lines = res.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
    expect(lines[0]).toBe('tijdstip,actie,uitkomst,soort,persoon_id,rol,naam,namens_koppeling,namens,client_id,clientnummer,gegevens,record_id,ip_adres,browser,verzoek_id')
    const reads = lines.slice(1).filter((line) => line.includes(',report,'))
    expect(reads).toHaveLength(3)
    expect(reads[0]).toContain(`,Marieke Jansen,`)
    expect(reads[0]).toContain(`,${clientNumber},`)
    expect(reads[0]).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`)
    expect(res.body).not.toMatch(/(^|,)=HYPERLINK/m)
    const exportRow = await t.db.selectFrom('access_log').selectAll().where('action', '=', 'export').where('data_kind', '=', 'access_log').executeTakeFirstOrThrow()
    expect(exportRow).toMatchObject({ client_id: clientId, actor_role: 'administrator' })
  })

  it('exports more rows than one batch', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({ action: 'read' as const, outcome: 'success' as const, actor_type: 'system' as const, actor_id: null, actor_role: 'system', client_id: null, data_kind: `bulk-${i}`, record_id: null, on_behalf_link_id: null }))
    await t.db.insertInto('access_log').values(rows).execute()
    const res = await send(t, admin, 'GET', '/api/admin/access-log/export.csv?actorId=nobody-but-system')
    expect(res.body.trimEnd().split('\r\n')).toHaveLength(1)
    const all = await send(t, admin, 'GET', '/api/admin/access-log/export.csv')
    const bulk = all.body.split('\r\n').filter((line) => line.includes(',bulk-'))
    expect(bulk).toHaveLength(1200)
  })
})

describe('csvCell', () => {
  it('prefixes what a spreadsheet would run and quotes what CSV needs', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+31612345678')).toBe("'+31612345678")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\t=1')).toBe("'\t=1")
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('zei "hoi"')).toBe('"zei ""hoi"""')
    expect(csvCell('regel\nregel')).toBe('"regel\nregel"')
    expect(csvCell(null)).toBe('')
    expect(csvCell('mw. S. uit de Jordaan')).toBe('mw. S. uit de Jordaan')
  })
})

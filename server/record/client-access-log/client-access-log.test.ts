import type { Insertable } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccessLogTable } from '../../platform/access-log/access-log.table.ts'
import { createClient, createLink } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn } from '../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
let login: LoggedIn
let clientId: string

function entry(occurredAt: string, overrides: Partial<Insertable<AccessLogTable>> = {}): Insertable<AccessLogTable> {
  return {
    occurred_at: new Date(occurredAt), action: 'read', outcome: 'success', actor_type: 'staff', actor_id: 'staff-1',
    actor_role: 'Verzorgende IG', actor_name: 'Fatima el Amrani', client_id: clientId, data_kind: 'report', record_id: null, on_behalf_link_id: null, ...overrides,
  }
}

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db, { name: 'Zorggroep Duin' })
  const account = await createAccount(t.db, { display_name: 'Marieke Bakker' })
  const client = await createClient(t.db)
  clientId = client.id
  await createLink(t.db, account.id, client.id, { relation: 'legal_representative', may_read_reports: false, may_read_profile: false })
  const other = await createClient(t.db)
  await t.db.insertInto('access_log').values([
    // 23:30 Dutch time on 20 November (22:30 UTC) and 00:30 on the 21st (23:30 UTC) are different days.
    entry('2026-11-20T08:00:00Z'), entry('2026-11-20T09:00:00Z'), entry('2026-11-20T22:30:00Z'),
    entry('2026-11-20T23:30:00Z'),
    entry('2026-11-20T10:00:00Z', { data_kind: 'profile' }),
    entry('2026-11-20T10:30:00Z', { action: 'update', data_kind: 'report' }),
    entry('2026-11-19T10:00:00Z', { actor_type: 'integration', actor_id: 'ecd', actor_role: 'integration', actor_name: 'ECD-koppeling', action: 'create' }),
    entry('2026-11-18T10:00:00Z', { outcome: 'denied' }),
    entry('2026-11-18T11:00:00Z', { client_id: other.id }),
    // More than a page window (31 days) before the others.
    entry('2026-09-01T10:00:00Z', { data_kind: 'appointment', action: 'create' }),
  ]).execute()
  login = await logIn(t, account)
})
afterAll(() => t.close())

async function get(query = '') {
  const res = await t.app.inject({ method: 'GET', url: `/api/clients/${clientId}/access-log${query}`, headers: login.headers })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ items: { date: string; count: number; dataKind: string; action: string; actor: { type: string; name: string | null; organisation: string | null; role: string } }[]; nextCursor: string | null }>()
}

describe('GET /api/clients/:clientId/access-log', () => {
  it('merges one actor, data kind and action per Dutch day, newest first, without denied rows or other clients', async () => {
    const body = await get('?to=2026-11-24')
    // A page covers at most 31 days back from the newest access; older ones come on the next page.
    expect(body.nextCursor).toBe('2026-10-22')
    expect(body.items.map((l) => [l.date, l.actor.type, l.dataKind, l.action, l.count])).toEqual([
      ['2026-11-21', 'staff', 'report', 'read', 1],
      ['2026-11-20', 'staff', 'report', 'read', 3],
      ['2026-11-20', 'staff', 'report', 'update', 1],
      ['2026-11-20', 'staff', 'profile', 'read', 1],
      ['2026-11-19', 'integration', 'report', 'create', 1],
    ])
    expect(body.items[1]).toEqual({
      date: '2026-11-20', firstAt: '2026-11-20T08:00:00.000Z', lastAt: '2026-11-20T22:30:00.000Z', count: 3,
      actor: { type: 'staff', organisation: 'Zorggroep Duin', role: 'Verzorgende IG', name: 'Fatima el Amrani' }, dataKind: 'report', action: 'read',
      wayIn: null, assurance: null,
    })
    expect(body.items[4]?.actor).toEqual({ type: 'integration', organisation: 'Zorggroep Duin', role: 'integration', name: null })
  })

  it('is readable by a link without any section permission, and logs its own reading with the link', async () => {
    const before = (await get('?from=2026-11-25&to=2026-11-25')).items[0]?.count ?? 0
    const body = await get('?from=2026-11-25&to=2026-11-25')
    // The reading before this one is in the log; this one's own row is written after its query.
    expect(body.items).toEqual([
      { date: '2026-11-25', firstAt: now.toISOString(), lastAt: now.toISOString(), count: before + 1, actor: { type: 'account', organisation: null, role: 'legal_representative', name: 'Marieke Bakker' }, dataKind: 'access_log', action: 'read', wayIn: 'sms', assurance: 'low' },
    ])
    const own = await t.db.selectFrom('access_log').select(['on_behalf_link_id', 'actor_id']).where('data_kind', '=', 'access_log').execute()
    expect(own.every((row) => row.on_behalf_link_id !== null)).toBe(true)
  })

  it('leaves out what lies before the period', async () => {
    const body = await get('?from=2026-11-01&to=2026-11-24')
    expect(body.items.map((l) => l.date)).not.toContain('2026-09-01')
    expect(body.nextCursor).toBeNull()
  })

  it('pages by whole days', async () => {
    const first = await get('?to=2026-11-24&limit=2')
    expect(first.items.map((l) => l.date)).toEqual(['2026-11-21'])
    expect(first.nextCursor).toBe('2026-11-21')
    const second = await get(`?to=2026-11-24&limit=2&cursor=${first.nextCursor}`)
    // One day alone has more lines than the page: the whole day comes anyway.
    expect(second.items.map((l) => l.date)).toEqual(['2026-11-20', '2026-11-20', '2026-11-20'])
    expect(second.nextCursor).toBe('2026-11-20')
    const third = await get(`?to=2026-11-24&limit=2&cursor=${second.nextCursor}`)
    expect(third.items.map((l) => l.date)).toEqual(['2026-11-19'])
    expect(third.nextCursor).toBe('2026-10-20')
    const fourth = await get(`?to=2026-11-24&limit=2&cursor=${third.nextCursor}`)
    expect(fourth.items.map((l) => [l.date, l.dataKind, l.action])).toEqual([['2026-09-01', 'appointment', 'create']])
    expect(fourth.nextCursor).toBeNull()
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganisation } from '../../test/factories.ts'
import type { LoggedIn } from '../../test/login-helper.ts'
import { createStaffAccount, logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { send } from '../../identity/authentication/second-factors/second-factors.test-support.ts'

/** Administrators publish news for the login page, each within its publication window. */

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
let admin: LoggedIn

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  admin = await logInStaff(t, await createStaffAccount(t.db, t.cipher, { administrator: true }), now)
})
afterAll(() => t.close())

const hours = (n: number) => new Date(now.getTime() + n * 3600_000).toISOString()
const publicTitles = async () => (await t.app.inject({ method: 'GET', url: '/api/news' })).json().items.map((i: { title: string }) => i.title)

describe('/api/admin/news', () => {
  it('shows an item on the login page only inside its window', async () => {
    const current = await send(t, admin, 'POST', '/api/admin/news', { title: 'Nu', body: 'Het portaal werkt weer.', publishFrom: hours(-1), publishUntil: hours(1) })
    expect(current.statusCode, current.body).toBe(201)
    expect(current.json().state).toBe('published')
    const planned = await send(t, admin, 'POST', '/api/admin/news', { title: 'Later', body: 'Onderhoud zaterdag.', publishFrom: hours(2), publishUntil: null })
    expect(planned.json().state).toBe('scheduled')
    expect(await publicTitles()).toEqual(['Nu'])
    t.setNow(new Date(now.getTime() + 3 * 3600_000))
    expect(await publicTitles()).toEqual(['Later'])
    t.setNow(now)
    const list = await send(t, admin, 'GET', '/api/admin/news')
    expect(list.json().items.map((i: { title: string; state: string }) => [i.title, i.state])).toEqual([['Later', 'scheduled'], ['Nu', 'published']])
  })

  it('changes and removes an item; a window that ends before it starts is refused', async () => {
    const item = (await send(t, admin, 'POST', '/api/admin/news', { title: 'Oud', body: 'Tekst.', publishFrom: hours(-5), publishUntil: null })).json()
    const changed = await send(t, admin, 'PUT', `/api/admin/news/${item.id}`, { title: 'Verlopen', body: 'Tekst.', publishFrom: hours(-5), publishUntil: hours(-4) })
    expect(changed.json()).toMatchObject({ title: 'Verlopen', state: 'ended' })
    expect(await publicTitles()).not.toContain('Verlopen')
    const wrong = await send(t, admin, 'PUT', `/api/admin/news/${item.id}`, { title: 'X', body: 'Y', publishFrom: hours(1), publishUntil: hours(0) })
    expect(wrong.statusCode).toBe(400)
    expect((await send(t, admin, 'DELETE', `/api/admin/news/${item.id}`)).statusCode).toBe(200)
    expect((await send(t, admin, 'DELETE', `/api/admin/news/${item.id}`)).statusCode).toBe(404)
  })

  it('refuses fields it does not know', async () => {
    const res = await send(t, admin, 'POST', '/api/admin/news', { title: 'X', body: 'Y', publishFrom: hours(0), publishUntil: null, createdBy: admin.token })
    expect(res.statusCode).toBe(400)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNewsItem } from '../../test/factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ now })
})
afterAll(() => t.close())

describe('GET /api/news', () => {
  it('is empty when there is no news', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/news' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ items: [] })
  })

  it('shows only news inside its publication window, newest first', async () => {
    const hour = 3600_000
    await createNewsItem(t.db, { title: 'Oud', publish_from: new Date(now.getTime() - 48 * hour), publish_until: new Date(now.getTime() - hour) })
    await createNewsItem(t.db, { title: 'Later', publish_from: new Date(now.getTime() + hour) })
    await createNewsItem(t.db, { title: 'Eerder', publish_from: new Date(now.getTime() - 5 * hour) })
    await createNewsItem(t.db, { title: 'Nieuwst', body: 'Regel 1\nRegel 2', publish_from: new Date(now.getTime() - hour), publish_until: new Date(now.getTime() + hour) })
    const res = await t.app.inject({ method: 'GET', url: '/api/news' })
    const items = res.json().items
    expect(items.map((i: { title: string }) => i.title)).toEqual(['Nieuwst', 'Eerder'])
    expect(items[0]).toEqual({ id: expect.any(String), title: 'Nieuwst', body: 'Regel 1\nRegel 2', publishedAt: new Date(now.getTime() - hour).toISOString() })
  })
})

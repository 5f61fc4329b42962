import type { AdminNewsItem, NewsRequest } from '../../../shared/schemas/admin-organisation.ts'
import type { Db } from '../../platform/db/database.ts'
import { notFound, validationFailed } from '../../platform/errors.ts'
import { recordAccess, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import { administratorActor, type StaffActor } from '../../identity/staff-access/staff-access.policy.ts'
import { type AdminNewsRow, deleteNews, findAllNews, insertNews, updateNews } from './news-admin.repository.ts'

export function newsRowToAdminItem(row: AdminNewsRow, now: Date): AdminNewsItem {
  const state = row.publish_from > now ? 'scheduled' : row.publish_until && row.publish_until <= now ? 'ended' : 'published'
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    publishFrom: row.publish_from.toISOString(),
    publishUntil: row.publish_until?.toISOString() ?? null,
    state,
  }
}

function window(input: NewsRequest) {
  const from = new Date(input.publishFrom)
  const until = input.publishUntil ? new Date(input.publishUntil) : null
  if (until && until <= from) throw validationFailed('publishUntil must be after publishFrom')
  return { title: input.title.trim(), body: input.body.trim(), publish_from: from, publish_until: until }
}

export async function listAllNews(db: Db, now: Date): Promise<AdminNewsItem[]> {
  return (await findAllNews(db)).map((row) => newsRowToAdminItem(row, now))
}

export async function createNews(db: Db, admin: StaffActor, input: NewsRequest, source: RequestSource, now: Date): Promise<AdminNewsItem> {
  const values = window(input)
  return db.transaction().execute(async (trx) => {
    const row = await insertNews(trx, { ...values, created_by: admin.accountId, created_at: now })
    await recordAccess(trx, administratorActor(admin), source, { action: 'create', outcome: 'success', clientId: null, dataKind: 'news', recordId: row.id }, now)
    return newsRowToAdminItem(row, now)
  })
}

export async function changeNews(db: Db, admin: StaffActor, id: string, input: NewsRequest, source: RequestSource, now: Date): Promise<AdminNewsItem> {
  const values = window(input)
  return db.transaction().execute(async (trx) => {
    const row = await updateNews(trx, id, values)
    if (!row) throw notFound('news item')
    await recordAccess(trx, administratorActor(admin), source, { action: 'update', outcome: 'success', clientId: null, dataKind: 'news', recordId: id }, now)
    return newsRowToAdminItem(row, now)
  })
}

export async function removeNews(db: Db, admin: StaffActor, id: string, source: RequestSource, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await deleteNews(trx, id))) throw notFound('news item')
    await recordAccess(trx, administratorActor(admin), source, { action: 'delete', outcome: 'success', clientId: null, dataKind: 'news', recordId: id }, now)
  })
}

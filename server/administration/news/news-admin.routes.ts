import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AdminNewsItem, AdminNewsList, NewsIdParams, NewsRequest } from '../../../shared/schemas/admin-organisation.ts'
import { Done } from '../../../shared/schemas/auth.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { ADMIN_ERRORS } from '../../identity/staff-access/admin-errors.ts'
import { asAdministrator } from '../as-administrator.ts'
import { changeNews, createNews, listAllNews, removeNews } from './news-admin.service.ts'

/** Administrators: news for the login page, each with its publication window. */
export const newsAdminRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get('/api/admin/news', { schema: { response: { 200: AdminNewsList, ...ADMIN_ERRORS } } }, async (request) => {
    return { items: await asAdministrator(request, (_admin, _source, now) => listAllNews(db, now)) }
  })

  app.post('/api/admin/news', { schema: { body: NewsRequest, response: { 201: AdminNewsItem, ...ADMIN_ERRORS } } }, async (request, reply) => {
    const item = await asAdministrator(request, (admin, source, now) => createNews(db, admin, request.body, source, now))
    return reply.code(201).send(item)
  })

  app.put('/api/admin/news/:newsId', { schema: { params: NewsIdParams, body: NewsRequest, response: { 200: AdminNewsItem, ...ADMIN_ERRORS } } }, async (request) =>
    asAdministrator(request, (admin, source, now) => changeNews(db, admin, request.params.newsId, request.body, source, now)),
  )

  app.delete('/api/admin/news/:newsId', { schema: { params: NewsIdParams, response: { 200: Done, ...ADMIN_ERRORS } } }, async (request) => {
    await asAdministrator(request, (admin, source, now) => removeNews(db, admin, request.params.newsId, source, now))
    return { status: 'ok' as const }
  })
}

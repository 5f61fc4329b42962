import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AdminNewsItem, AdminNewsList, NewsIdParams, NewsRequest } from '../../../shared/schemas/admin-organisation.ts'
import { Done } from '../../../shared/schemas/auth.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { requestSource } from '../../platform/http/request-source.ts'
import { requireSession } from '../../identity/authentication/request-session.ts'
import { ADMIN_ERRORS } from '../../identity/staff-access/admin-errors.ts'
import { requireAdministrator } from '../../identity/staff-access/staff-access.policy.ts'
import { changeNews, createNews, listAllNews, removeNews } from './news-admin.service.ts'

/** Administrators: news for the login page, each with its publication window. */
export const newsAdminRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, clock }) => {
  const admin = (request: Parameters<typeof requireSession>[0]) => requireAdministrator(db, requireSession(request))

  app.get('/api/admin/news', { schema: { response: { 200: AdminNewsList, ...ADMIN_ERRORS } } }, async (request) => {
    await admin(request)
    return { items: await listAllNews(db, clock()) }
  })

  app.post('/api/admin/news', { schema: { body: NewsRequest, response: { 201: AdminNewsItem, ...ADMIN_ERRORS } } }, async (request, reply) => {
    const item = await createNews(db, await admin(request), request.body, requestSource(request), clock())
    return reply.code(201).send(item)
  })

  app.put('/api/admin/news/:newsId', { schema: { params: NewsIdParams, body: NewsRequest, response: { 200: AdminNewsItem, ...ADMIN_ERRORS } } }, async (request) =>
    changeNews(db, await admin(request), request.params.newsId, request.body, requestSource(request), clock()),
  )

  app.delete('/api/admin/news/:newsId', { schema: { params: NewsIdParams, response: { 200: Done, ...ADMIN_ERRORS } } }, async (request) => {
    await removeNews(db, await admin(request), request.params.newsId, requestSource(request), clock())
    return { status: 'ok' as const }
  })
}

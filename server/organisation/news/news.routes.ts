import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { NewsList } from '../../../shared/schemas/news.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { publicContextOf } from '../../platform/http/request-context.ts'
import { listCurrentNews } from './news.service.ts'

/** Public: news is shown on the login page. */
export const newsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get('/api/news', { config: { access: 'public' }, schema: { response: { 200: NewsList } } }, async (request) => ({
    items: await listCurrentNews(db, publicContextOf(request).now),
  }))
}

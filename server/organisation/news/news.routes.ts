import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { NewsList } from '../../../shared/schemas/news.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { listCurrentNews } from './news.service.ts'

/** Public: news is shown on the login page. */
export const newsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, clock }) => {
  app.get('/api/news', { config: { access: 'public' }, schema: { response: { 200: NewsList } } }, async () => ({
    items: await listCurrentNews(db, clock()),
  }))
}

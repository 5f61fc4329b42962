import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { Branding } from '../../../shared/schemas/organisation.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { getBranding, getLogo } from './organisation.service.ts'

/** Public: the login page needs the branding before anyone logs in. */
export const organisationRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get('/api/organisation', { config: { access: 'public' }, schema: { response: { 200: Branding } } }, async () => getBranding(db))

  app.get(
    '/api/organisation/logo',
    {
      config: { access: 'public' },
      schema: {
        querystring: Type.Object({ v: Type.Optional(Type.String({ maxLength: 20 })) }, { additionalProperties: false }),
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', description: 'PNG, JPEG or WebP image' }), 404: ErrorResponse },
      },
    },
    async (_request, reply) => {
      const logo = await getLogo(db)
      return reply.type(logo.mimeType).send(logo.image)
    },
  )
}

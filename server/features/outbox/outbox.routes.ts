import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { AppDeps } from '../../app.ts'
import { listRecentOutboxMessages } from './outbox.service.ts'

// Development only, so its schema lives here rather than in shared/schemas. When the web page
// for the development mailbox is built, move it to shared/schemas/outbox.ts.
const DevOutboxMessage = Type.Object({
  id: Type.String(),
  channel: Type.Union([Type.Literal('email'), Type.Literal('sms'), Type.Literal('webhook')]),
  to: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  html: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('pending'), Type.Literal('sending'), Type.Literal('sent'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  sentAt: Type.Union([Type.String(), Type.Null()]),
})
const DevOutbox = Type.Object({ items: Type.Array(DevOutboxMessage) })

export interface DevOutboxRoutesOptions extends Pick<AppDeps, 'config' | 'db'> {
  /** Tests only: register the mailbox although NODE_ENV is test. Production never gets it. */
  enableOutsideDevelopment?: boolean
}

/**
 * The development mailbox: the last 50 e-mails and SMS, bodies included, so a developer can
 * follow a welcome link or read a login code without a mail server or phone. Register it only
 * in development (`if (config.env === 'development')`); as a second lock the plugin itself
 * adds no route in production whatever it is told, and none in test unless asked to.
 */
export const devOutboxRoutes: FastifyPluginAsyncTypebox<DevOutboxRoutesOptions> = async (app, options) => {
  const { config, db } = options
  if (config.env === 'production') return
  if (config.env !== 'development' && !options.enableOutsideDevelopment) return

  // Public: it is where a developer reads the login code, before being logged in.
  app.get('/api/dev/outbox', { config: { access: 'public' }, schema: { response: { 200: DevOutbox } } }, async (_request, reply) => {
    // Bodies hold password links and login codes: keep them out of every cache.
    reply.header('cache-control', 'no-store')
    return { items: await listRecentOutboxMessages(db, 50) }
  })
}

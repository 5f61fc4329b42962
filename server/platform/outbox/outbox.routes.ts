import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { AppDeps } from '../app-deps.ts'
import { AppError } from '../errors.ts'
import { listRecentOutboxMessages } from './outbox.service.ts'

// Development only, so its schema lives here rather than in shared/schemas. When the web page
// for the development mailbox is built, move it to shared/schemas/outbox.ts.
const DevOutboxMessage = Type.Object({
  id: Type.String(),
  channel: Type.Union([Type.Literal('email'), Type.Literal('sms'), Type.Literal('webhook'), Type.Literal('push')]),
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
  /** Tests only: register the mailbox although NODE_ENV is test. Never outside demo mode. */
  enableOutsideDevelopment?: boolean
}

/** The machine itself: the socket's peer, never X-Forwarded-For (a header anyone can write). */
export function isLoopback(remoteAddress: string | undefined): boolean {
  return remoteAddress === '127.0.0.1' || remoteAddress === '::1' || remoteAddress === '::ffff:127.0.0.1'
}

/**
 * The development mailbox: the last 50 e-mails and SMS, bodies included, so a developer can
 * follow a welcome link or read a login code without a mail server or phone. It exists only in
 * demo mode (config.demoMode: embedded database, no SMTP, console SMS, not production), where
 * every account is fictional; the plugin checks that itself as a second lock, and adds no
 * route in test unless asked to. It answers only a request from this machine (the socket's
 * address), so a portal listening on 0.0.0.0 does not show it to the network.
 * Security spec property 31.
 */
export const devOutboxRoutes: FastifyPluginAsyncTypebox<DevOutboxRoutesOptions> = async (app, options) => {
  const { config, db } = options
  if (!config.demoMode.mailbox) return
  if (config.env !== 'development' && !options.enableOutsideDevelopment) return

  // Public: it is where a developer reads the login code, before being logged in.
  app.get('/api/dev/outbox', { config: { access: 'public' }, schema: { response: { 200: DevOutbox } } }, async (request, reply) => {
    // As if it did not exist: a request from elsewhere learns nothing, not even that it is there.
    if (!isLoopback(request.socket.remoteAddress)) throw new AppError('not_found')
    // Bodies hold password links and login codes: keep them out of every cache.
    reply.header('cache-control', 'no-store')
    return { items: await listRecentOutboxMessages(db, 50) }
  })
}

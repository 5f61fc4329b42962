import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { setTimeout as sleep } from 'node:timers/promises'
import { Type } from 'typebox'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { NotificationSettings, NotificationSettingsChange, PushSubscriptionRequest } from '../../../shared/schemas/notifications.ts'
import { describeDevice } from '../../identity/profile/device-name.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { loadVapidKeys } from '../../platform/outbox/push/vapid-keys.ts'
import { addPushSubscription, changeNotificationSettings, getNotificationSettings, removePushSubscription } from './notification-settings.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse }

/** How long the start waits for the web push keys (the plugin start gives up at 10 s). */
const VAPID_START_WAIT_MS = 2_000

/** Mijn profiel → Meldingen: the account's own notification choices and push subscriptions. Portal and staff accounts alike. */
export const notificationRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  // The VAPID pair is made (once per database) when the app starts, so reading Meldingen writes
  // nothing. The start waits for it at most a few seconds: a database that does not answer (a
  // failover) only postpones it to the first reading, and never holds the app from starting.
  if (deps.config.webPush.enabled) {
    app.addHook('onReady', async () => {
      const made = loadVapidKeys(deps.db, deps.config, deps.cipher).then(() => true, () => false)
      const stopWaiting = new AbortController()
      const inTime = await Promise.race([made, sleep(VAPID_START_WAIT_MS, false, { signal: stopWaiting.signal }).catch(() => false)])
      stopWaiting.abort()
      if (!inTime) app.log.warn('web push keys not made at start: the database did not answer')
    })
  }

  app.get('/api/profile/notifications', { schema: { response: { 200: NotificationSettings, ...errors } } }, async (request) =>
    getNotificationSettings(deps, contextOf(request).session.accountId))

  app.put('/api/profile/notifications', { schema: { body: NotificationSettingsChange, response: { 200: NotificationSettings, ...errors } } }, async (request) => {
    const { session, now } = contextOf(request)
    return changeNotificationSettings(deps, session.accountId, request.body, now)
  })

  app.post('/api/profile/notifications/push-subscriptions', { schema: { body: PushSubscriptionRequest, response: { 200: NotificationSettings, ...errors } } }, async (request) => {
    const { session, now } = contextOf(request)
    return addPushSubscription(deps, session.accountId, request.body, describeDevice(request.headers['user-agent'] ?? ''), now)
  })

  app.delete(
    '/api/profile/notifications/push-subscriptions/:id',
    { schema: { params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: NotificationSettings, ...errors } } },
    async (request) => removePushSubscription(deps, contextOf(request).session.accountId, request.params.id),
  )
}

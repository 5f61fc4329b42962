import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { NotificationSettings, NotificationSettingsChange, PushSubscriptionRequest } from '../../../shared/schemas/notifications.ts'
import { describeDevice } from '../../identity/profile/device-name.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { loadVapidKeys } from '../../platform/outbox/push/vapid-keys.ts'
import { addPushSubscription, changeNotificationSettings, getNotificationSettings, removePushSubscription } from './notification-settings.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse }

/** Mijn profiel → Meldingen: the account's own notification choices and push subscriptions. Portal and staff accounts alike. */
export const notificationRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  // The VAPID pair is made (once per database) when the app starts, so reading Meldingen writes
  // nothing. A database that does not answer at start only postpones it to the first reading.
  if (deps.config.webPush.enabled) {
    app.addHook('onReady', async () => {
      await loadVapidKeys(deps.db, deps.config, deps.cipher).catch(() => app.log.warn('web push keys not made at start: the database did not answer'))
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

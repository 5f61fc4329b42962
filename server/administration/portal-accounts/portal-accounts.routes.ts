import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AccountDetail, AccountIdParams, AccountList, CreatedAccount, ListQuery, NewPortalAccountRequest, TemporaryPassword } from '../../../shared/schemas/admin-accounts.ts'
import { Done } from '../../../shared/schemas/auth.ts'
import { EmptyBody } from '../../../shared/schemas/common.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { requestSource } from '../../platform/http/request-source.ts'
import { requireSession } from '../../identity/authentication/request-session.ts'
import { ADMIN_ERRORS } from '../../identity/staff-access/admin-errors.ts'
import { requireAdministrator } from '../../identity/staff-access/staff-access.policy.ts'
import { createPortalAccount, endPortalAccount, getAccountDetail, listAccounts, resendWelcomeEmail, resetSecondFactors, setBlocked, setTemporaryPassword } from './portal-accounts.service.ts'

/**
 * Administrators: portal accounts from the registration form, welcome e-mail, temporary
 * password, second-factor reset, block and unblock (these also serve staff accounts), and ending an account.
 */
export const portalAccountRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, clock, config }) => {
  const admin = (request: Parameters<typeof requireSession>[0]) => requireAdministrator(db, requireSession(request))

  app.get('/api/admin/accounts', { schema: { querystring: ListQuery, response: { 200: AccountList, ...ADMIN_ERRORS } } }, async (request) => {
    await admin(request)
    return listAccounts(db, 'portal', request.query, clock())
  })

  app.post('/api/admin/accounts', { schema: { body: NewPortalAccountRequest, response: { 201: CreatedAccount, ...ADMIN_ERRORS } } }, async (request, reply) => {
    const created = await createPortalAccount(db, config, await admin(request), request.body, requestSource(request), clock())
    return reply.code(201).send(created)
  })

  app.get('/api/admin/accounts/:accountId', { schema: { params: AccountIdParams, response: { 200: AccountDetail, ...ADMIN_ERRORS } } }, async (request) =>
    getAccountDetail(db, await admin(request), request.params.accountId, requestSource(request), clock()),
  )

  const action = { params: AccountIdParams, body: EmptyBody, response: { 200: Done, ...ADMIN_ERRORS } }

  app.post('/api/admin/accounts/:accountId/welcome-email', { schema: action }, async (request) => {
    await resendWelcomeEmail(db, config, await admin(request), request.params.accountId, requestSource(request), clock())
    return { status: 'ok' as const }
  })

  app.post(
    '/api/admin/accounts/:accountId/temporary-password',
    { schema: { params: AccountIdParams, body: EmptyBody, response: { 200: TemporaryPassword, ...ADMIN_ERRORS } } },
    async (request) => setTemporaryPassword(db, await admin(request), request.params.accountId, requestSource(request), clock()),
  )

  app.post('/api/admin/accounts/:accountId/second-factors/reset', { schema: action }, async (request) => {
    await resetSecondFactors(db, await admin(request), request.params.accountId, requestSource(request), clock())
    return { status: 'ok' as const }
  })

  app.post('/api/admin/accounts/:accountId/block', { schema: action }, async (request) => {
    await setBlocked(db, await admin(request), request.params.accountId, true, requestSource(request), clock())
    return { status: 'ok' as const }
  })

  app.post('/api/admin/accounts/:accountId/unblock', { schema: action }, async (request) => {
    await setBlocked(db, await admin(request), request.params.accountId, false, requestSource(request), clock())
    return { status: 'ok' as const }
  })

  app.post('/api/admin/accounts/:accountId/end', { schema: action }, async (request) => {
    await endPortalAccount(db, await admin(request), request.params.accountId, requestSource(request), clock())
    return { status: 'ok' as const }
  })
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AccountDetail, AccountIdParams, AccountList, CreatedAccount, ListQuery, NewPortalAccountRequest, TemporaryPassword } from '../../../shared/schemas/admin-accounts.ts'
import { Done } from '../../../shared/schemas/auth.ts'
import { EmptyBody } from '../../../shared/schemas/common.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { ADMIN_ERRORS } from '../../identity/staff-access/admin-errors.ts'
import { asAdministrator } from '../as-administrator.ts'
import { createPortalAccount, endPortalAccount, getAccountDetail, listAccounts, resendWelcomeEmail, resetSecondFactors, setBlocked, setTemporaryPassword } from './portal-accounts.service.ts'

/**
 * Administrators: portal accounts from the registration form, welcome e-mail, temporary
 * password, second-factor reset, block and unblock (these also serve staff accounts), and ending an account.
 */
export const portalAccountRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, config, cipher }) => {
  app.get('/api/admin/accounts', { schema: { querystring: ListQuery, response: { 200: AccountList, ...ADMIN_ERRORS } } }, async (request) => {
    return asAdministrator(request, (_admin, _source, now) => listAccounts(db, 'portal', request.query, now))
  })

  app.post('/api/admin/accounts', { schema: { body: NewPortalAccountRequest, response: { 201: CreatedAccount, ...ADMIN_ERRORS } } }, async (request, reply) => {
    const created = await asAdministrator(request, (admin, source, now) => createPortalAccount(db, config, admin, request.body, source, now, cipher))
    return reply.code(201).send(created)
  })

  app.get('/api/admin/accounts/:accountId', { schema: { params: AccountIdParams, response: { 200: AccountDetail, ...ADMIN_ERRORS } } }, async (request) =>
    asAdministrator(request, (admin, source, now) => getAccountDetail(db, admin, request.params.accountId, source, now)),
  )

  const action = { params: AccountIdParams, body: EmptyBody, response: { 200: Done, ...ADMIN_ERRORS } }

  app.post('/api/admin/accounts/:accountId/welcome-email', { schema: action }, async (request) => {
    await asAdministrator(request, (admin, source, now) => resendWelcomeEmail(db, config, admin, request.params.accountId, source, now))
    return { status: 'ok' as const }
  })

  app.post(
    '/api/admin/accounts/:accountId/temporary-password',
    { schema: { params: AccountIdParams, body: EmptyBody, response: { 200: TemporaryPassword, ...ADMIN_ERRORS } } },
    async (request) => asAdministrator(request, (admin, source, now) => setTemporaryPassword(db, admin, request.params.accountId, source, now)),
  )

  app.post('/api/admin/accounts/:accountId/second-factors/reset', { schema: action }, async (request) => {
    await asAdministrator(request, (admin, source, now) => resetSecondFactors(db, admin, request.params.accountId, source, now))
    return { status: 'ok' as const }
  })

  app.post('/api/admin/accounts/:accountId/block', { schema: action }, async (request) => {
    await asAdministrator(request, (admin, source, now) => setBlocked(db, admin, request.params.accountId, true, source, now))
    return { status: 'ok' as const }
  })

  app.post('/api/admin/accounts/:accountId/unblock', { schema: action }, async (request) => {
    await asAdministrator(request, (admin, source, now) => setBlocked(db, admin, request.params.accountId, false, source, now))
    return { status: 'ok' as const }
  })

  app.post('/api/admin/accounts/:accountId/end', { schema: action }, async (request) => {
    await asAdministrator(request, (admin, source, now) => endPortalAccount(db, admin, request.params.accountId, source, now))
    return { status: 'ok' as const }
  })
}

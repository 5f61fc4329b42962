import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { LoginPolicyRequest, LoginPolicySettings } from '../../../shared/schemas/login-policy.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { ADMIN_ERRORS } from '../../identity/staff-access/admin-errors.ts'
import { asAdministrator } from '../as-administrator.ts'
import { getLoginPolicy, setLoginPolicy } from './login-policy.service.ts'

/** Administrators (Beheer → Beveiliging): which ways in are enough to read the record. */
export const loginPolicyRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, config }) => {
  const response = { 200: LoginPolicySettings, ...ADMIN_ERRORS }
  const digidEnabled = config.digid !== undefined

  app.get('/api/admin/organisation/login-policy', { schema: { response } }, async (request) => asAdministrator(request, async () => getLoginPolicy(db, digidEnabled)))

  app.put('/api/admin/organisation/login-policy', { schema: { body: LoginPolicyRequest, response } }, async (request) =>
    asAdministrator(request, (admin, source, now) => setLoginPolicy(db, admin, request.body.loginPolicy, digidEnabled, source, now)),
  )
}

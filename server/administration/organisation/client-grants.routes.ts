import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ClientGrantsSetting } from '../../../shared/schemas/access-grants.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { AppError } from '../../platform/errors.ts'
import { recordAccess } from '../../platform/access-log/access-log.service.ts'
import { administratorActor } from '../../identity/staff-access/staff-access.policy.ts'
import { ADMIN_ERRORS } from '../../identity/staff-access/admin-errors.ts'
import { asAdministrator } from '../as-administrator.ts'

/**
 * Beheer: switches "Iemand toegang geven" on or off for the whole organisation (on by default).
 * Off: nobody can invite and open invitations stop working; links already made keep running (an
 * administrator ends them one by one, as any link). With approvalRequired (off by default) an
 * accepted invitation gives no access until an administrator approves it in Beheer.
 */
export const clientGrantsSettingRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  const response = { 200: ClientGrantsSetting, ...ADMIN_ERRORS }
  const read = async () => {
    const row = await db.selectFrom('organisation').select(['client_grants_enabled', 'client_grants_need_approval']).orderBy('id').executeTakeFirst()
    return { enabled: row?.client_grants_enabled ?? true, approvalRequired: row?.client_grants_need_approval ?? false }
  }

  app.get('/api/admin/organisation/client-grants', { schema: { response } }, async (request) => asAdministrator(request, read))

  app.put('/api/admin/organisation/client-grants', { schema: { body: ClientGrantsSetting, response } }, async (request) =>
    asAdministrator(request, async (admin, source, now) => {
      await db.transaction().execute(async (trx) => {
        const updated = await trx.updateTable('organisation').set({ client_grants_enabled: request.body.enabled, client_grants_need_approval: request.body.approvalRequired, updated_at: now }).executeTakeFirst()
        if (updated.numUpdatedRows === 0n) throw new AppError('validation_failed', 'save the organisation settings first')
        await recordAccess(trx, administratorActor(admin), source, { action: 'update', outcome: 'success', clientId: null, dataKind: 'client_grants_setting' }, now)
      })
      return read()
    }),
  )
}

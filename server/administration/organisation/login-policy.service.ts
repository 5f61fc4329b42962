import type { LoginPolicy, LoginPolicySettings } from '../../../shared/schemas/login-policy.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors.ts'
import { recordAccess, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import { administratorActor, type StaffActor } from '../../identity/staff-access/staff-access.policy.ts'
import { getSecuritySettings } from '../../organisation/settings/organisation.service.ts'

export async function getLoginPolicy(db: Db, digidEnabled: boolean): Promise<LoginPolicySettings> {
  return { loginPolicy: (await getSecuritySettings(db)).loginPolicy, digidEnabled }
}

/**
 * The administrator's choice. "DigiD only" needs DigiD configured, or nobody could read a
 * record; the organisation must exist (its settings saved) before its policy can be set.
 */
export async function setLoginPolicy(db: Db, admin: StaffActor, policy: LoginPolicy, digidEnabled: boolean, source: RequestSource, now: Date): Promise<LoginPolicySettings> {
  if (policy === 'digid_only' && !digidEnabled) throw new AppError('validation_failed', 'DigiD only needs DigiD configured (DIGID_ISSUER)')
  await db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('organisation').set({ login_policy: policy, updated_at: now }).executeTakeFirst()
    if (updated.numUpdatedRows === 0n) throw new AppError('validation_failed', 'save the organisation settings first')
    await recordAccess(trx, administratorActor(admin), source, { action: 'update', outcome: 'success', clientId: null, dataKind: 'login_policy' }, now)
  })
  return getLoginPolicy(db, digidEnabled)
}

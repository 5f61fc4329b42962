import type { AdminTermsVersion } from '../../../shared/schemas/admin-organisation.ts'
import type { Db } from '../../platform/db/database.ts'
import { recordAccess, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import { administratorActor, type StaffActor } from '../../identity/staff-access/staff-access.policy.ts'
import { findTermsVersionsWithAcceptance, insertNextTermsVersion } from './terms-admin.repository.ts'

export async function listTermsVersions(db: Db): Promise<AdminTermsVersion[]> {
  const rows = await findTermsVersionsWithAcceptance(db)
  return rows.map((row) => ({ version: row.version, body: row.body, publishedAt: row.published_at.toISOString(), acceptedCount: Number(row.accepted_count ?? 0) }))
}

/**
 * Publishes a new version at once. The terms gate (terms.service.ts) then stops every account,
 * the administrator's own too, until it accepts this version.
 */
export async function publishTermsVersion(db: Db, admin: StaffActor, body: string, source: RequestSource, now: Date): Promise<AdminTermsVersion> {
  return db.transaction().execute(async (trx) => {
    const row = await insertNextTermsVersion(trx, body.trim(), admin.accountId, now)
    await recordAccess(trx, administratorActor(admin), source, { action: 'create', outcome: 'success', clientId: null, dataKind: 'terms_version', recordId: row.id }, now)
    return { version: row.version, body: row.body, publishedAt: row.published_at.toISOString(), acceptedCount: 0 }
  })
}

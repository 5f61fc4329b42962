import type { Db } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors.ts'
import { recordAccess, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import type { AccessAction } from '../../platform/access-log/access-log.table.ts'
import type { ActiveSession } from '../../identity/authentication/session.service.ts'
import { type ClientAccess, requireClientAccess, type Section } from './client-access.policy.ts'

/** What one change through a link is about, for its access-log row. */
export interface RecordChange {
  section: Section | null
  action: Exclude<AccessAction, 'read' | 'login' | 'logout'>
  dataKind: string
}

/**
 * The write-side twin of readThroughLink: checks the policy, runs `change` and writes the
 * access-log row (with the record id `change` reports, known only after an insert) in one
 * transaction. A refusal is logged as denied after the rollback and answered with 404.
 */
export async function changeThroughLink<T>(
  db: Db,
  session: ActiveSession,
  clientId: string,
  what: RecordChange,
  source: RequestSource,
  now: Date,
  change: (trx: Db, access: ClientAccess) => Promise<{ result: T; recordId: string | null }>,
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const access = await requireClientAccess(trx, session, clientId, what.section, now)
      const { result, recordId } = await change(trx, access)
      await recordAccess(trx, access.actor, source, { action: what.action, outcome: 'success', clientId: access.clientId, dataKind: what.dataKind, recordId, onBehalfLinkId: access.linkId }, now)
      return result
    })
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      const actor = { type: session.kind === 'staff' ? ('staff' as const) : ('account' as const), id: session.accountId, role: session.kind, name: session.displayName }
      // The id tried is kept as text only: it may belong to no client at all.
      await recordAccess(db, actor, source, { action: what.action, outcome: 'denied', clientId: null, dataKind: what.dataKind, recordId: clientId.slice(0, 64) }, now)
    }
    throw error
  }
}

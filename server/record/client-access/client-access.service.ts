import type { LinkedClient } from '../../../shared/schemas/clients.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors.ts'
import { recordAccess, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import type { ActiveSession } from '../../identity/authentication/session.service.ts'
import { type ClientAccess, linkRowToClientAccess, requireClientAccess, type Section, sectionsOfLink } from './client-access.policy.ts'
import { findActiveLinksOfAccount } from './client-access.repository.ts'
import { formalClientName } from './client-name.ts'

/**
 * The clients the account is linked to now, with the sections each link may open. Names are
 * client data too: each listed client gets an access-log row (data kind 'client_list').
 */
export async function listLinkedClients(db: Db, session: ActiveSession, source: RequestSource, now: Date): Promise<LinkedClient[]> {
  if (session.kind !== 'portal') return []
  return db.transaction().execute(async (trx) => {
    const rows = await findActiveLinksOfAccount(trx, session.accountId, now)
    for (const row of rows) {
      const actor = linkRowToClientAccess(row).actor
      await recordAccess(trx, actor, source, { action: 'read', outcome: 'success', clientId: row.client_id, dataKind: 'client_list', onBehalfLinkId: row.id }, now)
    }
    return rows.map((row) => ({ clientId: row.client_id, name: formalClientName(row), relation: row.relation, sections: [...sectionsOfLink(row)] }))
  })
}

/** What one read through a link is about, for its access-log row. */
export interface RecordRead {
  section: Section | null
  /** 'report', 'profile', 'bsn', 'care_team', 'subscription', 'access_log', ... */
  dataKind: string
  recordId?: string | null
}

/**
 * Reads part of a client's record through the account's link: checks the policy, runs `read`
 * and writes the access-log row, all in one transaction, so no read goes unlogged and no
 * logged read stands without its check. A refusal is logged too (outcome 'denied'), after
 * the rollback, and answered with 404.
 */
export async function readThroughLink<T>(
  db: Db,
  session: ActiveSession,
  clientId: string,
  what: RecordRead,
  source: RequestSource,
  now: Date,
  read: (trx: Db, access: ClientAccess) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const access = await requireClientAccess(trx, session, clientId, what.section, now)
      const result = await read(trx, access)
      await recordAccess(trx, access.actor, source, { action: 'read', outcome: 'success', clientId: access.clientId, dataKind: what.dataKind, recordId: what.recordId ?? null, onBehalfLinkId: access.linkId }, now)
      return result
    })
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') await recordDenied(db, session, clientId, what, source, now)
    throw error
  }
}

async function recordDenied(db: Db, session: ActiveSession, clientId: string, what: RecordRead, source: RequestSource, now: Date): Promise<void> {
  const actor = { type: session.kind === 'staff' ? ('staff' as const) : ('account' as const), id: session.accountId, role: session.kind, name: session.displayName }
  // The id the person tried is kept as text only: it may belong to no client at all.
  await recordAccess(db, actor, source, { action: 'read', outcome: 'denied', clientId: null, dataKind: what.dataKind, recordId: what.recordId ?? clientId.slice(0, 64), onBehalfOf: '' }, now)
}

import type { Db } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors.ts'
import { type AccessEvent, type Actor, recordAccess, recordAccesses } from '../../platform/access-log/access-log.service.ts'
import type { AccessAction } from '../../platform/access-log/access-log.table.ts'
import type { RequestContext, RequestSession } from '../../platform/http/request-context.ts'

/** What a policy found: whose access it is, to which client, and through what (for the log row). */
export interface RecordAccess {
  clientId: string
  /** The person, as the access log names them. */
  actor: Actor
  /** The portal link the access goes through, or null (the workspace). */
  onBehalfLinkId: string | null
  /** Free-text reason for the workspace: the caregiver's team or own role; '' for a link. */
  onBehalfOf: string
}

/**
 * Who may open a client's record at one door: a portal link with a section's permission
 * (client-access.policy.ts) or a caregiver of the client (caregiver-access.policy.ts).
 */
export interface RecordPolicy<A extends RecordAccess> {
  /** Throws AppError('not_found') unless the session may: the same answer for a client that does not exist. */
  require: (db: Db, session: RequestSession, clientId: string, now: Date) => Promise<A>
  /** The role a refused staff session is logged under at this door ('staff' at the portal's, 'caregiver' at the workspace's). */
  refusedStaffRole: string
}

/** What one request does with a client's record, for its access-log row. */
export interface RecordAct<T> {
  /** 'read' runs without a transaction, so its work must only read; every other action runs in one. */
  action: AccessAction
  /** 'report', 'message', 'appointment', 'care_plan_print', 'care_assignment', 'profile', 'bsn', ... */
  dataKind: string
  /** The record touched; a function when it is known only afterwards (a new record's id). */
  recordId?: string | null | ((result: T) => string | null)
  /** Further data kinds the same act read, each logged as a row of its own (the home screen's cards). */
  alsoRead?: (result: T) => readonly string[]
}

/**
 * The one "check, act, log" of the client record, for the portal and the workspace alike:
 * checks the policy, runs `work` and writes the request's access-log rows (one INSERT), so
 * nothing is read or written unlogged and no logged access stands without its check. A refusal
 * (also a record `work` does not find) is logged as 'denied' and answered with 404.
 *
 * A write runs in one transaction with its check and its log rows: they stand or fall together.
 * A read ('read' acts: their `work` must only read) needs no transaction (request-path.md): its
 * check, its reads and its log rows follow one another, the rows written by the access log's
 * group commit together with those of other reads in flight (access-log-group-commit.ts); when
 * they cannot be committed the request fails before anything read leaves the server. Saving BEGIN
 * and COMMIT, holding no connection across the statements and sharing the chained commit is what
 * makes a record page cheap.
 */
export async function throughRecord<A extends RecordAccess, T>(
  context: RequestContext,
  policy: RecordPolicy<A>,
  clientId: string,
  act: RecordAct<T>,
  work: (trx: Db, access: A) => Promise<T>,
): Promise<T> {
  const { db, session, source, now, readLog } = context
  const checkActLog = async (trx: Db): Promise<T> => {
    const access = await policy.require(trx, session, clientId, now)
    const result = await work(trx, access)
    const recordId = typeof act.recordId === 'function' ? act.recordId(result) : (act.recordId ?? null)
    const row = { action: act.action, outcome: 'success', clientId: access.clientId, onBehalfLinkId: access.onBehalfLinkId, onBehalfOf: access.onBehalfOf } as const
    const events: AccessEvent[] = [{ ...row, dataKind: act.dataKind, recordId }, ...(act.alsoRead?.(result) ?? []).map((dataKind) => ({ ...row, dataKind }))]
    // A read's rows go through the group commit; a write's stay in its transaction.
    if (act.action === 'read') await readLog.recordAccesses(access.actor, source, events, now)
    else await recordAccesses(trx, access.actor, source, events, now)
    return result
  }
  try {
    return act.action === 'read' ? await checkActLog(db) : await db.transaction().execute(checkActLog)
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      // The id tried is kept as text only: it may belong to no client (or record) at all.
      const recordId = typeof act.recordId === 'string' ? act.recordId : clientId.slice(0, 64)
      await recordAccess(db, refusedActor(session, policy.refusedStaffRole), source, { action: act.action, outcome: 'denied', clientId: null, dataKind: act.dataKind, recordId }, now)
    }
    throw error
  }
}

/** How the access log names a session whose access was refused: nothing about a client is known, but how the person logged in is. */
export function refusedActor(session: RequestSession, staffRole: string): Actor {
  return {
    type: session.kind === 'staff' ? 'staff' : 'account', id: session.accountId, role: session.kind === 'staff' ? staffRole : 'portal', name: session.displayName,
    authentication: { method: session.wayIn, assurance: session.assurance },
  }
}

import type { Inbox, WorkspaceClient, WorkspaceClientPage, WorkspaceClientQuery } from '../../../shared/schemas/workspace.ts'
import { amsterdamDate } from '../../platform/amsterdam-time.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, validationFailed } from '../../platform/errors.ts'
import type { AccessAction } from '../../platform/access-log/access-log.table.ts'
import { recordAccess, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import type { ActiveSession } from '../../identity/authentication/session.service.ts'
import { formalClientName } from '../client-access/client-name.ts'
import { countUnreadForStaffMember } from '../messages/message.repository.ts'
import { caregiverActor, type CaregiverAccess, requireCaregiver, requireClientOfCaregiver } from './workspace.policy.ts'
import { findCaseloadConversations, findClientHeading, searchCaseload } from './workspace.repository.ts'

/** What one workspace request does with a client's record, for its access-log row. */
export interface WorkspaceAct<T> {
  action: AccessAction
  /** 'report', 'message', 'appointment', 'care_plan_print', 'care_assignment', 'profile', 'bsn', ... */
  dataKind: string
  /** The record touched; a function when it is known only afterwards (a new record's id). */
  recordId?: string | null | ((result: T) => string | null)
}

/**
 * The one door to a client's record in the workspace: checks the caregiver policy, does the
 * work and writes the access-log row (actor type staff, role caregiver, on behalf of their
 * team) in one transaction, so nothing is read or written unlogged. A refusal is logged as
 * 'denied' after the rollback and answered with 404.
 */
export async function withClientOfCaregiver<T>(
  db: Db, session: ActiveSession, clientId: string, act: WorkspaceAct<T>, source: RequestSource, now: Date,
  work: (trx: Db, access: CaregiverAccess) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const access = await requireClientOfCaregiver(trx, session, clientId, now)
      const result = await work(trx, access)
      const recordId = typeof act.recordId === 'function' ? act.recordId(result) : (act.recordId ?? null)
      await recordAccess(trx, access.actor, source, { action: act.action, outcome: 'success', clientId: access.clientId, dataKind: act.dataKind, recordId, onBehalfOf: access.via }, now)
      return result
    })
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') await recordDenied(db, session, { clientId, action: act.action, dataKind: act.dataKind, recordId: typeof act.recordId === 'string' ? act.recordId : null }, source, now)
    throw error
  }
}

async function recordDenied(
  db: Db, session: ActiveSession, tried: { clientId: string; action: AccessAction; dataKind: string; recordId: string | null }, source: RequestSource, now: Date,
): Promise<void> {
  const actor = { type: session.kind === 'staff' ? ('staff' as const) : ('account' as const), id: session.accountId, role: session.kind === 'staff' ? 'caregiver' : 'portal', name: session.displayName }
  // The id tried is kept as text only, as the portal does: it may belong to no client at all.
  const recordId = tried.recordId ?? tried.clientId.slice(0, 64)
  await recordAccess(db, actor, source, { action: tried.action, outcome: 'denied', clientId: null, dataKind: tried.dataKind, recordId }, now)
}

const DEFAULT_PAGE = 25

/**
 * "Mijn cliënten": the caregiver's clients, searched by name or client number and date of
 * birth, by family name a page at a time. Names are client data: each listed client is logged.
 */
export async function listCaseload(db: Db, session: ActiveSession, query: WorkspaceClientQuery, source: RequestSource, now: Date): Promise<WorkspaceClientPage> {
  const limit = query.limit ?? DEFAULT_PAGE
  const after = query.cursor ? decodeClientCursor(query.cursor) : null
  return db.transaction().execute(async (trx) => {
    const staff = await requireCaregiver(trx, session)
    const rows = await searchCaseload(trx, {
      staffMemberId: staff.staffMemberId,
      today: amsterdamDate(now),
      text: query.q?.trim() ? escapeLike(query.q.trim()) : null,
      dateOfBirth: query.dateOfBirth ?? null,
      after,
      limit: limit + 1,
    })
    const page = rows.slice(0, limit)
    for (const row of page) {
      await recordAccess(trx, caregiverActor(staff), source, { action: 'read', outcome: 'success', clientId: row.id, dataKind: 'client_list' }, now)
    }
    const last = page.at(-1)
    return {
      items: page.map((row) => ({ clientId: row.id, name: formalClientName(row), clientNumber: row.client_number, dateOfBirth: row.date_of_birth })),
      nextCursor: rows.length > limit && last ? encodeClientCursor({ familyName: last.family_name, id: last.id }) : null,
    }
  })
}

/** The inbox: every conversation of the caregiver's clients, those with unread messages first. */
export async function getInbox(db: Db, session: ActiveSession, source: RequestSource, now: Date): Promise<Inbox> {
  return db.transaction().execute(async (trx) => {
    const staff = await requireCaregiver(trx, session)
    const rows = await findCaseloadConversations(trx, staff.staffMemberId, amsterdamDate(now))
    const unread = new Map((await countUnreadForStaffMember(trx, staff.staffMemberId, rows.map((row) => row.id))).map((row) => [row.client_id, Number(row.count)]))
    for (const row of rows) {
      await recordAccess(trx, caregiverActor(staff), source, { action: 'read', outcome: 'success', clientId: row.id, dataKind: 'message_inbox' }, now)
    }
    const items = rows.map((row) => ({
      clientId: row.id, name: formalClientName(row), clientNumber: row.client_number,
      lastMessageAt: new Date(row.last_message_at).toISOString(), unreadCount: unread.get(row.id) ?? 0,
    }))
    // Unread first, then the most recent conversation (the query's order, kept by a stable sort).
    items.sort((a, b) => Number(b.unreadCount > 0) - Number(a.unreadCount > 0))
    return { items, unreadTotal: items.reduce((sum, item) => sum + item.unreadCount, 0) }
  })
}

/** Opaque to the web app: base64url of JSON [familyName, id]. */
function encodeClientCursor(position: { familyName: string; id: string }): string {
  return Buffer.from(JSON.stringify([position.familyName, position.id]), 'utf8').toString('base64url')
}

function decodeClientCursor(cursor: string): { familyName: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    // A name with NUL (which PostgreSQL text cannot hold) was never a client's: not our cursor.
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && !value[0].includes('\u0000') && value[0].length <= 200 && typeof value[1] === 'string' && UUID.test(value[1])) {
      return { familyName: value[0], id: value[1] }
    }
  } catch {
    // Falls through to the refusal: not a cursor this server made.
  }
  throw validationFailed('cursor')
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The person's words are searched for literally: % and _ are not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

/** One client of the caregiver, for the heading of their record in the workspace (a reload or bookmark names the client too). */
export async function getCaseloadClient(db: Db, session: ActiveSession, clientId: string, source: RequestSource, now: Date): Promise<WorkspaceClient> {
  return withClientOfCaregiver(db, session, clientId, { action: 'read', dataKind: 'client_list', recordId: null }, source, now, async (trx, access) => {
    const row = await findClientHeading(trx, access.clientId)
    return { clientId: row.id, name: formalClientName(row), clientNumber: row.client_number, dateOfBirth: row.date_of_birth }
  })
}

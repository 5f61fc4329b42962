import { isUuid } from '../../../shared/schemas/common.ts'
import type { Inbox, WorkspaceClient, WorkspaceClientPage, WorkspaceClientQuery } from '../../../shared/schemas/workspace.ts'
import { amsterdamDate } from '../../platform/amsterdam-time.ts'
import { recordAccess } from '../../platform/access-log/access-log.service.ts'
import { formalClientName } from '../client-access/client-name.ts'
import { countUnreadForStaffMember } from '../messages/message.repository.ts'
import { asCaregiver, caregiverActor, requireCaregiver } from '../client-access/caregiver-access.policy.ts'
import { findCaseloadConversations, findClientHeading, searchCaseload } from './workspace.repository.ts'
import { keysetCursor } from '../../platform/http/keyset-cursor.ts'
import type { RequestContext } from '../../platform/http/request-context.ts'
import { throughRecord } from '../client-access/record-door.ts'

const DEFAULT_PAGE = 25

/**
 * "Mijn cliënten": the caregiver's clients, searched by name or client number and date of
 * birth, by family name a page at a time. Names are client data: each listed client is logged.
 */
export async function listCaseload(context: RequestContext, query: WorkspaceClientQuery): Promise<WorkspaceClientPage> {
  const { db, session, source, now } = context
  const limit = query.limit ?? DEFAULT_PAGE
  const after = query.cursor ? clientCursor.decode(query.cursor) : null
  return db.transaction().execute(async (trx) => {
    const staff = await requireCaregiver(trx, session)
    const rows = await searchCaseload(trx, {
      staffMemberId: staff.staffMemberId,
      today: amsterdamDate(now),
      text: query.q?.trim() ? query.q : null,
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
      nextCursor: rows.length > limit && last ? clientCursor.encode({ familyName: last.family_name, id: last.id }) : null,
    }
  })
}

/** The inbox: every conversation of the caregiver's clients, those with unread messages first. */
export async function getInbox(context: RequestContext): Promise<Inbox> {
  const { db, session, source, now } = context
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

/** Where a page of the caseload ended. A name with NUL (which PostgreSQL text cannot hold) was never a client's: not our cursor. */
const clientCursor = keysetCursor({ familyName: (name) => name.length <= 200 && !name.includes('\u0000'), id: isUuid })

/** One client of the caregiver, for the heading of their record in the workspace (a reload or bookmark names the client too). */
export async function getCaseloadClient(context: RequestContext, clientId: string): Promise<WorkspaceClient> {
  return throughRecord(context, asCaregiver, clientId, { action: 'read', dataKind: 'client_list', recordId: null }, async (trx, access) => {
    const row = await findClientHeading(trx, access.clientId)
    return { clientId: row.id, name: formalClientName(row), clientNumber: row.client_number, dateOfBirth: row.date_of_birth }
  })
}

import type { MessageListQuery } from '../../../shared/schemas/messages.ts'
import type { WorkspaceMessage, WorkspaceMessageList } from '../../../shared/schemas/workspace.ts'
import { amsterdamDate } from '../../platform/amsterdam-time.ts'
import type { Db } from '../../platform/db/database.ts'
import { notFound } from '../../platform/errors.ts'
import type { RequestSource } from '../../platform/access-log/access-log.service.ts'
import type { ActiveSession } from '../../identity/authentication/session.service.ts'
import { notifyNewMessage } from '../messages/message-notification.ts'
import { countUnreadForStaffMember, findMessageOfClient, insertMessage } from '../messages/message.repository.ts'
import { cleanMessageBody } from '../messages/message.service.ts'
import { decodePosition, encodePosition } from './workspace-cursor.ts'
import { advanceStaffReadMarker, type ConversationRow, findConversationPage, findStaffReadUntil, findStaffSignature } from './workspace-messages.repository.ts'
import { withClientOfCaregiver } from './workspace.service.ts'

const DEFAULT_PAGE = 20

/** Unread for a staff member: written by a portal account after their marker (colleagues' messages never are). */
export function conversationRowToMessage(row: ConversationRow, me: { staffMemberId: string; readUntil: Date | null }): WorkspaceMessage {
  const byAccount = row.author_account_id !== null
  return {
    id: row.id,
    body: row.body,
    createdAt: row.created_at.toISOString(),
    author: byAccount
      ? { kind: 'account', name: row.account_name ?? '', role: row.account_relation ?? '', isMe: false }
      : { kind: 'staff', name: row.staff_name ?? '', role: row.staff_is_evv ? 'EVV-er' : (row.staff_discipline ?? ''), isMe: row.author_staff_id === me.staffMemberId },
    unread: byAccount && (me.readUntil === null || row.created_at > me.readUntil),
  }
}

async function unreadCount(db: Db, clientId: string, staffMemberId: string): Promise<number> {
  const [row] = await countUnreadForStaffMember(db, staffMemberId, [clientId])
  return Number(row?.count ?? 0)
}

/** The client's conversation as the team sees it: every caregiver of the client reads and answers it. */
export async function listConversation(db: Db, session: ActiveSession, clientId: string, query: MessageListQuery, source: RequestSource, now: Date): Promise<WorkspaceMessageList> {
  const after = query.cursor ? decodePosition(query.cursor) : null
  const limit = query.limit ?? DEFAULT_PAGE
  return withClientOfCaregiver(db, session, clientId, { action: 'read', dataKind: 'message' }, source, now, async (trx, access) => {
    const rows = await findConversationPage(trx, { clientId: access.clientId, after, limit: limit + 1, today: amsterdamDate(now) })
    const readUntil = await findStaffReadUntil(trx, access.clientId, access.staff.staffMemberId)
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    return {
      items: page.map((row) => conversationRowToMessage(row, { staffMemberId: access.staff.staffMemberId, readUntil })),
      unreadCount: await unreadCount(trx, access.clientId, access.staff.staffMemberId),
      nextCursor: rows.length > limit && last ? encodePosition({ at: last.cursor_at, id: last.id }) : null,
    }
  })
}

/**
 * A reply from the care team: stored, logged and announced to the linked accounts and the
 * EVV-er (never the writer) in one transaction; the e-mail carries no content.
 */
export async function replyAsStaff(
  db: Db, session: ActiveSession, input: { clientId: string; body: string; portalUrl: string }, source: RequestSource, now: Date,
): Promise<WorkspaceMessage> {
  const body = cleanMessageBody(input.body)
  return withClientOfCaregiver(db, session, input.clientId, { action: 'create', dataKind: 'message', recordId: (m: WorkspaceMessage) => m.id }, source, now, async (trx, access) => {
    const staffMemberId = access.staff.staffMemberId
    const stored = await insertMessage(trx, { client_id: access.clientId, author_account_id: null, author_staff_id: staffMemberId, body, created_at: now, ecd_id: null })
    await notifyNewMessage(trx, { clientId: access.clientId, sender: { staffMemberId }, portalUrl: input.portalUrl, today: amsterdamDate(now) }, now)
    // Answering means having read what came before: the writer's marker moves to their reply.
    await advanceStaffReadMarker(trx, { clientId: access.clientId, staffMemberId, messageId: stored.id }, now)
    const role = await findStaffSignature(trx, access.clientId, staffMemberId, amsterdamDate(now))
    return { id: stored.id, body, createdAt: stored.created_at.toISOString(), unread: false, author: { kind: 'staff', name: access.staff.name, role, isMe: true } }
  })
}

/** Marks this message and everything older as read for this staff member; returns what is still unread. */
export async function markReadAsStaff(
  db: Db, session: ActiveSession, input: { clientId: string; upToMessageId: string }, source: RequestSource, now: Date,
): Promise<{ unreadCount: number }> {
  return withClientOfCaregiver(db, session, input.clientId, { action: 'update', dataKind: 'message_read_marker', recordId: input.upToMessageId }, source, now, async (trx, access) => {
    const message = await findMessageOfClient(trx, access.clientId, input.upToMessageId)
    if (!message) throw notFound('message')
    await advanceStaffReadMarker(trx, { clientId: access.clientId, staffMemberId: access.staff.staffMemberId, messageId: message.id }, now)
    return { unreadCount: await unreadCount(trx, access.clientId, access.staff.staffMemberId) }
  })
}

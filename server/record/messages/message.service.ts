import { cleanPlainText, plainTextLength } from '../../../shared/plain-text.ts'
import { MESSAGE_MAX_LENGTH, type Message, type MessageList } from '../../../shared/schemas/messages.ts'
import { amsterdamDate } from '../../platform/amsterdam-time.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, notFound, rateLimited } from '../../platform/errors.ts'
import { decodeCursor, encodeCursor } from '../../platform/http/keyset-cursor.ts'
import { type RequestSource, recordAccess } from '../../platform/access-log/access-log.service.ts'
import { consumeRateLimit } from '../../identity/authentication/rate-limit.ts'
import type { ActiveSession } from '../../identity/authentication/session.service.ts'
import type { ClientAccess } from '../client-access/client-access.policy.ts'
import { changeThroughLink } from '../client-access/client-access-write.ts'
import { readThroughLink } from '../client-access/client-access.service.ts'
import { notifyNewMessage } from './message-notification.ts'
import {
  advanceAccountReadMarker, countUnreadForAccount, findAccountReadUntil, findMessageOfClient, findMessagesPage,
  insertMessage, type MessageRow,
} from './message.repository.ts'

const DEFAULT_PAGE = 20
/** Messages an account may send per hour: plenty for a person, a wall for a script spamming the care team's inbox. */
const SEND_LIMIT_PER_HOUR = 30

/**
 * Messages from before the link's activation stay hidden, as reports do: the consent behind
 * the link starts there, and an older conversation was not meant for this reader.
 */
const notBefore = (access: ClientAccess) => access.activatedAt

export function messageRowToMessage(row: MessageRow, me: { accountId: string; readUntil: Date | null }): Message {
  const isMe = row.author_account_id === me.accountId
  const byAccount = row.author_account_id !== null
  return {
    id: row.id,
    body: row.body,
    createdAt: row.created_at.toISOString(),
    author: byAccount
      ? { kind: 'account', name: row.account_name ?? '', role: row.account_relation ?? '', isMe }
      : { kind: 'staff', name: row.staff_name ?? '', role: row.staff_is_evv ? 'EVV-er' : (row.staff_discipline ?? ''), isMe: false },
    unread: !isMe && (me.readUntil === null || row.created_at > me.readUntil),
  }
}

/** One page of the conversation, newest first, with the account's unread marks and count. */
export async function listMessages(
  db: Db, session: ActiveSession, clientId: string, page: { cursor?: string; limit?: number }, source: RequestSource, now: Date,
): Promise<MessageList> {
  const after = page.cursor ? decodeCursor(page.cursor) : null
  const limit = page.limit ?? DEFAULT_PAGE
  return readThroughLink(db, session, clientId, { section: 'messages', dataKind: 'message' }, source, now, async (trx, access) => {
    const messages = await newestMessages(trx, access, { after, limit }, now)
    const last = messages.items.length === limit ? messages.rows.at(-1) : undefined
    return { items: messages.items, unreadCount: messages.unreadCount, nextCursor: last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null }
  })
}

/** The newest messages and the unread count, without logging: for the home screen and the copy (they log). */
export async function newestMessages(db: Db, access: ClientAccess, page: { after?: ReturnType<typeof decodeCursor> | null; limit: number }, now: Date) {
  const rows = await findMessagesPage(db, { clientId: access.clientId, notBefore: notBefore(access), after: page.after ?? null, limit: page.limit, today: amsterdamDate(now) })
  const readUntil = await findAccountReadUntil(db, access.clientId, access.accountId)
  const unreadCount = await countUnreadForAccount(db, { clientId: access.clientId, accountId: access.accountId, notBefore: notBefore(access) })
  return { rows, unreadCount, items: rows.map((row) => messageRowToMessage(row, { accountId: access.accountId, readUntil })) }
}

/** Plain text, trimmed, not empty, at most MESSAGE_MAX_LENGTH characters (code points, as a person counts). */
export function cleanMessageBody(body: string): string {
  const text = cleanPlainText(body)
  if (text.length === 0) throw new AppError('message_empty')
  if (plainTextLength(text) > MESSAGE_MAX_LENGTH) throw new AppError('message_too_long')
  return text
}

/**
 * "Stuur": stores the message, logs it and queues the notifications in one transaction, so
 * an answered message is never lost and never announced without existing.
 */
export async function sendMessage(
  db: Db, session: ActiveSession, input: { clientId: string; body: string; portalUrl: string }, source: RequestSource, now: Date,
): Promise<Message> {
  const body = cleanMessageBody(input.body)
  // Counted outside the transaction, so a refused attempt still counts.
  if (!(await consumeRateLimit(db, `message:${session.accountId}`, SEND_LIMIT_PER_HOUR, 3600, now))) throw rateLimited('messages per account')
  return changeThroughLink(db, session, input.clientId, { section: 'messages', action: 'create', dataKind: 'message' }, source, now, async (trx, access) => {
    const stored = await insertMessage(trx, { client_id: access.clientId, author_account_id: access.accountId, author_staff_id: null, body, created_at: now, ecd_id: null })
    await notifyNewMessage(trx, { clientId: access.clientId, sender: { accountId: access.accountId }, portalUrl: input.portalUrl, today: amsterdamDate(now) }, now)
    const message: Message = {
      id: stored.id, body, createdAt: stored.created_at.toISOString(), unread: false,
      author: { kind: 'account', name: access.actor.name, role: access.actor.role, isMe: true },
    }
    return { result: message, recordId: stored.id }
  })
}

/** Marks the given message and everything older as read for this account; returns what is still unread. */
export async function markMessagesRead(
  db: Db, session: ActiveSession, input: { clientId: string; upToMessageId: string }, source: RequestSource, now: Date,
): Promise<{ unreadCount: number }> {
  return changeThroughLink(db, session, input.clientId, { section: 'messages', action: 'update', dataKind: 'message_read_marker' }, source, now, async (trx, access) => {
    const message = await findMessageOfClient(trx, access.clientId, input.upToMessageId)
    if (!message || message.created_at < notBefore(access)) throw notFound('message')
    await advanceAccountReadMarker(trx, { clientId: access.clientId, accountId: access.accountId, messageId: message.id }, now)
    const unreadCount = await countUnreadForAccount(trx, { clientId: access.clientId, accountId: access.accountId, notBefore: notBefore(access) })
    return { result: { unreadCount }, recordId: message.id }
  })
}

/**
 * A care-team member writes in a client's conversation. The staff workspace (its own issue)
 * checks the staff member's team access before calling this; the demo data and tests use it now.
 */
export async function addStaffMessage(
  db: Db, input: { clientId: string; staffMemberId: string; staffName: string; body: string; portalUrl: string }, source: RequestSource, now: Date,
): Promise<{ id: string }> {
  const body = cleanMessageBody(input.body)
  return db.transaction().execute(async (trx) => {
    const stored = await insertMessage(trx, { client_id: input.clientId, author_account_id: null, author_staff_id: input.staffMemberId, body, created_at: now, ecd_id: null })
    await recordAccess(trx, { type: 'staff', id: input.staffMemberId, role: 'caregiver', name: input.staffName }, source,
      { action: 'create', outcome: 'success', clientId: input.clientId, dataKind: 'message', recordId: stored.id }, now)
    await notifyNewMessage(trx, { clientId: input.clientId, sender: { staffMemberId: input.staffMemberId }, portalUrl: input.portalUrl, today: amsterdamDate(now) }, now)
    return { id: stored.id }
  })
}

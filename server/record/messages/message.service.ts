import { cleanPlainText, plainTextLength } from '../../../shared/plain-text.ts'
import { MESSAGE_MAX_LENGTH, type Message, type MessageList, type MessageListQuery } from '../../../shared/schemas/messages.ts'
import { amsterdamDate } from '../../platform/amsterdam-time.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, notFound, rateLimited } from '../../platform/errors.ts'
import { isClientClosed } from '../clients/client-closure.repository.ts'
import { decodeCursor, encodeCursor, type KeysetPosition } from '../../platform/http/keyset-cursor.ts'
import type { RequestContext } from '../../platform/http/request-context.ts'
import { type RequestSource, recordAccess } from '../../platform/access-log/access-log.service.ts'
import { consumeRateLimit } from '../../identity/authentication/rate-limit.ts'
import { asCaregiver } from '../client-access/caregiver-access.policy.ts'
import { type ClientAccess, throughLink } from '../client-access/client-access.policy.ts'
import { throughRecord } from '../client-access/record-door.ts'
import { announcePortalEvent } from '../../integration/fhir/subscription/fhir-subscription-notify.ts'
import { notifyNewMessage } from '../notifications/notification.service.ts'
import {
  advanceReadMarker, countUnreadForAccount, countUnreadForStaffMember, findMessageOfClient, findMessagesPage, findReadUntil, findStaffSignature, findUnreadStateOfAccount,
  insertMessage, type MessageRow, type MessagesPageInput, type UnreadStateInput,
} from './message.repository.ts'

const DEFAULT_PAGE = 20
/** Messages an account may send per hour: plenty for a person, a wall for a script spamming the care team's inbox. */
const SEND_LIMIT_PER_HOUR = 30

/**
 * Messages from before the link's activation stay hidden, as reports do: the consent behind
 * the link starts there, and an older conversation was not meant for this reader.
 */
const notBefore = (access: ClientAccess) => access.activatedAt

/**
 * One row as its reader sees it. A portal account: its own messages are "me", everyone else's
 * unread after its marker. A staff member: their own are "me", and only what portal accounts
 * wrote counts as unread (colleagues' messages never are).
 */
export function messageRowToMessage(row: MessageRow, me: ({ accountId: string } | { staffMemberId: string }) & { readUntil: Date | null }): Message {
  const byAccount = row.author_account_id !== null
  const isMe = 'accountId' in me ? row.author_account_id === me.accountId : row.author_staff_id === me.staffMemberId
  const unreadKind = 'accountId' in me ? !isMe : byAccount
  return {
    id: row.id,
    body: row.body,
    createdAt: row.created_at.toISOString(),
    author: byAccount
      ? { kind: 'account', name: row.account_name ?? '', role: row.account_relation ?? '', isMe: byAccount && isMe }
      : { kind: 'staff', name: row.staff_name ?? '', role: row.staff_is_evv ? 'EVV-er' : (row.staff_discipline ?? ''), isMe: !byAccount && isMe },
    unread: unreadKind && (me.readUntil === null || row.created_at > me.readUntil),
  }
}

/** One page of the conversation, newest first, with the account's unread marks and count. */
export async function listMessages(context: RequestContext, clientId: string, page: MessageListQuery): Promise<MessageList> {
  const { now } = context
  const after = page.cursor ? decodeCursor(page.cursor) : null
  const limit = page.limit ?? DEFAULT_PAGE
  return throughRecord(context, throughLink('messages'), clientId, { action: 'read', dataKind: 'message' }, async (trx, access) => {
    const messages = await newestMessages(trx, access, { after, limit }, now)
    const last = messages.items.length === limit ? messages.rows.at(-1) : undefined
    return { items: messages.items, unreadCount: messages.unreadCount, nextCursor: last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null }
  })
}

/**
 * What a portal reader's newest messages are read with: the page (from the link's activation,
 * signed as on `now`'s Amsterdam day) and whose unread state. For newestMessages and the home
 * screen, which composes the same queries into its one statement.
 */
export function newestMessagesInput(access: ClientAccess, page: { after?: KeysetPosition | null; limit: number }, now: Date) {
  const unreadOf: UnreadStateInput = { clientId: access.clientId, accountId: access.accountId, notBefore: notBefore(access) }
  const input: MessagesPageInput = { clientId: access.clientId, notBefore: notBefore(access), after: page.after ?? null, limit: page.limit, today: amsterdamDate(now) }
  return { page: input, unreadOf }
}

/** The newest messages and the unread count, without logging: for the messages page and the copy (they log). */
export async function newestMessages(db: Db, access: ClientAccess, page: { after?: KeysetPosition | null; limit: number }, now: Date) {
  const { page: input, unreadOf } = newestMessagesInput(access, page, now)
  const rows = await findMessagesPage(db, { ...input, unreadOf })
  // The rows carry the read marker and unread count (one statement less); a page with no row asks for them alone.
  const first = rows[0]
  const { readUntil, unreadCount } = first
    ? { readUntil: first.read_until ?? null, unreadCount: Number(first.unread_count ?? 0) }
    : await findUnreadStateOfAccount(db, unreadOf)
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
export async function sendMessage(context: RequestContext, input: { clientId: string; body: string; portalUrl: string }): Promise<Message> {
  const { db, session, now } = context
  const body = cleanMessageBody(input.body)
  // Counted outside the transaction, so a refused attempt still counts.
  if (!(await consumeRateLimit(db, `message:${session.accountId}`, SEND_LIMIT_PER_HOUR, 3600, now))) throw rateLimited('messages per account')
  return throughRecord(context, throughLink('messages'), input.clientId, { action: 'create', dataKind: 'message', recordId: (m: Message) => m.id }, async (trx, access) => {
    const stored = await insertMessage(trx, { client_id: access.clientId, author_account_id: access.accountId, author_staff_id: null, body, created_at: now, ecd_id: null })
    await announcePortalEvent(trx, { topic: 'portal-message', focusId: stored.id }, now)
    await notifyNewMessage(trx, { clientId: access.clientId, sender: { accountId: access.accountId }, portalUrl: input.portalUrl, today: amsterdamDate(now) }, now)
    const message: Message = {
      id: stored.id, body, createdAt: stored.created_at.toISOString(), unread: false,
      author: { kind: 'account', name: access.actor.name, role: access.actor.role, isMe: true },
    }
    return message
  })
}

/** Marks the given message and everything older as read for this account; returns what is still unread. */
export async function markMessagesRead(context: RequestContext, input: { clientId: string; upToMessageId: string }): Promise<{ unreadCount: number }> {
  const { now } = context
  const marked = await throughRecord(context, throughLink('messages'), input.clientId, { action: 'update', dataKind: 'message_read_marker', recordId: (r: { messageId: string }) => r.messageId }, async (trx, access) => {
    const message = await findMessageOfClient(trx, access.clientId, input.upToMessageId)
    if (!message || message.created_at < notBefore(access)) throw notFound('message')
    await advanceReadMarker(trx, { clientId: access.clientId, reader: { accountId: access.accountId }, messageId: message.id }, now)
    const unreadCount = await countUnreadForAccount(trx, { clientId: access.clientId, accountId: access.accountId, notBefore: notBefore(access) })
    return { unreadCount, messageId: message.id }
  })
  return { unreadCount: marked.unreadCount }
}

/**
 * A care-team member writes in a client's conversation without a request: the demo data and
 * tests use it (the workspace's replies go through replyAsStaff and its policy).
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

async function staffUnreadCount(db: Db, clientId: string, staffMemberId: string): Promise<number> {
  const [row] = await countUnreadForStaffMember(db, staffMemberId, [clientId])
  return Number(row?.count ?? 0)
}

/** The client's conversation as the care team sees it (no link activation bounds it): every caregiver of the client reads and answers it. */
export async function listConversation(context: RequestContext, clientId: string, query: MessageListQuery): Promise<MessageList> {
  const { now } = context
  const after = query.cursor ? decodeCursor(query.cursor) : null
  const limit = query.limit ?? DEFAULT_PAGE
  return throughRecord(context, asCaregiver, clientId, { action: 'read', dataKind: 'message' }, async (trx, access) => {
    const staffMemberId = access.staff.staffMemberId
    const rows = await findMessagesPage(trx, { clientId: access.clientId, notBefore: null, after, limit: limit + 1, today: amsterdamDate(now) })
    const readUntil = await findReadUntil(trx, access.clientId, { staffMemberId })
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    return {
      items: page.map((row) => messageRowToMessage(row, { staffMemberId, readUntil })),
      unreadCount: await staffUnreadCount(trx, access.clientId, staffMemberId),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null,
    }
  })
}

/**
 * A reply from the care team: stored, logged and announced to the linked accounts and the
 * EVV-er (never the writer) in one transaction; the e-mail carries no content.
 */
export async function replyAsStaff(context: RequestContext, input: { clientId: string; body: string; portalUrl: string }): Promise<Message> {
  const { now } = context
  const body = cleanMessageBody(input.body)
  return throughRecord(context, asCaregiver, input.clientId, { action: 'create', dataKind: 'message', recordId: (m: Message) => m.id }, async (trx, access) => {
    const staffMemberId = access.staff.staffMemberId
    // Nobody is linked to a client who died or left: a message would go unread (docs/decisions/fhir-death-and-departure.md).
    if (await isClientClosed(trx, access.clientId)) throw new AppError('client_closed', 'message to a closed client')
    const stored = await insertMessage(trx, { client_id: access.clientId, author_account_id: null, author_staff_id: staffMemberId, body, created_at: now, ecd_id: null })
    await announcePortalEvent(trx, { topic: 'portal-message', focusId: stored.id }, now)
    await notifyNewMessage(trx, { clientId: access.clientId, sender: { staffMemberId }, portalUrl: input.portalUrl, today: amsterdamDate(now) }, now)
    // Answering means having read what came before: the writer's marker moves to their reply.
    await advanceReadMarker(trx, { clientId: access.clientId, reader: { staffMemberId }, messageId: stored.id }, now)
    const role = await findStaffSignature(trx, access.clientId, staffMemberId, amsterdamDate(now))
    const message: Message = { id: stored.id, body, createdAt: stored.created_at.toISOString(), unread: false, author: { kind: 'staff', name: access.staff.name, role, isMe: true } }
    return message
  })
}

/** Marks this message and everything older as read for this staff member; returns what is still unread. */
export async function markReadAsStaff(context: RequestContext, input: { clientId: string; upToMessageId: string }): Promise<{ unreadCount: number }> {
  const { now } = context
  return throughRecord(context, asCaregiver, input.clientId, { action: 'update', dataKind: 'message_read_marker', recordId: input.upToMessageId }, async (trx, access) => {
    const staffMemberId = access.staff.staffMemberId
    const message = await findMessageOfClient(trx, access.clientId, input.upToMessageId)
    if (!message) throw notFound('message')
    await advanceReadMarker(trx, { clientId: access.clientId, reader: { staffMemberId }, messageId: message.id }, now)
    return { unreadCount: await staffUnreadCount(trx, access.clientId, staffMemberId) }
  })
}

import { Type, type Static } from 'typebox'

/** The longest message a person may send, in characters after trimming. */
export const MESSAGE_MAX_LENGTH = 4000

export const MessageAuthor = Type.Object({
  kind: Type.Union([Type.Literal('account'), Type.Literal('staff')]),
  /** Display name of the account, or the staff member's name. */
  name: Type.String(),
  /** Staff: "EVV-er" or the discipline; accounts: the relation to the client (self, first_contact, ...). */
  role: Type.String(),
  /** Written by the logged-in account itself. */
  isMe: Type.Boolean(),
})
export type MessageAuthor = Static<typeof MessageAuthor>

export const Message = Type.Object({
  id: Type.String({ format: 'uuid' }),
  /** Plain text with its line breaks; never render it as HTML. */
  body: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  author: MessageAuthor,
  unread: Type.Boolean(),
})
export type Message = Static<typeof Message>

export const MessageListQuery = Type.Object(
  {
    /** The nextCursor of the previous page. */
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
)
export type MessageListQuery = Static<typeof MessageListQuery>

/** Newest first; `unreadCount` counts the whole conversation, not just this page. */
export const MessageList = Type.Object({
  items: Type.Array(Message),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  unreadCount: Type.Integer(),
})
export type MessageList = Static<typeof MessageList>

export const SendMessageRequest = Type.Object(
  // A little room above the limit for surrounding white space, which is trimmed before counting.
  { body: Type.String({ maxLength: MESSAGE_MAX_LENGTH + 200 }) },
  { additionalProperties: false },
)
export type SendMessageRequest = Static<typeof SendMessageRequest>

/** Marks this message and every older one as read. */
export const MarkMessagesReadRequest = Type.Object({ upToMessageId: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
export type MarkMessagesReadRequest = Static<typeof MarkMessagesReadRequest>

export const UnreadCount = Type.Object({ unreadCount: Type.Integer() })
export type UnreadCount = Static<typeof UnreadCount>

import { Type, type Static } from 'typebox'
import { appointmentFields } from './appointments.ts'
import { Message, MessageList } from './messages.ts'

/** The staff workspace, caregivers' half: `/api/workspace/...`. Record sections: workspace-record.ts. */

export const WorkspaceClientQuery = Type.Object(
  {
    /** Part of the name, or the start of the client number. */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    dateOfBirth: Type.Optional(Type.String({ format: 'date' })),
    cursor: Type.Optional(Type.String({ maxLength: 400, pattern: '^[A-Za-z0-9_-]+$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
)
export type WorkspaceClientQuery = Static<typeof WorkspaceClientQuery>

/** One client of the caregiver's teams. */
export const WorkspaceClient = Type.Object({
  clientId: Type.String({ format: 'uuid' }),
  /** The Dutch way: "mw. S. uit de Jordaan". */
  name: Type.String(),
  clientNumber: Type.String(),
  dateOfBirth: Type.String({ format: 'date' }),
})
export type WorkspaceClient = Static<typeof WorkspaceClient>

/** By family name; `nextCursor` is null on the last page. */
export const WorkspaceClientPage = Type.Object({ items: Type.Array(WorkspaceClient), nextCursor: Type.Union([Type.String(), Type.Null()]) })
export type WorkspaceClientPage = Static<typeof WorkspaceClientPage>

/** One conversation in the inbox; unread counts messages from portal accounts after the reader's marker. */
export const InboxItem = Type.Object({
  clientId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  clientNumber: Type.String(),
  lastMessageAt: Type.String({ format: 'date-time' }),
  unreadCount: Type.Integer(),
})
export type InboxItem = Static<typeof InboxItem>

/** Conversations with unread messages first, then the most recent. */
export const Inbox = Type.Object({ items: Type.Array(InboxItem), unreadTotal: Type.Integer() })
export type Inbox = Static<typeof Inbox>

/** A message as the care team reads it: the portal's shape, `isMe` being the logged-in staff member's own. */
export const WorkspaceMessage = Message
export type WorkspaceMessage = Message

/** Newest first, as in the portal; `unreadCount` counts what the linked accounts wrote after the reader's marker. */
export const WorkspaceMessageList = MessageList
export type WorkspaceMessageList = MessageList

/** An appointment with who made it: a linked account (a relative, with the relation) or the care team. */
export const WorkspaceAppointment = Type.Object({
  ...appointmentFields,
  cancelled: Type.Boolean(),
  madeBy: Type.Object({
    kind: Type.Union([Type.Literal('account'), Type.Literal('staff'), Type.Literal('ecd')]),
    name: Type.String(),
    /** The account's relation to the client (self, first_contact, ...); the staff member's discipline. */
    role: Type.String(),
  }),
})
export type WorkspaceAppointment = Static<typeof WorkspaceAppointment>

export const WorkspaceAppointmentList = Type.Object({ items: Type.Array(WorkspaceAppointment), nextCursor: Type.Union([Type.String(), Type.Null()]) })
export type WorkspaceAppointmentList = Static<typeof WorkspaceAppointmentList>

import type { Communication, Patient, Practitioner, Reference, RelatedPerson } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import { cleanPlainText, plainTextLength } from '../../../../shared/plain-text.ts'
import { MESSAGE_MAX_LENGTH } from '../../../../shared/schemas/messages.ts'
import type { MessageTable } from '../../../record/messages/message.table.ts'
import { unprocessable } from '../fhir-errors.ts'
import { patientReference, practitionerReference } from '../fhir-references.ts'

export type MessageRow = Selectable<MessageTable> & { staff_name: string | null; account_name: string | null; account_relation: string | null }

/** What a Communication from the ECD sets; the references are checked against the database by the caller. */
export interface MessageInput {
  subject: Reference | undefined
  sender: Reference | undefined
  body: string
  /** When the writer sent it (FHIR `sent`), kept apart from when the portal received it. */
  sentAt: Date | null
}

/** Communication → message: plain text, as the portal's own messages (422 when empty or too long). */
export function communicationToMessage(communication: Communication): MessageInput {
  if (communication.status !== 'completed') throw unprocessable('Communication.status', 'only a sent message (status completed) goes into the conversation')
  // The portal keeps text only: attachments and references in the payload are not shown.
  const texts = (communication.payload ?? []).map((p) => p.contentString).filter((s): s is string => typeof s === 'string')
  const body = cleanPlainText(texts.join('\n\n'))
  if (!body) throw unprocessable('Communication.payload', 'the message text is required')
  if (plainTextLength(body) > MESSAGE_MAX_LENGTH) throw unprocessable('Communication.payload', `a message is at most ${MESSAGE_MAX_LENGTH} characters`)
  if (!communication.sender) throw unprocessable('Communication.sender', 'a message from the ECD needs its writer as Practitioner/<id>')
  return { subject: communication.subject, sender: communication.sender, body, sentAt: communication.sent ? new Date(communication.sent) : null }
}

/**
 * Message → Communication. A staff member's message has them as sender; one written in the portal
 * names the account's person (a client or their representative: not a FHIR resource here).
 */
export function messageToCommunication(row: MessageRow, identifierSystem: string): Communication {
  const sender: Reference<Patient | Practitioner | RelatedPerson> = row.author_staff_id
    ? practitionerReference(row.author_staff_id, row.staff_name)
    : { type: row.account_relation === 'self' ? 'Patient' : 'RelatedPerson', display: row.account_name ?? '' }
  return {
    resourceType: 'Communication',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.updated_at.toISOString() },
    ...(row.ecd_id ? { identifier: [{ system: identifierSystem, value: row.ecd_id }] } : {}),
    status: 'completed',
    subject: patientReference(row.client_id),
    // A portal message is sent when the portal stores it; the ECD's keeps the time it was sent there.
    sent: (row.sent_at ?? row.created_at).toISOString(),
    received: row.created_at.toISOString(),
    sender,
    payload: [{ contentString: row.body }],
  }
}

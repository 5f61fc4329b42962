import type { Communication } from '@medplum/fhirtypes'
import { amsterdamDate } from '../../../platform/amsterdam-time.ts'
import { insertMessage } from '../../../record/messages/message.repository.ts'
import { notifyNewMessage } from '../../../record/notifications/notification.service.ts'
import { unprocessable } from '../fhir-errors.ts'
import { isClientClosed } from '../../../record/clients/client-closure.repository.ts'
import { optionalStaffMember, requireClient } from '../fhir-references.ts'
import type { FhirResourceType } from '../fhir-resource-type.ts'
import { rowReads } from '../fhir-row-reads.ts'
import { communicationToMessage, type MessageRow, messageToCommunication } from './communication.mapping.ts'
import { findMessageByEcdId, findMessageById, searchMessages } from './communication.repository.ts'

const { stored, ...reads } = rowReads<Communication, MessageRow>(
  { findById: findMessageById, findByEcdId: findMessageByEcdId, search: searchMessages },
  (row, context) => messageToCommunication(row, context.caller.identifierSystem),
  (row) => row.client_id,
)

/**
 * Communication ⇄ the client's conversation. The ECD's message is a care-team message from the
 * staff member it names, announced through the outbox as any staff message. A message once sent
 * is never rewritten: a repeated push of the same text changes nothing, another text is refused.
 */
export const communicationType: FhirResourceType<Communication> = {
  resourceType: 'Communication',
  dataKind: 'message',
  searchParams: ['patient', 'identifier'],

  ...reads,

  async save(db, context, communication, ecdId, existing) {
    const input = communicationToMessage(communication)
    const clientId = await requireClient(db, input.subject, 'Communication.subject')
    const sender = await optionalStaffMember(db, input.sender, 'Communication.sender')
    if (existing) {
      const current = (await findMessageById(db, existing.id))!
      if (current.client_id === clientId && current.body === input.body && current.author_staff_id === sender!.id && current.sent_at?.getTime() === input.sentAt?.getTime()) return { stored: stored(current, context), changed: false }
      throw unprocessable('Communication', 'a sent message cannot be changed: send a new one')
    }
    if (await isClientClosed(db, clientId)) throw unprocessable('Communication.subject', 'the client died or left care (Patient.deceased or active false): the portal takes no new messages for them')
    const { id } = await insertMessage(db, { client_id: clientId, author_account_id: null, author_staff_id: sender!.id, body: input.body, sent_at: input.sentAt, created_at: context.now, updated_at: context.now, ecd_id: ecdId })
    await notifyNewMessage(db, { clientId, sender: { staffMemberId: sender!.id }, portalUrl: new URL('/', context.portalBaseUrl).href, today: amsterdamDate(context.now) }, context.now)
    return { stored: stored((await findMessageById(db, id))!, context), changed: true }
  },
}

import type { Db } from '../../platform/db/database.ts'
import { getBranding } from '../../organisation/settings/organisation.service.ts'
import { renderEmail } from '../../platform/outbox/email-layout.ts'
import { enqueueEmail } from '../../platform/outbox/outbox.service.ts'
import { findMessageRecipients } from './message.repository.ts'

/** Who wrote the message: never notified of their own message. */
export type MessageSender = { accountId: string } | { staffMemberId: string }

/**
 * Queues "there is a new message" e-mails in the caller's transaction: to the EVV-er and the
 * other linked accounts, never to the sender. Deliberately without the message, the client's
 * name or anything else from the record: an e-mail is not a safe place for care data.
 */
export async function notifyNewMessage(db: Db, input: { clientId: string; sender: MessageSender; portalUrl: string; today: string }, now: Date): Promise<number> {
  const recipients = await findMessageRecipients(db, input.clientId, input.today, now)
  const senderAccountId = 'accountId' in input.sender ? input.sender.accountId : null
  const senderStaffId = 'staffMemberId' in input.sender ? input.sender.staffMemberId : null
  const seen = new Set<string>()
  const branding = await getBranding(db)
  for (const recipient of recipients) {
    if (recipient.account_id === senderAccountId || (senderStaffId !== null && recipient.staff_member_id === senderStaffId)) continue
    // An account without a usable address is skipped rather than blocking everyone's message.
    if (seen.has(recipient.account_id) || !recipient.email.includes('@')) continue
    seen.add(recipient.account_id)
    const email = renderEmail(branding, {
      greeting: `Beste ${recipient.display_name},`,
      paragraphs: ['Er staat een nieuw bericht voor u klaar in het cliëntportaal.', 'Log in op het portaal om het bericht te lezen.'],
      action: { label: 'Naar het cliëntportaal', url: input.portalUrl },
    })
    await enqueueEmail(db, { to: recipient.email, subject: 'Nieuw bericht in het cliëntportaal', ...email }, now)
  }
  return seen.size
}

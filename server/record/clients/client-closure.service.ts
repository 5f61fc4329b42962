import { getBranding } from '../../organisation/settings/organisation.service.ts'
import { type Actor, recordAccesses, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import type { Db } from '../../platform/db/database.ts'
import { renderEmail } from '../../platform/outbox/email-layout.ts'
import { enqueueEmail } from '../../platform/outbox/outbox.service.ts'
import { cancelOpenInvitationsOfClient, endOpenLinksOfClient, findAdministratorsToTell } from './client-closure.repository.ts'

/** Why the portal closed a client's access; also the links' `end_reason`. */
export type ClosureReason = 'client_deceased' | 'client_left'

export interface ClosureContext {
  actor: Actor
  source: RequestSource
  now: Date
  /** PUBLIC_BASE_URL: the only link in the administrators' e-mail. */
  portalUrl: string
}

const TEXTS: Record<ClosureReason | 'reopened', { subject: string; line: (links: number) => string }> = {
  client_deceased: {
    subject: 'Het ECD meldt dat een cliënt is overleden',
    line: (links) => `Het ECD meldt dat een cliënt is overleden. Het portaal heeft ${linksText(links)} van deze cliënt beëindigd. Het dossier blijft bewaard. Neem zo nodig contact op met de naasten.`,
  },
  client_left: {
    subject: 'Het ECD meldt dat een cliënt uit zorg is',
    line: (links) => `Het ECD meldt dat een cliënt niet meer in zorg is. Het portaal heeft ${linksText(links)} van deze cliënt beëindigd. Het dossier blijft bewaard.`,
  },
  reopened: {
    subject: 'Het ECD meldt dat een cliënt weer in zorg is',
    line: () => 'Het ECD meldt dat een cliënt weer in zorg is. Koppelingen die eerder zijn beëindigd, komen niet vanzelf terug: maak ze opnieuw als dat nodig is.',
  },
}

const linksText = (links: number) => (links === 1 ? '1 koppeling' : `${links} koppelingen`)

/**
 * The ECD says the client died or left: every open link ends at once (with the reason) and the
 * client's open invitations are cancelled, each logged; the administrators are told through the
 * outbox, without the client's name (an e-mail never carries record content). Call it in the
 * transaction that stores the news. Returns how many links ended.
 */
export async function closeClientAccess(db: Db, clientId: string, reason: ClosureReason, context: ClosureContext): Promise<number> {
  const links = await endOpenLinksOfClient(db, clientId, reason, context.now)
  const invitations = await cancelOpenInvitationsOfClient(db, clientId, context.now)
  await recordAccesses(db, context.actor, context.source, [
    ...links.map((link) => ({ action: 'update' as const, outcome: 'success' as const, clientId, dataKind: 'client_link', recordId: link.id })),
    ...invitations.map((invitation) => ({ action: 'update' as const, outcome: 'success' as const, clientId, dataKind: 'access_invitation', recordId: invitation.id })),
  ], context.now)
  if (links.length > 0 || invitations.length > 0) await tellAdministrators(db, reason, links.length, context)
  return links.length
}

/** The ECD says the client is in care again: the record opens for new links; old ones stay ended. */
export async function reopenClientAccess(db: Db, context: ClosureContext): Promise<void> {
  await tellAdministrators(db, 'reopened', 0, context)
}

async function tellAdministrators(db: Db, what: ClosureReason | 'reopened', links: number, context: ClosureContext): Promise<void> {
  const text = TEXTS[what]
  const branding = await getBranding(db)
  for (const admin of await findAdministratorsToTell(db)) {
    if (!admin.email.includes('@')) continue
    const email = renderEmail(branding, {
      greeting: `Beste ${admin.display_name},`,
      paragraphs: [text.line(links), 'In Beheer ziet u bij de portaalaccounts welke koppelingen om deze reden zijn beëindigd.'],
      action: { label: 'Naar Beheer', url: context.portalUrl },
    })
    await enqueueEmail(db, { to: admin.email, subject: text.subject, ...email }, context.now)
  }
}

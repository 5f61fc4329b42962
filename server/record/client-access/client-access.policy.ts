import { isUuid } from '../../../shared/schemas/common.ts'
import type { Db } from '../../platform/db/database.ts'
import { notFound } from '../../platform/errors.ts'
import type { Actor } from '../../platform/access-log/access-log.service.ts'
import type { ActiveSession } from '../../identity/authentication/session.service.ts'
import { type ActiveLinkRow, findActiveLink } from './client-access.repository.ts'
import type { RecordAccess, RecordPolicy } from './record-door.ts'

/** The parts of a client's record a link can be allowed to see, each with its own permission. */
export type Section = 'reports' | 'care_plan' | 'appointments' | 'messages' | 'profile' | 'subscriptions'

export const SECTIONS: readonly Section[] = ['reports', 'care_plan', 'appointments', 'messages', 'profile', 'subscriptions']

/** What one portal account may do with one client, through one active link. */
export interface ClientAccess extends RecordAccess {
  clientId: string
  linkId: string
  accountId: string
  /** The person, as the access log names them; role is the link's relation to the client. */
  actor: Actor
  /** Nothing dated before this moment is shown through the link. */
  activatedAt: Date
  sections: ReadonlySet<Section>
}


/**
 * The portal account's access to one client through an active link (not ended, consent not
 * withdrawn, account not blocked), optionally needing one section. Throws AppError('not_found')
 * otherwise — the same answer for another client's id, an ended link, or a missing permission,
 * so nobody can learn from the answer whether a client exists.
 */
export async function requireClientAccess(
  db: Db,
  session: ActiveSession,
  clientId: string,
  section: Section | null,
  now: Date,
): Promise<ClientAccess> {
  // Staff see records through their own workspace, never through a portal link.
  if (session.kind !== 'portal' || !isUuid(clientId)) throw notFound('client')
  const id = clientId.toLowerCase()
  const read = takeLinkReadWithSession(session, id, now)
  // Inside a write's transaction the link is read there, with the write, as before.
  const link = read !== undefined && !db.isTransaction ? read : await findActiveLink(db, session.accountId, id, now)
  if (!link) throw notFound('client')
  const access = linkRowToClientAccess(link)
  if (section !== null && !mayOpenSection(link, section)) throw notFound('client')
  // NEN 7513: every row this access writes says how the person logged in, and how surely.
  access.actor.authentication = { method: session.wayIn, assurance: session.assurance }
  return access
}

/**
 * The link the session's statement read for this client at this instant (authentication.ts), once:
 * the request's first check takes it, every later check (after a write, say) reads afresh.
 * Undefined when none was read for this client and instant.
 */
function takeLinkReadWithSession(session: ActiveSession, clientId: string, now: Date): ActiveLinkRow | null | undefined {
  const read = session.linkRead
  session.linkRead = undefined
  return read !== undefined && read.clientId === clientId && read.now.getTime() === now.getTime() ? read.link : undefined
}

/** The portal's door to the record: an active link, with the section's permission when one is named. */
export function throughLink(section: Section | null): RecordPolicy<ClientAccess> {
  return { require: (db, session, clientId, now) => requireClientAccess(db, session, clientId, section, now), refusedStaffRole: 'staff' }
}

/** The section permission rule of a link: each section has its own column, none implies another. */
export function mayOpenSection(link: Pick<ActiveLinkRow, PermissionColumn>, section: Section): boolean {
  return link[PERMISSION_COLUMN[section]]
}

/** The sections a link's permission columns allow: the list the web app shows as the client's menu. */
export function sectionsOfLink(link: Pick<ActiveLinkRow, PermissionColumn>): Set<Section> {
  return new Set(SECTIONS.filter((section) => mayOpenSection(link, section)))
}

export function linkRowToClientAccess(link: ActiveLinkRow): ClientAccess {
  return {
    clientId: link.client_id,
    linkId: link.id,
    accountId: link.account_id,
    actor: { type: 'account', id: link.account_id, role: link.relation, name: link.display_name },
    activatedAt: link.activated_at,
    sections: sectionsOfLink(link),
    onBehalfLinkId: link.id,
    onBehalfOf: '',
  }
}

const PERMISSION_COLUMN = {
  reports: 'may_read_reports',
  care_plan: 'may_read_care_plan',
  appointments: 'may_use_appointments',
  messages: 'may_use_messages',
  profile: 'may_read_profile',
  subscriptions: 'may_read_subscriptions',
} as const satisfies Record<Section, keyof ActiveLinkRow>

export type PermissionColumn = (typeof PERMISSION_COLUMN)[Section]

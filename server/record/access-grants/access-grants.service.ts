import type { Permissions } from '../../../shared/schemas/admin-accounts.ts'
import type { Grant, GrantList, GrantStatus, NewInvitationRequest } from '../../../shared/schemas/access-grants.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import { addDays, amsterdamDate, dutchLongDate } from '../../platform/amsterdam-time.ts'
import { recordAccess, systemActor } from '../../platform/access-log/access-log.service.ts'
import { conflict, forbidden, notFound, rateLimited, validationFailed } from '../../platform/errors.ts'
import type { RequestContext } from '../../platform/http/request-context.ts'
import { renderEmail } from '../../platform/outbox/email-layout.ts'
import { enqueueEmail } from '../../platform/outbox/outbox.service.ts'
import { notifyAccessChanged } from '../notifications/notification.service.ts'
import { getBranding } from '../../organisation/settings/organisation.service.ts'
import { normalisePhone } from '../../identity/accounts/account.service.ts'
import { consumeRateLimit } from '../../identity/authentication/rate-limit.ts'
import { hashSecretToken, newSecretToken } from '../../identity/authentication/secret-token.ts'
import { type ClientAccess, type Section, throughLink } from '../client-access/client-access.policy.ts'
import { throughRecord } from '../client-access/record-door.ts'
import { type AccessInvitationTable } from './access-invitation.table.ts'
import {
  findAccountForInvitation, findConsentOfInvitation, findGrant, findGranterLink, findGrantsEnabled, findGrantsOfClient, findLinksPastEndDate,
  findLinksToForewarn, type GrantRow, insertConsent, insertInvitation, updateInvitation, updateLink, withdrawConsent,
} from './access-grants.repository.ts'

/** An invitation link works this long, and once (as the welcome link does). */
export const INVITATION_LIFETIME_HOURS = 72
/** Invitations one granter may send per day: enough for a family, too few to spam with. */
export const INVITATIONS_PER_DAY = 10
/** Both sides are told this many days before a granted link's last day. */
export const END_NOTICE_DAYS = 7
/** An end date further away than this is a typing error (the link can run without one). */
const MAX_END_DAYS = 5 * 366

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const E164 = /^\+[1-9]\d{7,14}$/

const PERMISSION_COLUMNS = {
  reports: 'may_read_reports',
  carePlan: 'may_read_care_plan',
  appointments: 'may_use_appointments',
  messages: 'may_use_messages',
  profile: 'may_read_profile',
  subscriptions: 'may_read_subscriptions',
} as const satisfies Record<keyof Permissions, string>

const SECTION_OF: Record<keyof Permissions, Section> = {
  reports: 'reports', carePlan: 'care_plan', appointments: 'appointments', messages: 'messages', profile: 'profile', subscriptions: 'subscriptions',
}

const SECTION_NAMES: Record<keyof Permissions, string> = {
  reports: 'Rapportages', carePlan: 'Cliëntplan', appointments: 'Afspraken', messages: 'Berichten', profile: 'Cliëntprofiel', subscriptions: 'Abonnementen',
}

const PERMISSION_KEYS = Object.keys(PERMISSION_COLUMNS) as (keyof Permissions)[]

/** The link's and the invitation's permission columns for `p`. */
export function permissionColumns(p: Permissions) {
  return Object.fromEntries(PERMISSION_KEYS.map((key) => [PERMISSION_COLUMNS[key], p[key]])) as Record<(typeof PERMISSION_COLUMNS)[keyof Permissions], boolean>
}

function grantablePermissions(access: ClientAccess): Permissions {
  return Object.fromEntries(PERMISSION_KEYS.map((key) => [key, access.sections.has(SECTION_OF[key])])) as Permissions
}

/**
 * Who may give access (product.md: the consent is the client's, or their legal representative's
 * when the client is not able to decide): a client linked to themself who is not found unable to
 * decide, or a legal representative. A link made from an invitation never may, so a grantee can
 * never pass access on. Also refused while the organisation has switched the feature off.
 */
export async function granterOf(db: Db, access: ClientAccess): Promise<{ givenBy: 'client' | 'legal_representative'; name: string; email: string } | null> {
  if (!(await findGrantsEnabled(db))) return null
  const link = await findGranterLink(db, access.linkId)
  if (!link || link.invitation_id !== null) return null
  if (link.relation === 'self' && link.legal_capacity !== 'wilsonbekwaam') return { givenBy: 'client', name: link.display_name, email: link.email }
  if (link.relation === 'legal_representative') return { givenBy: 'legal_representative', name: link.display_name, email: link.email }
  return null
}

async function requireGranter(db: Db, access: ClientAccess) {
  const granter = await granterOf(db, access)
  if (!granter) throw forbidden('may not give access to this client')
  return granter
}

/** A grant never gives more than the granter has, and always at least one section. */
function checkPermissions(access: ClientAccess, permissions: Permissions): void {
  const chosen = PERMISSION_KEYS.filter((key) => permissions[key])
  if (chosen.length === 0) throw validationFailed('choose at least one section')
  if (chosen.some((key) => !access.sections.has(SECTION_OF[key]))) throw validationFailed('a section the granter has no access to')
}

/**
 * A grant's state. An accepted invitation without a link waits for an administrator: with the
 * organisation's approval rule off, accepting makes the link in the same transaction.
 */
export function grantStatus(row: Pick<GrantRow, 'link_id' | 'ended_at' | 'cancelled_at' | 'refused_at' | 'accepted_at' | 'expires_at'>, now: Date): GrantStatus {
  if (row.link_id) return row.ended_at ? 'ended' : 'active'
  if (row.cancelled_at) return 'ended'
  if (row.refused_at) return 'refused'
  if (row.accepted_at) return 'awaiting_approval'
  if (row.expires_at <= now) return 'expired'
  return 'invited'
}

export type PermissionColumn = (typeof PERMISSION_COLUMNS)[keyof Permissions]

export function invitationPermissions(row: Pick<AccessInvitationTable, PermissionColumn>): Permissions {
  return Object.fromEntries(PERMISSION_KEYS.map((key) => [key, row[PERMISSION_COLUMNS[key]]])) as Permissions
}

/** The sections a grant gives: its link's when it has one (changes go there), else the invitation's. */
export function grantPermissions(row: Pick<GrantRow, 'link_id' | 'link_reports' | 'link_care_plan' | 'link_appointments' | 'link_messages' | 'link_profile' | 'link_subscriptions' | PermissionColumn>): Permissions {
  return row.link_id
    ? { reports: Boolean(row.link_reports), carePlan: Boolean(row.link_care_plan), appointments: Boolean(row.link_appointments), messages: Boolean(row.link_messages), profile: Boolean(row.link_profile), subscriptions: Boolean(row.link_subscriptions) }
    : invitationPermissions(row)
}

/** "Rapportages, Berichten": the sections in the e-mails' and the receipt's words. */
export function sectionList(p: Permissions): string {
  return PERMISSION_KEYS.filter((key) => p[key]).map((key) => SECTION_NAMES[key]).join(', ')
}

export function grantRowToGrant(row: GrantRow, now: Date): Grant {
  const permissions = grantPermissions(row)
  return {
    id: row.id,
    name: row.invitee_name,
    email: row.invitee_email,
    relation: row.relation,
    permissions,
    endsOn: row.ends_on,
    status: grantStatus(row, now),
    grantedByName: row.granted_by_name,
    invitedAt: row.created_at.toISOString(),
    activatedAt: row.activated_at?.toISOString() ?? null,
    endedAt: (row.ended_at ?? row.cancelled_at)?.toISOString() ?? null,
  }
}

/** "Iemand toegang geven": whether this person may grant, what at most, and the people with (or invited to) access. */
export async function listGrants(context: RequestContext, clientId: string): Promise<GrantList> {
  const { now } = context
  return throughRecord(context, throughLink(null), clientId, { action: 'read', dataKind: 'access_grant' }, async (trx, access) => {
    const granter = await granterOf(trx, access)
    const rows = granter ? await findGrantsOfClient(trx, access.clientId) : []
    return { mayGrant: granter !== null, grantable: grantablePermissions(access), grants: rows.map((row) => grantRowToGrant(row, now)) }
  })
}

/**
 * Records the granter's digital consent and sends the invitation: a single-use link (72 hours),
 * bound to the invited e-mail address; only its hash is stored. The way in and assurance of
 * the granter's login are recorded with the consent (the /api/clients gate already refused a
 * login the organisation's policy does not accept).
 */
export async function inviteSomeone(context: RequestContext, config: Pick<Config, 'publicBaseUrl'>, clientId: string, input: NewInvitationRequest): Promise<{ id: string }> {
  const { now, session } = context
  const name = input.name.trim().replace(/\s+/g, ' ')
  const email = input.email.trim()
  const mobile = normalisePhone(input.mobile)
  const problems: string[] = []
  if (name.length === 0 || /\p{Cc}/u.test(name)) problems.push('name')
  if (!EMAIL.test(email)) problems.push('email')
  if (!E164.test(mobile)) problems.push('mobile')
  const today = amsterdamDate(now)
  if (input.endsOn !== undefined && (input.endsOn < today || input.endsOn > addDays(today, MAX_END_DAYS))) problems.push('endsOn')
  if (problems.length > 0) throw validationFailed(problems.join(', '))
  return throughRecord(context, throughLink(null), clientId, { action: 'create', dataKind: 'consent', recordId: (r: { id: string }) => r.id }, async (trx, access) => {
    const granter = await requireGranter(trx, access)
    checkPermissions(access, input.permissions)
    if (!(await consumeRateLimit(trx, `access-invitation:${access.accountId}`, INVITATIONS_PER_DAY, 86_400, now))) throw rateLimited('invitations per day')
    const token = newSecretToken()
    const invitation = await insertInvitation(trx, {
      client_id: access.clientId,
      granted_by_account_id: access.accountId,
      granted_by_link_id: access.linkId,
      granted_by_name: granter.name,
      given_by: granter.givenBy,
      way_in: session.wayIn,
      assurance: session.assurance,
      invitee_name: name,
      invitee_email: email,
      invitee_mobile: mobile,
      relation: input.relation,
      ...permissionColumns(input.permissions),
      ends_on: input.endsOn ?? null,
      token_hash: hashSecretToken(token),
      expires_at: new Date(now.getTime() + INVITATION_LIFETIME_HOURS * 3600_000),
      created_at: now,
    } satisfies Omit<AccessInvitationTable, 'id' | 'accepted_at' | 'accepted_by_account_id' | 'cancelled_at' | 'approved_at' | 'refused_at' | 'decided_by_account_id'>)
    const consent = await insertConsent(trx, {
      client_id: access.clientId,
      given_by: granter.givenBy,
      given_by_name: granter.name,
      given_on: today,
      scope: `Toegang voor ${name}: ${sectionList(input.permissions)}${input.endsOn ? ` tot en met ${dutchLongDate(input.endsOn)}` : ''}. Digitaal gegeven in het cliëntportaal.`,
      form_pdf: null,
      recorded_by: access.accountId,
      recorded_at: now,
      invitation_id: invitation.id,
    })
    await sendInvitation(trx, config, { name, email, granterName: granter.name, permissions: input.permissions, token }, now)
    return { id: consent.id }
  })
}

async function sendInvitation(db: Db, config: Pick<Config, 'publicBaseUrl'>, invite: { name: string; email: string; granterName: string; permissions: Permissions; token: string }, now: Date) {
  const branding = await getBranding(db)
  // The token after '#': it never reaches a server log or a Referer header.
  const url = new URL(`/uitnodiging#${invite.token}`, config.publicBaseUrl).toString()
  const email = renderEmail(branding, {
    greeting: `Beste ${invite.name},`,
    paragraphs: [
      `${invite.granterName} geeft u toegang tot een deel van het dossier in het cliëntportaal van ${branding.name}: ${sectionList(invite.permissions)}.`,
      'Heeft u al een account voor het cliëntportaal? Log dan in en accepteer de uitnodiging. Heeft u nog geen account? Dan maakt u er een met de knop hieronder.',
      `De link werkt ${INVITATION_LIFETIME_HOURS} uur en maar één keer. Kent u deze persoon niet? Dan hoeft u niets te doen.`,
    ],
    action: { label: 'Uitnodiging bekijken', url },
  })
  await enqueueEmail(db, { to: invite.email, subject: `Uitnodiging voor het cliëntportaal van ${branding.name}`, ...email }, now)
}

/** "Your access has ended": to the grantee (no record content, as every e-mail). */
export async function notifyEnded(db: Db, to: { email: string; name: string }, now: Date): Promise<void> {
  const branding = await getBranding(db)
  const email = renderEmail(branding, {
    greeting: `Beste ${to.name},`,
    paragraphs: [`Uw toegang tot een dossier in het cliëntportaal van ${branding.name} is beëindigd. U kunt dit dossier niet meer bekijken.`, 'Heeft u vragen? Neem dan contact op met de zorgorganisatie.'],
  })
  await enqueueEmail(db, { to: to.email, subject: 'Uw toegang tot het cliëntportaal is beëindigd', ...email }, now)
}

/**
 * "Toegang beëindigen": ends the link made from the invitation (with effect on the grantee's very
 * next request: the door reads the link fresh) or withdraws an invitation not yet accepted; the
 * consent is marked withdrawn either way.
 */
export async function endGrant(context: RequestContext, key: { clientId: string; grantId: string }): Promise<Grant> {
  const { now } = context
  return throughRecord(context, throughLink(null), key.clientId, { action: 'update', dataKind: 'access_grant', recordId: key.grantId }, async (trx, access) => {
    await requireGranter(trx, access)
    const row = await findGrant(trx, access.clientId, key.grantId)
    if (!row) throw notFound('grant')
    const status = grantStatus(row, now)
    if (status !== 'active' && status !== 'invited' && status !== 'awaiting_approval') throw conflict('grant not running')
    if (row.link_id) {
      await updateLink(trx, row.link_id, { ended_at: now, end_reason: 'consent_withdrawn' })
      if (row.link_account_id) {
        const grantee = await findAccountForInvitation(trx, row.link_account_id)
        await notifyEnded(trx, { email: grantee.email, name: grantee.display_name }, now)
        await notifyAccessChanged(trx, { clientId: access.clientId, changedAccountId: row.link_account_id, portalUrl: context.portalUrl, changedAccountToldOtherwise: true }, now)
      }
    } else {
      await updateInvitation(trx, row.id, { cancelled_at: now })
      // Accepted and waiting for approval: the person knows of the invitation, so hears it ended.
      if (row.accepted_by_account_id) {
        const grantee = await findAccountForInvitation(trx, row.accepted_by_account_id)
        await notifyEnded(trx, { email: grantee.email, name: grantee.display_name }, now)
      }
    }
    await withdrawConsent(trx, (await findConsentOfInvitation(trx, row.id)).id, now)
    const changed = await findGrant(trx, access.clientId, key.grantId)
    if (!changed) throw notFound('grant')
    return grantRowToGrant(changed, now)
  })
}

/** Changes the sections of a running grant; never more than the granter has. */
export async function changeGrantPermissions(context: RequestContext, key: { clientId: string; grantId: string }, permissions: Permissions): Promise<Grant> {
  const { now } = context
  return throughRecord(context, throughLink(null), key.clientId, { action: 'update', dataKind: 'access_grant', recordId: key.grantId }, async (trx, access) => {
    await requireGranter(trx, access)
    checkPermissions(access, permissions)
    const row = await findGrant(trx, access.clientId, key.grantId)
    if (!row) throw notFound('grant')
    const status = grantStatus(row, now)
    if (status !== 'active' && status !== 'invited' && status !== 'awaiting_approval') throw conflict('grant not running')
    if (row.link_id) await updateLink(trx, row.link_id, permissionColumns(permissions))
    else await updateInvitation(trx, row.id, permissionColumns(permissions))
    const changed = await findGrant(trx, access.clientId, key.grantId)
    if (!changed) throw notFound('grant')
    return grantRowToGrant(changed, now)
  })
}

/**
 * The daily end-date work, from the database alone (any instance may run it, at any time, more
 * than once): links past their last day are ended; both sides of a link whose last day is a week
 * away or less are told once. The door already refuses a link after its last day, so a late run
 * only delays the bookkeeping and the e-mails, never the end of access.
 */
export async function runGrantEndDates(db: Db, now: Date): Promise<{ ended: number; forewarned: number }> {
  const today = amsterdamDate(now)
  return db.transaction().execute(async (trx) => {
    const past = await findLinksPastEndDate(trx, today)
    for (const link of past) {
      await updateLink(trx, link.id, { ended_at: now, end_reason: 'end_date' })
      await withdrawConsent(trx, link.consent_id, now)
      await recordAccess(trx, systemActor, { ip: '', userAgent: 'grant-end-dates', requestId: '' }, {
        action: 'update', outcome: 'success', clientId: link.client_id, dataKind: 'client_link', recordId: link.id,
      }, now)
    }
    const soon = await findLinksToForewarn(trx, today, addDays(today, END_NOTICE_DAYS))
    const branding = await getBranding(trx)
    for (const link of soon) {
      const last = dutchLongDate(link.ends_on ?? today)
      for (const to of [
        { email: link.grantee_email, name: link.grantee_name, text: `Uw toegang tot een dossier in het cliëntportaal van ${branding.name} stopt na ${last}.` },
        { email: link.granter_email, name: link.granter_name, text: `De toegang die u gaf aan ${link.grantee_name} stopt na ${last}. Wilt u dat de toegang doorgaat? Geef dan opnieuw toegang via "Iemand toegang geven".` },
      ]) {
        const email = renderEmail(branding, { greeting: `Beste ${to.name},`, paragraphs: [to.text] })
        await enqueueEmail(trx, { to: to.email, subject: 'Toegang tot het cliëntportaal stopt binnenkort', ...email }, now)
      }
      await updateLink(trx, link.id, { end_notice_sent_at: now })
    }
    return { ended: past.length, forewarned: soon.length }
  })
}

import type { InvitationInfo } from '../../../shared/schemas/access-grants.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import { recordAccess, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import { conflict, forbidden, notFound, rateLimited } from '../../platform/errors.ts'
import type { RequestContext } from '../../platform/http/request-context.ts'
import { notifyAccessChanged } from '../notifications/notification.service.ts'
import { insertAccount, loginNameTaken } from '../../identity/accounts/account.repository.ts'
import { validateNewAccount } from '../../identity/accounts/account.service.ts'
import { sendPasswordLink } from '../../identity/authentication/password.service.ts'
import { consumeRateLimit } from '../../identity/authentication/rate-limit.ts'
import { hashSecretToken } from '../../identity/authentication/secret-token.ts'
import type { AccessInvitationTable } from './access-invitation.table.ts'
import {
  findAccountForInvitation, findConsentOfInvitation, findGrantsEnabled, findGrantsNeedApproval, findOpenInvitation, granterLinkActive, hasActiveLink,
  insertLink, updateInvitation,
} from './access-grants.repository.ts'
import { invitationPermissions, type PermissionColumn, permissionColumns } from './access-grants.service.ts'

// The invited person's side of "Iemand toegang geven": reading the invitation, accepting it into
// an account or making one, and the link that follows (at once, or after an administrator's
// approval). The granter's side is in access-grants.service.ts.

async function requireOpenInvitation(db: Db, token: string, now: Date) {
  const invitation = await findOpenInvitation(db, hashSecretToken(token), now)
  // A used, withdrawn, expired or unknown link: one answer. The granter must still have access.
  if (!invitation || !(await granterLinkActive(db, invitation.granted_by_link_id)) || !(await findGrantsEnabled(db))) throw notFound('invitation')
  return invitation
}

/** What the invited person sees before accepting (public: the token is the proof). */
export async function describeInvitation(db: Db, token: string, now: Date): Promise<InvitationInfo> {
  const invitation = await requireOpenInvitation(db, token, now)
  return {
    inviteeName: invitation.invitee_name,
    grantedByName: invitation.granted_by_name,
    permissions: invitationPermissions(invitation),
    endsOn: invitation.ends_on,
    expiresAt: invitation.expires_at.toISOString(),
  }
}

type OpenInvitation = Awaited<ReturnType<typeof requireOpenInvitation>>

/**
 * Makes the ordinary link of an invitation for `accountId`, active from `now` (the acceptance,
 * or an administrator's approval): reports from before it stay hidden. The others with access
 * hear of it through their Meldingen choices ("a change in who has access").
 */
export async function linkFromInvitation(
  db: Db, invitation: Pick<AccessInvitationTable, 'client_id' | 'relation' | 'granted_by_account_id' | 'ends_on' | PermissionColumn> & { id: string },
  accountId: string, portalUrl: string, now: Date,
): Promise<string> {
  if (await hasActiveLink(db, accountId, invitation.client_id)) throw conflict('already linked to this client')
  const consent = await findConsentOfInvitation(db, invitation.id)
  const link = await insertLink(db, {
    account_id: accountId,
    client_id: invitation.client_id,
    consent_id: consent.id,
    relation: invitation.relation,
    ...permissionColumns(invitationPermissions(invitation)),
    activated_at: now,
    created_by: invitation.granted_by_account_id,
    created_at: now,
    invitation_id: invitation.id,
    ends_on: invitation.ends_on,
  })
  await notifyAccessChanged(db, { clientId: invitation.client_id, changedAccountId: accountId, portalUrl, changedAccountToldOtherwise: true }, now)
  return link.id
}

/**
 * The invited person accepts into `account`; the token is used up. With the organisation's
 * approval rule the invitation then waits for an administrator and gives no access yet;
 * otherwise the link exists from now.
 */
async function acceptInto(
  db: Db, invitation: OpenInvitation, account: { id: string; display_name: string }, source: RequestSource, portalUrl: string, now: Date,
): Promise<{ awaitingApproval: boolean }> {
  if (await hasActiveLink(db, account.id, invitation.client_id)) throw conflict('already linked to this client')
  await updateInvitation(db, invitation.id, { accepted_at: now, accepted_by_account_id: account.id })
  const actor = { type: 'account', id: account.id, role: invitation.relation, name: account.display_name } as const
  if (await findGrantsNeedApproval(db)) {
    await recordAccess(db, actor, source, { action: 'update', outcome: 'success', clientId: invitation.client_id, dataKind: 'access_grant', recordId: invitation.id }, now)
    return { awaitingApproval: true }
  }
  const linkId = await linkFromInvitation(db, invitation, account.id, portalUrl, now)
  await recordAccess(db, actor, source, {
    action: 'create', outcome: 'success', clientId: invitation.client_id, dataKind: 'client_link', recordId: linkId, onBehalfLinkId: linkId,
  }, now)
  return { awaitingApproval: false }
}

/**
 * The logged-in person accepts into their own account. The link is bound to the invited
 * address: an account with another e-mail address is refused (403), so a forwarded e-mail
 * cannot be used by someone else.
 */
export async function acceptInvitation(context: RequestContext, token: string): Promise<{ clientId: string; awaitingApproval: boolean }> {
  const { db, session, source, now } = context
  if (session.kind !== 'portal') throw forbidden('staff accounts cannot accept')
  return db.transaction().execute(async (trx) => {
    const invitation = await requireOpenInvitation(trx, token, now)
    const account = await findAccountForInvitation(trx, session.accountId)
    if (account.email.trim().toLowerCase() !== invitation.invitee_email.toLowerCase()) throw forbidden('invitation for another e-mail address')
    const { awaitingApproval } = await acceptInto(trx, invitation, account, source, context.portalUrl, now)
    return { clientId: invitation.client_id, awaitingApproval }
  })
}

/** Registrations one address may start per hour from invitation links. */
const REGISTRATIONS_PER_HOUR = 10

/**
 * The invited person has no account: one is made with the name, e-mail address and mobile
 * number the granter gave, and the usual welcome e-mail (a 72-hour link to make a password)
 * goes to the invited address; the link to the client exists from now.
 */
export async function registerFromInvitation(db: Db, config: Pick<Config, 'publicBaseUrl'>, token: string, loginName: string, source: RequestSource, now: Date): Promise<{ loginName: string; awaitingApproval: boolean }> {
  if (!(await consumeRateLimit(db, `invitation-register:${source.ip}`, REGISTRATIONS_PER_HOUR, 3600, now))) throw rateLimited('registrations')
  return db.transaction().execute(async (trx) => {
    const invitation = await requireOpenInvitation(trx, token, now)
    const valid = validateNewAccount({ kind: 'portal', loginName, name: invitation.invitee_name, email: invitation.invitee_email, phone: invitation.invitee_mobile, temporaryPassword: false })
    if (await loginNameTaken(trx, valid.loginName)) throw conflict('login name taken')
    const account = await insertAccount(trx, {
      kind: 'portal', login_name: valid.loginName, display_name: valid.displayName, email: valid.email, mobile_phone: valid.mobilePhone,
      password_hash: null, password_is_temporary: false, password_changed_at: null, created_at: now, updated_at: now,
    })
    const { awaitingApproval } = await acceptInto(trx, invitation, account, source, new URL('/', config.publicBaseUrl).href, now)
    await sendPasswordLink(trx, config, account, 'welcome', now)
    return { loginName: account.login_name, awaitingApproval }
  })
}

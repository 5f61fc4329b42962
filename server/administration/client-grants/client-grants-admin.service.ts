import type { AdminGrant, AdminGrantList } from '../../../shared/schemas/access-grants.ts'
import type { EndLinkRequest } from '../../../shared/schemas/admin-accounts.ts'
import type { Db } from '../../platform/db/database.ts'
import { amsterdamDate } from '../../platform/amsterdam-time.ts'
import { type AccessEvent, recordAccess, recordAccesses, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import { conflict, notFound } from '../../platform/errors.ts'
import { renderEmail } from '../../platform/outbox/email-layout.ts'
import { enqueueEmail } from '../../platform/outbox/outbox.service.ts'
import { getBranding } from '../../organisation/settings/organisation.service.ts'
import { formalClientName } from '../../record/client-access/client-name.ts'
import { notifyAccessChanged } from '../../record/notifications/notification.service.ts'
import {
  type AdminGrantRow, findAccountForInvitation, findConsentOfInvitation, findGrantForAdmin, findGrantsEnabled, findGrantsForAdmin, findInvitation,
  granterLinkActive, updateInvitation, updateLink, withdrawConsent,
} from '../../record/access-grants/access-grants.repository.ts'
import { grantRowToGrant, grantStatus, notifyEnded } from '../../record/access-grants/access-grants.service.ts'
import { linkFromInvitation } from '../../record/access-grants/access-invitations.service.ts'
import { administratorActor, type StaffActor } from '../../identity/staff-access/staff-access.policy.ts'

/** Beheer's list shows this many grants at most (waiting ones first, then the newest). */
export const ADMIN_GRANT_LIST_LIMIT = 200

function adminGrantRowToGrant(row: AdminGrantRow, now: Date): AdminGrant {
  return {
    ...grantRowToGrant(row, now),
    clientId: row.client_id,
    clientName: formalClientName(row),
    clientNumber: row.client_number,
    acceptedAt: row.accepted_at?.toISOString() ?? null,
  }
}

/**
 * Beheer: the grants clients and legal representatives gave, organisation-wide. Who was given
 * access to which client is client data: every row shown is logged against its client.
 */
export async function listClientGrants(db: Db, admin: StaffActor, show: 'open' | 'all', source: RequestSource, now: Date): Promise<AdminGrantList> {
  const rows = await findGrantsForAdmin(db, show, ADMIN_GRANT_LIST_LIMIT + 1, now)
  const shown = rows.slice(0, ADMIN_GRANT_LIST_LIMIT)
  const events: AccessEvent[] = shown.map((row) => ({ action: 'read', outcome: 'success', clientId: row.client_id, dataKind: 'access_grant', recordId: row.id }))
  await recordAccesses(db, administratorActor(admin), source, events, now)
  return { items: shown.map((row) => adminGrantRowToGrant(row, now)), truncated: rows.length > ADMIN_GRANT_LIST_LIMIT }
}

async function requireGrant(db: Db, grantId: string): Promise<AdminGrantRow> {
  const row = await findGrantForAdmin(db, grantId)
  if (!row) throw notFound('grant')
  return row
}

async function tellGrantee(db: Db, accountId: string, subject: string, text: string, now: Date): Promise<void> {
  const grantee = await findAccountForInvitation(db, accountId)
  const branding = await getBranding(db)
  const email = renderEmail(branding, { greeting: `Beste ${grantee.display_name},`, paragraphs: [text, 'Heeft u vragen? Neem dan contact op met de zorgorganisatie.'] })
  await enqueueEmail(db, { to: grantee.email, subject, ...email }, now)
}

/**
 * Approves an accepted invitation that waits for it: its link is made now, so the approval is
 * the activation moment (reports from before it stay hidden). Refused when the grant no longer
 * can run: the granter's own link ended, the feature is off, or its last day has passed.
 */
export async function approveGrant(db: Db, admin: StaffActor, grantId: string, source: RequestSource, now: Date, portalUrl: string): Promise<AdminGrant> {
  return db.transaction().execute(async (trx) => {
    const row = await requireGrant(trx, grantId)
    if (grantStatus(row, now) !== 'awaiting_approval' || !row.accepted_by_account_id) throw conflict('grant not waiting for approval')
    const invitation = await findInvitation(trx, row.id)
    if (!(await granterLinkActive(trx, invitation.granted_by_link_id)) || !(await findGrantsEnabled(trx))) throw conflict('the granter can no longer give this access')
    if (invitation.ends_on !== null && invitation.ends_on < amsterdamDate(now)) throw conflict('the end date has passed')
    await updateInvitation(trx, row.id, { approved_at: now, decided_by_account_id: admin.accountId })
    const linkId = await linkFromInvitation(trx, invitation, row.accepted_by_account_id, portalUrl, now)
    const actor = administratorActor(admin)
    await recordAccesses(trx, actor, source, [
      { action: 'update', outcome: 'success', clientId: row.client_id, dataKind: 'access_grant', recordId: row.id },
      { action: 'create', outcome: 'success', clientId: row.client_id, dataKind: 'client_link', recordId: linkId },
    ], now)
    const branding = await getBranding(trx)
    await tellGrantee(trx, row.accepted_by_account_id, 'Uw toegang tot het cliëntportaal is goedgekeurd', `De zorgorganisatie heeft uw toegang goedgekeurd. U kunt nu inloggen in het cliëntportaal van ${branding.name}.`, now)
    return adminGrantRowToGrant(await requireGrant(trx, grantId), now)
  })
}

/** Refuses an accepted invitation that waits for approval: no link is made and the consent is closed. */
export async function refuseGrant(db: Db, admin: StaffActor, grantId: string, source: RequestSource, now: Date): Promise<AdminGrant> {
  return db.transaction().execute(async (trx) => {
    const row = await requireGrant(trx, grantId)
    if (grantStatus(row, now) !== 'awaiting_approval' || !row.accepted_by_account_id) throw conflict('grant not waiting for approval')
    await updateInvitation(trx, row.id, { refused_at: now, decided_by_account_id: admin.accountId })
    await withdrawConsent(trx, (await findConsentOfInvitation(trx, row.id)).id, now)
    await recordAccess(trx, administratorActor(admin), source, { action: 'update', outcome: 'success', clientId: row.client_id, dataKind: 'access_grant', recordId: row.id }, now)
    await tellGrantee(trx, row.accepted_by_account_id, 'Uw toegang tot het cliëntportaal is niet goedgekeurd', 'De zorgorganisatie heeft de toegang waarvoor u werd uitgenodigd niet goedgekeurd. U kunt dit dossier niet bekijken.', now)
    return adminGrantRowToGrant(await requireGrant(trx, grantId), now)
  })
}

/**
 * "Toegang beëindigen" by an administrator: ends the running link (from the grantee's next
 * request) or withdraws an invitation not yet active. With consent withdrawn the consent is
 * marked too, as for a link an administrator made.
 */
export async function endGrantAsAdministrator(db: Db, admin: StaffActor, grantId: string, input: EndLinkRequest, source: RequestSource, now: Date, portalUrl: string): Promise<AdminGrant> {
  return db.transaction().execute(async (trx) => {
    const row = await requireGrant(trx, grantId)
    const status = grantStatus(row, now)
    if (status !== 'active' && status !== 'invited' && status !== 'awaiting_approval') throw conflict('grant not running')
    const actor = administratorActor(admin)
    const granteeId = row.link_account_id ?? row.accepted_by_account_id
    if (row.link_id) {
      await updateLink(trx, row.link_id, { ended_at: now, end_reason: input.reason })
      await recordAccess(trx, actor, source, { action: 'update', outcome: 'success', clientId: row.client_id, dataKind: 'client_link', recordId: row.link_id }, now)
      if (row.link_account_id) await notifyAccessChanged(trx, { clientId: row.client_id, changedAccountId: row.link_account_id, portalUrl, changedAccountToldOtherwise: true }, now)
    } else {
      await updateInvitation(trx, row.id, { cancelled_at: now })
    }
    if (input.reason === 'consent_withdrawn' || !row.link_id) await withdrawConsent(trx, (await findConsentOfInvitation(trx, row.id)).id, now)
    await recordAccess(trx, actor, source, { action: 'update', outcome: 'success', clientId: row.client_id, dataKind: 'access_grant', recordId: row.id }, now)
    if (granteeId) {
      const grantee = await findAccountForInvitation(trx, granteeId)
      await notifyEnded(trx, { email: grantee.email, name: grantee.display_name }, now)
    }
    return adminGrantRowToGrant(await requireGrant(trx, grantId), now)
  })
}

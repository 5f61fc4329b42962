import { randomBytes } from 'node:crypto'
import type { Db } from '../platform/db/database.ts'
import { createLink } from './client-record-factories.ts'
import { createAccount } from './factories.ts'

/**
 * An invitation a client gave in the portal ("Iemand toegang geven") with its consent row, as
 * the service writes them: for Rapportages and Berichten, from a new granter linked to herself
 * unless one is given. With `acceptedBy` it was accepted and waits for an administrator's
 * approval (no link yet). The token is random and unknown: tests that need the e-mail's link
 * go through the API instead.
 */
export async function createWaitingGrant(
  db: Db, clientId: string, options: { acceptedBy?: { id: string; email: string; mobile: string; name: string }; now?: Date; granter?: { accountId: string; linkId: string; name: string } } = {},
) {
  const now = options.now ?? new Date()
  const granter = options.granter ?? (await (async () => {
    const account = await createAccount(db, { display_name: 'Anna de Vries' })
    const link = await createLink(db, account.id, clientId, { relation: 'self' })
    return { accountId: account.id, linkId: link.id, name: account.display_name }
  })())
  const invitee = options.acceptedBy ?? { id: null, email: `uitgenodigd.${randomBytes(4).toString('hex')}@example.org`, mobile: '+31687654321', name: 'Peter de Vries' }
  const invitation = await db.insertInto('access_invitation').values({
    client_id: clientId, granted_by_account_id: granter.accountId, granted_by_link_id: granter.linkId, granted_by_name: granter.name, given_by: 'client',
    way_in: 'digid', assurance: 'substantial', invitee_name: invitee.name, invitee_email: invitee.email, invitee_mobile: invitee.mobile, relation: 'first_contact',
    may_read_reports: true, may_read_care_plan: false, may_use_appointments: false, may_use_messages: true, may_read_profile: false, may_read_subscriptions: false,
    ends_on: null, token_hash: randomBytes(32), expires_at: new Date(now.getTime() + 72 * 3600_000), created_at: now,
    accepted_at: invitee.id ? now : null, accepted_by_account_id: invitee.id,
  }).returning('id').executeTakeFirstOrThrow()
  await db.insertInto('consent').values({
    client_id: clientId, given_by: 'client', given_by_name: granter.name, given_on: now.toISOString().slice(0, 10),
    scope: `Toegang voor ${invitee.name}: Rapportages, Berichten. Digitaal gegeven in het cliëntportaal.`,
    form_pdf: null, recorded_by: granter.accountId, recorded_at: now, invitation_id: invitation.id,
  }).execute()
  return { id: invitation.id, granter }
}

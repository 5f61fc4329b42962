import { notifyAccessChanged } from '../../record/notifications/notification.service.ts'
import { CONSENT_FORM_MAX_BYTES, type ClientChoice, type EndLinkRequest, type LinkSummary, type NewLinkRequest, type Permissions } from '../../../shared/schemas/admin-accounts.ts'
import type { Db } from '../../platform/db/database.ts'
import { amsterdamDate } from '../../platform/amsterdam-time.ts'
import { AppError, conflict, notFound, validationFailed } from '../../platform/errors.ts'
import { recordAccess, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import { pdfProblem } from '../../platform/pdf/pdf-content.ts'
import { formalClientName } from '../../record/client-access/client-name.ts'
import { administratorActor, type StaffActor } from '../../identity/staff-access/staff-access.policy.ts'
import { type AdminLinkRow, findClientCapacity, findConsentForm, findLinkableAccount, findLinkForAdmin, findLinksOfAccount, hasActiveLink, insertConsent, insertLink, searchClients, updateLink, withdrawConsent } from './client-links.repository.ts'

export function linkRowToSummary(row: AdminLinkRow): LinkSummary {
  return {
    id: row.id,
    accountId: row.account_id,
    clientId: row.client_id,
    clientName: formalClientName(row),
    clientNumber: row.client_number,
    relation: row.relation,
    permissions: {
      reports: row.may_read_reports,
      carePlan: row.may_read_care_plan,
      appointments: row.may_use_appointments,
      messages: row.may_use_messages,
      profile: row.may_read_profile,
      subscriptions: row.may_read_subscriptions,
    },
    activatedAt: row.activated_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
    endReason: row.end_reason,
    consent: {
      id: row.consent_id,
      givenBy: row.given_by,
      givenByName: row.given_by_name,
      givenOn: row.given_on,
      scope: row.scope,
      hasForm: Boolean(row.has_form),
      withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    },
  }
}

function permissionColumns(p: Permissions) {
  return {
    may_read_reports: p.reports,
    may_read_care_plan: p.carePlan,
    may_use_appointments: p.appointments,
    may_use_messages: p.messages,
    may_read_profile: p.profile,
    may_read_subscriptions: p.subscriptions,
  }
}

/** The account's links, each read logged against its client (links and consents are client data). */
export async function listLinksOfAccount(db: Db, admin: StaffActor, accountId: string, source: RequestSource, now: Date): Promise<LinkSummary[]> {
  const rows = await findLinksOfAccount(db, accountId)
  for (const row of rows) {
    await recordAccess(db, administratorActor(admin), source, { action: 'read', outcome: 'success', clientId: row.client_id, dataKind: 'client_link', recordId: row.id }, now)
  }
  return rows.map(linkRowToSummary)
}

/** The scanned form, checked by its content: a PDF within the size limit, or nothing is stored. */
async function consentFormBytes(base64: string): Promise<Buffer> {
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.length > CONSENT_FORM_MAX_BYTES) throw new AppError('payload_too_large', 'consent form')
  const problem = await pdfProblem(bytes)
  if (problem) throw new AppError('not_a_pdf', `consent form: ${problem}`)
  return bytes
}

/**
 * Links a portal account to a client on the basis of a recorded consent. A legal representative
 * consents only for a client found not able to decide (wilsonbekwaam); such a client cannot
 * consent themselves. The link is active from now: earlier reports stay hidden through it.
 */
export async function createLink(db: Db, admin: StaffActor, accountId: string, input: NewLinkRequest, source: RequestSource, now: Date, portalUrl: string): Promise<LinkSummary> {
  // A consent form is signed on paper before it is entered: a date after today is a typing error.
  if (input.consent.givenOn > amsterdamDate(now)) throw validationFailed('consent dated in the future')
  const form = await consentFormBytes(input.consent.formPdfBase64)
  return db.transaction().execute(async (trx) => {
    const account = await findLinkableAccount(trx, accountId)
    if (!account || account.kind !== 'portal' || account.ended_at) throw notFound('portal account')
    const client = await findClientCapacity(trx, input.clientId)
    if (!client) throw notFound('client')
    // The ECD said the client died or left (docs/decisions/fhir-death-and-departure.md).
    if (client.closed_at) throw new AppError('client_closed', 'link to a closed client')
    const wilsonbekwaam = client.legal_capacity === 'wilsonbekwaam'
    if ((input.consent.givenBy === 'legal_representative') !== wilsonbekwaam) throw new AppError('consent_giver_invalid', `${input.consent.givenBy} for ${client.legal_capacity}`)
    if (await hasActiveLink(trx, accountId, client.id)) throw conflict('account already linked to this client')
    const consent = await insertConsent(trx, {
      client_id: client.id,
      given_by: input.consent.givenBy,
      given_by_name: input.consent.givenByName.trim(),
      given_on: input.consent.givenOn,
      scope: input.consent.scope.trim(),
      form_pdf: form,
      recorded_by: admin.accountId,
      recorded_at: now,
    })
    const link = await insertLink(trx, {
      account_id: accountId,
      client_id: client.id,
      consent_id: consent.id,
      relation: input.relation,
      ...permissionColumns(input.permissions),
      activated_at: now,
      created_by: admin.accountId,
      created_at: now,
    })
    const actor = administratorActor(admin)
    await recordAccess(trx, actor, source, { action: 'create', outcome: 'success', clientId: client.id, dataKind: 'consent', recordId: consent.id }, now)
    await recordAccess(trx, actor, source, { action: 'create', outcome: 'success', clientId: client.id, dataKind: 'client_link', recordId: link.id }, now)
    await notifyAccessChanged(trx, { clientId: client.id, changedAccountId: accountId, portalUrl }, now)
    return linkRowToSummary(await requireLink(trx, link.id))
  })
}

async function requireLink(db: Db, linkId: string): Promise<AdminLinkRow> {
  const row = await findLinkForAdmin(db, linkId)
  if (!row) throw notFound('link')
  return row
}

/** Ends a link; with consent withdrawn the consent is marked too. Access stops from the next request. */
export async function endLink(db: Db, admin: StaffActor, linkId: string, input: EndLinkRequest, source: RequestSource, now: Date, portalUrl: string): Promise<LinkSummary> {
  return db.transaction().execute(async (trx) => {
    const row = await requireLink(trx, linkId)
    if (row.ended_at) throw conflict('link already ended')
    await updateLink(trx, linkId, { ended_at: now, end_reason: input.reason })
    if (input.reason === 'consent_withdrawn') await withdrawConsent(trx, row.consent_id, now)
    await recordAccess(trx, administratorActor(admin), source, { action: 'update', outcome: 'success', clientId: row.client_id, dataKind: 'client_link', recordId: linkId }, now)
    await notifyAccessChanged(trx, { clientId: row.client_id, changedAccountId: row.account_id, portalUrl }, now)
    return linkRowToSummary(await requireLink(trx, linkId))
  })
}

export async function changePermissions(db: Db, admin: StaffActor, linkId: string, permissions: Permissions, source: RequestSource, now: Date): Promise<LinkSummary> {
  return db.transaction().execute(async (trx) => {
    const row = await requireLink(trx, linkId)
    if (row.ended_at) throw conflict('link ended')
    await updateLink(trx, linkId, permissionColumns(permissions))
    await recordAccess(trx, administratorActor(admin), source, { action: 'update', outcome: 'success', clientId: row.client_id, dataKind: 'client_link', recordId: linkId }, now)
    return linkRowToSummary(await requireLink(trx, linkId))
  })
}

/** The scanned consent form, for an administrator; the read is logged against the client. */
export async function getConsentForm(db: Db, admin: StaffActor, consentId: string, source: RequestSource, now: Date): Promise<Buffer> {
  const row = await findConsentForm(db, consentId)
  if (!row?.form_pdf) throw notFound('consent form')
  await recordAccess(db, administratorActor(admin), source, { action: 'read', outcome: 'success', clientId: row.client_id, dataKind: 'consent_form', recordId: consentId }, now)
  return row.form_pdf
}

/** Clients to choose from when linking: identity only, each one shown logged. */
export async function findClientsToLink(db: Db, admin: StaffActor, search: string, source: RequestSource, now: Date): Promise<ClientChoice[]> {
  const rows = await searchClients(db, search.trim(), 20)
  for (const row of rows) {
    await recordAccess(db, administratorActor(admin), source, { action: 'read', outcome: 'success', clientId: row.id, dataKind: 'client_identity', recordId: row.id }, now)
  }
  return rows.map((row) => ({ id: row.id, name: formalClientName(row), clientNumber: row.client_number, dateOfBirth: row.date_of_birth, legalCapacity: row.legal_capacity }))
}

import { amsterdamDate, amsterdamTime, dutchLongDate } from '../../platform/amsterdam-time.ts'
import { notFound } from '../../platform/errors.ts'
import type { RequestContext } from '../../platform/http/request-context.ts'
import { type PdfDocument, renderPdf } from '../../platform/pdf/render-pdf.ts'
import { getBranding } from '../../organisation/settings/organisation.service.ts'
import { throughLink } from '../client-access/client-access.policy.ts'
import { formalClientName } from '../client-access/client-name.ts'
import { throughRecord } from '../client-access/record-door.ts'
import { findGranterLink, findReceipt } from './access-grants.repository.ts'
import { granterOf, grantPermissions, grantStatus, invitationPermissions, sectionList } from './access-grants.service.ts'

const GIVEN_BY = { client: 'de cliënt zelf', legal_representative: 'de wettelijk vertegenwoordiger' } as const
const RELATION = { first_contact: 'eerste contactpersoon', second_contact: 'tweede contactpersoon', informal_carer: 'mantelzorger' } as const
const WAY_IN: Record<string, string> = {
  sms: 'wachtwoord en sms-code', totp: 'wachtwoord en code uit een app', recovery_code: 'wachtwoord en herstelcode', passkey: 'passkey',
  digid: 'DigiD', oidc: 'inloggen via de organisatie',
}
const ASSURANCE = { low: 'laag', substantial: 'substantieel', high: 'hoog' } as const
const STATUS = {
  invited: 'uitgenodigd, nog niet geaccepteerd', awaiting_approval: 'geaccepteerd, wacht op goedkeuring door de zorgorganisatie', active: 'heeft toegang',
  expired: 'uitnodiging verlopen', refused: 'niet goedgekeurd door de zorgorganisatie', ended: 'beëindigd',
} as const

/** "25 november 2026, 13:00" in Dutch time. */
function moment(instant: Date): string {
  return `${dutchLongDate(amsterdamDate(instant))}, ${amsterdamTime(instant)}`
}

/**
 * The receipt of a consent given in the portal ("Bewijs van toestemming"), as a PDF: who gave it,
 * when, to whom, for which sections, until when, through which way in and at which assurance
 * level. For the people who may manage the client's grants, and for the grantee of this grant;
 * anyone else gets the record door's 404. The download is logged as an export of the consent.
 */
export async function consentReceiptPdf(context: RequestContext, key: { clientId: string; grantId: string }): Promise<Buffer> {
  const { now } = context
  const content = await throughRecord(context, throughLink(null), key.clientId, { action: 'export', dataKind: 'consent', recordId: key.grantId }, async (trx, access) => {
    const own = await findGranterLink(trx, access.linkId)
    const isGrantee = own?.invitation_id === key.grantId
    if (!isGrantee && !(await granterOf(trx, access))) throw notFound('grant')
    const row = await findReceipt(trx, access.clientId, key.grantId)
    if (!row) throw notFound('grant')
    return { row, organisation: (await getBranding(trx)).name }
  })
  const { row, organisation } = content
  const given = invitationPermissions(row)
  const current = grantPermissions(row)
  const status = grantStatus(row, now)
  const lines: [string, string][] = [
    ['Cliënt', `${formalClientName(row)} (cliëntnummer ${row.client_number})`],
    ['Gegeven door', `${row.granted_by_name}, ${GIVEN_BY[row.given_by]}`],
    ['Gegeven op', moment(row.created_at)],
    ['Ingelogd met', `${WAY_IN[row.way_in] ?? row.way_in}, betrouwbaarheidsniveau ${ASSURANCE[row.assurance]}`],
    ['Toegang voor', `${row.invitee_name} (${row.invitee_email}), ${RELATION[row.relation]}`],
    ['Onderdelen', sectionList(given)],
    ['Tot en met', row.ends_on ? dutchLongDate(row.ends_on) : 'geen einddatum: tot de toegang wordt beëindigd'],
  ]
  if (row.link_id && sectionList(current) !== sectionList(given)) lines.push(['Onderdelen nu', sectionList(current)])
  if (row.accepted_at) lines.push(['Geaccepteerd op', moment(row.accepted_at)])
  if (row.approved_at) lines.push(['Goedgekeurd op', moment(row.approved_at)])
  if (row.refused_at) lines.push(['Niet goedgekeurd op', moment(row.refused_at)])
  if (row.activated_at) lines.push(['Toegang vanaf', moment(row.activated_at)])
  if (row.ended_at) lines.push(['Toegang beëindigd op', moment(row.ended_at)])
  if (row.withdrawn_at) lines.push(['Toestemming ingetrokken op', moment(row.withdrawn_at)])
  lines.push(['Stand', STATUS[status]], ['Kenmerk', row.consent_id])
  return renderPdf({ title: 'Bewijs van toestemming', author: organisation }, (doc) => {
    doc.fontSize(20).text('Bewijs van toestemming')
    doc.moveDown(0.5).fontSize(11).text(`Toestemming voor toegang tot het cliëntportaal van ${organisation}, digitaal gegeven in het portaal.`)
    doc.text(`Gemaakt op ${moment(now)}.`).moveDown(1)
    for (const [label, value] of lines) row2(doc, label, value)
    doc.moveDown(1).fontSize(10).text('Rapportages van vóór het begin van de toegang zijn via deze toegang niet te zien.')
  })
}

function row2(doc: PdfDocument, label: string, value: string): void {
  doc.font('Helvetica-Bold').text(label, { continued: false })
  doc.font('Helvetica').text(value).moveDown(0.4)
}

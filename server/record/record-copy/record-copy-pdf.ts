import type { RecordCopy } from '../../../shared/schemas/record-copy.ts'
import { amsterdamDate, amsterdamTime } from '../../platform/amsterdam-time.ts'
import { type PdfDocument, renderPdf, yieldToEventLoop } from '../../platform/pdf/render-pdf.ts'

const RELATION: Record<string, string> = {
  self: 'cliënt zelf', legal_representative: 'wettelijk vertegenwoordiger', first_contact: 'eerste contactpersoon',
  second_contact: 'tweede contactpersoon', informal_carer: 'mantelzorger',
}
const ACTION: Record<string, string> = { read: 'bekeken', create: 'toegevoegd', update: 'gewijzigd', delete: 'verwijderd', export: 'gedownload', login: 'ingelogd', logout: 'uitgelogd' }
const OUTCOME: Record<string, string> = { success: '', denied: ' (geweigerd)', failure: ' (mislukt)' }
const DATA_KIND: Record<string, string> = {
  report: 'rapportages', message: 'berichten', message_read_marker: 'berichten (gelezen)', appointment: 'afspraken',
  care_plan_print: 'cliëntplanafdruk', care_plan_signature_sheet: 'handtekeningblad', profile: 'profiel', bsn: 'BSN',
  subscription: 'abonnementen', care_team: 'zorgteam', access_log: 'inzagelog', home: 'startpagina',
  record_copy_json: 'kopie van het dossier', record_copy_pdf: 'kopie van het dossier',
}
/** Reports or log lines between two pauses for other requests. */
const YIELD_EVERY = 100

const dateFormatter = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })
/** "11 oktober 2018" from 'YYYY-MM-DD'. */
const longDate = (isoDate: string) => dateFormatter.format(new Date(`${isoDate}T12:00:00Z`))
/** "25 juni 2020, 14:01" (Amsterdam time) from an ISO instant. */
const dateTime = (iso: string) => `${longDate(amsterdamDate(new Date(iso)))}, ${amsterdamTime(new Date(iso))}`

/** The electronic copy as a readable PDF: the same content as the JSON, in Dutch. */
export function renderRecordCopyPdf(copy: RecordCopy): Promise<Buffer> {
  return renderPdf({ title: `Kopie van het dossier van ${copy.client.name}`, author: copy.organisation }, async (doc) => {
    doc.fontSize(20).text(`Kopie van het dossier van ${copy.client.name}`)
    doc.moveDown(0.5).fontSize(10)
      .text(`${copy.organisation} — gemaakt op ${dateTime(copy.generatedAt)}.`)
      .text(`Via uw toegang als ${RELATION[copy.link.relation] ?? copy.link.relation}, actief sinds ${dateTime(copy.link.activatedAt)}. Wat van vóór dat moment is, staat hier niet in.`)
      .text('Het BSN en het rekeningnummer staan hier afgeschermd. U kunt uw BSN bekijken in het portaal bij Profiel.')
    const p = copy.profile
    if (p) {
      heading(doc, 'Profiel')
      rows(doc, [
        ['Naam', p.name], ['Cliëntnummer', p.clientNumber], ['Geboortedatum', `${longDate(p.dateOfBirth)} (${p.age} jaar)`],
        ['Burgerlijke staat', p.maritalStatus], ['Geboorteplaats', p.placeOfBirth], ['Nationaliteit', p.nationality],
        ['BSN', p.bsnMasked ?? ''], ['Laatste woonadres', p.address], ['Extra info na straat', p.addressExtra],
        ['(Mobiele) telefoon', p.phone], ['E-mailadres', p.email], ['Wilsbekwaamheid', p.legalCapacity],
        ['Opnamestatus', [p.admissionStatus, p.admissionLegalBasis].filter(Boolean).join(' — ')], ['Huisarts', p.generalPractitioner],
        ['Identiteit vastgesteld', p.identityEstablished ? 'ja' : 'nee'], ['Rekeningnummer', p.bankAccountMasked ?? ''],
      ])
    }
    if (copy.reports) {
      heading(doc, `Rapportages (${copy.reports.length})`)
      for (const [n, r] of copy.reports.entries()) {
        if (n % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop()
        doc.font('Helvetica-Bold').text([dateTime(r.reportedAt), r.team, r.authorName ?? r.authorRole, r.carePlanGoal].filter(Boolean).join(' | '))
        doc.font('Helvetica').text(r.text).moveDown(0.4)
      }
    }
    if (copy.messages) {
      heading(doc, `Berichten (${copy.messages.length})`)
      for (const m of copy.messages) {
        doc.font('Helvetica-Bold').text(`${dateTime(m.createdAt)} | ${m.author.name}`)
        doc.font('Helvetica').text(m.body).moveDown(0.4)
      }
    }
    if (copy.appointments) {
      heading(doc, `Afspraken (${copy.appointments.length})`)
      for (const a of copy.appointments) {
        doc.text(`${longDate(a.date)} ${a.startTime}–${a.endTime}: ${a.title}${a.location ? `, ${a.location}` : ''}${a.withWhom ? `, met ${a.withWhom}` : ''}${a.cancelled ? ' (geannuleerd)' : ''}`)
      }
    }
    if (copy.carePlanPrints) {
      heading(doc, `Cliëntplanafdrukken (${copy.carePlanPrints.length})`)
      for (const print of copy.carePlanPrints) {
        doc.text(`Cliëntplanafdruk van ${longDate(print.planDate)}${print.signedOn ? `, ondertekend op ${longDate(print.signedOn)}` : ', nog niet ondertekend'}`)
      }
      doc.moveDown(0.3).text('De afdrukken zelf kunt u als PDF downloaden in het portaal.')
    }
    if (copy.subscriptions) {
      heading(doc, `Abonnementen (${copy.subscriptions.length})`)
      for (const s of copy.subscriptions) doc.text(`${s.service} — ${s.supplier} | ${longDate(s.startsOn)} – ${s.endsOn ? longDate(s.endsOn) : '...'}`)
    }
    await yieldToEventLoop()
    heading(doc, 'Wie heeft het dossier ingezien?')
    doc.text('Gelijke regels van één dag staan samen op één regel, met het aantal keer.').moveDown(0.3)
    for (const [n, line] of mergeByDay(copy.accessLog).entries()) {
      if (n % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop()
      const who = [line.actorName, RELATION[line.actorRole] ?? line.actorRole].filter(Boolean).join(', ')
      const when = line.count > 1 ? `${longDate(line.day)}, ${line.count} keer tussen ${line.firstTime} en ${line.lastTime}` : `${longDate(line.day)}, ${line.lastTime}`
      doc.text(`${when} | ${who} | ${DATA_KIND[line.dataKind] ?? line.dataKind} ${ACTION[line.action] ?? line.action}${OUTCOME[line.outcome] ?? ''}`)
    }
  })
}

type LogLine = RecordCopy['accessLog'][number]

/**
 * NEN 7513's client view may merge similar lines of one day: same person, same data, same
 * action and outcome become one line with a count, keeping the newest-first order.
 */
function mergeByDay(lines: readonly LogLine[]) {
  const merged = new Map<string, LogLine & { day: string; firstTime: string; lastTime: string; count: number }>()
  for (const line of lines) {
    const at = new Date(line.occurredAt)
    const day = amsterdamDate(at)
    const key = [day, line.actorType, line.actorName, line.actorRole, line.dataKind, line.action, line.outcome].join('|')
    const existing = merged.get(key)
    // Lines come newest first, so the last one seen is the day's first time.
    if (existing) Object.assign(existing, { count: existing.count + 1, firstTime: amsterdamTime(at) })
    else merged.set(key, { ...line, day, firstTime: amsterdamTime(at), lastTime: amsterdamTime(at), count: 1 })
  }
  return [...merged.values()]
}

function heading(doc: PdfDocument, text: string): void {
  doc.moveDown(1).font('Helvetica-Bold').fontSize(14).text(text).moveDown(0.3).font('Helvetica').fontSize(10)
}

function rows(doc: PdfDocument, pairs: [string, string][]): void {
  for (const [label, value] of pairs) doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value || '—')
}

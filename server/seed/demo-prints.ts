import type { Insertable } from 'kysely'
import type { CarePlanPrintTable } from '../record/care-plan-prints/care-plan-print.table.ts'
import { renderPdf } from '../platform/pdf/render-pdf.ts'
import { addDays, dutchLongDate } from '../platform/amsterdam-time.ts'
import type { ClientCareTeam } from './demo-care-team.ts'
import { type DemoPeople, formalName, type PlannedClient } from './demo-people.ts'
import { CARE_PLAN_GOALS } from './demo-texts.ts'

/**
 * Care-plan prints of the demo: real PDFs made with pdfkit, two per client (the plan after
 * admission and the latest evaluation), each with its signature sheet. About 5 ms a PDF, so
 * only the first clients get their own; a larger demo shares one PDF without name or date.
 */

const PERSONAL_PDF_CLIENTS = 30
const GOALS = Object.values(CARE_PLAN_GOALS)
const ACTIONS: Record<string, string> = {
  [CARE_PLAN_GOALS.condition]: 'Dagelijks een korte wandeling over de afdeling, met begeleiding.',
  [CARE_PLAN_GOALS.selfCare]: 'Cliënt wast zelf het bovenlichaam; de zorg helpt bij de rug en de benen.',
  [CARE_PLAN_GOALS.nutrition]: 'Drie maaltijden en tussendoor iets te drinken; gewicht eens per maand.',
  [CARE_PLAN_GOALS.falls]: 'Goede schoenen, nachtlampje aan, rollator binnen handbereik.',
  [CARE_PLAN_GOALS.wellbeing]: 'Vaste gezichten in de zorg waar het kan; rustig uitleggen wat er gebeurt.',
  [CARE_PLAN_GOALS.medication]: 'Medicatie wordt uitgezet en aangereikt door de zorg; aftekenen op de lijst.',
  [CARE_PLAN_GOALS.family]: 'Familie is welkom; de EVV-er belt de eerste contactpersoon bij veranderingen.',
  [CARE_PLAN_GOALS.sleep]: 'Vaste bedtijd, geen koffie na de middag, controle om 02:00 uur.',
  [CARE_PLAN_GOALS.skin]: 'Huid dagelijks bekijken bij de verzorging; wisselhouding in bed.',
  [CARE_PLAN_GOALS.daytime]: 'Meedoen met de activiteiten in de huiskamer, naar eigen keuze.',
}

/** What a print says; `client` is null for the shared PDF of a large demo. */
interface PrintText {
  organisation: string
  client: PlannedClient | null
  planDate: string | null
  signedOn: string | null
  evvName: string
  goals: string[]
}

export async function planCarePlanPrints(people: DemoPeople, careTeams: Map<string, ClientCareTeam>, today: string, organisation: string): Promise<Insertable<CarePlanPrintTable>[]> {
  const rows: Insertable<CarePlanPrintTable>[] = []
  let shared: { print: Buffer; sheet: Buffer } | undefined
  for (const [index, client] of people.clients.entries()) {
    const evv = careTeams.get(client.id)?.evv
    const firstPlan = addDays(client.admittedOn, 42)
    // The latest evaluation: between two and five months ago.
    const latest = addDays(today, -(60 + ((index * 17) % 90)))
    for (const planDate of latest > firstPlan ? [firstPlan, latest] : [firstPlan]) {
      const signedOn = addDays(planDate, 3 + (index % 5))
      const text: PrintText = {
        organisation, client, planDate, signedOn: signedOn <= today ? signedOn : null, evvName: evv?.name ?? 'de EVV-er',
        goals: [0, 1, 2, 3].map((n) => GOALS[(index + n * 3) % GOALS.length] ?? CARE_PLAN_GOALS.wellbeing),
      }
      let pdfs: { print: Buffer; sheet: Buffer }
      if (index < PERSONAL_PDF_CLIENTS) {
        pdfs = { print: await renderCarePlan(text), sheet: await renderSignatureSheet(text) }
      } else {
        const generic: PrintText = { ...text, client: null, planDate: null, signedOn: null, evvName: 'de EVV-er', goals: GOALS.slice(0, 4) }
        shared ??= { print: await renderCarePlan(generic), sheet: await renderSignatureSheet(generic) }
        pdfs = shared
      }
      rows.push({
        client_id: client.id, ecd_id: null, plan_date: planDate, signed_on: text.signedOn,
        print_pdf: pdfs.print, print_size: pdfs.print.length, signature_sheet_pdf: pdfs.sheet, signature_sheet_size: pdfs.sheet.length,
        uploaded_by_staff_id: evv?.id ?? null,
      })
    }
  }
  return rows
}

function who(client: PlannedClient | null): string {
  return client ? `${client.female ? 'mevrouw' : 'meneer'} ${formalName(client)}` : 'de cliënt'
}

function renderCarePlan(p: PrintText): Promise<Buffer> {
  return renderPdf({ title: `Cliëntplan ${p.client ? formalName(p.client) : ''}`.trim(), author: p.organisation }, (doc) => {
    doc.fontSize(20).text('Cliëntplan').moveDown(0.3).fontSize(11).text(p.organisation)
    if (p.client) {
      doc.text(`Cliënt: ${who(p.client)}, geboren ${dutchLongDate(String(p.client.columns.date_of_birth))}`).text(`Cliëntnummer: ${p.client.columns.client_number}`)
    }
    if (p.planDate) doc.text(`Datum van het plan: ${dutchLongDate(p.planDate)}`)
    doc.text(`EVV-er: ${p.evvName}`)
    for (const [n, goal] of p.goals.entries()) {
      doc.moveDown(1).font('Helvetica-Bold').fontSize(13).text(`Doel ${n + 1}: ${goal}`)
      doc.font('Helvetica').fontSize(11).text(`Afspraak: ${ACTIONS[goal] ?? 'Zie de afspraken met de EVV-er.'}`)
        .text('Evaluatie: bij de volgende zorgplanbespreking, of eerder als het nodig is.')
    }
    doc.moveDown(1.5).fontSize(9).text('Dit is een afdruk uit het elektronisch cliëntdossier. De ondertekening staat op het handtekeningblad.')
  })
}

function renderSignatureSheet(p: PrintText): Promise<Buffer> {
  return renderPdf({ title: `Handtekeningblad ${p.client ? formalName(p.client) : ''}`.trim(), author: p.organisation }, (doc) => {
    doc.fontSize(20).text('Handtekeningblad').moveDown(0.3)
    doc.fontSize(11).text(`Bij het cliëntplan${p.planDate ? ` van ${dutchLongDate(p.planDate)}` : ''} voor ${who(p.client)}.`)
    doc.moveDown(1).text('Ik heb het cliëntplan besproken en ga akkoord met de afspraken.')
    if (p.client) doc.moveDown(1).text(p.signedOn ? `Ondertekend op ${dutchLongDate(p.signedOn)}.` : 'Nog niet ondertekend.')
    for (const signer of ['Cliënt of vertegenwoordiger', `EVV-er (${p.evvName})`]) {
      doc.moveDown(2).text(`${signer}:`).moveDown(1.5).text('Handtekening: ________________________________')
    }
  })
}

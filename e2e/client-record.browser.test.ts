import { readFile } from 'node:fs/promises'
import type { Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppointment, createCarePlanPrint, createMessage, tinyPdf } from '../server/test/care-record-factories.ts'
import { createCareAssignment, createClient, createLink, createReport, createStaffMember, createSubscription, createTeam } from '../server/test/client-record-factories.ts'
import { createOrganisation } from '../server/test/factories.ts'
import { acceptCurrentTerms, createPerson, publishTerms, type TestPerson } from './support/accounts.ts'
import { launchBrowser, VIEWPORTS } from './support/browser.ts'
import { axeScans, expectAccessibleAtBothWidths } from './support/journeys.ts'
import { logInWithSms } from './support/log-in.ts'
import { type PortalServer, startPortal } from './support/portal-server.ts'

/**
 * A daughter who represents both her parents walks through their records the way she
 * would: choosing a parent, every page of the menu, a message, an appointment added and
 * cancelled, downloads, the access log, and switching to the other parent. axe checks
 * every page at 360 px and 1280 px.
 */

const PASSWORD = 'mijn moeder woont in de Jordaan'
const BSN = '123456782'

let portal: PortalServer
let browser: Awaited<ReturnType<typeof launchBrowser>>
let page: Page
let person: TestPerson
let mother: { id: string }
let father: { id: string }

/** A calendar day in Dutch time, "2026-11-27", `offset` days from now. */
function dutchDay(offset: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(portal.now().getTime() + offset * 86_400_000),
  )
}

/** The moment of `time` on `day`, Dutch wall-clock time (winter or summer time). */
function dutchMoment(day: string, time: string): Date {
  for (const offset of ['+01:00', '+02:00']) {
    const moment = new Date(`${day}T${time}:00${offset}`)
    const shown = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(moment)
    if (shown === time) return moment
  }
  throw new Error(`no Dutch moment for ${day} ${time}`)
}

async function seed(): Promise<void> {
  const db = portal.db
  await createOrganisation(db, { name: 'Zorggroep De Linde' })
  await publishTerms(db, portal.now())
  person = await createPerson(db, { displayName: 'Ans uit de Jordaan', password: PASSWORD, now: portal.now() })
  await acceptCurrentTerms(db, person, portal.now())

  const activated = new Date(portal.now().getTime() - 60 * 86_400_000)
  mother = await createClient(db, {
    gender: 'female', initials: 'S.', given_name: 'Sjaan', name_prefix: 'uit de', family_name: 'Jordaan',
    date_of_birth: '1940-03-15', marital_status: 'gehuwd', place_of_birth: 'Amsterdam', nationality: 'Nederlandse',
    street: 'Boerenburgerweg', house_number: '44', postal_code: '2201 PR', city: 'Noordwijk',
    legal_capacity: 'wilsbekwaam', admission_status: 'Niet vrijwillig', admission_legal_basis: 'Rechterlijke machtiging',
    general_practitioner: 'Huisartsenpraktijk Noordwijk', cipher: portal.cipher, bsn: BSN, bankAccount: 'NL91ABNA0417164300',
  })
  father = await createClient(db, { gender: 'male', initials: 'P.', given_name: 'Piet', name_prefix: '', family_name: 'Jordaan', date_of_birth: '1938-07-01' })
  await createLink(db, person.id, mother.id, { relation: 'legal_representative', activated_at: activated })
  // The father's link opens neither subscriptions nor the care plan: their cards and menu items must be absent.
  await createLink(db, person.id, father.id, { relation: 'first_contact', activated_at: activated, may_read_subscriptions: false, may_read_care_plan: false })

  const team = await createTeam(db, { name: 'Team Klankbordgroep', location: 'De Linde' })
  const evv = await createStaffMember(db, { name: 'Fatima el Amrani', discipline: 'Verzorgende IG' })
  await createCareAssignment(db, mother.id, { role: 'team', team_id: team.id, valid_from: '2020-01-01' })
  await createCareAssignment(db, mother.id, { role: 'evv', staff_member_id: evv.id, discipline: 'Verzorgende IG', valid_from: '2020-01-01' })

  // 25 reports, so "Meer laden" is needed; the newest has line breaks and text that looks like HTML.
  for (let i = 1; i <= 24; i++) {
    await createReport(db, mother.id, { team_id: team.id, body: `Rapportage nummer ${i}.`, reported_at: new Date(portal.now().getTime() - (30 - i) * 86_400_000) })
  }
  await createReport(db, mother.id, {
    team_id: team.id, care_plan_goal: 'Cliënt behoudt of verbetert zijn conditie',
    body: 'Mevrouw heeft gewandeld.\nZe had geen pijn.\n<b>niet vet</b>', reported_at: new Date(portal.now().getTime() - 3600_000),
  })
  await createReport(db, mother.id, { body: 'Van vóór de koppeling: nooit tonen.', reported_at: new Date(activated.getTime() - 86_400_000) })
  await createReport(db, mother.id, { body: 'Niet zichtbaar in het portaal.', visible_in_portal: false, reported_at: new Date(portal.now().getTime() - 7200_000) })

  await createCarePlanPrint(db, mother.id, { plan_date: '2026-10-11', signed_on: '2026-10-18', print_pdf: tinyPdf('zorgplan') })
  await createMessage(db, mother.id, { author_staff_id: evv.id, body: 'Goedemorgen. Uw moeder heeft goed geslapen.', created_at: new Date(portal.now().getTime() - 2 * 3600_000) })
  const today = dutchDay(0)
  await createAppointment(db, mother.id, { title: 'Fysiotherapie', location: 'Oefenzaal', with_whom: 'Fysiotherapeut', starts_at: dutchMoment(today, '10:00'), ends_at: dutchMoment(today, '10:45') })
  await createSubscription(db, mother.id, { service: 'Kapper', supplier: 'Topaz', starts_on: '2019-01-01' })
}

beforeAll(async () => {
  portal = await startPortal()
  await seed()
  browser = await launchBrowser()
  page = await browser.context.newPage()
  await page.setViewportSize(VIEWPORTS.desktop)
  await logInWithSms(page, portal, person, PASSWORD)
})
afterAll(async () => {
  await browser?.close()
  await portal?.close()
  console.error(`axe (client record): ${axeScans.length} scans without violations\n  ${axeScans.join('\n  ')}`)
})

/** Opens a page from the portal menu, as a person does, and waits for its heading. */
async function openFromMenu(name: string, heading = name): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click()
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor()
}

async function downloadedBytes(download: Download): Promise<Buffer> {
  const path = await download.path()
  if (!path) throw new Error('the download was not saved')
  return readFile(path)
}

describe('the client record of a representative of two clients', () => {
  it('asks whose record to open, and shows the Dutch names', async () => {
    await page.getByRole('heading', { name: 'Welkom, Ans uit de Jordaan', level: 1 }).waitFor()
    const choice = page.getByRole('list', { name: 'Cliënten' })
    await choice.getByRole('link', { name: 'mw. S. uit de Jordaan' }).waitFor()
    await choice.getByRole('link', { name: 'dhr. P. Jordaan' }).waitFor()
    await expectAccessibleAtBothWidths(page, 'client choice')
    await choice.getByRole('link', { name: 'mw. S. uit de Jordaan' }).click()
    await page.getByRole('heading', { name: 'mw. S. uit de Jordaan', level: 1 }).waitFor()
    expect(page.url()).toBe(`${portal.url}/client/${mother.id}/home`)
  })

  it('shows Home with a card per section and their newest items', async () => {
    for (const card of ['Rapportages', 'Berichten', 'Cliëntplanafdrukken', 'Afspraken vandaag en morgen', 'Cliëntprofiel', 'Abonnementen']) {
      await page.getByRole('region', { name: card }).waitFor()
    }
    await page.getByRole('region', { name: 'Rapportages' }).getByText('Cliënt behoudt of verbetert zijn conditie').waitFor()
    const appointments = page.getByRole('region', { name: 'Afspraken vandaag en morgen' })
    await appointments.getByText('Fysiotherapie').waitFor()
    await appointments.getByText('Geen afspraken').waitFor()
    await appointments.getByRole('link', { name: 'Nieuwe afspraak' }).waitFor()
    const prints = page.getByRole('region', { name: 'Cliëntplanafdrukken' })
    await prints.getByText('Deze cliëntplanafdruk is op zondag 18 oktober 2026 ondertekend.').waitFor()
    await prints.getByRole('link', { name: 'Handtekeningblad' }).waitFor()
    await page.getByRole('region', { name: 'Abonnementen' }).getByText('1 januari 2019 – ...', { exact: false }).waitFor()
    await expect.poll(() => page.getByRole('region', { name: 'Cliëntprofiel' }).getByRole('link', { name: 'Volledig profiel' }).getAttribute('href')).toBe(`/client/${mother.id}/profiel`)
    await expectAccessibleAtBothWidths(page, 'Home')

    // "Stuur" on the card sends a message without leaving Home.
    const messages = page.getByRole('region', { name: 'Berichten' })
    await messages.getByRole('textbox', { name: 'Uw bericht' }).fill('Hallo vanaf Home.')
    await messages.getByRole('button', { name: 'Stuur' }).click()
    await messages.getByText('Uw bericht is verstuurd.').waitFor()
    await messages.getByText('Hallo vanaf Home.').waitFor()
  })

  it('lists the reports newest first, keeps line breaks, renders no HTML, pages and searches', async () => {
    await openFromMenu('Rapportages')
    const list = page.getByRole('list', { name: 'Rapportages' })
    await list.getByRole('listitem').first().waitFor()
    expect(await list.getByRole('listitem').count()).toBe(20)
    const newest = list.getByRole('listitem').first()
    expect(await newest.innerText()).toContain('Mevrouw heeft gewandeld.\nZe had geen pijn.\n<b>niet vet</b>')
    expect(await newest.locator('b').count()).toBe(0)
    await newest.getByText('Team Klankbordgroep').waitFor()
    await expectAccessibleAtBothWidths(page, 'Rapportages')

    await page.getByRole('button', { name: 'Meer laden' }).click()
    await list.getByText('Rapportage nummer 1.', { exact: true }).waitFor()
    expect(await list.getByRole('listitem').count()).toBe(25)
    expect(await page.getByText('nooit tonen').count()).toBe(0)
    expect(await page.getByText('Niet zichtbaar in het portaal.').count()).toBe(0)

    await page.getByRole('searchbox', { name: 'Zoeken in de tekst' }).fill('pijn')
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click()
    await page.getByText('Dit zijn de rapportages die u zocht.').waitFor()
    expect(await list.getByRole('listitem').count()).toBe(1)

    await page.getByRole('searchbox', { name: 'Zoeken in de tekst' }).fill('')
    await page.getByLabel('Vanaf datum').fill('2000-01-01')
    await page.getByLabel('Tot en met datum').fill('2000-01-31')
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click()
    await page.getByText('Er zijn geen rapportages gevonden.', { exact: false }).waitFor()
  })

  it('downloads a care-plan print as a PDF', async () => {
    await openFromMenu('Cliëntplanafdrukken')
    await page.getByRole('heading', { name: 'Cliëntplanafdruk van zondag 11 oktober 2026' }).waitFor()
    await expectAccessibleAtBothWidths(page, 'Cliëntplanafdrukken')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Cliëntplanafdruk van zondag 11 oktober 2026/ }).click()])
    expect(download.suggestedFilename()).toMatch(/\.pdf$/)
    expect((await downloadedBytes(download)).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  it('shows the unread message, refuses an empty one and sends a message', async () => {
    await openFromMenu('Berichten')
    const conversation = page.getByRole('list', { name: 'Gesprek' })
    const staffMessage = conversation.getByRole('listitem').filter({ hasText: 'Uw moeder heeft goed geslapen.' })
    await staffMessage.getByText('Nieuw', { exact: true }).waitFor()
    await staffMessage.getByText('Fatima el Amrani (EVV-er)').waitFor()
    await expectAccessibleAtBothWidths(page, 'Berichten')

    await page.getByRole('button', { name: 'Bericht versturen' }).click()
    await page.getByText('Uw bericht is leeg. Schrijf eerst iets.').waitFor()
    expect(await page.getByRole('textbox', { name: 'Uw bericht' }).getAttribute('aria-invalid')).toBe('true')
    await expectAccessibleAtBothWidths(page, 'Berichten with an error')

    await page.getByRole('textbox', { name: 'Uw bericht' }).fill('Dank u wel.\nIk kom zaterdag langs.')
    await page.getByRole('button', { name: 'Bericht versturen' }).click()
    await page.getByText('Uw bericht is verstuurd.').waitFor()
    await conversation.getByRole('listitem').filter({ hasText: 'Ik kom zaterdag langs.' }).getByText('U', { exact: true }).waitFor()
    const stored = await portal.db.selectFrom('message').select('body').where('client_id', '=', mother.id).where('author_account_id', '=', person.id).execute()
    expect(stored.map((m) => m.body).sort()).toEqual(['Dank u wel.\nIk kom zaterdag langs.', 'Hallo vanaf Home.'])
    // Seen is read: the server's unread count is back to zero.
    await expect.poll(async () => (await portal.db.selectFrom('message_read_marker').select('read_until').where('account_id', '=', person.id).execute()).length).toBe(1)
  })

  it('adds an appointment for tomorrow and cancels it', async () => {
    await openFromMenu('Afspraken')
    await page.getByRole('region', { name: 'Vandaag' }).getByText('Fysiotherapie').waitFor()
    await expectAccessibleAtBothWidths(page, 'Afspraken')

    await page.getByRole('link', { name: 'Nieuwe afspraak' }).click()
    await page.getByRole('heading', { name: 'Nieuwe afspraak', level: 1 }).waitFor()
    await page.getByLabel('Datum').fill(dutchDay(1))
    await page.getByLabel('Begintijd').fill('15:00')
    await page.getByLabel('Eindtijd').fill('14:00')
    await page.getByRole('button', { name: 'Afspraak toevoegen' }).click()
    await page.getByText('De eindtijd moet later zijn dan de begintijd.').waitFor()
    await page.getByText('Vul in wat de afspraak is', { exact: false }).waitFor()
    await expectAccessibleAtBothWidths(page, 'Nieuwe afspraak with errors')

    await page.getByLabel('Begintijd').fill('14:00')
    await page.getByLabel('Eindtijd').fill('15:30')
    await page.getByRole('textbox', { name: 'Wat' }).fill('Bezoek van Ans')
    await page.getByRole('textbox', { name: 'Waar' }).fill('Kamer 12')
    await page.getByRole('textbox', { name: 'Met wie' }).fill('Ans en de kleinkinderen')
    await page.getByRole('button', { name: 'Afspraak toevoegen' }).click()
    await page.getByText('Uw afspraak is toegevoegd.').waitFor()
    const tomorrow = page.getByRole('region', { name: 'Morgen' })
    const mine = tomorrow.getByRole('listitem').filter({ hasText: 'Bezoek van Ans' })
    await mine.getByText('U heeft deze afspraak gemaakt.').waitFor()
    const row = await portal.db.selectFrom('appointment').select(['created_by_account_id', 'cancelled_at']).where('title', '=', 'Bezoek van Ans').executeTakeFirstOrThrow()
    expect(row.created_by_account_id).toBe(person.id)

    // Changing one's own appointment: the form comes in its place, filled in.
    await mine.getByRole('button', { name: 'Wijzigen: Bezoek van Ans' }).click()
    await page.getByRole('heading', { name: 'Afspraak wijzigen: Bezoek van Ans' }).waitFor()
    expect(await page.getByRole('textbox', { name: 'Waar' }).inputValue()).toBe('Kamer 12')
    await page.getByRole('textbox', { name: 'Waar' }).fill('Tuinkamer')
    await page.getByRole('button', { name: 'Wijziging opslaan' }).click()
    await mine.getByText('Waar: Tuinkamer').waitFor()

    await mine.getByRole('button', { name: 'Afzeggen: Bezoek van Ans' }).click()
    await expectAccessibleAtBothWidths(page, 'Afspraak afzeggen, the question')
    await mine.getByRole('button', { name: 'Ja, afspraak afzeggen' }).click()
    await mine.getByText('Afgezegd', { exact: true }).waitFor()
    const cancelled = await portal.db.selectFrom('appointment').select('cancelled_at').where('title', '=', 'Bezoek van Ans').executeTakeFirstOrThrow()
    expect(cancelled.cancelled_at).not.toBeNull()
  })

  it('shows the profile with the BSN masked until asked, and who has access today', async () => {
    await openFromMenu('Profiel')
    await page.getByText('Rechterlijke machtiging').waitFor()
    expect(await page.locator('main').innerText()).not.toContain(BSN)
    await page.getByText('*****6782').waitFor()
    await page.getByRole('heading', { name: 'Wie heeft er vandaag toegang tot mijn dossier?' }).waitFor()
    await page.getByText('Team Klankbordgroep (De Linde)').waitFor()
    await page.getByText('Fatima el Amrani, EVV-er', { exact: false }).waitFor()
    await expectAccessibleAtBothWidths(page, 'Profiel')
    await page.getByRole('button', { name: 'Toon BSN' }).click()
    await page.getByText(BSN, { exact: true }).waitFor()
  })

  it('shows the subscriptions with their period', async () => {
    await openFromMenu('Abonnementen')
    await page.getByRole('heading', { name: 'Kapper' }).waitFor()
    await page.getByText('1 januari 2019 – ...').waitFor()
    await expectAccessibleAtBothWidths(page, 'Abonnementen')
  })

  it('shows who looked at the record, by period', async () => {
    await openFromMenu('Wie heeft mijn dossier ingezien?')
    const today = page.locator('section').filter({ has: page.getByRole('heading', { level: 2 }) }).first()
    await today.getByRole('cell', { name: 'BSN' }).waitFor()
    await today.getByRole('cell', { name: 'Ans uit de Jordaan, Wettelijk vertegenwoordiger' }).first().waitFor()
    // Reading the reports page three times (first page, more, search) is one merged line.
    await today.getByRole('row').filter({ hasText: 'keer)' }).first().waitFor()
    await expectAccessibleAtBothWidths(page, 'Wie heeft mijn dossier ingezien?')
    await page.getByLabel('Vanaf datum').fill('2000-01-01')
    await page.getByLabel('Tot en met datum').fill('2000-01-31')
    await page.getByRole('button', { name: 'Toon deze periode' }).click()
    await page.getByText('In deze periode heeft niemand het dossier bekeken.').waitFor()
  })

  it('downloads the electronic copy as PDF and as JSON', async () => {
    await openFromMenu('Mijn gegevens downloaden')
    await expectAccessibleAtBothWidths(page, 'Mijn gegevens downloaden')
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download als PDF' }).click()])
    expect((await downloadedBytes(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download als JSON' }).click()])
    const copy = JSON.parse((await downloadedBytes(json)).toString('utf8')) as { client: { name: string }; reports: { text: string }[] }
    expect(copy.client.name).toBe('mw. S. uit de Jordaan')
    expect(copy.reports.some((report) => report.text.includes('nooit tonen'))).toBe(false)
  })

  it('switches to the other client from the header, where the link opens fewer sections', async () => {
    await page.getByRole('button', { name: 'Dossier van mw. S. uit de Jordaan' }).click()
    await page.getByRole('link', { name: 'dhr. P. Jordaan' }).click()
    await page.getByRole('heading', { name: 'Mijn gegevens downloaden', level: 1 }).waitFor()
    expect(page.url()).toBe(`${portal.url}/client/${father.id}/gegevens-downloaden`)
    await openFromMenu('Home', 'dhr. P. Jordaan')
    await page.getByRole('region', { name: 'Rapportages' }).waitFor()
    expect(await page.getByRole('region', { name: 'Abonnementen' }).count()).toBe(0)
    expect(await page.getByRole('region', { name: 'Cliëntplanafdrukken' }).count()).toBe(0)
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' })
    expect(await menu.getByRole('link', { name: 'Abonnementen' }).count()).toBe(0)
    expect(await menu.getByRole('link', { name: 'Cliëntplanafdrukken' }).count()).toBe(0)
    await expectAccessibleAtBothWidths(page, 'Home of the second client')

    // A section this link does not open, or a client that is not linked: not found.
    await page.goto(`${portal.url}/client/${father.id}/abonnementen`)
    await page.getByRole('heading', { name: 'Pagina niet gevonden', level: 1 }).waitFor()
    const stranger = await createClient(portal.db, { family_name: 'Onbekend' })
    await page.goto(`${portal.url}/client/${stranger.id}/home`)
    await page.getByRole('heading', { name: 'Pagina niet gevonden', level: 1 }).waitFor()

    // Outside a record (Mijn profiel) the header names no client, and the menu leads back to the last one.
    await page.getByRole('button', { name: 'Ans uit de Jordaan' }).click()
    await page.getByRole('link', { name: 'Mijn profiel' }).click()
    await page.getByRole('heading', { name: 'Mijn profiel', level: 1 }).waitFor()
    expect(await page.getByRole('button', { name: /Dossier van/ }).count()).toBe(0)
    expect(await menu.getByRole('link', { name: 'Rapportages' }).getAttribute('href')).toBe(`/client/${father.id}/rapportages`)
  })

  it('takes a person with one client straight to that client, in English too', async () => {
    const son = await createPerson(portal.db, { displayName: 'Kees Jordaan', password: PASSWORD, now: portal.now() })
    await acceptCurrentTerms(portal.db, son, portal.now())
    await createLink(portal.db, son.id, father.id, { relation: 'informal_carer', activated_at: new Date(portal.now().getTime() - 86_400_000) })
    await logInWithSms(page, portal, son, PASSWORD)
    await page.getByRole('heading', { name: 'dhr. P. Jordaan', level: 1 }).waitFor()
    expect(page.url()).toBe(`${portal.url}/client/${father.id}/home`)
    // One client: the name in the header, without a switch.
    await page.getByRole('banner').getByText('dhr. P. Jordaan').waitFor()
    expect(await page.getByRole('button', { name: /Dossier van/ }).count()).toBe(0)
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('link', { name: 'All reports' }).waitFor()
    await page.getByRole('heading', { name: 'Appointments today and tomorrow' }).waitFor()
    await expectAccessibleAtBothWidths(page, 'Home in English, one client')
    await page.getByRole('button', { name: 'Nederlands' }).click()
  })
})

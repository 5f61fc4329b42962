import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppointment, createMessage, tinyPdf } from '../server/test/care-record-factories.ts'
import { createCareAssignment, createClient, createLink, createSubscription } from '../server/test/client-record-factories.ts'
import { createOrganisation } from '../server/test/factories.ts'
import { createStaffAccount, staffTotpCode } from '../server/test/staff-factories.ts'
import { createClientOfTeam, createTeamWithCaregivers } from '../server/test/workspace-factories.ts'
import { acceptCurrentTerms, createPerson, publishTerms, type TestPerson } from './support/accounts.ts'
import { launchBrowser, VIEWPORTS } from './support/browser.ts'
import { axeScans, expectAccessibleAtBothWidths } from './support/journeys.ts'
import { logInWithSms, logOut } from './support/log-in.ts'
import { type PortalServer, startPortal } from './support/portal-server.ts'

/**
 * A caregiver's shift in the workspace: logging in with the authenticator app, finding a
 * client of her team (and not one of another team), writing a report for the portal and one
 * that stays hidden, correcting her own, answering a daughter's message, adding an
 * appointment and cancelling the daughter's, uploading a signed care-plan print (a web page
 * named .pdf is refused), assigning a team for a day, and reading subscriptions and profile.
 * axe checks every screen at 360 and 1280 px.
 */

const BSN = '123456782'
const DAUGHTER_PASSWORD = 'mijn moeder woont in de Jordaan'

let portal: PortalServer
let browser: Awaited<ReturnType<typeof launchBrowser>>
let page: Page
let caregiver: Awaited<ReturnType<typeof createStaffAccount>>
let mother: { id: string }
let stranger: { id: string }
let daughter: TestPerson

/** A calendar day in Dutch time, "2026-11-27", `offset` days from the server's now. */
function dutchDay(offset: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(portal.now().getTime() + offset * 86_400_000),
  )
}

/** "14:05" in Dutch time, `minutesBack` before the server's now. */
function dutchTime(minutesBack: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(portal.now().getTime() - minutesBack * 60_000),
  )
}

async function seed(): Promise<void> {
  const db = portal.db
  const now = portal.now()
  await createOrganisation(db, { name: 'Zorggroep De Linde' })
  await publishTerms(db, now)
  const { team } = await createTeamWithCaregivers(db, portal.cipher, 0, 'Team Klankbordgroep')
  caregiver = await createStaffAccount(db, portal.cipher, { caregiver: true, name: 'Fatima el Amrani', now })
  await db.insertInto('team_membership').values({ team_id: team.id, staff_member_id: caregiver.staffMemberId }).execute()
  await acceptCurrentTerms(db, { id: caregiver.id, loginName: caregiver.login_name, displayName: 'Fatima el Amrani', email: caregiver.email, phone: '' }, now)

  mother = await createClientOfTeam(db, team.id, {
    gender: 'female', initials: 'S.', given_name: 'Sjaan', name_prefix: 'uit de', family_name: 'Jordaan', date_of_birth: '1940-03-15',
    cipher: portal.cipher, bsn: BSN,
  }, { validFrom: '2020-01-01' })
  await createCareAssignment(db, mother.id, { role: 'evv', staff_member_id: caregiver.staffMemberId, discipline: 'Verzorgende IG', valid_from: '2020-01-01' })
  await createSubscription(db, mother.id, { service: 'Kapper', supplier: 'Salon Noordwijk', starts_on: '2019-01-01' })

  // A client of another team, whom she must not find.
  const other = await createTeamWithCaregivers(db, portal.cipher, 1, 'Team Zuid')
  stranger = await createClientOfTeam(db, other.team.id, { gender: 'male', initials: 'K.', given_name: 'Kees', name_prefix: '', family_name: 'Bakker', date_of_birth: '1935-05-05' })
  await createClient(db, { gender: 'male', initials: 'P.', given_name: 'Piet', name_prefix: '', family_name: 'Zonderteam', date_of_birth: '1930-01-01' })

  daughter = await createPerson(db, { displayName: 'Ans uit de Jordaan', password: DAUGHTER_PASSWORD, now })
  await acceptCurrentTerms(db, daughter, now)
  await createLink(db, daughter.id, mother.id, { relation: 'legal_representative', activated_at: new Date(now.getTime() - 30 * 86_400_000) })
  await createMessage(db, mother.id, { author_account_id: daughter.id, body: 'Hoe gaat het met mijn moeder? Ze klonk moe aan de telefoon.', created_at: new Date(now.getTime() - 3600_000) })
  const tomorrow = dutchDay(1)
  await createAppointment(db, mother.id, {
    created_by_account_id: daughter.id, title: 'Bezoek van Ans', location: 'Kamer 12', with_whom: 'Ans',
    starts_at: new Date(`${tomorrow}T14:00:00+01:00`), ends_at: new Date(`${tomorrow}T15:00:00+01:00`),
  })
}

beforeAll(async () => {
  portal = await startPortal()
  await seed()
  browser = await launchBrowser()
  page = await browser.context.newPage()
  await page.setViewportSize(VIEWPORTS.desktop)
})
afterAll(async () => {
  await browser?.close()
  await portal?.close()
  console.error(`axe (workspace): ${axeScans.length} scans without violations\n  ${axeScans.join('\n  ')}`)
})

/** Opens a section of the open client's record from its tabs, and waits for its heading. */
async function openSection(name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Dossier van mw. S. uit de Jordaan' }).getByRole('link', { name, exact: true }).click()
  await page.getByRole('heading', { name, level: 1 }).waitFor()
}

describe('a caregiver in the workspace', () => {
  it('logs in with the code from her authenticator app and lands on her clients, not in the portal', async () => {
    await page.goto(`${portal.url}/inloggen`)
    await page.getByRole('textbox', { name: 'Gebruikersnaam' }).fill(caregiver.login_name)
    await page.getByLabel('Wachtwoord', { exact: true }).fill(caregiver.password)
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
    await page.getByRole('heading', { name: 'Inlogcode' }).waitFor()
    if (!caregiver.totpSecret) throw new Error('the caregiver has no authenticator app')
    await page.getByRole('textbox', { name: 'Code uit uw app' }).fill(staffTotpCode(caregiver.totpSecret, portal.now()))
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click()

    await page.getByRole('heading', { name: 'Cliënten', level: 1 }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/werkplek/clienten')
    const menu = page.getByRole('navigation', { name: 'Menu van de werkplek' })
    await menu.getByRole('link', { name: 'Cliënten' }).waitFor()
    // The daughter's message is unread: the menu says so.
    await menu.getByRole('link', { name: 'Berichten 1 ongelezen' }).waitFor()
    expect(await menu.getByRole('link', { name: 'Beheer' }).count()).toBe(0)
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0)
    const list = page.getByRole('list', { name: 'Uw cliënten' })
    await list.getByRole('link', { name: 'mw. S. uit de Jordaan' }).waitFor()
    expect(await list.getByRole('listitem').count()).toBe(1)
    await expectAccessibleAtBothWidths(page, 'Cliënten')

    // A portal page is not for staff: back to the workspace.
    await page.goto(`${portal.url}/home`)
    await page.getByRole('heading', { name: 'Cliënten', level: 1 }).waitFor()
  })

  it('finds a client of her team by name, number or date of birth, and not one of another team', async () => {
    const search = page.getByRole('search', { name: 'Cliënten zoeken' })
    await search.getByRole('searchbox', { name: 'Naam of cliëntnummer' }).fill('Bakker')
    await search.getByRole('button', { name: 'Zoeken' }).click()
    await page.getByText('Er is geen cliënt gevonden.').waitFor()
    await expectAccessibleAtBothWidths(page, 'Cliënten, niets gevonden')

    await search.getByRole('searchbox', { name: 'Naam of cliëntnummer' }).fill('')
    await search.getByLabel('Geboortedatum').fill('1940-03-15')
    await search.getByRole('button', { name: 'Zoeken' }).click()
    await page.getByText('Dit zijn de cliënten die u zocht.').waitFor()
    await page.getByRole('list', { name: 'Uw cliënten' }).getByRole('link', { name: 'mw. S. uit de Jordaan' }).waitFor()

    // Typing the address of the other team's client shows "not found", as the server answers.
    await page.goto(`${portal.url}/werkplek/clienten/${stranger.id}/rapportages`)
    await page.getByRole('heading', { name: 'Pagina niet gevonden', level: 1 }).waitFor()
    const refused = await portal.db.selectFrom('access_log').select('outcome').where('record_id', '=', stranger.id).execute()
    expect(refused.map((row) => row.outcome)).toContain('denied')

    await page.getByRole('navigation', { name: 'Menu van de werkplek' }).getByRole('link', { name: 'Cliënten' }).click()
    await page.getByRole('link', { name: 'mw. S. uit de Jordaan' }).click()
    await page.getByRole('heading', { name: 'Rapportages', level: 1 }).waitFor()
    await page.getByText('Cliëntnummer').first().waitFor()
  })

  it('writes a report for the portal and a hidden one, sees both marked, and corrects her own with the earlier text kept', async () => {
    await page.getByRole('button', { name: 'Nieuwe rapportage' }).click()
    const form = page.getByRole('region', { name: 'Nieuwe rapportage' })
    // Focus follows the form: to its heading when it opens, back to the button when it closes.
    const focused = () => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)
    await expect.poll(focused).toBe('H2 Nieuwe rapportage')
    // The day of that moment an hour back: between midnight and one o'clock it is yesterday.
    await form.getByLabel('Datum').fill(dutchDay(-60 / 1440))
    await form.getByLabel('Tijd').fill(dutchTime(60))
    await form.getByRole('textbox', { name: 'Doel uit het zorgplan' }).fill('Mevrouw blijft in beweging')
    await form.getByRole('textbox', { name: 'Tekst' }).fill('Mevrouw heeft met de fysiotherapeut gewandeld.\nZe had geen pijn.')
    expect(await form.getByRole('checkbox', { name: 'Zichtbaar in portaal' }).isChecked()).toBe(true)
    await expectAccessibleAtBothWidths(page, 'Rapportages, nieuwe rapportage')
    await form.getByRole('button', { name: 'Rapportage opslaan' }).click()
    await page.getByText('De rapportage is opgeslagen.').waitFor()
    await expect.poll(focused).toBe('BUTTON Nieuwe rapportage')

    await page.getByRole('button', { name: 'Nieuwe rapportage' }).click()
    await form.getByRole('textbox', { name: 'Tekst' }).fill('Overleg met de huisarts over de medicatie.')
    await form.getByRole('checkbox', { name: 'Zichtbaar in portaal' }).uncheck()
    await form.getByRole('button', { name: 'Rapportage opslaan' }).click()
    await page.getByText('De rapportage is opgeslagen.').waitFor()

    const list = page.getByRole('list', { name: 'Rapportages' })
    const visible = list.getByRole('listitem').filter({ hasText: 'gewandeld' })
    await visible.getByText('Ze had geen pijn.').waitFor()
    expect(await visible.getByText('Niet zichtbaar in portaal').count()).toBe(0)
    const hidden = list.getByRole('listitem').filter({ hasText: 'huisarts' })
    await hidden.getByText('Niet zichtbaar in portaal').waitFor()
    await expectAccessibleAtBothWidths(page, 'Rapportages')

    // What the portal shows: the hidden one is not there.
    await page.getByRole('radio', { name: 'Alleen wat het portaal laat zien' }).check()
    await list.getByText('Ze had geen pijn.').waitFor()
    await expect.poll(() => list.getByText('huisarts').count()).toBe(0)
    await page.getByRole('radio', { name: 'Alle rapportages' }).check()

    await visible.getByRole('button', { name: /^Corrigeren:/ }).click()
    const correction = list.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /corrigeren$/ }) })
    await correction.getByRole('textbox', { name: 'Tekst' }).fill('Mevrouw heeft met de fysiotherapeut gewandeld, twee rondjes.')
    await correction.getByRole('button', { name: 'Correctie opslaan' }).click()
    const corrected = list.getByRole('listitem').filter({ hasText: 'twee rondjes' })
    await corrected.getByText('De correctie is opgeslagen.').waitFor()
    await corrected.getByText('Gecorrigeerd').waitFor()
    await corrected.getByRole('button', { name: 'Eerdere versies tonen (1)' }).click()
    await corrected.getByRole('list', { name: 'Eerdere versies' }).getByText('Ze had geen pijn.').waitFor()
    await expectAccessibleAtBothWidths(page, 'Rapportages, eerdere versies')
  })

  it('opens the daughter\'s message from the inbox, marks it read and answers it', async () => {
    await page.getByRole('navigation', { name: 'Menu van de werkplek' }).getByRole('link', { name: /^Berichten/ }).click()
    await page.getByRole('heading', { name: 'Berichten', level: 1 }).waitFor()
    await page.getByText('U heeft 1 ongelezen bericht.').waitFor()
    const conversations = page.getByRole('list', { name: 'Gesprekken' })
    const unread = conversations.getByRole('link', { name: 'mw. S. uit de Jordaan (1 ongelezen)' })
    await unread.waitFor()
    await expectAccessibleAtBothWidths(page, 'Berichten (inbox)')

    await unread.click()
    await page.getByRole('heading', { name: 'Berichten', level: 1 }).waitFor()
    const conversation = page.getByRole('list', { name: 'Gesprek' })
    const question = conversation.getByRole('listitem').filter({ hasText: 'Ze klonk moe' })
    await question.getByText('Nieuw', { exact: true }).waitFor()
    await question.getByText('Ans uit de Jordaan (Wettelijk vertegenwoordiger)').waitFor()

    await expectAccessibleAtBothWidths(page, 'Berichten van de cliënt, ongelezen')

    // Read on purpose: the count in the menu goes when she marks it, not when she glances at it.
    await page.getByRole('button', { name: 'Markeer als gelezen' }).click()
    await page.getByText('U heeft alle berichten gelezen.').waitFor()
    await expect.poll(() => page.getByRole('navigation', { name: 'Menu van de werkplek' }).getByRole('link', { name: 'Berichten', exact: true }).count()).toBe(1)
    expect(await question.getByText('Nieuw', { exact: true }).count()).toBe(0)

    await page.getByRole('textbox', { name: 'Uw antwoord' }).fill('Goedemiddag Ans. Uw moeder heeft vandaag gewandeld en was vrolijk.')
    await page.getByRole('button', { name: 'Bericht versturen' }).click()
    await page.getByText('Uw antwoord is verstuurd.').waitFor()
    await conversation.getByRole('listitem').filter({ hasText: 'was vrolijk' }).getByText('U', { exact: true }).waitFor()
    await expectAccessibleAtBothWidths(page, 'Berichten van de cliënt, beantwoord')

    const reply = await portal.db.selectFrom('message').select(['body', 'author_staff_id']).where('client_id', '=', mother.id).where('author_staff_id', 'is not', null).execute()
    expect(reply).toEqual([{ body: 'Goedemiddag Ans. Uw moeder heeft vandaag gewandeld en was vrolijk.', author_staff_id: caregiver.staffMemberId }])
  })

  it('sees who made each appointment, adds one for the team, changes it, and cancels the daughter\'s visit', async () => {
    await openSection('Afspraken')
    const visit = page.getByRole('article', { name: '14:00 – 15:00, Bezoek van Ans' })
    await visit.getByText('Gemaakt in het portaal door Ans uit de Jordaan (Wettelijk vertegenwoordiger).').waitFor()

    await page.getByRole('button', { name: 'Nieuwe afspraak' }).click()
    const form = page.getByRole('region', { name: 'Nieuwe afspraak' })
    await form.getByLabel('Datum').fill(dutchDay(2))
    await form.getByLabel('Begintijd').fill('10:00')
    await form.getByLabel('Eindtijd').fill('10:30')
    await form.getByRole('textbox', { name: 'Wat' }).fill('Fysiotherapie')
    await form.getByRole('textbox', { name: 'Waar' }).fill('Oefenzaal')
    await expectAccessibleAtBothWidths(page, 'Afspraken, nieuwe afspraak')
    await form.getByRole('button', { name: 'Afspraak toevoegen' }).click()
    await page.getByText('De afspraak is toegevoegd.').waitFor()
    const physio = page.getByRole('article', { name: '10:00 – 10:30, Fysiotherapie' })
    await physio.getByText(/^Gemaakt door Fatima el Amrani/).waitFor()
    await expectAccessibleAtBothWidths(page, 'Afspraken')

    // Changed by the team: half an hour longer.
    await physio.getByRole('button', { name: 'Wijzigen: Fysiotherapie' }).click()
    await page.getByLabel('Eindtijd').fill('11:00')
    await page.getByRole('button', { name: 'Wijziging opslaan' }).click()
    await page.getByRole('article', { name: '10:00 – 11:00, Fysiotherapie' }).waitFor()

    // The daughter's visit cannot go ahead: the team cancels it, and it stays in the list, marked.
    await visit.getByRole('button', { name: 'Afzeggen: Bezoek van Ans' }).click()
    await visit.getByRole('group', { name: /^Weet u zeker/ }).waitFor()
    await expectAccessibleAtBothWidths(page, 'Afspraken, afzeggen')
    await visit.getByRole('button', { name: 'Ja, afspraak afzeggen' }).click()
    await visit.getByText('Afgezegd', { exact: true }).waitFor()
    const cancelled = await portal.db.selectFrom('appointment').select('cancelled_at').where('title', '=', 'Bezoek van Ans').executeTakeFirstOrThrow()
    expect(cancelled.cancelled_at).not.toBeNull()
  })

  it('uploads a signed care-plan print; a web page named .pdf, a photo and a file over 10 MB are refused with a clear message and nothing is stored', async () => {
    await openSection('Cliëntplanafdrukken')
    await page.getByText('Er zijn nog geen cliëntplanafdrukken.').waitFor()
    await page.getByRole('button', { name: 'Afdruk toevoegen' }).click()
    const form = page.getByRole('region', { name: 'Afdruk toevoegen' })
    await form.getByLabel('Datum van het cliëntplan').fill('2026-11-20')
    await form.getByLabel('Ondertekend op (als dat al is gebeurd)').fill('2026-11-24')
    const fakePdf = { name: 'zorgplan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>') }
    await form.getByLabel('Cliëntplanafdruk (PDF)').setInputFiles(fakePdf)
    await form.getByRole('button', { name: 'Uploaden' }).click()
    await form.getByText('Dit bestand is geen PDF. Kies een PDF-bestand.').waitFor()
    expect(await form.getByLabel('Cliëntplanafdruk (PDF)').getAttribute('aria-invalid')).toBe('true')
    await expectAccessibleAtBothWidths(page, 'Cliëntplanafdrukken, fout bestand')
    expect(await portal.db.selectFrom('care_plan_print').select('id').where('client_id', '=', mother.id).execute()).toEqual([])

    // A photo, and a PDF above the 10 MB limit: each said plainly at its field, before any upload.
    await form.getByLabel('Cliëntplanafdruk (PDF)').setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) })
    await form.getByRole('button', { name: 'Uploaden' }).click()
    await form.getByText('Dit bestand is geen PDF. Kies een PDF-bestand.').waitFor()
    await form.getByLabel('Cliëntplanafdruk (PDF)').setInputFiles({ name: 'groot.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25) })
    await form.getByRole('button', { name: 'Uploaden' }).click()
    await form.getByText('Dit bestand is groter dan 10 MB. Kies een kleiner bestand.').waitFor()
    expect(await portal.db.selectFrom('care_plan_print').select('id').where('client_id', '=', mother.id).execute()).toEqual([])

    // A whole PDF (the server parses it): one empty page, with the label in a comment.
    const pdf = tinyPdf
    await form.getByLabel('Cliëntplanafdruk (PDF)').setInputFiles({ name: 'zorgplan.pdf', mimeType: 'application/pdf', buffer: pdf('zorgplan') })
    await form.getByLabel('Handtekeningblad (PDF, niet verplicht)').setInputFiles({ name: 'handtekeningen.pdf', mimeType: 'application/pdf', buffer: pdf('handtekeningen') })
    await form.getByRole('button', { name: 'Uploaden' }).click()
    await page.getByText('De cliëntplanafdruk is toegevoegd.').waitFor()
    const list = page.getByRole('list', { name: 'Afdrukken' })
    await list.getByText('Ondertekend op 24 november 2026.').waitFor()
    await list.getByRole('link', { name: /^Handtekeningblad downloaden/ }).waitFor()
    await expectAccessibleAtBothWidths(page, 'Cliëntplanafdrukken')

    const stored = await portal.db.selectFrom('care_plan_print').select(['print_pdf', 'signature_sheet_pdf']).where('client_id', '=', mother.id).executeTakeFirstOrThrow()
    expect(stored.print_pdf?.toString('latin1')).toContain('% zorgplan')
    expect(stored.signature_sheet_pdf?.toString('latin1')).toContain('% handtekeningen')
  })

  it('reads the care team and adds and ends an assignment, reads the subscriptions and the profile, with the BSN only on request', async () => {
    await openSection('Zorgteam')
    const assignments = page.getByRole('list', { name: 'Toewijzingen' })
    await assignments.getByRole('article', { name: 'EVV-er: Fatima el Amrani' }).waitFor()
    await assignments.getByRole('article', { name: 'Team: Team Klankbordgroep (De Linde)' }).waitFor()
    await expectAccessibleAtBothWidths(page, 'Zorgteam')

    // Team Zuid helps out from today; then the help ends today.
    await page.getByRole('button', { name: 'Toewijzing toevoegen' }).click()
    const form = page.getByRole('region', { name: 'Toewijzing toevoegen' })
    await form.getByLabel('Rol').selectOption({ label: 'Team' })
    await form.getByLabel('Team', { exact: true }).selectOption({ label: 'Team Zuid (De Linde)' })
    await expectAccessibleAtBothWidths(page, 'Zorgteam, toewijzing toevoegen')
    await form.getByRole('button', { name: 'Toewijzing opslaan' }).click()
    await page.getByText('De toewijzing is toegevoegd.').waitFor()
    const zuid = assignments.getByRole('article', { name: 'Team: Team Zuid (De Linde)' })
    await zuid.getByText('Geldt vandaag').waitFor()
    await zuid.getByRole('button', { name: /^Beëindigen:/ }).click()
    await zuid.getByLabel('Laatste dag').fill(dutchDay(0))
    await zuid.getByRole('button', { name: 'Toewijzing beëindigen' }).click()
    await expect.poll(async () => (await portal.db.selectFrom('care_assignment').select('valid_until').where('client_id', '=', mother.id).where('valid_until', 'is not', null).execute()).length).toBe(1)

    await openSection('Abonnementen')
    await page.getByRole('heading', { name: 'Kapper', level: 2 }).waitFor()
    await expectAccessibleAtBothWidths(page, 'Abonnementen')

    await openSection('Profiel')
    await page.getByText('*****6782').waitFor()
    expect(await page.getByText(BSN).count()).toBe(0)
    await expectAccessibleAtBothWidths(page, 'Profiel')
    await page.getByRole('button', { name: 'Toon BSN' }).click()
    await page.getByText(BSN).waitFor()
  })

  it('has her own profile under the workspace menu', async () => {
    await page.getByRole('button', { name: 'Fatima el Amrani' }).click()
    await page.getByRole('link', { name: 'Mijn profiel' }).first().click()
    await page.getByRole('heading', { name: 'Mijn profiel', level: 1 }).waitFor()
    await page.getByRole('navigation', { name: 'Menu van de werkplek' }).waitFor()
    await expectAccessibleAtBothWidths(page, 'Mijn profiel (medewerker)')
  })

  it('speaks English when asked', async () => {
    await page.getByRole('navigation', { name: 'Menu van de werkplek' }).getByRole('link', { name: 'Cliënten' }).click()
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor()
    await page.getByRole('navigation', { name: 'Workspace menu' }).getByRole('link', { name: 'Messages' }).waitFor()
    await expectAccessibleAtBothWidths(page, 'Clients (English)')
    await page.getByRole('button', { name: 'Nederlands' }).click()
    await page.getByRole('heading', { name: 'Cliënten', level: 1 }).waitFor()
  })

  it('leaves the daughter in her portal: the workspace is not hers, and she reads the visible report only', async () => {
    await logOut(page, 'Fatima el Amrani')
    await logInWithSms(page, portal, daughter, DAUGHTER_PASSWORD)
    await page.goto(`${portal.url}/werkplek/clienten`)
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rapportages', exact: true }).click()
    await page.getByRole('heading', { name: 'Rapportages', level: 1 }).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/client/${mother.id}/rapportages`)
    await page.getByText('Mevrouw heeft met de fysiotherapeut gewandeld, twee rondjes.').waitFor()
    expect(await page.getByText('Overleg met de huisarts').count()).toBe(0)
  })

  it('sends a staff member who logged in by SMS only to set up an app first, with nothing of the workspace open', async () => {
    const newcomer = await createStaffAccount(portal.db, portal.cipher, { caregiver: true, administrator: true, totp: false, name: 'Sanne Nieuw', now: portal.now() })
    await acceptCurrentTerms(portal.db, { id: newcomer.id, loginName: newcomer.login_name, displayName: 'Sanne Nieuw', email: newcomer.email, phone: newcomer.mobile_phone ?? '' }, portal.now())
    await logOut(page, 'Ans uit de Jordaan')
    await logInWithSms(page, portal, { loginName: newcomer.login_name, phone: newcomer.mobile_phone ?? '', displayName: 'Sanne Nieuw' }, newcomer.password)
    await page.getByRole('heading', { name: 'Mijn profiel', level: 1 }).waitFor()
    await page.getByText(/^Medewerkers loggen in met een authenticator-app of een passkey\./).waitFor()
    const menu = page.getByRole('navigation', { name: 'Menu van de werkplek' })
    expect(await menu.getByRole('link').allTextContents()).toEqual(['Mijn profiel'])
    await page.goto(`${portal.url}/werkplek/clienten`)
    await page.getByRole('heading', { name: 'Mijn profiel', level: 1 }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/mijn-profiel')
    await expectAccessibleAtBothWidths(page, 'Mijn profiel (medewerker, eerst een app instellen)')
  })
})

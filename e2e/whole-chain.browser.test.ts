import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tinyPdf } from '../server/test/care-record-factories.ts'
import { createCareAssignment, createReport, createSubscription } from '../server/test/client-record-factories.ts'
import { createOrganisation, TEST_PASSWORD } from '../server/test/factories.ts'
import { createStaffAccount } from '../server/test/staff-factories.ts'
import { createClientOfTeam, createTeamWithCaregivers } from '../server/test/workspace-factories.ts'
import { acceptCurrentTerms, publishTerms, type TestPerson } from './support/accounts.ts'
import { accessibilityViolations, launchBrowser, VIEWPORTS } from './support/browser.ts'
import { smsCodeFromOutbox } from './support/log-in.ts'
import { type PortalServer, startPortal } from './support/portal-server.ts'
import { logInStaffWithApp } from './support/staff-log-in.ts'
import { readOutbox } from '../server/platform/outbox/outbox.test-support.ts'

/**
 * The whole chain of issue 5, as the people involved find it, each in their own browser:
 * an administrator turns the paper registration and consent form into an account for a
 * daughter, linked to her mother, and sends the welcome e-mail; the daughter creates her
 * password, logs in with the SMS code, accepts the terms and sees no report from before the
 * link's activation; a caregiver of the mother's team writes a report for the portal and one
 * that stays hidden; the daughter sees the first only and sends a message; the caregiver's
 * inbox shows it unread and she replies; the daughter reads the reply; the administrator ends
 * the link because the consent is withdrawn, and the daughter's next request is refused.
 * axe checks every workspace and administration screen on the way at 768 px and 1280 px.
 */

const DAUGHTER = { name: 'Sanne Bakker', email: 'sanne.bakker@example.org', phone: '06 12345678', e164: '+31612345678', loginName: 'sanne.bakker' }
const DAUGHTER_PASSWORD = 'de tulpen bloeien weer in mei'
const MOTHER = 'mw. G. Bakker'
const BEFORE_ACTIVATION = 'Van vóór de koppeling: nooit in het portaal.'
const FOR_PORTAL = 'Mevrouw heeft in de tuin gezeten en genoot van de zon.'
const HIDDEN = 'Overleg met de specialist ouderengeneeskunde over de medicatie.'
const QUESTION = 'Wat fijn! Kan ze zaterdag mee naar de markt?'
const ANSWER = 'Goedemiddag Sanne, dat kan. Wij zorgen dat ze om tien uur klaarzit.'

let portal: PortalServer
const browsers: Awaited<ReturnType<typeof launchBrowser>>[] = []
let admin: Awaited<ReturnType<typeof createStaffAccount>>
let caregiver: Awaited<ReturnType<typeof createStaffAccount>>
let mother: { id: string; client_number: string }
const axeScans: string[] = []

/** A calendar day in Dutch time, "2026-11-27", at the server's now. */
function dutchDay(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(portal.now())
}

/** "14:05" in Dutch time, at the server's now. */
function dutchTime(): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(portal.now())
}

/** A page in a browser of its own (own cookies), at 1280 px. */
async function ownBrowser(): Promise<{ context: BrowserContext; page: Page }> {
  const browser = await launchBrowser()
  browsers.push(browser)
  const page = await browser.context.newPage()
  await page.setViewportSize(VIEWPORTS.desktop)
  return { context: browser.context, page }
}

/** axe at 768 px (a tablet on the ward) and at 1280 px: zero violations, nothing sticking out sideways. */
async function expectAccessibleOnTabletAndDesktop(page: Page, screen: string): Promise<void> {
  for (const name of ['tablet', 'desktop'] as const) {
    const viewport = VIEWPORTS[name]
    await page.setViewportSize(viewport)
    expect(await accessibilityViolations(page), `${screen} at ${viewport.width}px`).toEqual([])
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow, `${screen} overflows sideways at ${viewport.width}px`).toBeLessThanOrEqual(0)
    axeScans.push(`${screen} @ ${viewport.width}px`)
  }
}

/** The status of a GET to the API with the page's own session cookie, as the web app sends it. */
async function apiStatus(page: Page, path: string): Promise<number> {
  return page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).status, path)
}

beforeAll(async () => {
  portal = await startPortal()
  const db = portal.db
  const now = portal.now()
  await createOrganisation(db, { name: 'Zorggroep De Linde', primary_color: '#1f4e79', accent_color: '#ffcc00' })
  await publishTerms(db, now)
  admin = await createStaffAccount(db, portal.cipher, { caregiver: false, administrator: true, name: 'Bea Beheer', now })
  await acceptCurrentTerms(db, { id: admin.id } as TestPerson, now)
  const { team } = await createTeamWithCaregivers(db, portal.cipher, 0, 'Team Linde')
  caregiver = await createStaffAccount(db, portal.cipher, { caregiver: true, name: 'Fatima el Amrani', now })
  await db.insertInto('team_membership').values({ team_id: team.id, staff_member_id: caregiver.staffMemberId }).execute()
  await acceptCurrentTerms(db, { id: caregiver.id } as TestPerson, now)
  mother = await createClientOfTeam(db, team.id, {
    gender: 'female', initials: 'G.', given_name: 'Grietje', name_prefix: '', family_name: 'Bakker', date_of_birth: '1938-05-04', legal_capacity: 'wilsbekwaam',
  }, { validFrom: '2020-01-01' })
  await createCareAssignment(db, mother.id, { role: 'evv', staff_member_id: caregiver.staffMemberId, discipline: 'Verzorgende IG', valid_from: '2020-01-01' })
  await createSubscription(db, mother.id, { service: 'Kapper', supplier: 'Salon De Linde', starts_on: '2019-01-01' })
  // Written the day before the daughter's link exists: it must never reach her.
  await createReport(db, mother.id, { team_id: team.id, body: BEFORE_ACTIVATION, reported_at: new Date(now.getTime() - 86_400_000) })
})
afterAll(async () => {
  for (const browser of browsers) await browser.close()
  await portal?.close()
  console.error(`axe (whole chain): ${axeScans.length} scans without violations\n  ${axeScans.join('\n  ')}`)
})

describe('the whole chain: administrator, daughter, caregiver', () => {
  it('from the paper form to a conversation, and no access from the request after the consent is withdrawn', { timeout: 240_000 }, async () => {
    // ── The administrator: a new account from the registration form ──
    const { page: beheer } = await ownBrowser()
    await logInStaffWithApp(beheer, portal, admin, TEST_PASSWORD)
    await beheer.getByRole('heading', { name: 'Portaalaccounts', level: 1 }).waitFor()
    expect(new URL(beheer.url()).pathname).toBe('/beheer/portaalaccounts')
    await expectAccessibleOnTabletAndDesktop(beheer, 'Beheer: Portaalaccounts')

    await beheer.getByRole('link', { name: 'Nieuw account' }).click()
    await beheer.getByRole('heading', { name: 'Nieuw account', level: 1 }).waitFor()
    await beheer.getByRole('textbox', { name: 'Naam', exact: true }).fill(DAUGHTER.name)
    await beheer.getByRole('textbox', { name: 'E-mailadres' }).fill(DAUGHTER.email)
    await beheer.getByRole('textbox', { name: 'Mobiel nummer' }).fill(DAUGHTER.phone)
    await beheer.getByRole('textbox', { name: 'Gebruikersnaam' }).fill(DAUGHTER.loginName)
    await expectAccessibleOnTabletAndDesktop(beheer, 'Beheer: Nieuw account')
    await beheer.getByRole('button', { name: 'Account aanmaken' }).click()
    await beheer.getByRole('heading', { name: DAUGHTER.name, level: 1 }).waitFor()
    const accountId = new URL(beheer.url()).pathname.split('/').pop() ?? ''

    // Linked to her mother as first contact, with the sections she may use and the consent.
    const form = beheer.getByRole('region', { name: 'Koppeling toevoegen' })
    await form.getByRole('searchbox', { name: 'Zoek de cliënt op naam of cliëntnummer' }).fill('Bakker')
    await form.getByRole('radio', { name: /Bakker, cliëntnummer/ }).check()
    await form.getByText(/Gekozen: mw\. G\. Bakker/).waitFor()
    await form.getByRole('combobox', { name: 'Relatie tot de cliënt' }).selectOption({ label: 'Eerste contactpersoon' })
    for (const section of ['Rapportages', 'Afspraken', 'Berichten']) await form.getByRole('checkbox', { name: section }).check()
    await form.getByRole('radio', { name: 'De cliënt zelf' }).check()
    await form.getByRole('textbox', { name: 'Naam van wie toestemming gaf' }).fill('G. Bakker')
    await form.getByLabel('Datum van de toestemming').fill(dutchDay())
    await form.getByRole('textbox', { name: 'Reikwijdte van de toestemming' }).fill('Inzage in rapportages, afspraken en berichten.')
    await form.getByLabel('Ingescand toestemmingsformulier (PDF)').setInputFiles({ name: 'toestemming.pdf', mimeType: 'application/pdf', buffer: tinyPdf('toestemming') })
    await form.getByRole('button', { name: 'Koppeling opslaan' }).click()
    await beheer.getByText(`De koppeling met ${MOTHER} is gemaakt.`).waitFor()
    const links = beheer.getByRole('list', { name: 'Koppelingen' })
    await links.getByText('Rapportages, Afspraken, Berichten').waitFor()
    const link = await portal.db.selectFrom('client_link').select(['activated_at', 'ended_at']).where('account_id', '=', accountId).executeTakeFirstOrThrow()
    expect(link.ended_at).toBeNull()
    await expectAccessibleOnTabletAndDesktop(beheer, 'Beheer: the account with its link')

    // The welcome e-mail, sent (again) now that the link is there; its link is read from the outbox.
    await beheer.getByRole('button', { name: 'Welkomstmail opnieuw sturen' }).click()
    await beheer.getByText('De welkomstmail staat klaar om te versturen. De link erin is 72 uur geldig.').waitFor()
    const mail = (await readOutbox(portal.db, { channel: 'email', recipient: DAUGHTER.email })).at(-1)
    if (!mail) throw new Error('no welcome e-mail')
    const welcome = /(https?:\/\/\S+\/wachtwoord-instellen#[A-Za-z0-9_-]+)/.exec(mail.body_text)?.[1]
    expect(welcome).toBeDefined()

    // The other administration screens, at the tablet width and the desktop width.
    const adminMenu = beheer.getByRole('navigation', { name: 'Beheer' })
    for (const screen of ['Nieuws', 'Gebruikersvoorwaarden', 'Organisatie', 'Medewerkers', 'Toegangslog', 'Portaalaccounts']) {
      await adminMenu.getByRole('link', { name: screen, exact: true }).click()
      await beheer.getByRole('heading', { name: screen, level: 1 }).waitFor()
      await expectAccessibleOnTabletAndDesktop(beheer, `Beheer: ${screen}`)
    }

    // ── The daughter, in her own browser: password, SMS code, terms ──
    const { page: portaal } = await ownBrowser()
    await portaal.goto(welcome ?? '')
    await portaal.getByRole('heading', { name: 'Wachtwoord aanmaken' }).waitFor()
    await portaal.getByText(`Uw gebruikersnaam is ${DAUGHTER.loginName}.`).waitFor()
    await portaal.getByLabel('Nieuw wachtwoord').fill(DAUGHTER_PASSWORD)
    await portaal.getByLabel('Bevestig wachtwoord').fill(DAUGHTER_PASSWORD)
    await portaal.getByRole('button', { name: 'Wachtwoord opslaan' }).click()
    await portaal.getByRole('heading', { name: 'Uw wachtwoord is opgeslagen' }).waitFor()
    await portaal.getByRole('link', { name: 'Naar inloggen' }).click()
    await portaal.getByRole('heading', { name: 'Inloggen', level: 1 }).waitFor()
    await portaal.getByRole('textbox', { name: 'Gebruikersnaam' }).fill(DAUGHTER.loginName)
    await portaal.getByLabel('Wachtwoord', { exact: true }).fill(DAUGHTER_PASSWORD)
    await portaal.getByRole('button', { name: 'Inloggen', exact: true }).click()
    await portaal.getByRole('button', { name: 'SMS-inlogcode aanvragen' }).click()
    const sent = portaal.getByText(/De code begint met \d{4}\./).first()
    await sent.waitFor()
    const prefix = /begint met (\d{4})/.exec((await sent.textContent()) ?? '')?.[1] ?? ''
    const phone = (await portal.db.selectFrom('account').select('mobile_phone').where('id', '=', accountId).executeTakeFirstOrThrow()).mobile_phone ?? DAUGHTER.e164
    await portaal.getByRole('textbox', { name: 'Inlogcode' }).fill(await smsCodeFromOutbox(portal.db, phone, prefix))
    await portaal.getByRole('button', { name: 'Inloggen', exact: true }).click()
    await portaal.getByRole('heading', { name: 'Gebruikersvoorwaarden', level: 1 }).waitFor()
    await portaal.getByRole('checkbox', { name: 'Ik ga akkoord met de gebruikersvoorwaarden' }).check()
    await portaal.getByRole('button', { name: 'Ik ga akkoord met de voorwaarden' }).click()
    // Home of her mother's record, in the portal layout with her name top right.
    await portaal.getByRole('heading', { name: MOTHER, level: 1 }).waitFor()
    await portaal.getByRole('button', { name: DAUGHTER.name }).waitFor()

    // Nothing from before the link's activation, although it is in the record.
    const portalMenu = portaal.getByRole('navigation', { name: 'Hoofdmenu' })
    await portalMenu.getByRole('link', { name: 'Rapportages', exact: true }).click()
    await portaal.getByRole('heading', { name: 'Rapportages', level: 1 }).waitFor()
    expect(new URL(portaal.url()).pathname).toBe(`/client/${mother.id}/rapportages`)
    // And the page says why: reports are shown from the moment the link was made.
    await portaal.getByText(/^Er zijn nog geen rapportages vanaf .+\. Dat is het moment dat u toegang kreeg\.$/).waitFor()
    expect(await portaal.getByText(BEFORE_ACTIVATION).count()).toBe(0)

    // ── A caregiver of the mother's team, a little later, in her own browser ──
    portal.setNow(new Date(portal.now().getTime() + 2 * 60_000))
    const { page: werkplek } = await ownBrowser()
    await logInStaffWithApp(werkplek, portal, caregiver, TEST_PASSWORD)
    await werkplek.getByRole('heading', { name: 'Cliënten', level: 1 }).waitFor()
    const workspaceMenu = werkplek.getByRole('navigation', { name: 'Menu van de werkplek' })
    await expectAccessibleOnTabletAndDesktop(werkplek, 'Werkplek: Cliënten')
    const search = werkplek.getByRole('search', { name: 'Cliënten zoeken' })
    await search.getByRole('searchbox', { name: 'Naam of cliëntnummer' }).fill(mother.client_number)
    await search.getByRole('button', { name: 'Zoeken' }).click()
    await werkplek.getByText('Dit zijn de cliënten die u zocht.').waitFor()
    await expectAccessibleOnTabletAndDesktop(werkplek, 'Werkplek: Cliënten, gezocht')
    await werkplek.getByRole('list', { name: 'Uw cliënten' }).getByRole('link', { name: MOTHER }).click()
    await werkplek.getByRole('heading', { name: 'Rapportages', level: 1 }).waitFor()

    const writeReport = async (text: string, visible: boolean) => {
      await werkplek.getByRole('button', { name: 'Nieuwe rapportage' }).click()
      const report = werkplek.getByRole('region', { name: 'Nieuwe rapportage' })
      await report.getByLabel('Datum').fill(dutchDay())
      await report.getByLabel('Tijd').fill(dutchTime())
      await report.getByRole('textbox', { name: 'Doel uit het zorgplan' }).fill('Mevrouw blijft in beweging')
      await report.getByRole('textbox', { name: 'Tekst' }).fill(text)
      const checkbox = report.getByRole('checkbox', { name: 'Zichtbaar in portaal' })
      if (visible) await checkbox.check()
      else await checkbox.uncheck()
      if (visible) await expectAccessibleOnTabletAndDesktop(werkplek, 'Werkplek: Rapportages, nieuwe rapportage')
      await report.getByRole('button', { name: 'Rapportage opslaan' }).click()
      await werkplek.getByText('De rapportage is opgeslagen.').waitFor()
    }
    await writeReport(FOR_PORTAL, true)
    await writeReport(HIDDEN, false)
    const reports = werkplek.getByRole('list', { name: 'Rapportages' })
    await reports.getByRole('listitem').filter({ hasText: HIDDEN }).getByText('Niet zichtbaar in portaal').waitFor()
    await reports.getByText(FOR_PORTAL).waitFor()
    await expectAccessibleOnTabletAndDesktop(werkplek, 'Werkplek: Rapportages')

    // The other sections of the client's record, as the caregiver opens them.
    const record = werkplek.getByRole('navigation', { name: `Dossier van ${MOTHER}` })
    for (const section of ['Berichten', 'Afspraken', 'Cliëntplanafdrukken', 'Zorgteam', 'Abonnementen', 'Profiel']) {
      await record.getByRole('link', { name: section, exact: true }).click()
      await werkplek.getByRole('heading', { name: section, level: 1 }).waitFor()
      await expectAccessibleOnTabletAndDesktop(werkplek, `Werkplek: ${section}`)
    }

    // ── The daughter sees the report for the portal only, and asks a question ──
    await portaal.reload()
    await portaal.getByRole('heading', { name: 'Rapportages', level: 1 }).waitFor()
    await portaal.getByText(FOR_PORTAL).waitFor()
    expect(await portaal.getByText(HIDDEN).count()).toBe(0)
    expect(await portaal.getByText(BEFORE_ACTIVATION).count()).toBe(0)

    await portalMenu.getByRole('link', { name: 'Berichten', exact: true }).click()
    await portaal.getByRole('heading', { name: 'Berichten', level: 1 }).waitFor()
    await portaal.getByRole('textbox', { name: 'Uw bericht' }).fill(QUESTION)
    await portaal.getByRole('button', { name: 'Bericht versturen' }).click()
    await portaal.getByText('Uw bericht is verstuurd.').waitFor()

    // ── The caregiver's inbox shows it unread; she opens it and replies ──
    await werkplek.reload()
    await workspaceMenu.getByRole('link', { name: 'Berichten 1 ongelezen' }).click()
    await werkplek.getByRole('heading', { name: 'Berichten', level: 1 }).waitFor()
    await werkplek.getByText('U heeft 1 ongelezen bericht.').waitFor()
    const unread = werkplek.getByRole('list', { name: 'Gesprekken' }).getByRole('link', { name: `${MOTHER} (1 ongelezen)` })
    await unread.waitFor()
    await expectAccessibleOnTabletAndDesktop(werkplek, 'Werkplek: Berichten (inbox)')
    await unread.click()
    const conversation = werkplek.getByRole('list', { name: 'Gesprek' })
    const question = conversation.getByRole('listitem').filter({ hasText: QUESTION })
    await question.getByText('Nieuw', { exact: true }).waitFor()
    await question.getByText(`${DAUGHTER.name} (Eerste contactpersoon)`).waitFor()
    await werkplek.getByRole('textbox', { name: 'Uw antwoord' }).fill(ANSWER)
    await werkplek.getByRole('button', { name: 'Bericht versturen' }).click()
    await werkplek.getByText('Uw antwoord is verstuurd.').waitFor()
    await conversation.getByRole('listitem').filter({ hasText: ANSWER }).waitFor()

    // ── The daughter reads the reply ──
    await portaal.reload()
    await portaal.getByRole('heading', { name: 'Berichten', level: 1 }).waitFor()
    await portaal.getByText(ANSWER).waitFor()
    expect(await apiStatus(portaal, `/api/clients/${mother.id}/reports`)).toBe(200)

    // ── The administrator ends the link: the consent is withdrawn ──
    await beheer.getByRole('list', { name: 'Portaalaccounts' }).getByRole('link', { name: DAUGHTER.name }).click()
    await beheer.getByRole('heading', { name: DAUGHTER.name, level: 1 }).waitFor()
    await links.getByRole('button', { name: 'Koppeling beëindigen' }).click()
    await links.getByRole('combobox', { name: 'Waarom stopt de koppeling?' }).selectOption('consent_withdrawn')
    await expectAccessibleOnTabletAndDesktop(beheer, 'Beheer: the end-link confirmation')
    await links.getByRole('button', { name: 'Ja, koppeling beëindigen' }).click()
    await beheer.getByText(`De koppeling met ${MOTHER} is beëindigd.`).waitFor()
    await links.getByText(/De toestemming is ingetrokken/).waitFor()

    // ── Her very next request is refused: the page says not found, the API answers 404 ──
    await portaal.reload()
    await portaal.getByRole('heading', { name: 'Pagina niet gevonden', level: 1 }).waitFor()
    expect(await portaal.getByText(ANSWER).count()).toBe(0)
    expect(await apiStatus(portaal, `/api/clients/${mother.id}/reports`)).toBe(404)
    expect(await apiStatus(portaal, `/api/clients/${mother.id}/messages`)).toBe(404)
  })
})

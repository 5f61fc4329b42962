import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWaitingGrant } from '../server/test/access-grant-factories.ts'
import { tinyPdf } from '../server/test/care-record-factories.ts'
import { createClient, createLink, createTeam } from '../server/test/client-record-factories.ts'
import { createOrganisation, TEST_PASSWORD } from '../server/test/factories.ts'
import { createStaffAccount } from '../server/test/staff-factories.ts'
import { acceptCurrentTerms, createPerson, publishTerms, type TestPerson } from './support/accounts.ts'
import { launchBrowser, VIEWPORTS, waitForFocus } from './support/browser.ts'
import { axeScans, expectAccessibleAtBothWidths } from './support/journeys.ts'
import { type PortalServer, startPortal } from './support/portal-server.ts'
import { logInStaffWithApp } from './support/staff-log-in.ts'
import { readOutbox } from '../server/platform/outbox/outbox.test-support.ts'

/**
 * An administrator at work (issue 5, item 3), through the same login as everyone with an
 * authenticator-app code: turns a paper registration and consent form into a portal account
 * linked to a client, sends the welcome e-mail again, gives a temporary password, blocks and
 * unblocks, ends the link; publishes news that the login page then shows; tries a colour that
 * is too light for text; searches the access log and downloads it as CSV. axe checks every
 * screen at 360 px and 1280 px.
 */

let portal: PortalServer
let browser: Awaited<ReturnType<typeof launchBrowser>>
let page: Page
let admin: Awaited<ReturnType<typeof createStaffAccount>>
let client: { id: string; client_number: string }
let accountId = ''

/** A real 1×1 PNG. */
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

const DAUGHTER = { name: 'Sanne Bakker', email: 'sanne.bakker@example.org', phone: '06 12345678', loginName: 'sanne.bakker' }

beforeAll(async () => {
  portal = await startPortal()
  const db = portal.db
  await createOrganisation(db, { name: 'Zorggroep De Linde', primary_color: '#1f4e79', accent_color: '#ffcc00' })
  await publishTerms(db, portal.now())
  admin = await createStaffAccount(db, portal.cipher, { caregiver: false, administrator: true, name: 'Bea Beheer' })
  await acceptCurrentTerms(db, { id: admin.id } as TestPerson, portal.now())
  client = await createClient(db, { gender: 'female', initials: 'G.', given_name: 'Grietje', name_prefix: '', family_name: 'Bakker', date_of_birth: '1938-05-04', legal_capacity: 'wilsbekwaam' })
  await createTeam(db, { name: 'Team Linde', location: 'De Linde' })
  browser = await launchBrowser()
  page = await browser.context.newPage()
  await page.setViewportSize(VIEWPORTS.desktop)
  await logInStaffWithApp(page, portal, admin, TEST_PASSWORD)
})
afterAll(async () => {
  await browser?.close()
  await portal?.close()
  console.error(`axe (administrators): ${axeScans.length} scans without violations\n  ${axeScans.join('\n  ')}`)
})

async function emailsTo(address: string): Promise<{ subject: string; body_text: string }[]> {
  return readOutbox(portal.db, { channel: 'email', recipient: address })
}

describe('Portaalaccounts', () => {
  it('an administrator lands on the accounts and creates one from the registration form, with clear field errors', async () => {
    await page.getByRole('heading', { name: 'Portaalaccounts', level: 1 }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/beheer/portaalaccounts')
    await page.getByText('Er zijn nog geen portaalaccounts.').waitFor()
    await expectAccessibleAtBothWidths(page, 'Portaalaccounts, empty')

    await page.getByRole('link', { name: 'Nieuw account' }).click()
    await page.getByRole('heading', { name: 'Nieuw account', level: 1 }).waitFor()
    // Sent empty: each field says what is missing, and focus goes to the first.
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill('sanne.bakker@')
    await page.getByRole('button', { name: 'Account aanmaken' }).click()
    await page.getByText('Vul de naam in.').waitFor()
    await page.getByText('Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.').waitFor()
    await page.getByText('Vul een geldig mobiel nummer in, zoals 06 12345678.').waitFor()
    await page.getByText('Vul een gebruikersnaam in van minstens 3 tekens.').waitFor()
    await waitForFocus(page.locator('#account-naam'))
    await expectAccessibleAtBothWidths(page, 'Nieuw account with field errors')

    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill(DAUGHTER.name)
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill(DAUGHTER.email)
    await page.getByRole('textbox', { name: 'Mobiel nummer' }).fill(DAUGHTER.phone)
    await page.getByRole('textbox', { name: 'Gebruikersnaam' }).fill(DAUGHTER.loginName)
    await page.getByRole('button', { name: 'Account aanmaken' }).click()
    await page.getByRole('heading', { name: DAUGHTER.name, level: 1 }).waitFor()
    await page.getByText(`Het account ${DAUGHTER.loginName} is aangemaakt.`, { exact: false }).waitFor()
    accountId = new URL(page.url()).pathname.split('/').pop() ?? ''

    // The welcome e-mail is queued in the outbox, with its personal password link.
    const mails = await emailsTo(DAUGHTER.email)
    expect(mails).toHaveLength(1)
    expect(mails[0]?.body_text).toMatch(/\/wachtwoord-instellen#/)
    await expectAccessibleAtBothWidths(page, 'the new account')
  })

  it('links the account to a client with relation, permissions and consent with its scanned PDF form', async () => {
    const form = page.getByRole('region', { name: 'Koppeling toevoegen' })
    // Nothing filled in: every part of the consent says what is missing.
    await form.getByRole('button', { name: 'Koppeling opslaan' }).click()
    await form.getByText('Kies een cliënt.').waitFor()
    await form.getByText('Kies minstens één onderdeel.').waitFor()
    await form.getByText('Vul de naam in van wie toestemming gaf.').waitFor()
    await form.getByText('Kies het ingescande toestemmingsformulier.').waitFor()
    await expectAccessibleAtBothWidths(page, 'Koppeling toevoegen with errors')

    await form.getByRole('searchbox', { name: 'Zoek de cliënt op naam of cliëntnummer' }).fill('Bakker')
    await form.getByRole('radio', { name: /Bakker, cliëntnummer/ }).check()
    await form.getByText(/Gekozen: mw\. G\. Bakker/).waitFor()
    await form.getByRole('combobox', { name: 'Relatie tot de cliënt' }).selectOption({ label: 'Eerste contactpersoon' })
    for (const section of ['Rapportages', 'Afspraken', 'Berichten']) await form.getByRole('checkbox', { name: section }).check()
    await form.getByRole('radio', { name: 'De cliënt zelf' }).check()
    await form.getByRole('textbox', { name: 'Naam van wie toestemming gaf' }).fill('G. Bakker')
    await form.getByLabel('Datum van de toestemming').fill(new Date(portal.now().getTime() - 86_400_000).toISOString().slice(0, 10))
    await form.getByRole('textbox', { name: 'Reikwijdte van de toestemming' }).fill('Inzage in rapportages, afspraken en berichten.')

    // An image named .pdf is refused in the browser, before anything is sent.
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
    await form.getByLabel('Ingescand toestemmingsformulier (PDF)').setInputFiles({ name: 'toestemming.pdf', mimeType: 'application/pdf', buffer: png })
    await form.getByRole('button', { name: 'Koppeling opslaan' }).click()
    await form.getByText('Dit bestand is geen PDF. Kies een PDF-bestand.').waitFor()

    await form.getByLabel('Ingescand toestemmingsformulier (PDF)').setInputFiles({ name: 'toestemming.pdf', mimeType: 'application/pdf', buffer: tinyPdf('toestemming') })
    await form.getByRole('button', { name: 'Koppeling opslaan' }).click()
    await page.getByText('De koppeling met mw. G. Bakker is gemaakt.').waitFor()
    const links = page.getByRole('list', { name: 'Koppelingen' })
    await links.getByRole('heading', { name: `mw. G. Bakker (cliëntnummer ${client.client_number})` }).waitFor()
    await links.getByText('Rapportages, Afspraken, Berichten').waitFor()
    await links.getByRole('link', { name: 'Toestemmingsformulier (PDF)' }).waitFor()

    const link = await portal.db.selectFrom('client_link').selectAll().where('account_id', '=', accountId).executeTakeFirstOrThrow()
    expect(link).toMatchObject({ client_id: client.id, relation: 'first_contact', ended_at: null })
    await expectAccessibleAtBothWidths(page, 'the account with its link')

    // The link's permissions change later: Profiel added.
    await links.getByRole('button', { name: 'Rechten wijzigen' }).click()
    await links.getByRole('group', { name: 'Wat mag dit account zien van mw. G. Bakker?' }).waitFor()
    await links.getByRole('checkbox', { name: 'Profiel' }).check()
    await expectAccessibleAtBothWidths(page, 'changing a link\'s permissions')
    await links.getByRole('button', { name: 'Rechten opslaan' }).click()
    await page.getByText('De rechten zijn opgeslagen.', { exact: false }).waitFor()
    await links.getByText('Rapportages, Afspraken, Berichten, Profiel').waitFor()
    expect((await portal.db.selectFrom('client_link').select('may_read_profile').where('account_id', '=', accountId).executeTakeFirstOrThrow()).may_read_profile).toBe(true)
  })

  it('sends the welcome e-mail again, shows a temporary password once, blocks and unblocks', async () => {
    await page.getByRole('button', { name: 'Welkomstmail opnieuw sturen' }).click()
    await page.getByText('De welkomstmail staat klaar om te versturen. De link erin is 72 uur geldig.').waitFor()
    // The welcome e-mail twice (the link added in between told her too, by her Meldingen).
    expect((await emailsTo(DAUGHTER.email)).filter((mail) => mail.subject.startsWith('Welkom bij het cliëntportaal'))).toHaveLength(2)

    await page.getByRole('button', { name: 'Tijdelijk wachtwoord instellen' }).click()
    const secret = page.locator('.admin-secret')
    await secret.waitFor()
    const password = (await secret.textContent()) ?? ''
    expect(password.length).toBeGreaterThanOrEqual(10)
    await page.getByText('U ziet dit wachtwoord maar één keer.', { exact: false }).waitFor()
    const row = await portal.db.selectFrom('account').select(['password_is_temporary']).where('id', '=', accountId).executeTakeFirstOrThrow()
    expect(row.password_is_temporary).toBe(true)
    await expectAccessibleAtBothWidths(page, 'the temporary password')
    // Shown once: after a reload it is gone.
    await page.reload()
    await page.getByRole('heading', { name: DAUGHTER.name, level: 1 }).waitFor()
    expect(await page.locator('.admin-secret').count()).toBe(0)

    await page.getByRole('button', { name: 'Blokkeren' }).click()
    await page.getByText('Na blokkeren kan de persoon niet meer inloggen.', { exact: false }).waitFor()
    await expectAccessibleAtBothWidths(page, 'the block confirmation')
    await page.getByRole('button', { name: 'Ja, doorgaan' }).click()
    await page.getByText('Het account is geblokkeerd.').waitFor()
    await page.getByText(/Geblokkeerd sinds/).waitFor()
    expect((await portal.db.selectFrom('account').select('blocked_at').where('id', '=', accountId).executeTakeFirstOrThrow()).blocked_at).not.toBeNull()

    await page.getByRole('button', { name: 'Deblokkeren' }).click()
    await page.getByText('Het account is niet meer geblokkeerd.').waitFor()
    expect((await portal.db.selectFrom('account').select('blocked_at').where('id', '=', accountId).executeTakeFirstOrThrow()).blocked_at).toBeNull()

    await page.getByRole('button', { name: 'Tweede factor resetten' }).click()
    await page.getByRole('button', { name: 'Ja, doorgaan' }).click()
    await page.getByText('De tweede factor is gereset. De persoon logt nu in met een SMS-code.').waitFor()
    // The question closed and focus went back to the button that opened it.
    await waitForFocus(page.getByRole('button', { name: 'Tweede factor resetten' }))
  })

  it('ends the link after a confirmation with the reason', async () => {
    const links = page.getByRole('list', { name: 'Koppelingen' })
    await links.getByRole('button', { name: 'Koppeling beëindigen' }).click()
    await links.getByText('Na beëindigen ziet dit account de gegevens van mw. G. Bakker niet meer', { exact: false }).waitFor()
    await links.getByRole('combobox', { name: 'Waarom stopt de koppeling?' }).selectOption('consent_withdrawn')
    await expectAccessibleAtBothWidths(page, 'the end-link confirmation')
    await links.getByRole('button', { name: 'Ja, koppeling beëindigen' }).click()
    await page.getByText('De koppeling met mw. G. Bakker is beëindigd.').waitFor()
    await links.getByText(/De toestemming is ingetrokken/).waitFor()
    const link = await portal.db.selectFrom('client_link').select(['ended_at']).where('account_id', '=', accountId).executeTakeFirstOrThrow()
    expect(link.ended_at).not.toBeNull()
  })

  it('finds the account in the list by name', async () => {
    await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Portaalaccounts' }).click()
    await page.getByRole('searchbox', { name: 'Naam, gebruikersnaam of e-mail' }).fill('Bakker')
    await page.getByRole('button', { name: 'Zoeken' }).click()
    await page.getByText('1 account gevonden.').waitFor()
    await page.getByRole('list', { name: 'Portaalaccounts' }).getByRole('link', { name: DAUGHTER.name }).waitFor()
    await expectAccessibleAtBothWidths(page, 'Portaalaccounts, searched')

    // English is the second language of every screen.
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Portal accounts', level: 1 }).waitFor()
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Access log' }).waitFor()
    await expectAccessibleAtBothWidths(page, 'Portal accounts in English')
    await page.getByRole('button', { name: 'Nederlands' }).click()
    await page.getByRole('heading', { name: 'Portaalaccounts', level: 1 }).waitFor()
  })

  it('creates an account with a temporary password instead of a welcome e-mail, shown once', async () => {
    await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Portaalaccounts' }).click()
    await page.getByRole('link', { name: 'Nieuw account' }).click()
    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Kees Bakker')
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill('kees.bakker@example.org')
    await page.getByRole('textbox', { name: 'Mobiel nummer' }).fill('+31 6 11122233')
    await page.getByRole('textbox', { name: 'Gebruikersnaam' }).fill(DAUGHTER.loginName)
    await page.getByRole('checkbox', { name: 'Geen welkomstmail sturen, maar een tijdelijk wachtwoord maken' }).check()
    // A login name that is taken is said at the field.
    await page.getByRole('button', { name: 'Account aanmaken' }).click()
    await page.getByText('Deze gebruikersnaam of dit e-mailadres is al in gebruik. Kies een andere.').waitFor()
    await page.getByRole('textbox', { name: 'Gebruikersnaam' }).fill('kees.bakker')
    await page.getByRole('button', { name: 'Account aanmaken' }).click()
    await page.getByRole('heading', { name: 'Kees Bakker', level: 1 }).waitFor()
    await page.getByText('Het account kees.bakker is aangemaakt met een tijdelijk wachtwoord.').waitFor()
    expect(((await page.locator('.admin-secret').textContent()) ?? '').length).toBeGreaterThanOrEqual(10)
    expect(await emailsTo('kees.bakker@example.org')).toHaveLength(0)
    await page.getByRole('link', { name: 'Terug naar portaalaccounts' }).click()
  })

  it('ends the account after a confirmation: no login any more, shown as ended', async () => {
    await page.getByRole('list', { name: 'Portaalaccounts' }).getByRole('link', { name: DAUGHTER.name }).click()
    await page.getByRole('heading', { name: DAUGHTER.name, level: 1 }).waitFor()
    await page.getByRole('button', { name: 'Account beëindigen' }).click()
    await page.getByText('Het account stopt voorgoed.', { exact: false }).waitFor()
    await page.getByRole('button', { name: 'Ja, doorgaan' }).click()
    await page.getByText('Het account is beëindigd.').waitFor()
    await page.getByText(/^Beëindigd op \d/).waitFor()
    expect(await page.getByRole('button', { name: 'Blokkeren' }).count()).toBe(0)
    expect((await portal.db.selectFrom('account').select('ended_at').where('id', '=', accountId).executeTakeFirstOrThrow()).ended_at).not.toBeNull()
  })
})

describe('Nieuws, Gebruikersvoorwaarden, Organisatie, Medewerkers', () => {
  it('publishes news that then shows beside the login form', async () => {
    await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Nieuws' }).click()
    await page.getByRole('heading', { name: 'Nieuws', level: 1 }).waitFor()
    await page.getByRole('button', { name: 'Nieuwe melding' }).click()
    await page.getByRole('button', { name: 'Melding opslaan' }).click()
    await page.getByText('Vul een titel in.').waitFor()
    await expectAccessibleAtBothWidths(page, 'Nieuwe melding with errors')
    await page.getByRole('textbox', { name: 'Titel' }).fill('Onderhoud zaterdag')
    await page.getByRole('textbox', { name: 'Tekst' }).fill('Zaterdag is het portaal van 8:00 tot 10:00 uur niet bereikbaar.')
    await page.getByRole('button', { name: 'Melding opslaan' }).click()
    await page.getByText('De melding is opgeslagen.').waitFor()
    const item = page.getByRole('list', { name: 'Meldingen' }).getByRole('listitem').filter({ hasText: 'Onderhoud zaterdag' })
    await item.getByText('Zichtbaar', { exact: true }).waitFor()
    await expectAccessibleAtBothWidths(page, 'Nieuws with one item')

    // A change keeps the window; the title changes.
    await item.getByRole('button', { name: 'Wijzigen: Onderhoud zaterdag' }).click()
    await page.getByRole('heading', { name: 'Melding wijzigen' }).waitFor()
    await page.getByRole('textbox', { name: 'Titel' }).fill('Onderhoud zaterdagochtend')
    await page.getByRole('button', { name: 'Melding opslaan' }).click()
    await page.getByText('De melding is opgeslagen.').waitFor()
    await page.getByRole('list', { name: 'Meldingen' }).getByRole('heading', { name: 'Onderhoud zaterdagochtend' }).waitFor()
  })

  it('shows the terms versions and warns that a new one must be accepted by everyone', async () => {
    await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Gebruikersvoorwaarden' }).click()
    await page.getByRole('heading', { name: 'Versie 1' }).waitFor()
    await page.getByText('Let op: na publiceren moet iedereen opnieuw akkoord gaan', { exact: false }).waitFor()
    await page.getByRole('textbox', { name: 'Tekst van de nieuwe versie' }).fill('Nieuwe gebruikersvoorwaarden, versie 2, met een langere tekst.')
    await page.getByRole('button', { name: 'Nieuwe versie publiceren' }).click()
    await page.getByText('Zet eerst een vinkje om te bevestigen dat iedereen opnieuw akkoord moet gaan.').waitFor()
    await expectAccessibleAtBothWidths(page, 'Gebruikersvoorwaarden with the warning')
  })

  it('refuses a colour too light for text with a clear message, and saves a readable one', async () => {
    await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Organisatie' }).click()
    const code = page.getByRole('textbox', { name: 'Hoofdkleur (kleurcode)' })
    await code.waitFor()
    await page.getByText(/Goed leesbaar: contrast 8,6 : 1 met witte tekst/).first().waitFor()
    await expectAccessibleAtBothWidths(page, 'Organisatie')

    await code.fill('#7a7a7a')
    // Live, while typing.
    await page.getByText('Niet goed leesbaar: contrast maar 4,2 : 1 (minstens 4,5 : 1 nodig). Kies een donkerdere of lichtere kleur.').waitFor()
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click()
    await page.getByText('Niet goed leesbaar: contrast maar 4,2 : 1', { exact: false }).first().waitFor()
    await waitForFocus(page.locator('#organisatie-hoofdkleur'))
    await expectAccessibleAtBothWidths(page, 'Organisatie with a refused colour')
    expect((await portal.db.selectFrom('organisation').select('primary_color').executeTakeFirstOrThrow()).primary_color).toBe('#1f4e79')

    // The server refuses it too, for anyone who skips the page.
    const refused = await page.evaluate(async () => {
      const session = await (await fetch('/api/session')).json()
      const settings = await (await fetch('/api/admin/organisation')).json()
      delete settings.logoUrl
      const res = await fetch('/api/admin/organisation', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken, 'accept-language': 'nl' },
        body: JSON.stringify({ ...settings, primaryColor: '#7a7a7a' }),
      })
      return { status: res.status, body: await res.json() }
    })
    expect(refused.status).toBe(400)
    expect(refused.body.error.code).toBe('contrast_too_low')

    await code.fill('#2e7d32')
    await page.getByText(/Goed leesbaar: contrast 5,1 : 1 met witte tekst/).waitFor()
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click()
    await page.getByText('De instellingen zijn opgeslagen.').waitFor()
    expect((await portal.db.selectFrom('organisation').select('primary_color').executeTakeFirstOrThrow()).primary_color).toBe('#2e7d32')

  })

  it('uploads a logo with a preview; a file that is no image is refused', async () => {
    const logoInput = page.getByLabel('Nieuw logo (PNG, JPEG of WebP, hoogstens 512 kB)')
    await logoInput.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('<html><script>alert(1)</script></html>') })
    await page.getByRole('button', { name: 'Logo opslaan' }).click()
    await page.getByText('Dit bestand is geen PNG-, JPEG- of WebP-afbeelding. Kies een ander bestand.').waitFor()
    expect((await portal.db.selectFrom('organisation').select('logo').executeTakeFirstOrThrow()).logo).toBeNull()

    await logoInput.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(ONE_PIXEL_PNG, 'base64') })
    const preview = page.getByRole('img', { name: 'Voorbeeld van het nieuwe logo' })
    await preview.waitFor()
    expect(await preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    await page.getByRole('button', { name: 'Logo opslaan' }).click()
    await page.getByText('Het logo is opgeslagen.').waitFor()
    const logo = page.getByRole('img', { name: 'Logo van Zorggroep De Linde' })
    await logo.waitFor()
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    await expectAccessibleAtBothWidths(page, 'Organisatie with a logo')
  })

  it('lists staff with roles and teams and opens the form for a new one', async () => {
    await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Medewerkers' }).click()
    await page.getByRole('list', { name: 'Medewerkers' }).getByRole('heading', { name: 'Bea Beheer' }).waitFor()
    await page.getByText(/Rollen: Functioneel beheerder\./).waitFor()
    await page.getByRole('button', { name: 'Nieuwe medewerker' }).click()
    await page.getByRole('checkbox', { name: 'Team Linde (De Linde)' }).waitFor()
    await expectAccessibleAtBothWidths(page, 'Medewerkers with the new-staff form')

    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Karin Zorg')
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill('karin.zorg@example.org')
    await page.getByRole('textbox', { name: 'Mobiel nummer' }).fill('06 87654321')
    await page.getByRole('textbox', { name: 'Gebruikersnaam' }).fill('karin.zorg')
    await page.getByRole('textbox', { name: 'Discipline' }).fill('Verzorgende IG')
    await page.getByRole('checkbox', { name: 'Team Linde (De Linde)' }).check()
    await page.getByRole('button', { name: 'Medewerker aanmaken' }).click()
    await page.getByText('Karin Zorg is aangemaakt.', { exact: false }).waitFor()
    const karin = page.getByRole('list', { name: 'Medewerkers' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Karin Zorg' }) })
    await karin.getByText('Rollen: Zorgmedewerker. Teams: Team Linde.').waitFor()

    await karin.getByRole('button', { name: 'Rollen en teams wijzigen: Karin Zorg' }).click()
    await karin.getByRole('checkbox', { name: 'Functioneel beheerder' }).check()
    await karin.getByRole('checkbox', { name: 'Team Linde (De Linde)' }).uncheck()
    await karin.getByRole('button', { name: 'Wijzigingen opslaan' }).click()
    await karin.getByText('Rollen: Zorgmedewerker, Functioneel beheerder. Teams: Geen team.').waitFor()

    await karin.getByRole('button', { name: 'Verwijderen' }).click()
    await karin.getByText('Karin Zorg kan na verwijderen niet meer inloggen', { exact: false }).waitFor()
    await karin.getByRole('button', { name: 'Ja, doorgaan' }).click()
    await karin.getByText('Verwijderd', { exact: true }).waitFor()
  })
})

describe('Toegangslog', () => {
  it('searches by client and action, and downloads the same search as CSV', async () => {
    await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Toegangslog' }).click()
    await page.getByRole('heading', { name: 'Toegangslog', level: 1 }).waitFor()
    const search = page.getByRole('search', { name: 'Toegangslog doorzoeken' })
    await search.getByRole('searchbox', { name: 'Zoek de cliënt op naam of cliëntnummer' }).fill('Bakker')
    await search.getByRole('radio', { name: /Bakker, cliëntnummer/ }).check()
    await search.getByRole('button', { name: 'Zoeken' }).click()
    const results = page.getByRole('list', { name: 'Regels uit de toegangslog' })
    await results.getByRole('listitem').first().waitFor()
    await results.getByText(/Bea Beheer \(functioneel beheerder\) · Toegevoegd · koppeling/).first().waitFor()
    await expectAccessibleAtBothWidths(page, 'Toegangslog with results')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporteren als CSV' }).click()])
    const path = await download.path()
    const csv = await readFile(path, 'utf8')
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    const lines = csv.trim().split(/\r?\n/)
    expect(lines.length).toBeGreaterThan(1)
    expect(csv).toContain(client.id)
    expect(csv).toContain('Bea Beheer')

    // Narrowed to one action: only "create" lines (the link was made).
    await search.getByRole('combobox', { name: 'Handeling' }).selectOption({ label: 'Toegevoegd' })
    await search.getByRole('button', { name: 'Zoeken' }).click()
    await results.getByText(/Toegevoegd/).first().waitFor()
    const texts = await results.getByRole('listitem').allTextContents()
    expect(texts.length).toBeGreaterThan(0)
    for (const text of texts) expect(text).toContain('Toegevoegd')
  })
})

describe('Toegang door cliënten', () => {
  it('sets the approval rule and approves an accepted invitation, which then gives access from that moment', async () => {
    // The mother invited her son in the portal and he accepted; the organisation wants approval first.
    const mother = await createPerson(portal.db, { displayName: 'Grietje Bakker' })
    const motherLink = await createLink(portal.db, mother.id, client.id, { relation: 'self' })
    const son = await createPerson(portal.db, { displayName: 'Jan Bakker' })
    const invitation = await createWaitingGrant(portal.db, client.id, {
      now: portal.now(), granter: { accountId: mother.id, linkId: motherLink.id, name: 'Grietje Bakker' },
      acceptedBy: { id: son.id, email: son.email, mobile: son.phone, name: 'Jan Bakker' },
    })

    await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Toegang door cliënten' }).click()
    await page.getByRole('heading', { name: 'Toegang door cliënten', level: 1 }).waitFor()
    const enabled = page.getByRole('checkbox', { name: 'Cliënten mogen zelf iemand toegang geven' })
    const approval = page.getByRole('checkbox', { name: 'Toegang pas na goedkeuring door een beheerder' })
    expect(await enabled.isChecked()).toBe(true)
    expect(await approval.isChecked()).toBe(false)
    await approval.check()
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click()
    await page.getByText('De instellingen zijn opgeslagen.').waitFor()
    expect(await portal.db.selectFrom('organisation').select(['client_grants_enabled', 'client_grants_need_approval']).executeTakeFirstOrThrow()).toEqual({ client_grants_enabled: true, client_grants_need_approval: true })

    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Jan Bakker voor mw. G. Bakker', level: 3 }) })
    await item.getByText('Wacht op goedkeuring').waitFor()
    await item.getByText('Rapportages, Berichten').waitFor()
    await expectAccessibleAtBothWidths(page, 'Toegang door cliënten, wacht op goedkeuring')
    await item.getByRole('button', { name: 'Goedkeuren: Jan Bakker voor mw. G. Bakker', exact: true }).click()
    await page.getByText('De toegang van Jan Bakker is goedgekeurd.').waitFor()
    await item.getByText('Heeft toegang').waitFor()
    const link = await portal.db.selectFrom('client_link').select(['activated_at', 'invitation_id']).where('account_id', '=', son.id).executeTakeFirstOrThrow()
    expect(link).toEqual({ activated_at: portal.now(), invitation_id: invitation.id })
    await item.getByRole('button', { name: 'Toegang beëindigen: Jan Bakker voor mw. G. Bakker' }).click()
    await expectAccessibleAtBothWidths(page, 'Toegang door cliënten, beëindigen bevestigen')
    await page.getByRole('button', { name: 'Annuleren' }).click()
    // The next tests start from the default again.
    await portal.db.updateTable('organisation').set({ client_grants_need_approval: false }).execute()
  })
})

describe('a new version of the terms of use', () => {
  it('is published after the warning is confirmed, and asks the administrator too before anything else', async () => {
    await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Gebruikersvoorwaarden' }).click()
    await page.getByRole('textbox', { name: 'Tekst van de nieuwe versie' }).fill('Nieuwe gebruikersvoorwaarden, versie 2, met een langere tekst.')
    await page.getByRole('checkbox', { name: 'Ik begrijp dat iedereen opnieuw akkoord moet gaan' }).check()
    await page.getByRole('button', { name: 'Nieuwe versie publiceren' }).click()
    // The next request finds new terms owed: the app sends the administrator to accept them.
    await page.waitForURL(/\/akkoord-gebruikersvoorwaarden$/)
    const versions = await portal.db.selectFrom('terms_version').select('version').execute()
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2])
  })
})

describe('the login page', () => {
  it('shows the news the administrator published (it ends the administrator session in this browser)', async () => {
    await page.context().clearCookies()
    await page.goto(`${portal.url}/inloggen`)
    await page.getByText('Zaterdag is het portaal van 8:00 tot 10:00 uur niet bereikbaar.').waitFor()
    await page.getByRole('heading', { name: 'Onderhoud zaterdag' }).waitFor()
  })
})

describe('a caregiver', () => {
  it('has no Beheer in the menu, and /beheer says plainly that it is for administrators', async () => {
    const caregiver = await createStaffAccount(portal.db, portal.cipher, { caregiver: true, administrator: false, name: 'Cor Zorg' })
    await acceptCurrentTerms(portal.db, { id: caregiver.id } as TestPerson, portal.now())
    await logInStaffWithApp(page, portal, caregiver, TEST_PASSWORD)
    const menu = page.getByRole('navigation', { name: 'Menu van de werkplek' })
    await menu.waitFor()
    expect(await menu.getByRole('link', { name: 'Beheer' }).count()).toBe(0)
    await page.goto(`${portal.url}/beheer/portaalaccounts`)
    await page.getByRole('heading', { name: 'Geen toegang', level: 1 }).waitFor()
    await page.getByText('Deze pagina is alleen voor functioneel beheerders.').waitFor()
    await expectAccessibleAtBothWidths(page, 'Beheer for a caregiver')
  })
})

import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { decodeQuotedPrintable, startSmtpFake } from '../server/platform/outbox/outbox.test-support.ts'
import { createClient, createLink } from '../server/test/client-record-factories.ts'
import { createOrganisation } from '../server/test/factories.ts'
import { acceptCurrentTerms, createPerson, latestPasswordLink, publishTerms, type TestPerson, welcomeLink } from './support/accounts.ts'
import { launchBrowser, VIEWPORTS, waitForFocus } from './support/browser.ts'
import { axeScans, enterPassword, expectAccessibleAtBothWidths } from './support/journeys.ts'
import { type PortalServer, startPortal } from './support/portal-server.ts'
import { startSmsReceiver } from './support/sms-receiver.ts'

const WEBHOOK_SECRET = 'e2e-webhook-secret-0123456789abcdef0123456789'
const NEW_PASSWORD = 'zeven blauwe fietsen langs de dijk'

let portal: PortalServer
let sms: Awaited<ReturnType<typeof startSmsReceiver>>
/** A real SMTP server: the portal's outbox worker delivers every e-mail of these journeys to it. */
let smtp: Awaited<ReturnType<typeof startSmtpFake>>
let browser: Awaited<ReturnType<typeof launchBrowser>>
let context: BrowserContext
/** The server's clock stands still in tests; each journey moves it by hand when it needs to. */
let serverNow: Date

beforeAll(async () => {
  serverNow = new Date()
  // The receiver checks signatures against the portal's clock, which it only learns once the portal runs.
  let clock = () => serverNow
  sms = await startSmsReceiver(WEBHOOK_SECRET, () => clock())
  smtp = await startSmtpFake()
  portal = await startPortal({
    now: serverNow,
    outbox: true,
    env: {
      SMS_PROVIDER: 'webhook', SMS_WEBHOOK_URL: sms.url, SMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
      SMTP_URL: smtp.url, MAIL_FROM: 'Zorggroep De Linde <portaal@example.org>',
    },
  })
  clock = portal.now
  await createOrganisation(portal.db, { name: 'Zorggroep De Linde' })
  await publishTerms(portal.db, serverNow)
  browser = await launchBrowser()
  context = browser.context
})
afterAll(async () => {
  await browser?.close()
  await portal?.close()
  await sms?.close()
  await smtp?.close()
  // The numbers for the report: every screen, both widths.
  console.error(`axe: ${axeScans.length} scans without violations\n  ${axeScans.join('\n  ')}`)
})
beforeEach(async () => {
  await context.clearCookies()
})

async function newPage(viewport: { width: number; height: number } = VIEWPORTS.phone): Promise<Page> {
  const page = await context.newPage()
  await page.setViewportSize(viewport)
  return page
}

/** Second step with SMS, as a person does it: ask for the code, read it on the "phone", type the six digits. */
async function enterSmsCode(page: Page, person: TestPerson): Promise<void> {
  await page.getByRole('heading', { name: 'Inlogcode' }).waitFor()
  const before = sms.count(person.phone)
  await page.getByRole('button', { name: 'SMS-inlogcode aanvragen' }).click()
  const code = await sms.nextCode(person.phone, before)
  await page.getByText(`De code begint met ${code.prefix}.`).first().waitFor()
  await page.getByRole('textbox', { name: 'Inlogcode' }).fill(code.secret)
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
}

async function logIn(page: Page, person: TestPerson, password: string): Promise<void> {
  await page.goto(`${portal.url}/inloggen`)
  await enterPassword(page, person.loginName, password)
  await enterSmsCode(page, person)
}

async function sessionCookie(): Promise<string> {
  const cookie = (await context.cookies(portal.url)).find((c) => c.name === '__Host-portal_session')
  if (!cookie) throw new Error('no session cookie in the browser')
  return `${cookie.name}=${cookie.value}`
}

describe('a new person, from the welcome e-mail to Home', () => {
  it('creates a password, logs in with an SMS code, accepts the terms and is greeted', async () => {
    const person = await createPerson(portal.db, { displayName: 'Anna de Vries' })
    const link = await welcomeLink(portal.db, portal.url, person, serverNow)
    const page = await newPage()

    // The welcome link: the token is read and then taken out of the address bar.
    await page.goto(link)
    await page.getByRole('heading', { name: 'Wachtwoord aanmaken' }).waitFor()
    expect(page.url()).toBe(`${portal.url}/wachtwoord-instellen`)
    await page.getByText(`Uw gebruikersnaam is ${person.loginName}.`).waitFor()
    await expectAccessibleAtBothWidths(page, 'wachtwoord aanmaken')

    // Live feedback while typing, from the same rule the server uses.
    const newPassword = page.getByLabel('Nieuw wachtwoord')
    const rule = (text: string) => page.getByRole('listitem').filter({ hasText: text })
    await newPassword.fill('kort')
    await expect.poll(() => rule('minstens 12 tekens').textContent()).toContain('nog niet in orde')
    await newPassword.fill('anna wandelt graag in het bos')
    await expect.poll(() => rule('niet uw naam of gebruikersnaam').textContent(), { timeout: 20_000 }).toContain('nog niet in orde')
    await newPassword.fill('wachtwoord1234')
    await expect.poll(() => rule('geen bekend of makkelijk te raden').textContent()).toContain('nog niet in orde')
    await newPassword.fill(NEW_PASSWORD)
    await expect.poll(() => rule('geen bekend of makkelijk te raden').textContent()).toContain('(in orde)')
    await expect.poll(() => rule('minstens 12 tekens').textContent()).toContain('(in orde)')
    await expectAccessibleAtBothWidths(page, 'wachtwoord aanmaken, met eisen')

    // Two different passwords are named at the second field.
    await page.getByLabel('Bevestig wachtwoord').fill('iets anders')
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click()
    await page.getByText('De twee wachtwoorden zijn niet hetzelfde.').waitFor()
    await expectAccessibleAtBothWidths(page, 'wachtwoord aanmaken, met fout')
    await page.getByLabel('Bevestig wachtwoord').fill(NEW_PASSWORD)
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click()
    await page.getByRole('heading', { name: 'Uw wachtwoord is opgeslagen' }).waitFor()
    await expectAccessibleAtBothWidths(page, 'wachtwoord opgeslagen')
    // Saving the password did not log in.
    expect((await context.cookies(portal.url)).some((c) => c.name === '__Host-portal_session')).toBe(false)

    // First login: password, then the SMS code whose first four digits are already there.
    await page.getByRole('link', { name: 'Naar inloggen' }).click()
    await page.getByRole('heading', { name: 'Inloggen', level: 1 }).waitFor()
    await enterPassword(page, person.loginName, NEW_PASSWORD)
    await page.getByRole('button', { name: 'SMS-inlogcode aanvragen' }).waitFor()
    await page.getByText('eindigt op ' + person.phone.slice(-2)).waitFor()
    await expectAccessibleAtBothWidths(page, 'inlogcode aanvragen')
    const before = sms.count(person.phone)
    await page.getByRole('button', { name: 'SMS-inlogcode aanvragen' }).click()
    const code = await sms.nextCode(person.phone, before)
    await page.getByText(`De code begint met ${code.prefix}.`).first().waitFor()
    await waitForFocus(page.getByRole('textbox', { name: 'Inlogcode' }))
    await expectAccessibleAtBothWidths(page, 'inlogcode invullen')

    // A wrong code is named at the field; the right one logs in.
    const wrong = code.secret === '000000' ? '111111' : '000000'
    await page.getByRole('textbox', { name: 'Inlogcode' }).fill(wrong)
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
    await page.getByText('De inlogcode klopt niet of is verlopen.').waitFor()
    await expectAccessibleAtBothWidths(page, 'inlogcode fout')
    await page.getByRole('textbox', { name: 'Inlogcode' }).fill(code.secret)
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click()

    // The terms of use before anything else.
    await page.getByRole('heading', { name: 'Gebruikersvoorwaarden', level: 1 }).waitFor()
    expect(page.url()).toBe(`${portal.url}/akkoord-gebruikersvoorwaarden`)
    await page.getByRole('heading', { name: 'Wie mag het portaal gebruiken?' }).waitFor()
    await expectAccessibleAtBothWidths(page, 'gebruikersvoorwaarden accepteren')
    await page.goto(`${portal.url}/home`)
    await page.getByRole('heading', { name: 'Gebruikersvoorwaarden', level: 1 }).waitFor()
    await page.getByRole('button', { name: 'Ik ga akkoord met de voorwaarden' }).click()
    await page.getByText('Zet eerst een vinkje').first().waitFor()
    await expectAccessibleAtBothWidths(page, 'gebruikersvoorwaarden zonder vinkje')
    await page.getByRole('checkbox', { name: 'Ik ga akkoord met de gebruikersvoorwaarden' }).check()
    await page.getByRole('button', { name: 'Ik ga akkoord met de voorwaarden' }).click()

    // Home greets the person, inside the portal layout.
    await page.getByRole('heading', { name: 'Welkom, Anna de Vries' }).waitFor()
    expect(page.url()).toBe(`${portal.url}/home`)
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor()
    await expectAccessibleAtBothWidths(page, 'home')

    // The terms stay readable from the portal.
    await page.getByRole('link', { name: 'Gebruikersvoorwaarden' }).click()
    await page.getByText(/U bent op .* akkoord gegaan met deze voorwaarden\./).waitFor()
    await expectAccessibleAtBothWidths(page, 'gebruikersvoorwaarden lezen (ingelogd)')
    await page.close()
    // A long journey with many axe scans, on a machine shared with other work.
  }, 240_000)
})

describe('the server decides about the password', () => {
  it("shows the server's reasons when the rule could not be loaded in the browser", async () => {
    const person = await createPerson(portal.db, { displayName: 'Greet Smit' })
    const link = await welcomeLink(portal.db, portal.url, person, serverNow)
    const page = await newPage()
    // As on a connection that drops the large dictionary file: the page still works.
    await page.route('**/assets/password-policy-*.js', (route) => route.abort())
    await page.goto(link)
    await page.getByRole('heading', { name: 'Wachtwoord aanmaken' }).waitFor()
    await page.getByLabel('Nieuw wachtwoord').fill('te kort')
    await page.getByLabel('Bevestig wachtwoord').fill('te kort')
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click()
    await page.getByRole('alert').getByText('Dit wachtwoord kunnen we niet gebruiken.').waitFor()
    const rule = page.getByRole('listitem').filter({ hasText: 'minstens 12 tekens' })
    await expect.poll(() => rule.textContent()).toContain('nog niet in orde')
    await expectAccessibleAtBothWidths(page, 'wachtwoord geweigerd door de server')
    await page.close()
  })
})

describe('the terms of use', () => {
  it('can be read without logging in, from the link at the bottom of every page', async () => {
    const page = await newPage()
    await page.goto(`${portal.url}/inloggen`)
    await page.getByRole('contentinfo').getByRole('link', { name: 'Gebruikersvoorwaarden' }).click()
    await page.getByRole('heading', { name: 'Gebruikersvoorwaarden', level: 1 }).waitFor()
    await page.getByRole('heading', { name: 'Wie mag het portaal gebruiken?' }).waitFor()
    expect(await page.getByRole('checkbox').count()).toBe(0)
    await expectAccessibleAtBothWidths(page, 'gebruikersvoorwaarden lezen (niet ingelogd)')
    await page.close()
  })
})

describe('a forgotten password', () => {
  it('gives the same answer for any username, and the link makes a new password', async () => {
    const person = await createPerson(portal.db, { displayName: 'Bram Jansen', password: 'een oud wachtwoord dat weg is' })
    await acceptCurrentTerms(portal.db, person, serverNow)
    const page = await newPage()
    await page.goto(`${portal.url}/inloggen`)
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click()
    await page.getByRole('heading', { name: 'Wachtwoord vergeten' }).waitFor()
    await expectAccessibleAtBothWidths(page, 'wachtwoord vergeten')

    await page.getByRole('textbox', { name: 'Gebruikersnaam' }).fill('iemand.die.niet.bestaat')
    await page.getByRole('button', { name: 'Stuur mij een link' }).click()
    const answer = page.getByText('Als deze gebruikersnaam of dit e-mailadres bij ons bekend is')
    await answer.waitFor()
    const answerForUnknown = await answer.textContent()
    await expectAccessibleAtBothWidths(page, 'wachtwoord vergeten, bevestiging')

    await page.goto(`${portal.url}/wachtwoord-vergeten`)
    await page.getByRole('textbox', { name: 'Gebruikersnaam' }).fill(person.loginName)
    await page.getByRole('button', { name: 'Stuur mij een link' }).click()
    await answer.waitFor()
    expect(await answer.textContent()).toBe(answerForUnknown)

    await page.goto(await latestPasswordLink(portal.db, person))
    await page.getByRole('heading', { name: 'Nieuw wachtwoord maken' }).waitFor()
    await page.getByLabel('Nieuw wachtwoord').fill(NEW_PASSWORD)
    await page.getByLabel('Bevestig wachtwoord').fill(NEW_PASSWORD)
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click()
    await page.getByRole('heading', { name: 'Uw wachtwoord is opgeslagen' }).waitFor()

    // The link works once (opened again, as from the e-mail: a new page).
    const again = await newPage()
    await again.goto(await latestPasswordLink(portal.db, person))
    await again.getByText('Deze link werkt niet (meer).').waitFor()
    await expectAccessibleAtBothWidths(again, 'wachtwoordlink verlopen')
    await again.close()

    await logIn(page, person, NEW_PASSWORD)
    await page.getByRole('heading', { name: 'Welkom, Bram Jansen' }).waitFor()
    await page.close()
  })
})

describe('a temporary password', () => {
  it('must be changed right after logging in, before anything else', async () => {
    const temporary = 'Tijdelijk-7391-wachtwoord'
    const person = await createPerson(portal.db, { displayName: 'Carla Bakker', password: temporary, temporary: true })
    await acceptCurrentTerms(portal.db, person, serverNow)
    const page = await newPage(VIEWPORTS.desktop)
    await logIn(page, person, temporary)
    await page.getByRole('heading', { name: 'Wijzig wachtwoord' }).waitFor()
    expect(page.url()).toBe(`${portal.url}/wachtwoord-wijzigen`)
    await expectAccessibleAtBothWidths(page, 'wijzig wachtwoord')

    // Nothing else is reachable first.
    await page.goto(`${portal.url}/home`)
    await page.getByRole('heading', { name: 'Wijzig wachtwoord' }).waitFor()

    await page.getByLabel('Huidig wachtwoord').fill('niet het goede wachtwoord')
    await page.getByLabel('Nieuw wachtwoord').fill(NEW_PASSWORD)
    await page.getByLabel('Bevestig wachtwoord').fill(NEW_PASSWORD)
    await page.getByRole('button', { name: 'Wijzig wachtwoord' }).click()
    await page.getByText('Uw huidige wachtwoord klopt niet.').waitFor()
    await expectAccessibleAtBothWidths(page, 'wijzig wachtwoord, fout')

    await page.getByLabel('Huidig wachtwoord').fill(temporary)
    await page.getByRole('button', { name: 'Wijzig wachtwoord' }).click()
    await page.getByRole('heading', { name: 'Welkom, Carla Bakker' }).waitFor()
    await page.close()
  })
})

describe('logging out', () => {
  it('ends the session on the server and says so on the login page', async () => {
    const person = await createPerson(portal.db, { displayName: 'Dirk Visser', password: NEW_PASSWORD })
    await acceptCurrentTerms(portal.db, person, serverNow)
    const page = await newPage()
    await logIn(page, person, NEW_PASSWORD)
    await page.getByRole('heading', { name: 'Welkom, Dirk Visser' }).waitFor()
    const cookie = await sessionCookie()

    await page.getByRole('button', { name: 'Dirk Visser' }).click()
    await page.getByRole('link', { name: 'Mijn profiel' }).waitFor()
    await expectAccessibleAtBothWidths(page, 'gebruikersmenu open')
    await page.getByRole('button', { name: 'Uitloggen' }).click()
    await page.getByText('U bent uitgelogd.').waitFor()
    expect(page.url()).toBe(`${portal.url}/inloggen`)
    await expectAccessibleAtBothWidths(page, 'uitgelogd')

    // The old cookie no longer opens anything, and the portal pages send to the login page.
    const after = await fetch(`${portal.url}/api/session`, { headers: { cookie } })
    expect(after.status).toBe(401)
    await page.goto(`${portal.url}/home`)
    await page.getByRole('heading', { name: 'Inloggen', level: 1 }).waitFor()
    expect(page.url()).toBe(`${portal.url}/inloggen`)
    await page.close()
  })
})

describe('the idle timeout', () => {
  it('warns two minutes before, can be extended, and logs out for safety at the end', async () => {
    const person = await createPerson(portal.db, { displayName: 'Eva de Boer', password: NEW_PASSWORD })
    await acceptCurrentTerms(portal.db, person, serverNow)
    const start = new Date()
    portal.setNow(start)
    const page = await newPage(VIEWPORTS.desktop)
    await page.clock.install({ time: start })
    await logIn(page, person, NEW_PASSWORD)
    await page.getByRole('heading', { name: 'Welkom, Eva de Boer' }).waitFor()
    const cookie = await sessionCookie()

    // 13 minutes later (of 15): the warning, with the focus in it.
    await page.clock.fastForward('13:05')
    portal.setNow(new Date(start.getTime() + 13 * 60_000 + 5_000))
    const dialog = page.getByRole('alertdialog', { name: 'Wilt u ingelogd blijven?' })
    await dialog.waitFor()
    await waitForFocus(dialog.getByRole('button', { name: 'Blijf ingelogd' }))
    await expectAccessibleAtBothWidths(page, 'waarschuwing inactiviteit')

    // "Blijf ingelogd" extends the session on the server too.
    await dialog.getByRole('button', { name: 'Blijf ingelogd' }).click()
    await dialog.waitFor({ state: 'detached' })
    portal.setNow(new Date(start.getTime() + 20 * 60_000))
    expect((await fetch(`${portal.url}/api/session`, { headers: { cookie } })).status).toBe(200)

    // Nothing more happens: the warning again, then the login page, which says why.
    await page.clock.fastForward('13:30')
    await dialog.waitFor()
    await page.clock.fastForward('02:00')
    await page.getByText('U bent uitgelogd, omdat u een tijd niets heeft gedaan').waitFor()
    expect(page.url()).toBe(`${portal.url}/inloggen`)
    await expectAccessibleAtBothWidths(page, 'uitgelogd na inactiviteit')
    expect((await fetch(`${portal.url}/api/session`, { headers: { cookie } })).status).toBe(401)
    await page.close()
  })
})

describe('the SMS code', () => {
  // Last in the file: it moves the server's clock well ahead.
  it('can be sent again after a moment, and a login that took too long starts over', async () => {
    const person = await createPerson(portal.db, { displayName: 'Frits Mulder', password: NEW_PASSWORD })
    await acceptCurrentTerms(portal.db, person, serverNow)
    const page = await newPage()
    await page.goto(`${portal.url}/inloggen`)
    await enterPassword(page, person.loginName, NEW_PASSWORD)
    const before = sms.count(person.phone)
    await page.getByRole('button', { name: 'SMS-inlogcode aanvragen' }).click()
    const first = await sms.nextCode(person.phone, before)

    // Straight away is too soon for another SMS, and the page says so.
    await page.getByRole('button', { name: 'Stuur een nieuwe SMS' }).click()
    await page.getByRole('alert').getByText('Te veel pogingen.').waitFor()
    await expectAccessibleAtBothWidths(page, 'nieuwe SMS te snel')

    // Half a minute later a new code comes; the old one no longer works.
    portal.setNow(new Date(portal.now().getTime() + 31_000))
    await page.getByRole('button', { name: 'Stuur een nieuwe SMS' }).click()
    const second = await sms.nextCode(person.phone, before + 1)
    await page.getByText(`Er is een nieuwe SMS verstuurd. De nieuwe code begint met ${second.prefix}.`).waitFor()
    if (first.secret !== second.secret) {
      await page.getByRole('textbox', { name: 'Inlogcode' }).fill(first.secret)
      await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
      await page.getByText('De inlogcode klopt niet of is verlopen.').waitFor()
    }

    // Eleven minutes after the password the attempt is over: back to the first step, name still there.
    portal.setNow(new Date(portal.now().getTime() + 11 * 60_000))
    await page.getByRole('textbox', { name: 'Inlogcode' }).fill(second.secret)
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
    await page.getByText('Het inloggen duurde te lang. Begin opnieuw.').waitFor()
    expect(await page.getByRole('textbox', { name: 'Gebruikersnaam' }).inputValue()).toBe(person.loginName)
    await waitForFocus(page.getByLabel('Wachtwoord', { exact: true }))
    await expectAccessibleAtBothWidths(page, 'inloggen duurde te lang')
    await page.close()
  })
})

/** The first link to `path` in an e-mail to `address` that reached the SMTP server (waits up to 10 s for the outbox worker). */
async function linkInMail(address: string, path: string): Promise<string> {
  const pattern = new RegExp(`(https?://[^\\s"<>]+${path}#[A-Za-z0-9_-]+)`)
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    for (const mail of smtp.received.filter((m) => m.to.includes(address))) {
      const link = pattern.exec(decodeQuotedPrintable(mail.raw))?.[1]
      if (link) return link
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no e-mail with a ${path} link reached the SMTP server for ${address}`)
}

describe('Iemand toegang geven', () => {
  it('a client invites her son for Rapportages and Berichten; he makes his account from the e-mail, sees those two only, and loses access when she ends it', async () => {
    const mother = await createPerson(portal.db, { displayName: 'Anna de Vries', password: NEW_PASSWORD, now: serverNow })
    await acceptCurrentTerms(portal.db, mother, serverNow)
    const client = await createClient(portal.db, { gender: 'female', initials: 'A.', given_name: 'Anna', family_name: 'de Vries' })
    await createLink(portal.db, mother.id, client.id, { relation: 'self' })
    const son = { name: 'Peter de Vries', email: 'peter.devries@example.org', mobile: '06 87654321', e164: '+31687654321', loginName: 'peter.devries' }
    // At 1280 px the menu stands beside the page; every new screen is checked at 360, 768 and 1280 px.
    const page = await newPage(VIEWPORTS.desktop)

    // ── The mother invites her son from the portal menu ──
    await logIn(page, mother, NEW_PASSWORD)
    // One client: Home takes her straight to that client's record.
    await page.waitForURL(`${portal.url}/client/${client.id}/home`)
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Iemand toegang geven' }).click()
    await page.getByRole('heading', { name: 'Iemand toegang geven', level: 1 }).waitFor()
    await page.getByRole('textbox', { name: 'Naam' }).fill(son.name)
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill(son.email)
    await page.getByRole('textbox', { name: 'Mobiel nummer' }).fill(son.mobile)
    await page.getByRole('radio', { name: 'Eerste contactpersoon' }).check()
    const sections = page.getByRole('group', { name: 'Wat mag deze persoon zien?' })
    await sections.getByRole('checkbox', { name: 'Rapportages' }).check()
    await sections.getByRole('checkbox', { name: 'Berichten' }).check()
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click()
    await page.getByText(`De uitnodiging is verstuurd naar ${son.email}.`).waitFor()
    const invited = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: son.name, level: 3 }) })
    await invited.getByText('Uitgenodigd · Eerste contactpersoon').waitFor()
    await expectAccessibleAtBothWidths(page, 'iemand toegang geven, uitgenodigd')
    const motherCookies = await context.cookies()

    // ── The invitation e-mail arrives at the SMTP server; the son makes his account from it ──
    await context.clearCookies()
    await page.goto(await linkInMail(son.email, '/uitnodiging'))
    await page.getByText('Anna de Vries geeft u toegang tot: Rapportages, Berichten.').waitFor()
    expect(page.url()).toBe(`${portal.url}/uitnodiging`)
    await expectAccessibleAtBothWidths(page, 'uitnodiging')
    await page.getByRole('textbox', { name: 'Gebruikersnaam' }).fill(son.loginName)
    await page.getByRole('button', { name: 'Account maken' }).click()
    await page.getByText(`Uw account is gemaakt. Uw gebruikersnaam is ${son.loginName}.`, { exact: false }).waitFor()
    await page.goto(await linkInMail(son.email, '/wachtwoord-instellen'))
    await page.getByLabel('Nieuw wachtwoord').fill('mijn moeder woont in de linde')
    await page.getByLabel('Bevestig wachtwoord').fill('mijn moeder woont in de linde')
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click()
    await page.getByRole('heading', { name: 'Uw wachtwoord is opgeslagen' }).waitFor()
    const sonPerson: TestPerson = { id: '', loginName: son.loginName, displayName: son.name, email: son.email, phone: son.e164 }
    await logIn(page, sonPerson, 'mijn moeder woont in de linde')
    await page.getByRole('checkbox', { name: 'Ik ga akkoord met de gebruikersvoorwaarden' }).check()
    await page.getByRole('button', { name: 'Ik ga akkoord met de voorwaarden' }).click()

    // ── He sees exactly Rapportages and Berichten ──
    await page.waitForURL(`${portal.url}/client/${client.id}/home`)
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' })
    await menu.getByRole('link', { name: 'Rapportages' }).waitFor()
    const sectionLinks = ['Profiel', 'Rapportages', 'Cliëntplanafdrukken', 'Berichten', 'Afspraken', 'Abonnementen', 'Iemand toegang geven']
    const shown: string[] = []
    for (const name of sectionLinks) if ((await menu.getByRole('link', { name, exact: true }).count()) > 0) shown.push(name)
    expect(shown).toEqual(['Rapportages', 'Berichten'])
    await menu.getByRole('link', { name: 'Rapportages' }).click()
    await page.getByRole('heading', { name: 'Rapportages', level: 1 }).waitFor()
    const sonCookies = await context.cookies()

    // ── The mother ends his access ──
    await context.clearCookies()
    await context.addCookies(motherCookies)
    await page.goto(`${portal.url}/client/${client.id}/toegang-geven`)
    const granted = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: son.name, level: 3 }) })
    await granted.getByText('Heeft toegang · Eerste contactpersoon').waitFor()
    await granted.getByText('Rapportages, Berichten').waitFor()
    await granted.getByRole('button', { name: `Toegang beëindigen voor ${son.name}` }).click()
    await expectAccessibleAtBothWidths(page, 'toegang beëindigen, bevestigen')
    await granted.getByRole('button', { name: 'Ja, beëindigen' }).click()
    await page.getByText(`De toegang van ${son.name} is beëindigd.`).waitFor()
    await granted.getByText('Toegang beëindigd · Eerste contactpersoon').waitFor()

    // ── His very next request gets "not found", and his page says the access ended ──
    await context.clearCookies()
    await context.addCookies(sonCookies)
    const answer = await page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).json() as Promise<{ error?: { code: string } }>, `/api/clients/${client.id}/reports`)
    expect(answer.error?.code).toBe('not_found')
    await page.reload()
    await page.getByRole('heading', { name: 'Pagina niet gevonden', level: 1 }).waitFor()
    await page.getByText(/Misschien is uw toegang beëindigd/).waitFor()
    await page.close()
  }, 240_000)
})

import { Secret, TOTP } from 'otpauth'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acceptCurrentTerms, createPerson, publishTerms, type TestPerson } from './support/accounts.ts'
import { accessibilityViolations, launchBrowser, VIEWPORTS, waitForFocus } from './support/browser.ts'
import { enterPassword, logInWithSms, logOut } from './support/log-in.ts'
import { type PortalServer, startPortal } from './support/portal-server.ts'

const PASSWORD = 'de kat zit graag in de vensterbank'

let portal: PortalServer
let browser: Awaited<ReturnType<typeof launchBrowser>>
let context: BrowserContext

beforeAll(async () => {
  portal = await startPortal({ host: 'localhost' })
  await publishTerms(portal.db, portal.now())
  browser = await launchBrowser()
  context = browser.context
})
afterAll(async () => {
  await browser?.close()
  await portal?.close()
})

async function newPerson(): Promise<TestPerson> {
  const person = await createPerson(portal.db, { displayName: 'Sjaan uit de Jordaan', password: PASSWORD, now: portal.now() })
  await acceptCurrentTerms(portal.db, person, portal.now())
  return person
}

/** Logs in and opens "Mijn profiel" from the menu under the person's name. */
async function openProfile(person: TestPerson, viewport: { width: number; height: number } = VIEWPORTS.desktop): Promise<Page> {
  const page = await context.newPage()
  await page.setViewportSize(viewport)
  await logInWithSms(page, portal, person, PASSWORD)
  await page.getByRole('button', { name: person.displayName }).click()
  await page.getByRole('link', { name: 'Mijn profiel' }).click()
  await page.getByRole('heading', { name: 'Mijn profiel', level: 1 }).waitFor()
  await page.getByRole('heading', { name: 'Uw gegevens' }).waitFor()
  return page
}

/** Moves the server's clock on (it stands still otherwise), e.g. past the "recent login" window. */
function advanceServerClock(ms: number): void {
  portal.setNow(new Date(portal.now().getTime() + ms))
}

async function expectAccessible(page: Page, state: string): Promise<void> {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport)
    const violations = await accessibilityViolations(page)
    expect(violations, `${state} on a ${name}`).toEqual([])
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow, `${state} on a ${name} sticks out sideways`).toBeLessThanOrEqual(0)
  }
}

function totpCode(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: portal.now().getTime() })
}

describe('Mijn profiel', () => {
  it('shows name, login name, e-mail and mobile number, and has no accessibility violations', async () => {
    const person = await newPerson()
    const page = await openProfile(person, VIEWPORTS.phone)
    const details = page.locator('dl')
    await details.getByText(person.displayName, { exact: true }).waitFor()
    await details.getByText(person.loginName, { exact: true }).waitFor()
    await details.getByText(person.email, { exact: true }).waitFor()
    expect(await details.textContent()).toContain(`06 ${person.phone.slice(4)}`)
    // This device is listed among the sessions, and marked.
    await page.getByRole('list', { name: 'Actieve sessies' }).getByText('Dit apparaat').waitFor()
    await expectAccessible(page, 'the profile page')

    // English is the second language of every screen.
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'My profile', level: 1 }).waitFor()
    await page.getByRole('heading', { name: 'Log in with a passkey' }).waitFor()
    await expectAccessible(page, 'the profile page in English')
    await page.getByRole('button', { name: 'Nederlands' }).click()
    await page.close()
  })

  it('Meldingen: chooses per kind and channel, saves, and has no accessibility violations at 360, 768 and 1280 px', async () => {
    const person = await newPerson()
    const page = await openProfile(person, VIEWPORTS.phone)
    await page.getByRole('heading', { name: 'Meldingen', level: 2 }).waitFor()
    const reports = page.getByRole('group', { name: 'Een nieuwe rapportage' })
    expect(await reports.getByLabel('E-mail').inputValue()).toBe('digest')
    await reports.getByLabel('E-mail').selectOption('immediate')
    await page.getByRole('group', { name: 'Een nieuw bericht of antwoord' }).getByLabel('SMS').check()
    await page.getByRole('button', { name: 'Meldingen opslaan' }).click()
    await page.getByRole('status').getByText('Uw keuzes voor meldingen zijn opgeslagen.').waitFor()
    const stored = await portal.db.selectFrom('notification_preference').select(['kind', 'channel', 'mode']).where('account_id', '=', person.id).where('mode', '!=', 'off').orderBy('kind').orderBy('channel').execute()
    expect(stored).toContainEqual({ kind: 'report', channel: 'email', mode: 'immediate' })
    expect(stored).toContainEqual({ kind: 'message', channel: 'sms', mode: 'immediate' })
    // Permission for push is asked only on a click: the button is there, nothing was asked yet.
    await page.getByRole('button', { name: 'Pushberichten aanzetten op dit apparaat' }).waitFor()
    expect(await page.evaluate(() => Notification.permission)).toBe('default')
    await expectAccessible(page, 'Meldingen')
  })

  it('sets up an authenticator app, shows the recovery codes once, logs in with an app code and a recovery code, removes the app', async () => {
    const person = await newPerson()
    const page = await openProfile(person)
    await page.getByRole('button', { name: 'Authenticator-app instellen' }).click()
    const qr = page.getByRole('img', { name: 'QR-code om uw account aan de authenticator-app toe te voegen' })
    await qr.waitFor()
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    await expectAccessible(page, 'the QR code step')

    const secret = ((await page.locator('.totp-steps__secret code').textContent()) ?? '').replace(/\s/g, '')
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/)

    // A wrong code is said at the field, and the person can try again.
    await page.getByRole('textbox', { name: 'Code uit de app' }).fill('000000')
    await page.getByRole('button', { name: 'Code controleren' }).click()
    await page.getByText('Deze code klopt niet').waitFor()

    await page.getByRole('textbox', { name: 'Code uit de app' }).fill(totpCode(secret))
    await page.getByRole('button', { name: 'Code controleren' }).click()
    await page.getByRole('heading', { name: 'Uw herstelcodes' }).waitFor()
    const codes = await page.getByRole('list', { name: 'Uw herstelcodes' }).getByRole('listitem').allTextContents()
    expect(codes).toHaveLength(10)
    await page.getByText('Bewaar deze codes goed.').waitFor()
    await expectAccessible(page, 'the recovery codes')

    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click()
    await page.getByText('U gebruikt een authenticator-app om in te loggen.').waitFor()
    await page.getByText('U heeft nog 10 herstelcodes.').waitFor()

    // Next login: the app's code instead of an SMS. The clock moves on a period, because
    // a code that was accepted once (the enrolment's) is never accepted again.
    await logOut(page, person.displayName)
    advanceServerClock(30_000)
    await enterPassword(page, portal, person.loginName, PASSWORD)
    await page.getByRole('radio', { name: 'Code uit uw app' }).check()
    await page.getByRole('textbox', { name: 'Code uit uw app' }).fill(totpCode(secret))
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
    await page.getByRole('button', { name: person.displayName }).waitFor()

    // New recovery codes replace the old ones; one of them logs in (once).
    await page.goto(`${portal.url}/mijn-profiel`)
    await page.getByRole('button', { name: 'Nieuwe herstelcodes maken' }).click()
    await page.getByRole('heading', { name: 'Uw herstelcodes' }).waitFor()
    const newCodes = await page.getByRole('list', { name: 'Uw herstelcodes' }).getByRole('listitem').allTextContents()
    expect(newCodes).toHaveLength(10)
    expect(newCodes.some((code) => codes.includes(code))).toBe(false)
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click()
    await logOut(page, person.displayName)
    await enterPassword(page, portal, person.loginName, PASSWORD)
    await page.getByRole('radio', { name: 'Herstelcode' }).check()
    await page.getByRole('textbox', { name: 'Herstelcode' }).fill(newCodes[0] ?? '')
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
    await page.getByRole('button', { name: person.displayName }).waitFor()

    // Removing the app: back to SMS codes.
    await page.goto(`${portal.url}/mijn-profiel`)
    await page.getByText('U heeft nog 9 herstelcodes.').waitFor()
    await page.getByRole('button', { name: 'Authenticator-app verwijderen' }).click()
    await page.getByText('De authenticator-app is verwijderd.').waitFor()
    await page.getByRole('button', { name: 'Authenticator-app instellen' }).waitFor()
    await page.close()
  })

  it('asks for the password again when the login is not recent, then makes the change', async () => {
    const person = await newPerson()
    const page = await openProfile(person)
    advanceServerClock(6 * 60_000)

    await page.getByRole('button', { name: 'Mobiel nummer wijzigen' }).click()
    await page.getByRole('textbox', { name: 'Nieuw mobiel nummer' }).fill('06 12345678')
    await page.getByRole('button', { name: 'Nummer opslaan' }).click()
    await page.getByRole('heading', { name: 'Bevestig dat u het bent' }).waitFor()
    const password = page.getByLabel('Uw wachtwoord')
    await waitForFocus(password)
    await expectAccessible(page, 'the password question')

    await password.fill('niet mijn wachtwoord')
    await page.getByRole('button', { name: 'Bevestigen' }).click()
    await page.getByText('Uw huidige wachtwoord klopt niet.').waitFor()
    await password.fill(PASSWORD)
    await page.getByRole('button', { name: 'Bevestigen' }).click()
    await page.getByText('Uw mobiele nummer is gewijzigd.').waitFor()
    expect(await page.locator('dl').textContent()).toContain('06 12345678')
    await page.close()
  })

  it('changes the password with live feedback, the current password first', async () => {
    const person = await newPerson()
    const page = await openProfile(person)
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click()
    await page.getByLabel('Huidig wachtwoord').fill(PASSWORD)
    await page.getByLabel('Nieuw wachtwoord').fill('kort')
    await expectAccessible(page, 'the password form')
    const newPassword = 'mijn kleinkinderen spelen graag op het strand'
    await page.getByLabel('Nieuw wachtwoord').fill(newPassword)
    await page.getByLabel('Bevestig wachtwoord').fill(newPassword)
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click()
    await page.getByText('Uw wachtwoord is gewijzigd.').waitFor()
    await page.close()
  })

  it('lists the other sessions and ends them all', async () => {
    const person = await newPerson()
    // A second device: a second browser with its own cookies.
    const second = await launchBrowser()
    try {
      const otherPage = await second.context.newPage()
      await logInWithSms(otherPage, portal, person, PASSWORD)

      const page = await openProfile(person)
      const sessions = page.getByRole('list', { name: 'Actieve sessies' })
      await expect.poll(() => sessions.getByRole('listitem').count()).toBe(2)
      await page.getByRole('button', { name: 'Alle andere sessies beëindigen' }).click()
      await page.getByText('De andere sessies zijn beëindigd (1).').waitFor()
      await page.getByText('U bent alleen op dit apparaat ingelogd.').waitFor()

      // The other device is logged out.
      await otherPage.reload()
      await otherPage.getByRole('heading', { name: 'Inloggen', level: 1 }).waitFor()
      await page.close()
    } finally {
      await second.close()
    }
  })
})

import type { BrowserContext, CDPSession, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acceptCurrentTerms, createPerson, publishTerms, type TestPerson } from './support/accounts.ts'
import { accessibilityViolations, launchBrowser, VIEWPORTS } from './support/browser.ts'
import { logInWithSms, logOut } from './support/log-in.ts'
import { type PortalServer, startPortal } from './support/portal-server.ts'

const PASSWORD = 'de kat zit graag in de vensterbank'

let portal: PortalServer
let browser: Awaited<ReturnType<typeof launchBrowser>>
let context: BrowserContext

beforeAll(async () => {
  // WebAuthn wants a domain name (not an IP address) and a secure context: http://localhost.
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

/**
 * Chromium's virtual authenticator, built into "this device" (like a fingerprint reader):
 * it keeps passkeys (resident keys) and always verifies the user.
 */
async function addVirtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await context.newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  })
  return { cdp, authenticatorId }
}

async function expectAccessible(page: Page, state: string): Promise<void> {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport)
    expect(await accessibilityViolations(page), `${state} on a ${name}`).toEqual([])
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow, `${state} on a ${name} sticks out sideways`).toBeLessThanOrEqual(0)
  }
}

describe('passkeys', () => {
  it('shows "Inloggen met een passkey" on the login page, without accessibility violations', async () => {
    const page = await context.newPage()
    await context.clearCookies()
    await page.goto(`${portal.url}/inloggen`)
    await page.getByRole('button', { name: 'Inloggen met een passkey' }).waitFor()
    await page.getByText('Met uw vingerafdruk, gezicht of pincode.').waitFor()
    await expectAccessible(page, 'the login page with the passkey button')
    await page.close()
  })

  it('offers a passkey once after login, adds one in the profile, and logs in with it without password or code', async () => {
    const person = await newPerson()
    const page = await context.newPage()
    await page.setViewportSize(VIEWPORTS.desktop)
    const { cdp, authenticatorId } = await addVirtualAuthenticator(page)
    await logInWithSms(page, portal, person, PASSWORD)

    // The kind offer, on the first page after login.
    const offer = page.getByRole('complementary', { name: 'Wilt u voortaan inloggen met uw vingerafdruk of gezicht?' })
    await offer.waitFor()
    await page.getByRole('heading', { name: /^Welkom/, level: 1 }).waitFor()
    await expectAccessible(page, 'home with the passkey offer')
    await offer.getByRole('link', { name: 'Ja, passkey instellen' }).click()
    await page.getByRole('heading', { name: 'Mijn profiel', level: 1 }).waitFor()
    await page.getByText('U heeft nog geen passkey.').waitFor()

    // A while later the login no longer counts as recent: the password first, then the device.
    portal.setNow(new Date(portal.now().getTime() + 6 * 60_000))
    await page.getByRole('textbox', { name: 'Naam van de passkey' }).fill('Laptop thuis')
    await page.getByRole('button', { name: 'Passkey toevoegen' }).click()
    await page.getByRole('heading', { name: 'Bevestig dat u het bent' }).waitFor()
    await page.getByLabel('Uw wachtwoord').fill(PASSWORD)
    await page.getByRole('button', { name: 'Bevestigen' }).click()
    await page.getByText('De passkey is toegevoegd.').waitFor()
    const passkeys = page.getByRole('list', { name: 'Uw passkeys' })
    await passkeys.getByText('Laptop thuis').waitFor()
    await passkeys.getByText('Nog niet gebruikt').waitFor()
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
    expect(credentials).toHaveLength(1)
    expect(credentials[0]?.isResidentCredential).toBe(true)
    await expectAccessible(page, 'the profile with a passkey')

    // Log out, and back in with the passkey alone.
    await logOut(page, person.displayName)
    await page.getByRole('button', { name: 'Inloggen met een passkey' }).click()
    await page.getByRole('button', { name: person.displayName }).waitFor()

    await page.getByRole('button', { name: person.displayName }).click()
    await page.getByRole('link', { name: 'Mijn profiel' }).click()
    await passkeys.getByText(/Laatst gebruikt op/).waitFor()

    // Removing it: the passkey no longer logs in.
    await page.getByRole('button', { name: 'Passkey Laptop thuis verwijderen' }).click()
    await page.getByText('De passkey is verwijderd.').waitFor()
    await page.getByText('U heeft nog geen passkey.').waitFor()
    // Without a passkey again, but the offer was answered once: Home stays quiet.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Home' }).click()
    await page.getByRole('heading', { name: /^Welkom/ }).waitFor()
    await page.waitForTimeout(500)
    expect(await offer.count()).toBe(0)
    await logOut(page, person.displayName)
    await page.getByRole('button', { name: 'Inloggen met een passkey' }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/Inloggen met (deze|een) passkey is (niet gelukt|gestopt)/)
    await expectAccessible(page, 'the login page after a refused passkey')
    await page.close()
  })

  it('says so calmly when the person stops the passkey login', async () => {
    const page = await context.newPage()
    await context.clearCookies()
    await page.setViewportSize(VIEWPORTS.phone)
    // An authenticator that holds no passkey for this site: Chromium reports NotAllowedError, as when someone cancels.
    await addVirtualAuthenticator(page)
    await page.goto(`${portal.url}/inloggen`)
    await page.getByRole('button', { name: 'Inloggen met een passkey' }).click()
    await page.getByText('Inloggen met een passkey is gestopt.', { exact: false }).waitFor()
    await page.close()
  })
})

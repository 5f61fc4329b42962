import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNewsItem, createOrganisation } from '../server/test/factories.ts'
import { pageJavaScript, ROUTE_BUDGETS } from '../web/build/route-budget.ts'
import { createPerson } from './support/accounts.ts'
import { accessibilityViolations, launchBrowser, VIEWPORTS, waitForFocus } from './support/browser.ts'
import { type PortalServer, startPortal } from './support/portal-server.ts'

let portal: PortalServer
let browser: Awaited<ReturnType<typeof launchBrowser>>
let context: BrowserContext

beforeAll(async () => {
  portal = await startPortal()
  browser = await launchBrowser()
  context = browser.context
})
afterAll(async () => {
  await browser?.close()
  await portal?.close()
})

async function openLoginPage(viewport: { width: number; height: number }): Promise<Page> {
  const page = await context.newPage()
  await page.setViewportSize(viewport)
  await page.goto(`${portal.url}/`)
  await page.getByRole('heading', { name: 'Inloggen' }).waitFor()
  return page
}

describe('the login page', () => {
  it('asks for no JavaScript but what its budget counts, until someone does something', async () => {
    const page = await context.newPage()
    // Every file from the server, none from the cache of an earlier page.
    await (await context.newCDPSession(page)).send('Network.setCacheDisabled', { cacheDisabled: true })
    const scripts = new Set<string>()
    page.on('request', (request) => {
      const { pathname } = new URL(request.url())
      if (pathname.endsWith('.js')) scripts.add(pathname.slice(1))
    })
    await page.goto(`${portal.url}/inloggen`)
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor()
    await page.waitForLoadState('networkidle')
    const budget = ROUTE_BUDGETS.find(({ name }) => name === 'login')
    if (!budget) throw new Error('web/build/route-budget.ts has no budget for the login page')
    const { inAll } = pageJavaScript(portal.webDist, budget)
    expect([...scripts].sort()).toEqual([...inAll.files].sort())
    await page.close()
  })

  it('says there is no news when there is none', async () => {
    const page = await openLoginPage(VIEWPORTS.desktop)
    await expect(page.getByRole('heading', { name: 'Nieuws' }).isVisible()).resolves.toBe(true)
    await page.getByText('Er zijn geen meldingen').waitFor()
    await page.close()
  })

  it('shows the organisation and the current news from the database, in Dutch', async () => {
    await createOrganisation(portal.db, { name: 'Zorggroep De Linde', tagline: 'Zorg met aandacht', primary_color: '#00587a' })
    await createNewsItem(portal.db, { title: 'Onderhoud zaterdag', body: 'Zaterdag is het portaal van 8 tot 10 uur niet bereikbaar.' })
    const page = await openLoginPage(VIEWPORTS.desktop)
    await page.getByText('Onderhoud zaterdag').waitFor()
    await page.getByText('Zaterdag is het portaal van 8 tot 10 uur niet bereikbaar.').waitFor()
    await page.getByText('Zorggroep De Linde').first().waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('nl')
    await page.close()
  })

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`has no accessibility violations on a ${name} (${viewport.width} px)`, async () => {
      const page = await openLoginPage(viewport)
      await page.getByText('Onderhoud zaterdag').waitFor()
      expect(await accessibilityViolations(page)).toEqual([])
      // Nothing may stick out sideways on a small phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      await page.close()
    })
  }

  it('works with the keyboard alone, and says plainly when the username or password is wrong', async () => {
    const page = await openLoginPage(VIEWPORTS.phone)
    await page.keyboard.press('Tab')
    const first = await page.evaluate(() => document.activeElement?.textContent?.trim())
    expect(first).toBe('Naar de inhoud')
    // Tab on to the login name field, type, Tab to the password, type, Enter.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab')
      if (await page.getByRole('textbox', { name: 'Gebruikersnaam' }).evaluate((el) => el === document.activeElement)) break
    }
    await page.keyboard.type('j.jansen')
    await page.keyboard.press('Tab')
    expect(await page.getByLabel('Wachtwoord', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('een lang wachtwoord')
    await page.keyboard.press('Enter')
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('De gebruikersnaam of het wachtwoord klopt niet.')
    // Still on the first step: nothing tells whether the account exists.
    expect(await page.getByRole('heading', { name: 'Inlogcode' }).count()).toBe(0)
    expect(await accessibilityViolations(page)).toEqual([])
    await page.close()
  })

  it('says "Even geduld" until the second step is there, then moves to it', async () => {
    const person = await createPerson(portal.db, { password: 'een lang en goed wachtwoord' })
    const page = await openLoginPage(VIEWPORTS.phone)
    // The second step's JavaScript, asked for with the password, arrives late: held back until the password's answer is in.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let heldBack = 0
    await page.route(/\/second-factor-step-[\w-]+\.js$/, async (route) => {
      heldBack += 1
      await held
      await route.continue()
    })
    const answered = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/session')
    await page.getByRole('textbox', { name: 'Gebruikersnaam' }).fill(person.loginName)
    await page.getByLabel('Wachtwoord', { exact: true }).fill('een lang en goed wachtwoord')
    await page.keyboard.press('Enter')
    expect((await answered).status()).toBe(200)
    // Still the form, saying why nothing happens yet, with the focus where it was.
    await page.getByRole('status').filter({ hasText: 'Even geduld. We controleren uw gegevens.' }).waitFor()
    expect(await page.getByRole('heading', { name: 'Inlogcode' }).count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('wachtwoord')
    expect(heldBack).toBe(1)
    release()
    await waitForFocus(page.getByRole('heading', { name: 'Inlogcode' }))
    expect(await page.getByText('Even geduld. We controleren uw gegevens.').count()).toBe(0)
    await page.close()
  })

  it('names the empty fields when the form is sent empty', async () => {
    const page = await openLoginPage(VIEWPORTS.desktop)
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
    const loginName = page.getByRole('textbox', { name: 'Gebruikersnaam' })
    expect(await loginName.getAttribute('aria-invalid')).toBe('true')
    await waitForFocus(loginName)
    await page.close()
  })

  it('switches to English and back', async () => {
    const page = await openLoginPage(VIEWPORTS.desktop)
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'News' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await accessibilityViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Nederlands' }).click()
    await page.getByRole('heading', { name: 'Nieuws' }).waitFor()
    await page.close()
  })
})

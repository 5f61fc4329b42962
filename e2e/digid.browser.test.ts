import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../server/config.ts'
import { parseAccountArguments } from '../server/identity/accounts/account-cli.ts'
import { createAccount } from '../server/identity/accounts/account.service.ts'
import { EIDAS, startTestIdentityProvider, type TestIdentityProvider } from '../server/test/identity-provider.ts'
import { createOrganisation } from '../server/test/factories.ts'
import { acceptCurrentTerms, createPerson, publishTerms } from './support/accounts.ts'
import { launchBrowser, VIEWPORTS, waitForFocus } from './support/browser.ts'
import { axeScans, expectAccessibleAtBothWidths } from './support/journeys.ts'
import { logInWithSms } from './support/log-in.ts'
import { type PortalServer, startPortal } from './support/portal-server.ts'

/** A BSN from the range the RvIG keeps for tests. */
const TEST_BSN = '999990019'

let idp: TestIdentityProvider
let portal: PortalServer
let browser: Awaited<ReturnType<typeof launchBrowser>>
let context: BrowserContext

beforeAll(async () => {
  // The provider needs the portal's address for its redirect URI, the portal the provider's issuer.
  idp = await startTestIdentityProvider({ kind: 'digid', portalBaseUrl: () => portal.url })
  portal = await startPortal({ env: idp.env })
  await createOrganisation(portal.db, { name: 'Zorggroep De Linde' })
  await publishTerms(portal.db, portal.now())
  browser = await launchBrowser()
  context = browser.context
})
afterAll(async () => {
  await browser?.close()
  await portal?.close()
  await idp?.close()
  console.error(`axe: ${axeScans.length} scans without violations\n  ${axeScans.join('\n  ')}`)
})
beforeEach(async () => {
  await context.clearCookies()
})

async function newPage(): Promise<Page> {
  const page = await context.newPage()
  await page.setViewportSize(VIEWPORTS.phone)
  return page
}

/** At the test DigiD: the person chooses who they are there and logs in. */
async function logInAtDigid(page: Page, subject: string): Promise<void> {
  await page.getByRole('heading', { name: 'Inloggen bij DigiD (testomgeving)' }).waitFor()
  await page.getByRole('textbox', { name: 'Testpersoon' }).fill(subject)
  await page.getByRole('button', { name: 'Inloggen' }).click()
}

describe('Inloggen met DigiD', () => {
  it('an account created with its BSN logs in with DigiD, accepts the terms and reaches Home', async () => {
    // As `npm run account:create -- --kind portal ... --bsn 999990019` does it.
    const input = parseAccountArguments(['--kind', 'portal', '--login-name', 'marieke.digid', '--name', 'Marieke Jansen', '--email', 'marieke@example.org', '--phone', '06 12345678', '--bsn', TEST_BSN])
    if (input === 'help') throw new Error('unexpected help')
    await createAccount(portal.db, loadConfig({ PUBLIC_BASE_URL: portal.url }), input, portal.now(), portal.cipher)
    idp.users.set('marieke', { bsn: TEST_BSN, acr: EIDAS.substantial })

    const page = await newPage()
    await page.goto(`${portal.url}/inloggen`)
    await page.getByRole('heading', { name: 'Inloggen', level: 1 }).waitFor()
    await expectAccessibleAtBothWidths(page, 'inloggen, met DigiD')
    await page.getByRole('link', { name: 'Inloggen met DigiD' }).click()
    await logInAtDigid(page, 'marieke')

    await page.getByRole('heading', { name: 'Gebruikersvoorwaarden', level: 1 }).waitFor()
    await page.getByRole('checkbox', { name: 'Ik ga akkoord met de gebruikersvoorwaarden' }).check()
    await page.getByRole('button', { name: 'Ik ga akkoord met de voorwaarden' }).click()
    await page.getByRole('heading', { name: 'Welkom, Marieke Jansen' }).waitFor()
    expect(page.url()).toBe(`${portal.url}/home`)
    await expectAccessibleAtBothWidths(page, 'home na DigiD')

    const session = await portal.db.selectFrom('session').innerJoin('account', 'account.id', 'session.account_id').select(['session.second_factor', 'session.assurance']).where('account.login_name', '=', 'marieke.digid').executeTakeFirstOrThrow()
    expect(session).toEqual({ second_factor: 'digid', assurance: 'substantial' })
    await page.close()
  }, 180_000)

  it('a DigiD that belongs to no account gets the calm page, which names nothing', async () => {
    idp.users.set('onbekend', { bsn: '999990020', acr: EIDAS.substantial })
    const page = await newPage()
    await page.goto(`${portal.url}/inloggen`)
    await page.getByRole('link', { name: 'Inloggen met DigiD' }).click()
    await logInAtDigid(page, 'onbekend')
    await page.getByRole('heading', { name: 'Wij kunnen u niet inloggen met DigiD', level: 1 }).waitFor()
    expect(page.url()).toBe(`${portal.url}/inloggen/digid-onbekend`)
    await page.getByText('Neem contact op met de zorgorganisatie.').waitFor()
    await expectAccessibleAtBothWidths(page, 'DigiD zonder account')
    await page.getByRole('link', { name: 'Terug naar inloggen' }).click()
    await page.getByRole('heading', { name: 'Inloggen', level: 1 }).waitFor()
    await page.close()
  }, 120_000)

  it('a login at too low a level comes back to the login page with a message', async () => {
    idp.users.set('laag', { bsn: TEST_BSN, acr: EIDAS.low })
    const page = await newPage()
    await page.goto(`${portal.url}/inloggen`)
    await page.getByRole('link', { name: 'Inloggen met DigiD' }).click()
    await logInAtDigid(page, 'laag')
    await page.getByText('Inloggen met DigiD is niet gelukt.').waitFor()
    expect(page.url()).toBe(`${portal.url}/inloggen?digid=mislukt`)
    await expectAccessibleAtBothWidths(page, 'DigiD mislukt')
    await page.close()
  }, 120_000)
})

describe('Veiliger inloggen (step-up)', () => {
  it('an SMS login under "DigiD or a strong second factor" is asked to log in more strongly, and reaches Home with DigiD', async () => {
    const PASSWORD = 'Lange-zin-voor-de-stap-omhoog-1'
    // Another BSN from the test range: the first journey's account holds 999990019.
    const bsn = '999990032'
    const person = await createPerson(portal.db, { displayName: 'Kees Bakker', password: PASSWORD, now: portal.now() })
    await portal.db.updateTable('account').set({ bsn_encrypted: portal.cipher.encrypt(bsn), bsn_lookup: portal.cipher.lookupHash(bsn) }).where('id', '=', person.id).execute()
    await acceptCurrentTerms(portal.db, person, portal.now())
    idp.users.set('kees', { bsn, acr: EIDAS.substantial })
    await portal.db.updateTable('organisation').set({ login_policy: 'digid_or_strong' }).execute()
    try {
      const page = await newPage()
      await logInWithSms(page, portal, person, PASSWORD)
      const heading = page.getByRole('heading', { name: 'Log veiliger in', level: 1 })
      await heading.waitFor()
      expect(page.url()).toBe(`${portal.url}/veiliger-inloggen`)
      // Reached by an in-app redirect: keyboard and screen-reader users start on the heading.
      await waitForFocus(heading)
      await page.getByRole('button', { name: 'Uitloggen en opnieuw inloggen met een passkey of een code uit uw app' }).waitFor()
      expect(await page.getByRole('link', { name: 'Mijn profiel' }).count()).toBeGreaterThan(0)
      await expectAccessibleAtBothWidths(page, 'veiliger inloggen')

      // A record page opened directly comes back here too, rather than showing the refusal.
      await page.goto(`${portal.url}/home`)
      await heading.waitFor()
      expect(page.url()).toBe(`${portal.url}/veiliger-inloggen`)

      await page.getByRole('link', { name: 'Inloggen met DigiD' }).click()
      await logInAtDigid(page, 'kees')
      await page.getByRole('heading', { name: 'Welkom, Kees Bakker' }).waitFor()
      expect(page.url()).toBe(`${portal.url}/home`)
      await page.close()
    } finally {
      await portal.db.updateTable('organisation').set({ login_policy: 'with_sms' }).execute()
    }
  }, 180_000)
})

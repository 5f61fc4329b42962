import type { Page } from 'playwright-core'
import { staffTotpCode } from '../../server/test/staff-factories.ts'
import type { PortalServer } from './portal-server.ts'

/**
 * Logs a staff member in through the same login page as everyone, with password and a code
 * from their authenticator app (computed from the secret the factory enrolled, at the
 * server's clock), and waits for the person's menu. Codes are single-use per 30-second
 * step: move the server's clock on before a second login.
 */
export async function logInStaffWithApp(page: Page, portal: PortalServer, staff: { login_name: string; display_name: string; totpSecret: string | null }, password: string): Promise<void> {
  if (!staff.totpSecret) throw new Error('logInStaffWithApp needs a staff account with an authenticator app')
  await page.context().clearCookies()
  await page.goto(`${portal.url}/inloggen`)
  await page.getByRole('textbox', { name: 'Gebruikersnaam' }).fill(staff.login_name)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
  await page.getByRole('heading', { name: 'Inlogcode' }).waitFor()
  const radio = page.getByRole('radio', { name: 'Code uit uw app' })
  if (await radio.count()) await radio.check()
  await page.getByRole('textbox', { name: 'Code uit uw app' }).fill(staffTotpCode(staff.totpSecret, portal.now()))
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
  await page.getByRole('button', { name: staff.display_name }).waitFor()
}

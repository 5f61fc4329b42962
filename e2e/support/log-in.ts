import type { Page } from 'playwright-core'
import type { Db } from '../../server/platform/db/database.ts'
import type { PortalServer } from './portal-server.ts'
import { readOutbox } from '../../server/platform/outbox/outbox.test-support.ts'

/**
 * The SMS login code for `phone` whose visible prefix is `prefix`, read from the outbox
 * (the portal writes every SMS there first; no worker needs to run).
 */
export async function smsCodeFromOutbox(db: Db, phone: string, prefix: string): Promise<string> {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const messages = await readOutbox(db, { channel: 'sms', recipient: phone })
    for (const { body_text } of messages) {
      const secret = new RegExp(`${prefix}-(\\d{6})`).exec(body_text)?.[1]
      if (secret) return secret
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no SMS with prefix ${prefix} to ${phone}`)
}

/** Opens the login page as a fresh visitor, types the login name and password and sends them; the second step is next. */
export async function enterPassword(page: Page, portal: PortalServer, loginName: string, password: string): Promise<void> {
  // A fresh visitor: no session left over from an earlier test in the same browser.
  await page.context().clearCookies()
  await page.goto(`${portal.url}/inloggen`)
  await page.getByRole('textbox', { name: 'Gebruikersnaam' }).fill(loginName)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
  await page.getByRole('heading', { name: 'Inlogcode' }).waitFor()
}

/** Logs in through the login page with password and SMS code, as a person would, and waits for the person's menu. */
export async function logInWithSms(page: Page, portal: PortalServer, person: { loginName: string; phone: string; displayName: string }, password: string): Promise<void> {
  await enterPassword(page, portal, person.loginName, password)
  const radio = page.getByRole('radio', { name: 'Met een code per SMS' })
  if (await radio.count()) await radio.check()
  await page.getByRole('button', { name: 'SMS-inlogcode aanvragen' }).click()
  const sent = page.getByText(/De code begint met \d{4}\./).first()
  await sent.waitFor()
  const prefix = /begint met (\d{4})/.exec((await sent.textContent()) ?? '')?.[1]
  if (!prefix) throw new Error('the page shows no code prefix')
  await page.getByRole('textbox', { name: 'Inlogcode' }).fill(await smsCodeFromOutbox(portal.db, person.phone, prefix))
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
  await page.getByRole('button', { name: person.displayName }).waitFor()
}

/** Logs out with "Uitloggen" under the person's name, top right. */
export async function logOut(page: Page, displayName: string): Promise<void> {
  await page.getByRole('button', { name: displayName }).click()
  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await page.getByText('U bent uitgelogd.').waitFor()
}

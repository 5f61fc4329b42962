import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { accessibilityViolations, VIEWPORTS } from './browser.ts'

/** How many axe scans the journeys ran, and on which screens: the report quotes it. */
export const axeScans: string[] = []

/**
 * axe on the screen as it is, at 360 px and at 1280 px wide: zero violations, and nothing
 * sticking out sideways on the phone. The viewport is put back afterwards.
 */
export async function expectAccessibleAtBothWidths(page: Page, screen: string): Promise<void> {
  const original = page.viewportSize()
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport)
    expect(await accessibilityViolations(page), `${screen} at ${name}`).toEqual([])
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow, `${screen} overflows sideways at ${name}`).toBeLessThanOrEqual(0)
    axeScans.push(`${screen} @ ${viewport.width}px`)
  }
  if (original) await page.setViewportSize(original)
}

/** Step one of logging in, as a person does it. */
export async function enterPassword(page: Page, loginName: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Gebruikersnaam' }).fill(loginName)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
}

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Headless Debian Chromium with a fresh profile; the flags keep it off the (closed) network. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'portal-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'nl-NL',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export const VIEWPORTS = {
  phone: { width: 360, height: 800 },
  tablet: { width: 768, height: 1024 },
  desktop: { width: 1280, height: 900 },
} as const

/** axe-core against WCAG 2.1 A and AA; returns the violations, to be asserted empty. */
export async function accessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
}

/**
 * Waits (up to 5 s) until the element has the keyboard focus. Pages move focus in a
 * requestAnimationFrame or an effect after the render, which a loaded machine can delay past
 * the moment the message becomes visible; a single read of document.activeElement would race it.
 */
export async function waitForFocus(element: Locator): Promise<void> {
  const handle = await element.elementHandle({ timeout: 5_000 })
  if (!handle) throw new Error('waitForFocus: the element is not on the page')
  try {
    await element.page().waitForFunction((el) => el === document.activeElement, handle, { timeout: 5_000 })
  } catch (error) {
    const focused = await element.page().evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing')
    throw new Error(`waitForFocus: focus stayed on ${focused}`, { cause: error })
  } finally {
    await handle.dispose()
  }
}

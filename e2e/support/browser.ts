import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AxeResults, RunOptions } from 'axe-core'
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.ts'

/** Headless Debian Chromium with a fresh profile; the flags keep it off the (closed) network. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'portal-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'nl-NL',
    args: [...CHROMIUM_FLAGS],
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

/** axe-core's own build, sent into a page once per document. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const AXE_OPTIONS: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }

/**
 * axe-core against WCAG 2.1 A and AA (and axe's best practices); returns the violations, to be
 * asserted empty.
 *
 * axe runs in the page itself (`axe.run` on the document). It is loaded once per document: the
 * portal is one document that the app navigates within, so a journey's later scans reuse it, and a
 * reload or new page loads it again. (`@axe-core/playwright` sent its half-megabyte source into the
 * page and into a new blank page at every scan, for frames this app does not have: about half of
 * each scan's time.) Loaded through the DevTools protocol, as a test tool, not as a page script, so
 * the portal's Content-Security-Policy stays as it is.
 */
export async function accessibilityViolations(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  const results = await page.evaluate((options) => (window as unknown as { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } }).axe.run(document, options), AXE_OPTIONS)
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

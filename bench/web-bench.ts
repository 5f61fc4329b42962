/**
 * The web app as an old phone opens it: the JavaScript each page loads (gzip, from the build's
 * manifest) and Lighthouse's mobile scores (performance, accessibility; its default mobile
 * emulation with simulated slow 4G and a 4x slower CPU) for the login page, Home and
 * Rapportages, each against its ceiling. Lighthouse runs the machine's Chromium headless, with
 * the e2e tests' flags; the logged-in pages get the bench reader's session cookie.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import lighthouse from 'lighthouse'
import { CHROMIUM as E2E_CHROMIUM, CHROMIUM_FLAGS } from '../e2e/support/chromium.ts'
import { pageJavaScript, ROUTE_BUDGETS } from '../web/build/route-budget.ts'
import { prepareReportsReader } from './reports-bench.ts'

/** Lighthouse's own CHROME_PATH first, else the journeys' Chromium. */
const CHROMIUM = process.env.CHROME_PATH ?? E2E_CHROMIUM
/** The ceilings: performance at least 90 (the aim is 95), accessibility 100. */
const MIN_PERFORMANCE = 90
const MIN_ACCESSIBILITY = 100

type Pad = (text: string, width: number) => string

export async function benchWeb(base: string, databaseUrl: string, pad: Pad): Promise<void> {
  // The server under test serves web/dist: the figures are of the last `npm run build`.
  if (!existsSync(resolve(process.env.WEB_DIST_DIR ?? 'web/dist', '.vite', 'manifest.json'))) throw new Error('No built web app with a manifest: run "npm run build" before "npm run bench".')
  printRouteJavaScript(pad)
  await printLighthouseScores(base, databaseUrl, pad)
}

/**
 * The JavaScript each page loads, gzip, against its ceilings (web/build/route-budget.ts): for its
 * first paint, and in all (with what it loads after the first paint before anyone does anything).
 */
export function printRouteJavaScript(pad: Pad): void {
  const distDir = resolve(process.env.WEB_DIST_DIR ?? 'web/dist')
  console.log(`\nweb app: JavaScript per page (gzip, ${distDir}); load average ${formatLoad()}`)
  console.log(pad('  page', 20), pad('first paint', 24), pad('in all', 24), 'files')
  for (const budget of ROUTE_BUDGETS) {
    const { firstPaint, inAll } = pageJavaScript(distDir, budget)
    const kb = (bytes: number) => bytes / 1024
    const firstCeiling = budget.firstPaintCeilingKb === undefined ? '' : ` (≤ ${budget.firstPaintCeilingKb})`
    const target = budget.targetKb === undefined ? '' : kb(inAll.gzipBytes) <= budget.targetKb ? ` (target ${budget.targetKb} KB: met)` : ` (target ${budget.targetKb} KB: not yet)`
    const within = kb(inAll.gzipBytes) <= budget.ceilingKb && kb(firstPaint.gzipBytes) <= (budget.firstPaintCeilingKb ?? Infinity)
    console.log(
      pad(`  ${budget.name}`, 20),
      pad(`${kb(firstPaint.gzipBytes).toFixed(1)} KB${firstCeiling}`, 24),
      pad(`${kb(inAll.gzipBytes).toFixed(1)} KB (≤ ${budget.ceilingKb})`, 24),
      pad(`${firstPaint.files.length} + ${inAll.files.length - firstPaint.files.length}`, 8),
      `${within ? 'ok' : 'OVER'}${target}`,
    )
  }
}

/** Lighthouse on the login page, Home and Rapportages of the portal at `base`. */
export async function printLighthouseScores(base: string, databaseUrl: string, pad: Pad): Promise<void> {
  const reader = await prepareReportsReader(databaseUrl)
  const pages = [
    { name: 'login', path: '/inloggen', cookie: null },
    { name: 'home', path: '/home', cookie: reader.cookie },
    { name: 'Rapportages', path: `/client/${reader.clientId}/rapportages`, cookie: reader.cookie },
  ]
  const chromium = await startChromium()
  try {
    console.log(`\nLighthouse (mobile, simulated throttling): performance ≥ ${MIN_PERFORMANCE} (aim 95), accessibility ≥ ${MIN_ACCESSIBILITY}`)
    console.log(pad('  page', 16), pad('perf', 6), pad('a11y', 6), pad('FCP s', 7), pad('LCP s', 7), pad('TBT ms', 8), pad('CLS', 7), pad('errors', 8), 'load average')
    for (const page of pages) {
      const result = await lighthouse(
        `${base}${page.path}`,
        {
          port: chromium.port,
          output: 'json',
          logLevel: 'error',
          // Best practices only for its console-errors audit: no page may log an error.
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
          ...(page.cookie ? { extraHeaders: { Cookie: page.cookie } } : {}),
        },
      )
      if (!result) throw new Error(`Lighthouse gave no result for ${page.path}`)
      const { categories, audits, runtimeError } = result.lhr
      if (runtimeError) console.log(`    Lighthouse: ${runtimeError.code} ${runtimeError.message}`)
      const performance = Math.round((categories.performance?.score ?? 0) * 100)
      const accessibility = Math.round((categories.accessibility?.score ?? 0) * 100)
      const seconds = (id: string) => ((audits[id]?.numericValue ?? 0) / 1000).toFixed(1)
      // Console errors: ceiling 0 on every page.
      const consoleErrors = (audits['errors-in-console']?.details as { items?: unknown[] } | undefined)?.items?.length ?? 0
      const ok = performance >= MIN_PERFORMANCE && accessibility >= MIN_ACCESSIBILITY && consoleErrors === 0
      console.log(
        pad(`  ${page.name}`, 16),
        pad(String(performance), 6),
        pad(String(accessibility), 6),
        pad(seconds('first-contentful-paint'), 7),
        pad(seconds('largest-contentful-paint'), 7),
        pad((audits['total-blocking-time']?.numericValue ?? 0).toFixed(0), 8),
        pad((audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3), 7),
        pad(String(consoleErrors), 8),
        pad(formatLoad(), 16),
        ok ? 'ok' : 'UNDER',
      )
      if (accessibility < MIN_ACCESSIBILITY) {
        const failed = Object.values(audits).filter((audit) => audit.score === 0 && audit.scoreDisplayMode === 'binary')
        console.log(`    failing: ${failed.map((audit) => audit.id).join(', ')}`)
      }
    }
  } finally {
    await chromium.stop()
  }
}

function formatLoad(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')
}

/** Headless Chromium with a fresh profile and a DevTools port for Lighthouse, with the journeys' flags. */
async function startChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'portal-lighthouse-'))
  const browser: ChildProcess = spawn(
    CHROMIUM,
    [
      ...CHROMIUM_FLAGS,
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const port = await new Promise<number>((resolvePort, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${output}`)), 30_000)
    browser.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output)
      if (match) {
        clearTimeout(timer)
        resolvePort(Number(match[1]))
      }
    })
    browser.on('exit', () => reject(new Error(`Chromium stopped: ${output}`)))
  })
  return {
    port,
    stop: async () => {
      browser.kill('SIGTERM')
      await new Promise((r) => browser.once('exit', r))
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

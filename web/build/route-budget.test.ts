// @vitest-environment node
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageJavaScript, ROUTE_BUDGETS } from './route-budget.ts'

let outDir: string

beforeAll(async () => {
  // The app as `npm run build` makes it, into a folder of its own (web/dist stays as it is).
  outDir = mkdtempSync(join(tmpdir(), 'portal-route-budget-'))
  // In a process of its own: inside Vitest (NODE_ENV=test) the bundle would not be the one shipped.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' }
  delete env.VITEST
  const vite = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url))
  const config = fileURLToPath(new URL('../vite.config.ts', import.meta.url))
  const result = spawnSync(process.execPath, [vite, 'build', '--config', config, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { env, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`vite build failed: ${result.stderr}`)
}, 180_000)

afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('the JavaScript each page loads', () => {
  it.each(ROUTE_BUDGETS)('$name stays within $ceilingKb KB gzip in all', (budget) => {
    const { firstPaint, inAll } = pageJavaScript(outDir, budget)
    // The page is split from the rest: a page that pulled everything in would be one file.
    expect(firstPaint.files.length).toBeGreaterThan(1)
    // The response check comes after the first paint, in a file of its own.
    expect(inAll.files.length).toBeGreaterThan(firstPaint.files.length)
    expect(inAll.gzipBytes / 1024).toBeLessThanOrEqual(budget.ceilingKb)
  })

  it.each(ROUTE_BUDGETS.filter((budget) => budget.firstPaintCeilingKb !== undefined))('$name paints first within $firstPaintCeilingKb KB gzip', (budget) => {
    const { firstPaint } = pageJavaScript(outDir, budget)
    expect(firstPaint.gzipBytes / 1024).toBeLessThanOrEqual(budget.firstPaintCeilingKb ?? 0)
  })
})

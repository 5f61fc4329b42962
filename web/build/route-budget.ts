import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { constants, gzipSync } from 'node:zlib'

/**
 * The JavaScript a page of the built web app loads, by Vite's manifest (build.manifest), in two
 * parts. For its first paint: the entry with everything it imports, plus the page's own lazily
 * loaded modules (router.tsx) with theirs. After its first paint, before anyone does anything:
 * the modules the app asks for by itself once it runs (dynamic imports nobody has to click
 * for). Measured gzip-compressed, as browsers that do not take brotli receive it.
 */
export interface RouteBudget {
  name: string
  /** The page's modules for its first paint, as the manifest names them (relative to web/). */
  modules: string[]
  /** What the page loads after its first paint without anyone doing anything (besides AFTER_FIRST_PAINT). */
  afterFirstPaint?: string[]
  /** Ceiling in KB (1024 bytes), gzip, for everything the page loads before anyone does anything: more fails the build's test. */
  ceilingKb: number
  /** Ceiling in KB, gzip, for the first paint alone. */
  firstPaintCeilingKb?: number
  /** Where the page should get to (issue 11), when the ceiling is not there yet. */
  targetKb?: number
}

/**
 * What every page loads after its first paint: the response check, which the API client asks
 * for as soon as it starts (lib/api-client.ts) and every API answer waits for.
 */
export const AFTER_FIRST_PAINT = ['src/lib/response-check.ts']

export const ROUTE_BUDGETS: RouteBudget[] = [
  // Issue 11: 120 KB in all for the login page. Its first paint (about 111.5) is mostly React DOM
  // (~58), react-router (~12) and TanStack Query (~12); after it, the response check (~5.3). The
  // login's second step (~2.6) comes with the password's request, not before: see
  // docs/decisions/web-performance.md. e2e/login-page.browser.test.ts checks in a browser that
  // these are all the JavaScript the page asks for.
  { name: 'login', modules: ['src/app/routes/login-page.tsx'], ceilingKb: 120, firstPaintCeilingKb: 114 },
  // The portal layout (menu, passkey offer) comes with its own chunk and the client record's texts,
  // like the pages. /home sends an account with one client on to that client's Home: both pages' modules count.
  { name: 'home', modules: ['src/app/layouts/portal-layout.tsx', 'src/i18n/nl-client-record.ts', 'src/app/routes/home-page.tsx', 'src/features/home/components/client-home.tsx'], ceilingKb: 160 },
  { name: 'Rapportages', modules: ['src/app/layouts/portal-layout.tsx', 'src/i18n/nl-client-record.ts', 'src/features/reports/components/reports-page.tsx'], ceilingKb: 160 },
]

interface ManifestChunk {
  file: string
  imports?: string[]
}

/** The JavaScript files (relative to the build folder) a page's modules load, with the entry's. */
function routeFiles(distDir: string, modules: readonly string[]): string[] {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>
  const files = new Set<string>()
  const visit = (key: string) => {
    const chunk = manifest[key]
    if (!chunk) throw new Error(`the build's manifest has no ${key}`)
    if (files.has(chunk.file)) return
    files.add(chunk.file)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  visit('index.html')
  for (const module of modules) visit(module)
  return [...files].filter((file) => file.endsWith('.js'))
}

/**
 * A page's JavaScript (files relative to the build folder, gzip bytes) for its first paint, and in
 * all: with what it loads after the first paint before anyone does anything. Each file is
 * compressed once, though the first paint's files count in both.
 */
export function pageJavaScript(distDir: string, budget: RouteBudget): { firstPaint: { files: string[]; gzipBytes: number }; inAll: { files: string[]; gzipBytes: number } } {
  const sizes = new Map<string, number>()
  const gzipBytes = (file: string) => {
    let size = sizes.get(file)
    if (size === undefined) {
      size = gzipSync(readFileSync(join(distDir, file)), { level: constants.Z_BEST_COMPRESSION }).length
      sizes.set(file, size)
    }
    return size
  }
  const measured = (files: string[]) => ({ files, gzipBytes: files.reduce((sum, file) => sum + gzipBytes(file), 0) })
  return {
    firstPaint: measured(routeFiles(distDir, budget.modules)),
    inAll: measured(routeFiles(distDir, [...budget.modules, ...AFTER_FIRST_PAINT, ...(budget.afterFirstPaint ?? [])])),
  }
}

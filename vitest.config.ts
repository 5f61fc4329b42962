import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * One run covers the server on the embedded database, the server again on PostgreSQL when
 * TEST_DATABASE_URL is set, the web app's components (jsdom), and the browser journeys (which
 * need a built web app).
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL)

/**
 * Server test files share their worker's modules instead of each importing the application
 * afresh in a new process: that import was about a third of the server projects' time. Safe
 * because every file builds its own app, database and clock (server/test/test-app.ts), nothing
 * mocks modules, and the server's module-level state is only caches of constants. The first
 * test app in a worker pays the cold start (PGlite's WebAssembly, the app's modules) inside
 * whichever test builds it, on a loaded machine tens of seconds: so a test has as long as a hook.
 */
const sharedModules = { isolate: false }

/** Every server test file, and whether it opens the database under test. */
function serverTestFiles(): { path: string; opensDatabase: boolean }[] {
  const root = fileURLToPath(new URL('.', import.meta.url))
  return readdirSync(`${root}server`, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.test.ts'))
    .map((path) => `server/${path}`)
    .map((path) => ({ path, opensDatabase: /\b(createTestApp|createTestDatabase|startPortal|TEST_DB)\b/.test(readFileSync(`${root}${path}`, 'utf8')) }))
}

/**
 * Which files run on which database when both are there (CI: TEST_DATABASE_URL set).
 *
 * PostgreSQL, the production database, runs every file that opens the database: through the
 * test app, a test database, or a branch on TEST_DB. The others (pure functions, FHIR mappings,
 * start-up in a child process on its own embedded database) would run the same code a second
 * time, so they run once, in the embedded project. Derived from the files themselves, so a new
 * test that opens the database is on PostgreSQL without a list.
 *
 * The embedded database is PostgreSQL too (PGlite is its server compiled to WebAssembly), so the
 * SQL answers the same; what can differ is the part around it: PGlite's WebAssembly start, its
 * data folder and lock, its node-postgres adapter (how each column type comes back), its single
 * connection (transactions and locks queue), and the extensions it loads (pg_trgm for search).
 * So on the embedded database run the files that exercise those: the platform (database,
 * migrations, the access log's chain trigger, the outbox, health, HTTP), every record section's
 * queries, the demo data and the start-up, and the login's own path. Identity's other flows,
 * administration and the FHIR API run their SQL on PostgreSQL only, and the hostile-input fuzz
 * (property 36, a property of the HTTP layer: it sends about ten thousand requests) once.
 * Without TEST_DATABASE_URL (a developer's machine) every file runs on the embedded database.
 */
const ALSO_ON_EMBEDDED = [
  'server/platform/',
  'server/record/',
  'server/seed/',
  'server/main.test.ts',
  'server/identity/authentication/login.test.ts',
  'server/identity/authentication/session.test.ts',
]
const ONCE_ONLY = ['server/platform/http/hostile-input.fuzz.test.ts']
const serverFiles = serverTestFiles()
const embeddedFiles = onPostgres
  ? serverFiles
      .filter(({ path, opensDatabase }) => !opensDatabase || (ALSO_ON_EMBEDDED.some((prefix) => path.startsWith(prefix)) && !ONCE_ONLY.includes(path)))
      .map(({ path }) => path)
  : ['server/**/*.test.ts']
const postgresFiles = serverFiles.filter(({ opensDatabase }) => opensDatabase).map(({ path }) => path)

export default defineConfig({
  test: {
    // Vitest's default is one worker per core minus one: a single worker on this two-core
    // machine. Most test files spend their time waiting (PostgreSQL, the login's timing floor,
    // argon2 on libuv's threads), so three at a time finish much sooner than one.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 3),
    projects: [
      {
        test: {
          name: 'embedded',
          include: [...embeddedFiles, 'shared/**/*.test.ts'],
          ...sharedModules,
          env: { TEST_DB: 'embedded' },
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      ...(onPostgres
        ? [
            {
              test: {
                name: 'postgres',
                include: postgresFiles,
                ...sharedModules,
                env: { TEST_DB: 'postgres' },
                globalSetup: ['server/test/postgres.global-setup.ts'],
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        // The web app's shared components, rendered in jsdom with Testing Library.
        extends: './web/vite.config.ts',
        test: {
          name: 'web',
          root: '.',
          include: ['web/src/**/*.test.tsx', 'web/src/**/*.test.ts', 'web/build/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['web/src/test/setup.ts'],
          // A form test with axe takes one or two seconds alone; beside the server projects on two
          // cores, several times that, past Vitest's default of 5 s.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.browser.test.ts'],
          // On PostgreSQL when there is one (CI): the database then works in its own process,
          // not in the test's, which also runs the portal and drives Chromium. The server tests
          // cover both databases; the journeys test the pages.
          env: { TEST_DB: onPostgres ? 'postgres' : 'embedded' },
          globalSetup: [onPostgres ? 'server/test/postgres.global-setup.ts' : 'server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores. Within one vitest run a one-worker
          // project waits until the parallel projects are done, so `npm test` starts this project
          // in a vitest process of its own beside the others: its files mostly wait on the page.
          fileParallelism: false,
        },
      },
    ],
  },
})

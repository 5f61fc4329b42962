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

/**
 * The server test files that open the database under test: through the test app, a test
 * database, or a branch on TEST_DB. Only these can answer differently on PostgreSQL; the others
 * (pure functions, FHIR mappings, start-up in a child process on its own embedded database)
 * would run the same code a second time, so the postgres project leaves them out. Derived from
 * the files themselves, so a new test that opens the database is on PostgreSQL without a list.
 */
function serverTestsOpeningTheDatabase(): string[] {
  const root = fileURLToPath(new URL('.', import.meta.url))
  return readdirSync(`${root}server`, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.test.ts'))
    .map((path) => `server/${path}`)
    .filter((path) => /\b(createTestApp|createTestDatabase|startPortal|TEST_DB)\b/.test(readFileSync(`${root}${path}`, 'utf8')))
}

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
          include: ['server/**/*.test.ts', 'shared/**/*.test.ts'],
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
                include: serverTestsOpeningTheDatabase(),
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
          include: ['web/src/**/*.test.tsx', 'web/src/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['web/src/test/setup.ts'],
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

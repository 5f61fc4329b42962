import { defineConfig } from 'vitest/config'

/**
 * One run covers the server on the embedded database, the server again on PostgreSQL when
 * TEST_DATABASE_URL is set, the web app's components (jsdom), and the browser journeys (which
 * need a built web app).
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL)

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
          env: { TEST_DB: 'embedded' },
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(onPostgres
        ? [
            {
              test: {
                name: 'postgres',
                include: ['server/**/*.test.ts'],
                env: { TEST_DB: 'postgres' },
                globalSetup: ['server/test/postgres.global-setup.ts'],
                testTimeout: 30_000,
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
          env: { TEST_DB: 'embedded' },
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
})

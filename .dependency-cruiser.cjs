/* global module */
/**
 * The module rules `npm test` checks (`npm run depcheck`): the folders form a graph without
 * cycles, and each part imports only what it may. See docs/ARCHITECTURE.md.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Server modules form a graph without cycles (type-only imports count too).',
      from: { path: '^server/' },
      to: { circular: true },
    },
    {
      name: 'only-main-builds-the-app',
      severity: 'error',
      comment: 'server/app.ts wires every feature; only the entry point and tests import it (shared types live in server/platform/app-deps.ts).',
      from: { path: '^(server|shared|web|bench|e2e)/', pathNot: ['^server/main\\.ts$', '\\.test\\.ts$', '^server/test/', '^e2e/'] },
      to: { path: '^server/app\\.ts$' },
    },
    {
      name: 'migrations-are-frozen',
      severity: 'error',
      comment: 'A migration is frozen in time: it imports no application code.',
      from: { path: '^server/platform/db/migrations/' },
      to: { path: '^(server|shared|web)/', pathNot: '^server/platform/db/migrations/' },
    },
    {
      name: 'no-imports-across-web-features',
      severity: 'error',
      comment: 'A web feature imports only itself, components/, lib/, i18n/ and shared/.',
      from: { path: '^web/src/features/([^/]+)/' },
      to: { path: '^web/src/features/', pathNot: '^web/src/features/$1/' },
    },
    {
      name: 'shared-stands-alone',
      severity: 'error',
      comment: 'shared/ is imported by both sides and imports neither.',
      from: { path: '^shared/' },
      to: { path: '^(server|web)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every relative import resolves (a moved file left no stale path behind).',
      from: {},
      to: { couldNotResolve: true, path: '^\\.\\.?/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '^dist/', '^web/dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcheck.json' },
    combinedDependencies: false,
  },
}

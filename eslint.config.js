import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules', 'web/dist', 'dist', 'data', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Personal data must not leak through stray debugging output: use the logger.
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['server/**/*.ts', 'shared/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // Migrations are typed against Kysely<any> on purpose: they are frozen in time.
    files: ['server/platform/db/migrations/*.ts', 'server/platform/db/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.strict.rules,
    },
  },
  {
    // The service worker (web push) runs in the browser's worker scope, not on a page.
    files: ['web/public/sw.js'],
    languageOptions: { globals: globals.serviceworker },
  },
  {
    // Command-line tools talk to a person on the terminal.
    files: ['server/seed/*-cli.ts', 'server/platform/db/*-cli.ts', 'bench/**/*.ts', '.ci/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
)

// Lint rules: typescript-eslint recommended, plus the layering rule (which folder may import which).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const layer = (from, forbidden) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: forbidden.map((target) => ({
        group: [`**/${target}/*`, `**/${target}`],
        message: `src/${from} may not import src/${target} (see docs/architecture.md)`,
      })),
    }],
  },
})

/**
 * What src/ui may import: never doc, storage or sync; the app only through its contract (api.ts) and its read
 * model (queries/); the domain for its types only (`import type`), since screens render what a query returns.
 * tests/unit/ui/ui-imports-lint.test.ts plants imports and checks what is reported.
 */
const uiImports = {
  patterns: [
    ...['doc', 'storage', 'sync'].map((t) => ({ group: [`**/${t}/*`], message: `src/ui may not import src/${t} (see docs/architecture.md)` })),
    {
      regex: String.raw`(^|/)app/(?!api\.ts$|queries/)`,
      message: 'src/ui knows the app only through its contract (src/app/api.ts) and its read model (src/app/queries/)',
    },
    {
      regex: String.raw`(^|/)domain/`,
      allowTypeImports: true,
      message: 'src/ui imports only types from src/domain: reach rules, dates and limits through src/app/queries',
    },
  ],
}

const browserAndYjs = ['yjs', 'y-*', 'dexie', 'preact', 'preact/*', 'workbox-window', 'lib0/*']

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  ...[['lib', ['domain', 'doc', 'storage', 'sync', 'app', 'pwa', 'ui']], ['domain', ['doc', 'storage', 'sync', 'app', 'pwa', 'ui']]].map(
    ([from, forbidden]) => ({
      files: [`src/${from}/**/*.ts`],
      rules: {
        'no-restricted-imports': ['error', {
          patterns: [
            ...forbidden.map((t) => ({ group: [`**/${t}/*`], message: `src/${from} may not import src/${t} (see docs/architecture.md)` })),
            { group: browserAndYjs, message: 'domain and lib stay free of Yjs, Dexie, Preact and the browser' },
          ],
        }],
      },
    }),
  ),
  // src/crdt: Yjs update bytes (shapes, admission, parts), shared by the phone and the relay; no app model.
  layer('crdt', ['domain', 'doc', 'storage', 'sync', 'app', 'pwa', 'ui']),
  layer('doc', ['storage', 'sync', 'app', 'pwa', 'ui']),
  layer('storage', ['doc', 'sync', 'app', 'pwa', 'ui']),
  layer('sync', ['storage', 'app', 'pwa', 'ui']),
  layer('app', ['ui', 'pwa']),
  layer('pwa', ['ui', 'doc', 'storage', 'sync']),
  { files: ['src/ui/**/*.{ts,tsx}'], rules: { '@typescript-eslint/no-restricted-imports': ['error', uiImports] } },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/src/doc/*', '**/src/storage/*', '**/src/sync/*', '**/src/app/*', '**/src/ui/*', '**/src/pwa/*'], message: 'server/ may import only src/domain, src/crdt and src/lib' }],
      }],
    },
  },
  {
    files: ['server/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
)

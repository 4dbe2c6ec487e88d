import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The import rule (README, "Architecture"): arrows point down only —
 * wire ← upstream, events, auth ← graphql ← http ← gateway.ts / main.ts — and the sandbox,
 * a second product on the same contract, imports only wire and the shared node-http kit.
 * Each entry: the folder, and the folders its files must not import from.
 */
const LAYERS = {
  wire: ['node-http', 'upstream', 'events', 'auth', 'graphql', 'http', 'sandbox', 'demo'],
  'node-http': ['wire', 'upstream', 'events', 'auth', 'graphql', 'http', 'sandbox', 'demo'],
  upstream: ['node-http', 'events', 'auth', 'graphql', 'http', 'sandbox', 'demo'],
  events: ['node-http', 'upstream', 'auth', 'graphql', 'http', 'sandbox', 'demo'],
  auth: ['node-http', 'upstream', 'events', 'graphql', 'http', 'sandbox', 'demo'],
  graphql: ['node-http', 'http', 'sandbox', 'demo'],
  http: ['sandbox', 'demo'],
  sandbox: ['upstream', 'events', 'auth', 'graphql', 'http', 'demo'],
  // The checkout demo runs in a browser: the channel table, and the generated documents outside src.
  demo: ['node-http', 'upstream', 'events', 'auth', 'graphql', 'http', 'sandbox'],
};
const TOP_LEVEL = ['gateway', 'config', 'main'];

const layerRules = Object.entries(LAYERS).map(([layer, forbidden]) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^(\\.\\./)+(${forbidden.join('|')})/`,
            message: `src/${layer} must not import from src/{${forbidden.join(',')}}: see the import rule in README's Architecture section.`,
          },
          {
            regex: `^(\\.\\./)+(${TOP_LEVEL.join('|')})\\.js$`,
            message: `src/${layer} must not import the top level (gateway, config, main): arrows point down only.`,
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-bench/',
      'node_modules/',
      'coverage/',
      'schema/generated/',
      '.bench-cache/',
      'bench/peers/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Type-aware rules: a promise nobody awaits (or one handed where a callback's result is
  // ignored) is how a failed publish became an unhandled rejection.
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  ...layerRules,
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } } },
);

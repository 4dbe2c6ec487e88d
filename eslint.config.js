import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  // The code every request runs: no object literal that opens with a spread and goes on. On
  // Node 20 (V8 11.3) each such literal gets a hidden class of its own, which young-generation
  // collections keep alive with what it references ("Hidden classes per request",
  // BENCHMARKS.md). Object.assign({}, source, { more }) or the fields written out instead.
  {
    files: ['src/{auth,events,graphql,http,node-http,upstream,wire}/**/*.ts'],
    // Built once, at start-up.
    ignores: ['src/upstream/response-schemas.ts', 'src/graphql/subgraph.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ObjectExpression[properties.length>1] > SpreadElement:first-child',
          message:
            'A spread followed by more properties makes a hidden class per call on Node 20: use Object.assign({}, source, { ... }) or write the fields out (BENCHMARKS.md, "Hidden classes per request").',
        },
      ],
    },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } } },
  // The examples run on Node 20, which has these globals.
  {
    files: ['examples/**/*.mjs'],
    languageOptions: { globals: { fetch: 'readonly', crypto: 'readonly', TextEncoder: 'readonly' } },
  },
);

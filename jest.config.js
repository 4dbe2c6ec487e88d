/** ESM + ts-jest: decorators keep their metadata (esbuild-based transforms drop it). */
const project = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } },
    ],
  },
};

export default {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
  testTimeout: 20000,
  projects: [
    { ...project, displayName: 'suite', testMatch: ['<rootDir>/test/**/*.test.ts'] },
    // The GraphQL suites once more with every query compiled from its first run (the suite
    // above runs them as deployed, where a query compiles after 10 runs: mostly graphql-js).
    {
      ...project,
      displayName: 'compiled',
      testMatch: [
        '<rootDir>/test/graphql/{bill,refund,instore,connection,conventions,subgraph,event-replay}.test.ts',
        '<rootDir>/test/http/{transports,operations,errors}.test.ts',
      ],
      setupFiles: ['<rootDir>/test/support/compiled-everywhere.cjs'],
    },
  ],
};

/**
 * The import rule, checked on resolved paths (static and dynamic imports, top-level files
 * included) by dependency-cruiser from `npm run lint`; docs/decisions/0005-import-rule.md says why.
 *
 * Arrows point down only: wire ← upstream, events, auth ← graphql ← http ← gateway.ts / main.ts;
 * telemetry (spans) is below them all.
 * The sandbox is a second product on the same contract: it imports only wire and the shared
 * node-http kit, and only the composition root (src/gateway.ts, which embeds it) may start it.
 * Each entry: a folder of src, and the folders of src its files must not import from.
 */
const LAYERS = {
  // Spans (over @opentelemetry/api) for every layer: it imports none of them.
  telemetry: ['wire', 'node-http', 'upstream', 'events', 'auth', 'graphql', 'http', 'sandbox', 'demo'],
  wire: ['telemetry', 'node-http', 'upstream', 'events', 'auth', 'graphql', 'http', 'sandbox', 'demo'],
  'node-http': ['wire', 'upstream', 'events', 'auth', 'graphql', 'http', 'sandbox', 'demo'],
  upstream: ['node-http', 'events', 'auth', 'graphql', 'http', 'sandbox', 'demo'],
  events: ['node-http', 'upstream', 'auth', 'graphql', 'http', 'sandbox', 'demo'],
  auth: ['node-http', 'upstream', 'events', 'graphql', 'http', 'sandbox', 'demo'],
  graphql: ['node-http', 'http', 'sandbox', 'demo'],
  http: ['sandbox', 'demo'],
  sandbox: ['upstream', 'events', 'auth', 'graphql', 'http', 'demo'],
  // The checkout demo runs in a browser: the channel table, and the generated documents outside src.
  demo: ['telemetry', 'node-http', 'upstream', 'events', 'auth', 'graphql', 'http', 'sandbox'],
};

module.exports = {
  forbidden: [
    ...Object.entries(LAYERS).map(([layer, banned]) => ({
      name: `layer-${layer}`,
      comment: `src/${layer} must not import from src/{${banned.join(',')}}: arrows point down only`,
      severity: 'error',
      from: { path: `^src/${layer}/` },
      to: { path: `^src/(${banned.join('|')})/` },
    })),
    {
      name: 'below-the-top',
      comment: 'no folder of src imports gateway.ts, config.ts or main.ts: they are the top',
      severity: 'error',
      from: { path: '^src/[^/]+/' },
      to: { path: '^src/(gateway|config|main)\\.ts$' },
    },
    {
      name: 'sandbox-from-the-composition-root-only',
      comment:
        'the sandbox is a second product: only src/gateway.ts (the composition root) embeds it; ' +
        'what both sides read belongs in src/wire',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(sandbox/|gateway\\.ts$)' },
      to: { path: '^src/sandbox/' },
    },
    {
      name: 'no-cycles',
      comment:
        'a cycle means a helper wants to live lower (GraphQL types that point at each other, ' +
        'Bill.refunds and Refund.bill, are a cycle by nature)',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/graphql/(bill|refund)/[a-z-]+\\.type\\.ts$' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // Imports name the compiled `.js` (NodeNext); the source is the `.ts` beside it.
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};

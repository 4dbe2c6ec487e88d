import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

/**
 * The in-browser explorer at GET /graphql: GraphiQL 3 with React 18, served from this
 * package's own dependencies under /graphql/explorer/. Nothing comes from a CDN, so it
 * works offline and behind corporate proxies; a Content-Security-Policy of 'self' makes
 * the browser refuse anything else.
 */

export const EXPLORER_PREFIX = '/graphql/explorer/';

const require = createRequire(import.meta.url);
const ASSET_SOURCES: Record<string, { module: string; type: string }> = {
  'react.production.min.js': { module: 'react/umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.production.min.js': {
    module: 'react-dom/umd/react-dom.production.min.js',
    type: 'text/javascript',
  },
  'graphiql.min.js': { module: 'graphiql/graphiql.min.js', type: 'text/javascript' },
  'graphiql.min.css': { module: 'graphiql/graphiql.min.css', type: 'text/css' },
};

const INIT_SCRIPT = `
const endpoint = new URL('/graphql', location.href).href;
const fetcher = GraphiQL.createFetcher({ url: endpoint });
const defaultQuery = \`# BeeCloud GraphQL gateway. Press the play button to run.
query LatestBills {
  bills(first: 5) {
    totalCount
    items { id billNo title totalFeeFen subChannel paid refunded createdAt }
  }
}
\`;
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery, shouldPersistHeaders: false }),
);
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>BeeCloud GraphQL explorer</title>
<link rel="stylesheet" href="${EXPLORER_PREFIX}graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading the explorer…</div>
<script src="${EXPLORER_PREFIX}react.production.min.js"></script>
<script src="${EXPLORER_PREFIX}react-dom.production.min.js"></script>
<script src="${EXPLORER_PREFIX}graphiql.min.js"></script>
<script src="${EXPLORER_PREFIX}init.js"></script>
</body>
</html>
`;

export const EXPLORER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'";

export interface ExplorerAsset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

let assets: Map<string, ExplorerAsset> | undefined;

/** The page and its assets, read and compressed once, on first use. */
export function explorerAsset(name: string): ExplorerAsset | undefined {
  assets ??= new Map(
    [
      ...Object.entries(ASSET_SOURCES).map(
        ([file, source]) => [file, source.type, readFileSync(require.resolve(source.module))] as const,
      ),
      ['init.js', 'text/javascript', Buffer.from(INIT_SCRIPT)] as const,
      ['index.html', 'text/html; charset=utf-8', Buffer.from(PAGE)] as const,
    ].map(([file, type, body]) => [file, { type, body, gzipped: gzipSync(body) }]),
  );
  return assets.get(name);
}

/** Whether a GET of /graphql comes from a browser tab rather than a GraphQL client. */
export function wantsExplorer(accept: string | undefined, search: string): boolean {
  return !new URLSearchParams(search).has('query') && (accept ?? '').includes('text/html');
}

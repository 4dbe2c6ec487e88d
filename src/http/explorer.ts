import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * The in-browser explorer at GET /graphql: GraphiQL 3 with React 18, served from this
 * package's own dependencies under /graphql/explorer/. Nothing comes from a CDN, so it
 * works offline and behind corporate proxies; a Content-Security-Policy of 'self' makes
 * the browser refuse anything else.
 */

export const EXPLORER_PREFIX = '/graphql/explorer/';

/** Each asset: the package it comes from and its file there. */
const ASSET_SOURCES: Record<string, { pkg: string; file: string; type: string }> = {
  'react.production.min.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.production.min.js': {
    pkg: 'react-dom',
    file: 'umd/react-dom.production.min.js',
    type: 'text/javascript',
  },
  'graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/**
 * A dependency's folder, looked up the way Node does: `node_modules/<pkg>` in this file's
 * folder or the nearest one above it. (The UMD files are not in the packages' `exports`,
 * so they cannot be resolved by name.)
 */
function packageDir(pkg: string): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', pkg);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`cannot find the package ${pkg} for the explorer`);
  }
}

const INIT_SCRIPT = `
const endpoint = new URL('/graphql', location.href).href;
const headers = __HEADERS__;
const fetcher = GraphiQL.createFetcher({ url: endpoint, headers, subscriptionUrl: endpoint.replace(/^http/, 'ws'), wsConnectionParams: headers });
const defaultQuery = \`# BeeCloud GraphQL gateway. Press the play button to run.
query LatestBills {
  bills(first: 5) {
    totalCount
    nodes { id billNo title total { formatted } channel status createdAt }
  }
}
\`;
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery, defaultHeaders: JSON.stringify(headers, null, 2), shouldPersistHeaders: false }),
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
  /** A Content-Security-Policy of its own (default EXPLORER_CSP). */
  csp?: string;
}

let assets: Map<string, ExplorerAsset> | undefined;
const initScripts = new Map<string, ExplorerAsset>();

/**
 * The page and its assets, read and compressed once, on first use. `init.js` carries the
 * headers the explorer starts with (the development key, in embedded development mode).
 */
export function explorerAsset(name: string, headers: Record<string, string> = {}): ExplorerAsset | undefined {
  if (name === 'init.js') {
    const json = JSON.stringify(headers);
    let script = initScripts.get(json);
    if (!script) {
      const body = Buffer.from(INIT_SCRIPT.replace('__HEADERS__', json));
      initScripts.set(json, (script = { type: 'text/javascript', body, gzipped: gzipSync(body) }));
    }
    return script;
  }
  assets ??= new Map(
    [
      ...Object.entries(ASSET_SOURCES).map(
        ([name, source]) =>
          [name, source.type, readFileSync(join(packageDir(source.pkg), source.file))] as const,
      ),
      ['index.html', 'text/html; charset=utf-8', Buffer.from(PAGE)] as const,
    ].map(([file, type, body]) => [file, { type, body, gzipped: gzipSync(body) }]),
  );
  return assets.get(name);
}

/** Whether a GET of /graphql comes from a browser tab rather than a GraphQL client. */
export function wantsExplorer(accept: string | undefined, search: string): boolean {
  return !new URLSearchParams(search).has('query') && (accept ?? '').includes('text/html');
}

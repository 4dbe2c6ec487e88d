import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { escapeHtml } from '../node-http/respond.js';
import { EXPLORER_CSP, type ExplorerAsset } from './explorer.js';

/**
 * The checkout demo at GET /demo: a page, and its script bundled at build time from
 * src/demo/checkout.ts (scripts/build-demo.mjs) into dist/demo/. Everything is served from
 * this package: no CDN.
 */

export const DEMO_PATH = '/demo';
const BUNDLE_FILES: Record<string, string> = {
  'checkout.js': 'text/javascript; charset=utf-8',
  'checkout.js.map': 'application/json',
  'checkout.js.LEGAL.txt': 'text/plain; charset=utf-8',
};

const page = (headers: Record<string, string>, sandboxUrl: string | undefined) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="demo-headers" content="${escapeHtml(JSON.stringify(headers))}">
<meta name="demo-sandbox" content="${escapeHtml(sandboxUrl ?? '')}">
<title>BeeCloud GraphQL — checkout demo</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
  fieldset { border: 1px solid #ccc; border-radius: 8px; margin: 1rem 0; padding: 1rem; }
  label { display: block; margin: .5rem 0; }
  label select, label input { display: block; width: 100%; max-width: 100%; box-sizing: border-box; font: inherit; padding: .4rem; }
  button { font: inherit; padding: .5rem 1rem; border-radius: 6px; border: 1px solid #888; background: #f4f4f4; }
  button:not(:disabled) { cursor: pointer; }
  img[data-testid="qr"] { max-width: 100%; height: auto; }
  dt { font-weight: 600; } dd { margin: 0 0 .5rem; }
  [data-testid="status"], [data-testid="refund-status"] { font-weight: 700; }
  [data-testid="error"] { color: #b00020; }
  img[hidden] { display: none; }
</style>
</head>
<body>
<h1>Checkout demo</h1>
<p>Pays through this gateway's GraphQL API. Over the embedded sandbox, the steps a shopper or a
provider would take appear as buttons marked <strong>Sandbox</strong>.</p>
<fieldset>
  <legend>New bill</legend>
  <label>Channel <select data-testid="channel"></select></label>
  <div data-testid="channel-inputs"></div>
  <label>Amount in fen (<span data-testid="amount-yuan">¥0.01</span>) <input data-testid="amount" type="number" min="1" value="1"></label>
  <button data-testid="create" type="button">Create bill</button>
</fieldset>
<dl>
  <dt>Bill</dt><dd data-testid="bill-no"></dd>
  <dt>Total</dt><dd data-testid="total"></dd>
  <dt>Status</dt><dd data-testid="status"></dd>
</dl>
<img data-testid="qr" hidden alt="">
<div data-testid="next-step"></div>
<fieldset>
  <legend>Refund</legend>
  <button data-testid="refund" type="button" disabled>Refund in full</button>
  <p data-testid="no-refund" hidden></p>
  <div data-testid="refund-step"></div>
  <dl>
    <dt>Refund</dt><dd data-testid="refund-no"></dd>
    <dt>Refund status</dt><dd data-testid="refund-status"></dd>
  </dl>
</fieldset>
<p data-testid="error" role="alert"></p>
<script src="${DEMO_PATH}/checkout.js"></script>
</body>
</html>
`;

/** This package's root: the nearest folder up from here with its package.json. */
function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error('cannot find the package root for the demo');
  }
}

const asset = (type: string, body: Buffer): ExplorerAsset => ({ type, body, gzipped: gzipSync(body) });
const pages = new Map<string, ExplorerAsset>();
const bundle = new Map<string, ExplorerAsset | null>();

/**
 * The page (carrying `headers`: the development key, in embedded development) or a file of
 * the bundle; undefined for any other name, or when the bundle was not built.
 */
export function demoAsset(
  name: string,
  headers: Record<string, string> = {},
  sandboxUrl?: string,
): ExplorerAsset | undefined {
  if (name === '' || name === 'index.html') {
    const key = JSON.stringify([headers, sandboxUrl]);
    let html = pages.get(key);
    if (!html) {
      html = asset('text/html; charset=utf-8', Buffer.from(page(headers, sandboxUrl)));
      // The page may call its embedded sandbox (the provider settling a refund), and nothing else.
      if (sandboxUrl)
        html.csp = EXPLORER_CSP.replace("connect-src 'self'", `connect-src 'self' ${sandboxUrl}`);
      pages.set(key, html);
    }
    return html;
  }
  const type = BUNDLE_FILES[name];
  if (!type) return undefined;
  if (!bundle.has(name)) {
    const file = join(packageRoot(), 'dist', 'demo', name);
    bundle.set(name, existsSync(file) ? asset(type, readFileSync(file)) : null);
  }
  return bundle.get(name) ?? undefined;
}

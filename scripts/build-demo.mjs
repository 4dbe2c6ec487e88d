// Bundles the checkout demo's browser code (src/demo/checkout.ts: graphql-ws, qrcode, the typed
// documents) into dist/demo/checkout.js, which the gateway serves at /demo/checkout.js. Part of
// `npm run build`: the page needs no CDN and no bundler at run time.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/demo/checkout.ts'],
  outfile: 'dist/demo/checkout.js',
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
});

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, validate } from 'graphql';
import { buildGatewaySchema } from '../src/graphql/schema.js';

/**
 * What a person reads in the README, docs/ and examples/README.md holds: GraphQL snippets
 * validate against the schema, shell commands are matched to the test that runs what they
 * start, links resolve, and every page of docs/ is linked from the README. Code to copy whole
 * is a file of examples/ (test/examples.test.ts runs each).
 */

const root = new URL('..', import.meta.url).pathname;
/** The README, every page of docs/ and the examples' README: what a person reads and copies. */
const PAGES = [
  'README.md',
  'examples/README.md',
  ...readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const blocks = PAGES.flatMap((page) =>
  [...readFileSync(join(root, page), 'utf8').matchAll(/^( *)```(\w+)\n([\s\S]*?)^\1```$/gm)].map(
    ([, indent, language, code]) => ({
      page,
      language: language!,
      // A block inside a list item is indented: its code is not.
      code: code!.replace(new RegExp(`^${indent}`, 'gm'), ''),
    }),
  ),
);

/** Shell snippets start servers; each is run by the test named here. */
const SHELL_COVERED_BY: Record<string, string> = {
  'npm install && npm start':
    'test/main.test.ts (the gateway over the embedded sandbox, as npm start runs it)',
  'SANDBOX_WEBHOOK_URL=http://127.0.0.1:4001/webhooks/beecloud npm run sandbox &':
    'test/http/replicas.test.ts (two gateways over one sandbox and one Redis)',
  'npm run sandbox': 'test/sandbox/control.test.ts (the sandbox started as npm run sandbox starts it)',
  "curl -s http://127.0.0.1:4000/graphql -H 'content-type: application/json' \\":
    'test/examples.test.ts (examples/curl-walkthrough.sh makes the same call)',
  'API_KEY=<the key npm start printed> node examples/apollo-client.mjs':
    'test/examples.test.ts (every file of examples/, run as written)',
};

describe('the README', () => {
  it('has snippets, each in a language this test runs', () => {
    expect(blocks.length).toBeGreaterThan(5);
    // Code a person copies whole is a file of examples/, which test/examples.test.ts runs.
    expect(blocks.filter((b) => !['graphql', 'sh'].includes(b.language))).toEqual([]);
  });

  it('links only to files and headings that exist, and to every page of docs/', () => {
    const broken: string[] = [];
    for (const page of PAGES) {
      const text = readFileSync(join(root, page), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:)/.test(target!)) continue;
        const [file, anchor] = target!.split('#');
        const path = file ? join(root, dirname(page), file) : join(root, page);
        if (!existsSync(path)) broken.push(`${page}: ${target}`);
        else if (anchor && statSync(path).isFile()) {
          const headings = [...readFileSync(path, 'utf8').matchAll(/^#+ (.*)$/gm)].map(([, heading]) =>
            heading!
              .toLowerCase()
              .replace(/[^\w\s-]/g, '')
              .trim()
              .replace(/\s+/g, '-'),
          );
          if (!headings.includes(anchor)) broken.push(`${page}: ${target}`);
        }
      }
    }
    expect(broken).toEqual([]);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const page of PAGES.filter((p) => p.startsWith('docs/') && !p.startsWith('docs/decisions/')))
      expect([page, readme.includes(`](${page})`)]).toEqual([page, true]);
  });

  it('has GraphQL snippets that are valid against the schema', async () => {
    const schema = await buildGatewaySchema();
    const graphql = blocks.filter((b) => b.language === 'graphql');
    expect(graphql.length).toBeGreaterThan(0);
    for (const { code } of graphql) expect(validate(schema, parse(code)).map((e) => e.message)).toEqual([]);
  });

  it('has shell snippets whose commands a named test runs', () => {
    for (const { code } of blocks.filter((b) => b.language === 'sh')) {
      const first = code.split('\n')[0]!.replace(/#.*$/, '').trim();
      expect({ first, coveredBy: SHELL_COVERED_BY[first] }).toEqual({ first, coveredBy: expect.any(String) });
    }
  });
});

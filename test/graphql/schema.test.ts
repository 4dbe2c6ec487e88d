import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGatewaySchema, printGatewaySdl } from '../../src/graphql/schema.js';

const root = new URL('../..', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('the committed schema', () => {
  it('is exactly what the code emits (run `npm run schema` after changing types)', async () => {
    expect(read('schema/schema.graphql')).toBe(printGatewaySdl(await buildGatewaySchema()));
  });

  it('has typed documents generated from the current operations (run `npm run codegen`)', () => {
    // The real CLI, with codegen.yml's settings, writing to a scratch file instead.
    const out = join(mkdtempSync(join(tmpdir(), 'bc-codegen-')), 'graphql.ts');
    const config = join(root, 'codegen.scratch.yml');
    writeFileSync(config, read('codegen.yml').replace('schema/generated/graphql.ts:', `${out}:`));
    try {
      execFileSync(join(root, 'node_modules/.bin/graphql-codegen'), ['--config', config, '--silent'], {
        cwd: root,
        env: { ...process.env, NODE_OPTIONS: '' },
        stdio: 'pipe',
      });
    } finally {
      rmSync(config, { force: true });
    }
    expect(read('schema/generated/graphql.ts')).toBe(readFileSync(out, 'utf8'));
  });
});

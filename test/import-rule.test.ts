import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The import rule (.dependency-cruiser.cjs, run by `npm run lint`) on a small tree with the
 * violations a change could plant: the configuration reaching into the sandbox, and a layer
 * importing one above it by a dynamic import() that no static check sees. The composition
 * root embedding the sandbox is the one thing allowed.
 */
const CRUISER = resolve('node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = resolve('.dependency-cruiser.cjs');

async function cruise(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'import-rule-'));
  writeFileSync(
    join(root, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
  );
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [CRUISER, 'src', '--config', CONFIG], {
      cwd: root,
    });
    return { failed: false, output: stdout };
  } catch (error) {
    return { failed: true, output: String((error as { stdout?: string }).stdout) };
  }
}

const clean = {
  'src/wire/dev-app.ts': 'export const DEV = 1;\n',
  'src/http/limits.ts': "import { DEV } from '../wire/dev-app.js';\nexport const LIMIT = DEV;\n",
  'src/sandbox/apps.ts': "import { DEV } from '../wire/dev-app.js';\nexport const apps = [DEV];\n",
  'src/config.ts': "import { DEV } from './wire/dev-app.js';\nexport const config = DEV;\n",
  'src/gateway.ts':
    "import { config } from './config.js';\nexport const start = async () => [config, (await import('./sandbox/apps.js')).apps];\n",
};

describe('the import rule', () => {
  it('passes a tree that keeps it, where only the composition root loads the sandbox', async () => {
    const { failed, output } = await cruise(clean);
    expect(output).toContain('no dependency violations found');
    expect(failed).toBe(false);
  });

  it('fails on the configuration importing the sandbox, and on a dynamic import up the layers', async () => {
    const { failed, output } = await cruise({
      ...clean,
      'src/config.ts': "import { apps } from './sandbox/apps.js';\nexport const config = apps;\n",
      'src/wire/dev-app.ts': "export const DEV = 1;\nexport const up = () => import('../http/limits.js');\n",
    });
    expect(failed).toBe(true);
    expect(output).toContain('sandbox-from-the-composition-root-only: src/config.ts → src/sandbox/apps.ts');
    expect(output).toContain('layer-wire: src/wire/dev-app.ts → src/http/limits.ts');
    expect(output).not.toContain('src/gateway.ts →');
  });
});

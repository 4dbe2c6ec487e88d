import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SandboxApp } from '../../src/sandbox/apps.js';
import { KEYS } from '../support/auth.js';
import { freePort, runNode } from '../support/process.js';
import { startTestSandbox } from '../support/sandbox.js';

/**
 * No Docker engine runs on these machines, so this builds what the Dockerfile's runtime stage
 * builds — the compiled dist/ and `npm ci --omit=dev --ignore-scripts`, in a folder of its own
 * — and starts it as the image would (NODE_ENV=production, real-looking credentials) against a
 * sandbox. A runtime dependency left in devDependencies fails here.
 */
const DOCKERFILE = readFileSync('Dockerfile', 'utf8');
const RUNTIME_INSTALL = ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'];

describe('the production image', () => {
  it('is built the way this test builds it (the Dockerfile says so)', () => {
    expect(DOCKERFILE).toContain(`RUN npm ${RUNTIME_INSTALL.join(' ')}`);
    expect(DOCKERFILE).toContain('COPY --from=build /app/dist ./dist');
    expect(DOCKERFILE).toContain(
      'COPY schema/generated/trusted-documents.json ./schema/generated/trusted-documents.json',
    );
    expect(DOCKERFILE).toContain('USER node');
    expect(DOCKERFILE).toMatch(/HEALTHCHECK .*\n.*\/healthz/);
    expect(DOCKERFILE).toContain('CMD ["node", "dist/main.js"]');
  });

  it('starts from a production-only install and answers over BeeCloud (here, the sandbox)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bc-production-'));
    for (const file of ['package.json', 'package-lock.json']) cpSync(file, join(folder, file));
    cpSync('dist', join(folder, 'dist'), { recursive: true });
    cpSync(
      'schema/generated/trusted-documents.json',
      join(folder, 'schema/generated/trusted-documents.json'),
    );
    await promisify(execFile)('npm', [...RUNTIME_INSTALL, '--prefer-offline'], { cwd: folder });
    const app: SandboxApp = {
      appId: '0a11ce00-0000-4000-8000-0000000000aa',
      appSecret: 'production-tree-app-secret-000001',
      masterSecret: 'production-tree-master-secret-0001',
      channels: new Set(['UN_APP']),
    };
    const sandbox = await startTestSandbox({ apps: [app] });
    const port = await freePort();
    const gateway = runNode(join(folder, 'dist/main.js'), {
      NODE_ENV: 'production',
      PORT: String(port),
      API_KEYS: JSON.stringify([KEYS.readOnly.entry]),
      BEECLOUD_APP_ID: app.appId,
      BEECLOUD_APP_SECRET: app.appSecret,
      BEECLOUD_MASTER_SECRET: app.masterSecret,
      BEECLOUD_BASE_URLS: sandbox.url,
      PERSISTED_OPERATIONS_ONLY: 'true',
    });
    try {
      await gateway.waitFor('GraphQL gateway ready', 30_000);
      const answer = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.readOnly.key}` },
        // A listed document (schema/operations' BillsCount): nothing else runs here.
        body: JSON.stringify({
          query: 'query BillsCount($filter: BillFilter) {\n  billsCount(filter: $filter)\n}',
        }),
      });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ data: { billsCount: 0 } });
    } finally {
      expect(await gateway.stop()).toBe(0);
      await sandbox.close();
    }
  }, 180_000);
});

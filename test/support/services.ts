import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Services some suites need beyond Node: a Chromium for the browser tests and a
 * redis-server for the replica tests. `npm test` must pass on a machine with only Node, so:
 * - Chromium: a system one when found (`CHROMIUM_PATH`, `/usr/bin/chromium`), else the one
 *   the devDependency `@sparticuz/chromium` ships inside its npm package.
 * - redis-server: `REDIS_SERVER_PATH`, else the first on PATH. Without one, the suites that
 *   need it are skipped, saying why and how to enable them — except under `CI=true`, where a
 *   missing one fails the run (`.ci/run` installs it, so CI skips nothing).
 */

/** Flags that work for Debian's Chromium and for @sparticuz/chromium's (not its serverless `args`). */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export async function chromiumPath(): Promise<string> {
  const system = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(system)) return system;
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

export function redisServerPath(): string | undefined {
  if (process.env.REDIS_SERVER_PATH) return process.env.REDIS_SERVER_PATH;
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'redis-server'))
    .find((candidate) => existsSync(candidate));
}

const REDIS_MISSING =
  'no redis-server found; install one (apt-get install -y redis-server) or set REDIS_SERVER_PATH';

/**
 * `describe` for a suite that needs redis-server. Without one its title says it was skipped
 * and why (the summary reporter prints those titles); under CI=true it fails instead.
 */
export function describeWithRedis(title: string, suite: () => void): void {
  if (redisServerPath()) return describe(title, suite);
  if (process.env.CI === 'true') {
    return describe(title, () => {
      it('has a redis-server (CI runs every suite)', () => {
        throw new Error(`${REDIS_MISSING}; .ci/run is expected to install it`);
      });
    });
  }
  describe.skip(`${title} [skipped: ${REDIS_MISSING}]`, suite);
}

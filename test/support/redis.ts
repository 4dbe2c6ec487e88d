import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { freePort } from './process.js';
import { eventually } from './receiver.js';

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

/**
 * A real redis-server (Debian's, which `.ci/run` installs) on a free loopback port, with no
 * persistence, for tests of what several replicas share.
 */
export async function startRedis() {
  if (!existsSync(REDIS_SERVER))
    throw new Error(`no redis-server at ${REDIS_SERVER}: apt-get install -y redis-server (as .ci/run does)`);
  const port = await freePort();
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  await eventually(() => pong(port), 10_000);
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** Whether a Redis server answers PING on the port (raw RESP, so no client library retries). */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      resolve(data.toString().startsWith('+PONG'));
      socket.destroy();
    });
    socket.once('error', () => resolve(false));
  });
}

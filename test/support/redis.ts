import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from './process.js';
import { eventually } from './receiver.js';
import { redisServerPath } from './services.js';

/**
 * A real redis-server (see services.ts for where it comes from) on a free loopback port,
 * with no persistence, for tests of what several replicas share. Suites that use it are
 * declared with `describeWithRedis`.
 */
export async function startRedis(extraArgs: string[] = []) {
  const server = redisServerPath();
  if (!server) throw new Error('no redis-server: declare the suite with describeWithRedis');
  const port = await freePort();
  const child = spawn(
    server,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extraArgs],
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

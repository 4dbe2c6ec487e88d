import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { eventually } from './receiver.js';

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Runs a compiled entry point (`dist/...`) with extra environment, collecting its output. */
export function runNode(script: string, env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { text: '' };
  child.stdout!.on('data', (chunk) => (output.text += chunk));
  child.stderr!.on('data', (chunk) => (output.text += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    output,
    exited,
    waitFor: (text: string, timeoutMs = 15_000) => eventually(() => output.text.includes(text), timeoutMs),
    signal(name: NodeJS.Signals) {
      child.kill(name);
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

import { createLogger } from '../../src/node-http/logger.js';

/** A logger whose JSON lines a test can read: `lines` as written, `entries` parsed. */
export function collectingLogger() {
  const lines: string[] = [];
  const logger = createLogger({ destination: { write: (line: string) => void lines.push(line.trimEnd()) } });
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown> & { msg: string });
  return { logger, lines, entries, messages: () => entries().map((entry) => entry.msg) };
}

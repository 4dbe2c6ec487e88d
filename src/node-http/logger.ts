import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Every field that may carry a secret, wherever it sits in a logged object: removed, not
 * masked, so a log line never holds a credential even when a caller logs a whole object.
 * The servers never log bodies, query strings or headers in the first place; this is the net.
 */
export const REDACTED_PATHS = [
  'authorization',
  'apiKey',
  'api_key',
  'key',
  'secret',
  'password',
  'app_sign',
  'app_secret',
  'master_secret',
  'appSecret',
  'masterSecret',
  'signature',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers.cookie',
  '*.authorization',
  '*.apiKey',
  '*.key',
  '*.secret',
  '*.app_sign',
  '*.app_secret',
  '*.master_secret',
  '*.appSecret',
  '*.masterSecret',
  '*.signature',
];

export interface LoggerOptions {
  /** Where the JSON lines go; stdout by default. Tests pass a stream that collects them. */
  destination?: DestinationStream;
  level?: string;
  /** Human-readable lines (pino-pretty): for development on a terminal only. */
  pretty?: boolean;
  /** Fields on every line, e.g. `{ component: 'sandbox' }`. */
  base?: Record<string, unknown>;
}

/**
 * The one logger of both servers: JSON lines (pretty only when asked, in development on a
 * TTY), secret-bearing fields removed by `redact`.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const settings = {
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    base: options.base ?? {},
    redact: { paths: REDACTED_PATHS, remove: true },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  if (options.pretty && !options.destination) {
    return pino(
      Object.assign({}, settings, { transport: { target: 'pino-pretty', options: { colorize: true } } }),
    );
  }
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** A logger that writes nothing (tests that do not look at logs). */
export const silentLogger = (): Logger => pino({ level: 'silent' });

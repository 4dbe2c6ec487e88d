import { readJson } from '../node-http/env.js';
import { readFileSync } from 'node:fs';
import {
  APP_ID_PATTERN,
  DEFAULT_DEV_APP,
  PAY_CHANNELS,
  channelsOfFamily,
  isChannelFamily,
  isPayChannel,
  type PayChannel,
} from '../wire/index.js';

/** A merchant app the sandbox serves: its credentials, enabled channels and webhook URL. */
export interface SandboxApp {
  appId: string;
  appSecret: string;
  masterSecret: string;
  /** Bills on other channels are refused with `2 PAY_FACTOR_NOT_SET`. */
  channels: ReadonlySet<PayChannel>;
  /** Where PAY and REFUND webhooks go; none are sent without one. */
  webhookUrl?: string;
}

/** The shape of one app in `SANDBOX_APPS_FILE` (a JSON array of these). */
export interface AppConfigEntry {
  app_id: string;
  app_secret: string;
  master_secret: string;
  /** Pay channels or families; every channel when absent. */
  channels?: string[];
  webhook_url?: string;
}

export function appFromConfig(entry: AppConfigEntry, where: string): SandboxApp {
  const problem = (rule: string) => new Error(`${where}: ${rule}`);
  if (typeof entry?.app_id !== 'string' || !APP_ID_PATTERN.test(entry.app_id)) {
    throw problem(`app_id must be a UUID, got ${JSON.stringify(entry?.app_id)}`);
  }
  for (const key of ['app_secret', 'master_secret'] as const) {
    if (typeof entry[key] !== 'string' || entry[key].length === 0)
      throw problem(`${key} must be a non-empty string`);
  }
  return {
    appId: entry.app_id.toLowerCase(),
    appSecret: entry.app_secret,
    masterSecret: entry.master_secret,
    channels: parseChannels(entry.channels, where),
    webhookUrl: entry.webhook_url || undefined,
  };
}

function parseChannels(names: string[] | undefined, where: string): ReadonlySet<PayChannel> {
  if (names === undefined) return new Set(PAY_CHANNELS);
  if (!Array.isArray(names)) throw new Error(`${where}: channels must be a list of channel names`);
  const channels = new Set<PayChannel>();
  for (const name of names) {
    if (isPayChannel(name)) channels.add(name);
    else if (isChannelFamily(name)) channelsOfFamily(name).forEach((channel) => channels.add(channel));
    else throw new Error(`${where}: unknown channel ${JSON.stringify(name)}`);
  }
  return channels;
}

/**
 * Apps from the environment: every entry of the JSON file `SANDBOX_APPS_FILE`, plus one
 * app from `SANDBOX_APP_ID`/`SANDBOX_APP_SECRET`/`SANDBOX_MASTER_SECRET` (with optional
 * `SANDBOX_APP_CHANNELS`, comma-separated, and `SANDBOX_WEBHOOK_URL`). With neither, the
 * development app, which takes `SANDBOX_WEBHOOK_URL` too.
 */
export function appsFromEnv(env: NodeJS.ProcessEnv): SandboxApp[] {
  const apps: SandboxApp[] = [];
  if (env.SANDBOX_APPS_FILE) {
    const entries = readJson(readFileSync(env.SANDBOX_APPS_FILE, 'utf8'), 'SANDBOX_APPS_FILE');
    if (!Array.isArray(entries)) throw new Error('SANDBOX_APPS_FILE must hold a JSON array of apps');
    entries.forEach((entry, i) => apps.push(appFromConfig(entry, `SANDBOX_APPS_FILE[${i}]`)));
  }
  const channels = env.SANDBOX_APP_CHANNELS?.split(',').map((name) => name.trim());
  if (env.SANDBOX_APP_ID) {
    apps.push(
      appFromConfig(
        {
          app_id: env.SANDBOX_APP_ID,
          app_secret: env.SANDBOX_APP_SECRET ?? '',
          master_secret: env.SANDBOX_MASTER_SECRET ?? '',
          channels,
          webhook_url: env.SANDBOX_WEBHOOK_URL,
        },
        'SANDBOX_APP_ID',
      ),
    );
  }
  if (apps.length === 0) apps.push(devApp({ webhookUrl: env.SANDBOX_WEBHOOK_URL, channels }));
  const ids = new Set<string>();
  for (const app of apps) {
    if (ids.has(app.appId)) throw new Error(`app ${app.appId} is configured twice`);
    ids.add(app.appId);
  }
  return apps;
}

/** The development app, optionally with a webhook URL or fewer channels. */
export function devApp(options: { webhookUrl?: string; channels?: string[] } = {}): SandboxApp {
  return appFromConfig(
    {
      app_id: DEFAULT_DEV_APP.appId,
      app_secret: DEFAULT_DEV_APP.appSecret,
      master_secret: DEFAULT_DEV_APP.masterSecret,
      channels: options.channels,
      webhook_url: options.webhookUrl,
    },
    'development app',
  );
}

/**
 * The documented development app: fixed ids so that examples, the embedded gateway, the
 * sandbox and tests agree without configuration. Public (docs/sandbox.md prints them), so the
 * gateway refuses them in production. Here, in the shared contract, because both sides read
 * them: the sandbox serves this app, and the gateway's configuration recognises it.
 */
export const DEFAULT_DEV_APP = {
  appId: 'c0ffee00-0000-4bee-8c1d-000000000001',
  appSecret: 'c0ffee00-0000-4bee-8c1d-00000000a001',
  masterSecret: 'c0ffee00-0000-4bee-8c1d-00000000f001',
} as const;

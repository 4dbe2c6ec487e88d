import type { SandboxApp } from './apps.js';
import type { Lifecycle } from './lifecycle.js';
import type { SandboxStore } from './store.js';
import type { VirtualClock } from './clock.js';

/** What a REST handler gets besides its parameters: the authenticated app and the sandbox. */
export interface HandlerContext {
  app: SandboxApp;
  lifecycle: Lifecycle;
  store: SandboxStore;
  clock: VirtualClock;
  /** The sandbox's address as this client reached it (for links in payloads). */
  baseUrl: string;
}

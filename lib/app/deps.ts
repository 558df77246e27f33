/**
 * Everything the use cases need from the outside world, passed in explicitly. Built
 * once per process by lib/runtime/*.ts (the composition roots); tests build their own.
 */
import type { Config } from '../config.js';
import type { Time } from '../time.js';
import type { Logger } from '../log.js';
import type { BotInstallProfile, CompiledMenu } from '../menu/types.js';
import type { MenuSet } from '../menu/menu-set.js';
import type { JobQueue } from '../queue/job.js';
import type { DialogStore } from '../store/dialogs.js';
import type { FeedStore } from '../store/feeds.js';
import type { JobFailureStore } from '../store/job-failures.js';
import type { MigrationStore } from '../store/migrations.js';
import type { FunctionRegistry } from './functions.js';
import type { CachedPortalStore } from './portal-cache.js';
import type { RateBudget } from './rate-budget.js';

export interface AppDeps {
  readonly config: Config;
  /** The portal store with the instance's warm copy of each portal (lib/app/portal-cache.ts). */
  readonly portals: CachedPortalStore;
  readonly dialogs: DialogStore;
  readonly jobFailures: JobFailureStore;
  /** Event feeds of fetch-mode bots (imbot.v2.Event.get offsets, the poller's lease). */
  readonly feeds: FeedStore;
  /** Moving V1 portals to Chatbots 2.0 (npm run migrate-v2). */
  readonly migrations: MigrationStore;
  readonly queue: JobQueue;
  /** The current menu (the local stack reloads it when the file changes). */
  readonly menu: () => CompiledMenu;
  /**
   * Every menu of MENU_FILE when it names a folder (a menu per Open Line, lib/menu/menu-set.ts);
   * absent: `menu` serves every dialog. Read it through lib/app/menu-for.ts.
   */
  readonly menus?: () => MenuSet;
  /** The bot's profile from the menu file (all install needs; the ingest Lambdas carry only this). */
  readonly bot: () => BotInstallProfile;
  readonly fetch: typeof fetch;
  /** The bot's business clock (ms): working hours, idle restarts, TTLs; movable in the playground and tests. */
  readonly clock: () => number;
  /** Wall time: leases, claims, retries, backoff and the REST budget wait on it (a fake in tests). */
  readonly time: Time;
  /** B24_CLIENT_SECRET, read from SSM in AWS on first use. */
  readonly clientSecret: () => Promise<string>;
  readonly log: Logger;
  readonly functions: FunctionRegistry;
  readonly budget: RateBudget;
  readonly newId: () => string;
  /** Warm-instance caches (bot lists, line hours…): bounded, short-lived. */
  readonly caches: import('./caches.js').Caches;
}

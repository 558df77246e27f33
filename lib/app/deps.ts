/**
 * What the use cases need from the outside world, passed in explicitly, one set per kind
 * of function, so no member exists that throws because another function built it (the
 * ingest functions have no menu, the worker no queue). Built once per process by
 * lib/runtime/*.ts (the composition roots); tests build their own. A use case takes the
 * narrowest set (or a Pick of one) that covers what it touches.
 */
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { MenuSet } from '../menu/menu-set.js';
import type { BotInstallProfile, CompiledMenu } from '../menu/types.js';
import type { JobQueue } from '../queue/job.js';
import type { DialogStore } from '../store/dialogs.js';
import type { FeedStore } from '../store/feeds.js';
import type { JobFailureStore } from '../store/job-failures.js';
import type { MigrationStore } from '../store/migrations.js';
import type { PortalStore } from '../store/portals.js';
import type { Time } from '../time.js';
import type { Caches } from './caches.js';
import type { FunctionRegistry } from './functions.js';
import type { CachedPortalStore } from './portal-cache.js';
import type { RateBudget } from './rate-budget.js';

/** Every function: its configuration, its log and its clocks. */
export interface BaseDeps {
  readonly config: Config;
  readonly log: Logger;
  /** The bot's business clock (ms): working hours, idle restarts, TTLs; movable in the playground and tests. */
  readonly clock: () => number;
  /** Wall time: leases, claims, retries, backoff and the REST budget wait on it (a fake in tests). */
  readonly time: Time;
}

/** REST calls to installed portals: their records, tokens (refreshed with the client secret) and budgets. */
export interface PortalDeps extends BaseDeps {
  /** The portal store with the instance's warm copy of each portal (lib/app/portal-cache.ts). */
  readonly portals: CachedPortalStore;
  readonly fetch: typeof fetch;
  /** B24_CLIENT_SECRET, read from SSM in AWS on first use (only a token refresh needs it). */
  readonly clientSecret: () => Promise<string>;
  readonly budget: RateBudget;
  /** Warm-instance caches (bot lists, line hours, refused event tokens…): bounded, short-lived. */
  readonly caches: Caches;
}

/** The menus: the current one, and every menu of MENU_FILE when it names a folder. */
export interface MenuDeps {
  /** The current menu (the local stack reloads it when the file changes). */
  readonly menu: () => CompiledMenu;
  /**
   * Every menu of MENU_FILE when it names a folder (a menu per Open Line, lib/menu/menu-set.ts);
   * absent: `menu` serves every dialog. Read it through lib/app/menu-for.ts.
   */
  readonly menus?: () => MenuSet;
}

/** Registering the bot on a portal (install, ONAPPUPDATE, npm run repoint, the migration): REST, the bot's profile, its event feed. */
export interface RegisterDeps extends PortalDeps {
  /** The bot's profile from the menu file (all install needs; the ingest bundles carry only this). */
  readonly bot: () => BotInstallProfile;
  /** Event feeds of fetch-mode bots (imbot.v2.Event.get offsets, the poller's lease). */
  readonly feeds: FeedStore;
}

/** Moving a V1 portal to Chatbots 2.0 (npm run migrate-v2, and the switch on its first V2 line event). */
export interface MigrateDeps extends RegisterDeps {
  /** The migration's steps, conditional writes on the portal item (lib/store/migrations.ts). */
  readonly migrations: MigrationStore;
}

/** The ingest functions (events, install, the poller): prove and install portals, queue customer turns. */
export interface IngestDeps extends MigrateDeps {
  readonly queue: JobQueue;
  readonly newId: () => string;
}

/** The worker: decides dialog turns with the menu and sends them; it never sends jobs. */
export interface WorkerDeps extends PortalDeps, MenuDeps {
  readonly dialogs: DialogStore;
  readonly jobFailures: JobFailureStore;
  readonly functions: FunctionRegistry;
}

/** The operators' chat app: reads a portal and a dialog, shows the menu's answers, queues "back to the bot". */
export interface ChatAppDeps extends BaseDeps, MenuDeps {
  readonly portals: Pick<PortalStore, 'get'>;
  readonly dialogs: Pick<DialogStore, 'get'>;
  readonly queue: JobQueue;
  readonly newId: () => string;
}

/** The dashboard: proves the portal's admin over REST and draws the menus' funnel. */
export interface DashboardDeps extends PortalDeps, MenuDeps {}

/** Every function's set at once: the local stack runs them all in one process, on one warm cache. */
export type AppDeps = IngestDeps & WorkerDeps & ChatAppDeps & DashboardDeps;

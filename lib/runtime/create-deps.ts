/**
 * The composition roots shared by the Lambda entry points, the CLIs and the local stack:
 * config, DynamoDB stores, caches, the client secret, the queue. Each function gets the
 * set it needs (lib/app/deps.ts) and nothing that would throw there. Module scope
 * elsewhere holds nothing tenant-specific; everything a use case touches comes through
 * its deps.
 */
import { randomUUID } from 'node:crypto';
import { createCaches } from '../app/caches.js';
import type { AppDeps, BaseDeps, ChatAppDeps, DashboardDeps, IngestDeps, MenuDeps, MigrateDeps, PortalDeps, RegisterDeps, WorkerDeps } from '../app/deps.js';
import { builtinFunctions, type FunctionRegistry } from '../app/functions.js';
import { cachedPortals, migrationsDroppingWarm } from '../app/portal-cache.js';
import { createDynamoBudget, type RateBudget, unlimitedBudget } from '../app/rate-budget.js';
import { type Config, ConfigError } from '../config.js';
import { type Logger, log as rootLog } from '../log.js';
import { installProfile } from '../menu/install-profile.js';
import type { BotInstallProfile } from '../menu/types.js';
import { meteredFetch, setMetricsStage } from '../metrics.js';
import type { JobQueue } from '../queue/job.js';
import { createDb, type Db } from '../store/db.js';
import { createDialogStore } from '../store/dialogs.js';
import { createFeedStore } from '../store/feeds.js';
import { createJobFailureStore } from '../store/job-failures.js';
import { createMigrationStore } from '../store/migrations.js';
import { createPortalStore } from '../store/portals.js';
import { systemTime, type Time } from '../time.js';
import { ssmSecret } from './ssm-secret.js';

/** What every composition takes: the configuration and, optionally, test or local stand-ins. */
export interface BaseParts {
  readonly config: Config;
  readonly db?: Db;
  readonly fetch?: typeof fetch;
  readonly clock?: () => number;
  /** Wall time for leases, retries and the budget (default: the real one). */
  readonly time?: Time;
  readonly log?: Logger;
  /** The shared REST budget; default: the DynamoDB bucket (B24_RATE_BUDGET=off: none). */
  readonly budget?: (db: Db) => RateBudget;
}

/** Everything at once (the local stack, the crash test's worker). */
export interface RuntimeParts extends BaseParts, MenuDeps {
  /** Defaults to the menu's profile. */
  readonly bot?: () => BotInstallProfile;
  readonly queue: JobQueue;
  readonly functions?: FunctionRegistry;
}

/**
 * How long a warm instance keeps the client secret read from SSM: a rotated secret
 * (new value in the parameter, then the app's secret changed in Bitrix24) takes effect
 * within this time, without a cold start, at one SSM read per instance and period.
 */
export const SECRET_TTL_MS = 5 * 60_000;

function createBaseDeps(parts: BaseParts): BaseDeps {
  setMetricsStage(parts.config.stage);
  const time = parts.time ?? systemTime;
  return { config: parts.config, log: parts.log ?? rootLog, clock: parts.clock ?? (() => time.now()), time };
}

/** REST to installed portals, on `db`: the base of every set but the chat app's. */
export function createPortalDeps(parts: BaseParts, db: Db = dbOf(parts)): PortalDeps {
  const base = createBaseDeps(parts);
  const { config, time, clock } = base;
  let secret: Promise<string> | undefined;
  let secretUntil = 0;
  return {
    ...base,
    portals: cachedPortals(createPortalStore(db, config.tableName), clock),
    fetch: meteredFetch(parts.fetch ?? ((input, init) => globalThis.fetch(input, init))),
    clientSecret: () => {
      if (config.clientSecret) return Promise.resolve(config.clientSecret);
      if (!config.clientSecretParam) return Promise.reject(new ConfigError('B24_CLIENT_SECRET (or B24_CLIENT_SECRET_PARAM) is not set'));
      // Only a token refresh needs it: fetched on first use, then kept for SECRET_TTL_MS.
      if (!secret || Date.now() >= secretUntil) {
        secretUntil = Date.now() + SECRET_TTL_MS;
        secret = ssmSecret(config.clientSecretParam, config.region).catch((error: unknown) => {
          secret = undefined;
          throw error;
        });
      }
      return secret;
    },
    budget: parts.budget?.(db) ?? (config.sharedBudget ? createDynamoBudget({ db, table: config.tableName, time }) : unlimitedBudget),
    caches: createCaches(clock, { time }),
  };
}

/** npm run repoint: REST, the bot's profile and its event feed. */
export function createRegisterDeps(parts: BaseParts & { readonly bot: () => BotInstallProfile }, db: Db = dbOf(parts)): RegisterDeps {
  return { ...createPortalDeps(parts, db), bot: parts.bot, feeds: createFeedStore(db, parts.config.tableName) };
}

/** npm run migrate-v2: registering the V2 bot, and the migration's steps on the portal item. */
export function createMigrateDeps(parts: BaseParts & { readonly bot: () => BotInstallProfile }): MigrateDeps {
  const db = dbOf(parts);
  const register = createRegisterDeps(parts, db);
  return { ...register, migrations: migrationsDroppingWarm(createMigrationStore(db, parts.config.tableName), register.portals) };
}

/** The ingest functions: the bot's profile (not the menu) and the queue they send customer turns to. */
export function createIngestDeps(parts: BaseParts & { readonly bot: () => BotInstallProfile; readonly queue: JobQueue }): IngestDeps {
  return { ...createMigrateDeps(parts), queue: parts.queue, newId: randomUUID };
}

/** The worker: the menus, the dialogs and the failure counts; no queue to send to. */
export function createWorkerDeps(parts: BaseParts & MenuDeps & { readonly functions?: FunctionRegistry }): WorkerDeps {
  const db = dbOf(parts);
  return {
    ...createPortalDeps(parts, db),
    ...menusOf(parts),
    dialogs: createDialogStore(db, parts.config.tableName),
    jobFailures: createJobFailureStore(db, parts.config.tableName),
    functions: parts.functions ?? builtinFunctions,
  };
}

/** The operators' chat app: reads only (no REST, no warm copy), and the queue for "back to the bot". */
export function createChatAppDeps(parts: BaseParts & MenuDeps & { readonly queue: JobQueue }): ChatAppDeps {
  const db = dbOf(parts);
  return {
    ...createBaseDeps(parts),
    ...menusOf(parts),
    portals: createPortalStore(db, parts.config.tableName),
    dialogs: createDialogStore(db, parts.config.tableName),
    queue: parts.queue,
    newId: randomUUID,
  };
}

/** The dashboard: REST (to prove the admin) and the menus; its statistics store is passed apart. */
export function createDashboardDeps(parts: BaseParts & MenuDeps, db: Db = dbOf(parts)): DashboardDeps {
  return { ...createPortalDeps(parts, db), ...menusOf(parts) };
}

/** Every set at once, on one warm cache: the local stack and the CLIs that run every use case in one process. */
export function createAppDeps(parts: RuntimeParts): AppDeps {
  const db = dbOf(parts);
  const portal = createPortalDeps(parts, db);
  const table = parts.config.tableName;
  return {
    ...portal,
    ...menusOf(parts),
    bot: parts.bot ?? (() => installProfile(parts.menu())),
    feeds: createFeedStore(db, table),
    migrations: migrationsDroppingWarm(createMigrationStore(db, table), portal.portals),
    dialogs: createDialogStore(db, table),
    jobFailures: createJobFailureStore(db, table),
    queue: parts.queue,
    functions: parts.functions ?? builtinFunctions,
    newId: randomUUID,
  };
}

const dbOf = (parts: BaseParts): Db => parts.db ?? createDb({ region: parts.config.region, endpoint: parts.config.dynamoEndpoint });

const menusOf = (parts: MenuDeps): MenuDeps => ({ menu: parts.menu, ...(parts.menus ? { menus: parts.menus } : {}) });

/**
 * The composition root shared by the Lambda entry points and the local stack: config,
 * DynamoDB stores, caches, the client secret, the queue. Module scope elsewhere holds
 * nothing tenant-specific; everything a use case touches comes through AppDeps.
 */
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../app/deps.js';
import { createCaches } from '../app/caches.js';
import { cachedPortals, migrationsDroppingWarm } from '../app/portal-cache.js';
import { builtinFunctions, type FunctionRegistry } from '../app/functions.js';
import { createDynamoBudget, unlimitedBudget, type RateBudget } from '../app/rate-budget.js';
import { ConfigError, type Config } from '../config.js';
import { log as rootLog, type Logger } from '../log.js';
import type { BotInstallProfile, CompiledMenu } from '../menu/types.js';
import type { MenuSet } from '../menu/menu-set.js';
import { meteredFetch, setMetricsStage } from '../metrics.js';
import type { JobQueue } from '../queue/job.js';
import { createDb, type Db } from '../store/db.js';
import { createDialogStore } from '../store/dialogs.js';
import { createFeedStore } from '../store/feeds.js';
import { createJobFailureStore } from '../store/job-failures.js';
import { createMigrationStore } from '../store/migrations.js';
import { createPortalStore } from '../store/portals.js';
import { installProfile } from '../menu/install-profile.js';
import { systemTime, type Time } from '../time.js';
import { ssmSecret } from './ssm-secret.js';

export interface RuntimeParts {
  readonly config: Config;
  readonly menu: () => CompiledMenu;
  /** Every menu when MENU_FILE is a folder (a menu per Open Line); `menu` is its default. */
  readonly menus?: () => MenuSet;
  /** Defaults to the menu's profile. */
  readonly bot?: () => BotInstallProfile;
  readonly queue: JobQueue;
  readonly db?: Db;
  readonly fetch?: typeof fetch;
  readonly clock?: () => number;
  /** Wall time for leases, retries and the budget (default: the real one). */
  readonly time?: Time;
  readonly log?: Logger;
  readonly functions?: FunctionRegistry;
  /** The shared REST budget; default: the DynamoDB bucket (B24_RATE_BUDGET=off: none). */
  readonly budget?: (db: Db) => RateBudget;
}

/**
 * How long a warm instance keeps the client secret read from SSM: a rotated secret
 * (new value in the parameter, then the app's secret changed in Bitrix24) takes effect
 * within this time, without a cold start, at one SSM read per instance and period.
 */
export const SECRET_TTL_MS = 5 * 60_000;

export function createAppDeps(parts: RuntimeParts): AppDeps {
  const { config } = parts;
  setMetricsStage(config.stage);
  const db = parts.db ?? createDb({ region: config.region, endpoint: config.dynamoEndpoint });
  const time = parts.time ?? systemTime;
  const clock = parts.clock ?? (() => time.now());
  let secret: Promise<string> | undefined;
  let secretUntil = 0;
  const portals = cachedPortals(createPortalStore(db, config.tableName), clock);
  return {
    config,
    portals,
    dialogs: createDialogStore(db, config.tableName),
    jobFailures: createJobFailureStore(db, config.tableName),
    feeds: createFeedStore(db, config.tableName),
    migrations: migrationsDroppingWarm(createMigrationStore(db, config.tableName), portals),
    queue: parts.queue,
    menu: parts.menu,
    ...(parts.menus ? { menus: parts.menus } : {}),
    bot: parts.bot ?? (() => installProfile(parts.menu())),
    fetch: meteredFetch(parts.fetch ?? ((input, init) => globalThis.fetch(input, init))),
    clock,
    time,
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
    log: parts.log ?? rootLog,
    functions: parts.functions ?? builtinFunctions,
    budget: parts.budget?.(db) ?? (config.sharedBudget ? createDynamoBudget({ db, table: config.tableName, time }) : unlimitedBudget),
    newId: randomUUID,
    caches: createCaches(clock, { time }),
  };
}

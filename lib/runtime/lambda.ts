/**
 * The Lambda composition root: config from the environment, the menu compiled into the
 * bundle, the queue the function needs (the ingest functions send to SQS; the worker
 * only receives from it, so it never loads an SQS client). Built on the first event,
 * not at module load, so a cold start pays only for what the first event needs.
 */
import type { AppDeps } from '../app/deps.js';
import { loadConfig, type Config } from '../config.js';
import { setLogLevel } from '../log.js';
import type { BotInstallProfile, CompiledMenu } from '../menu/types.js';
import { menuSet, type MenuSet, type MenuSource } from '../menu/menu-set.js';
import type { JobQueue } from '../queue/job.js';
import { createAppDeps } from './create-deps.js';

let deps: AppDeps | undefined;

const noQueue: JobQueue = { send: () => Promise.reject(new Error('this function does not send jobs')) };

/** Every menu of the bundle by portal and line (MENU_FILE a folder), built once per instance. */
function menusOf(source: MenuSource | undefined): { menus?: () => MenuSet } {
  if (!source || source.keys.length < 2) return {};
  const set = menuSet(source);
  return { menus: () => set };
}

/** The worker: the whole menu (every menu of a folder), no queue to send to. */
export function workerDeps(menu: () => CompiledMenu, menus?: MenuSource): AppDeps {
  return (deps ??= createAppDeps({ config: lambdaConfig(), menu, ...menusOf(menus), queue: noQueue }));
}

/** The function's configuration; its LOG_LEVEL applies to the whole instance. */
function lambdaConfig(): Config {
  const config = loadConfig(process.env);
  setLogLevel(config.logLevel);
  return config;
}

/**
 * The ingest functions (events, install): they never run the menu, so they carry only the
 * bot's profile (for imbot.register) and send customer turns to the queue.
 */
export function ingestDeps(bot: BotInstallProfile, queue: (config: Config) => JobQueue): AppDeps {
  if (deps) return deps;
  const config = lambdaConfig();
  const menu = (): CompiledMenu => {
    throw new Error('the ingest functions do not run the menu');
  };
  return (deps = createAppDeps({ config, menu, bot: () => bot, queue: queue(config) }));
}

/**
 * The operators' chat app: the whole menu (its answers), the dialog store to read, and the
 * queue for "give the chat back to the bot" (a job in the chat's FIFO group).
 */
export function chatAppDeps(menu: () => CompiledMenu, queue: (config: Config) => JobQueue, menus?: MenuSource): AppDeps {
  if (deps) return deps;
  const config = loadConfig(process.env);
  return (deps = createAppDeps({ config, menu, ...menusOf(menus), queue: queue(config) }));
}

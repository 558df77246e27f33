/**
 * The Lambda composition roots: config from the environment, the menu compiled into the
 * bundle, and each function's own set of deps (lib/app/deps.ts): the ingest functions
 * send to SQS and carry only the bot's profile, the worker only receives from SQS (so it
 * never loads an SQS client) and runs the menu. Built on the first event, not at module
 * load, so a cold start pays only for what the first event needs. Each bundle holds one
 * function, so only one of these is ever built in an instance.
 */
import type { ChatAppDeps, IngestDeps, MenuDeps, WorkerDeps } from '../app/deps.js';
import { type Config, loadConfig } from '../config.js';
import { setLogLevel } from '../log.js';
import { menuSet, type MenuSource } from '../menu/menu-set.js';
import type { BotInstallProfile, CompiledMenu } from '../menu/types.js';
import type { JobQueue } from '../queue/job.js';
import { createChatAppDeps, createIngestDeps, createWorkerDeps } from './create-deps.js';

let worker: WorkerDeps | undefined;
let ingest: IngestDeps | undefined;
let chatApp: ChatAppDeps | undefined;

/** The bundle's menus: every menu by portal and line (MENU_FILE a folder), built once per instance. */
export function menusOf(menu: () => CompiledMenu, source: MenuSource | undefined): MenuDeps {
  if (!source || source.keys.length < 2) return { menu };
  const set = menuSet(source);
  return { menu, menus: () => set };
}

/** The function's configuration; its LOG_LEVEL applies to the whole instance. */
export function lambdaConfig(): Config {
  const config = loadConfig(process.env);
  setLogLevel(config.logLevel);
  return config;
}

/** The worker: the whole menu (every menu of a folder), no queue to send to. */
export function workerDeps(menu: () => CompiledMenu, menus?: MenuSource): WorkerDeps {
  return (worker ??= createWorkerDeps({ config: lambdaConfig(), ...menusOf(menu, menus) }));
}

/**
 * The ingest functions (events, install, the poller): they never run the menu, so they carry
 * only the bot's profile (for imbot.register) and send customer turns to the queue.
 */
export function ingestDeps(bot: BotInstallProfile, queue: (config: Config) => JobQueue): IngestDeps {
  if (ingest) return ingest;
  const config = lambdaConfig();
  return (ingest = createIngestDeps({ config, bot: () => bot, queue: queue(config) }));
}

/**
 * The operators' chat app: the whole menu (its answers), the dialog store to read, and the
 * queue for "give the chat back to the bot" (a job in the chat's FIFO group).
 */
export function chatAppDeps(menu: () => CompiledMenu, queue: (config: Config) => JobQueue, menus?: MenuSource): ChatAppDeps {
  if (chatApp) return chatApp;
  const config = lambdaConfig();
  return (chatApp = createChatAppDeps({ config, ...menusOf(menu, menus), queue: queue(config) }));
}

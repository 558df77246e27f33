/**
 * Lookups that don't change per message, resolved once per warm instance and cached
 * with a bound (lib/app/caches.ts): the portal's Open Lines bots (for `bot` transfers,
 * imbot.bot.list, contract §4.4) and an Open Line's settings: working hours and the
 * bot's time (imopenlines.config.get, contract §4.12).
 */
import type { RestClient } from '../bitrix/rest-client.js';
import { worktimeFromLineConfig } from '../bitrix/line-config.js';
import type { Hours } from '../menu/types.js';
import type { PortalDeps } from './deps.js';
import type { BotApi } from '../bitrix/bot-api.js';
import { openLineBotsV2 } from './bot-list-v2.js';

export async function openLineBots(deps: PortalDeps, memberId: string, rest: RestClient, api: BotApi = 'v1'): Promise<Readonly<Record<string, number>>> {
  const cached = deps.caches.bots.get(memberId);
  if (cached) return cached;
  if (api === 'v2') {
    const bots = await openLineBotsV2(rest); // lib/app/bot-list-v2.ts
    deps.caches.bots.set(memberId, bots);
    return bots;
  }
  const list = await rest.call<Record<string, { ID?: unknown; CODE?: unknown; OPENLINE?: unknown }> | unknown[]>('imbot.bot.list');
  const bots: Record<string, number> = {};
  for (const bot of Array.isArray(list) ? list : Object.values(list ?? {})) {
    const entry = bot as { ID?: unknown; CODE?: unknown; OPENLINE?: unknown };
    // ITR picks a bot with the code AND OPENLINE=Y: only those can serve a line.
    if (typeof entry.CODE === 'string' && entry.OPENLINE === 'Y' && Number(entry.ID) > 0) bots[entry.CODE] = Number(entry.ID);
  }
  deps.caches.bots.set(memberId, bots);
  return bots;
}

/** What the bot needs of an Open Line's settings (imopenlines.config.get, contract §4.12). */
export interface LineSettings {
  /** WORKTIME_* when the line's working hours are on. */
  readonly hours: Pick<Hours, 'timezone' | 'weekly' | 'holidays'> | undefined;
  /**
   * WELCOME_BOT_TIME in seconds (0: never): counted from the session's creation and not
   * reset by messages, after which the line moves the chat from the bot to its queue
   * (imopenlines queue.php createSession / transferToNextInQueue; contract §9.1).
   */
  readonly botSeconds: number;
}

export async function lineSettings(deps: PortalDeps, memberId: string, lineId: string, rest: RestClient): Promise<LineSettings | undefined> {
  const key = `${memberId}:${lineId}`;
  const cached = deps.caches.lines.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const config = await rest.call<Record<string, unknown> | false>('imopenlines.config.get', { CONFIG_ID: Number(lineId) });
  const settings = config ? { hours: worktimeFromLineConfig(config), botSeconds: botSeconds(config) } : undefined;
  deps.caches.lines.set(key, settings ?? null);
  return settings;
}

/** The bot's time on the line; only when the line's bot is on (WELCOME_BOT_ENABLE=Y). */
function botSeconds(config: Readonly<Record<string, unknown>>): number {
  if (String(config.WELCOME_BOT_ENABLE ?? 'Y') === 'N') return 0;
  const seconds = Number(config.WELCOME_BOT_TIME ?? 0);
  return Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
}

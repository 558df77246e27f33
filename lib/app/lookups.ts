/**
 * Lookups that don't change per message, resolved once per warm instance and cached
 * with a bound (lib/app/caches.ts): the portal's Open Lines bots (for `bot` transfers,
 * imbot.bot.list, contract §4.4) and an Open Line's working hours
 * (imopenlines.config.get, contract §4.12).
 */
import type { RestClient } from '../bitrix/rest-client.js';
import { hoursFromLineConfig } from '../menu/hours.js';
import type { Hours } from '../menu/types.js';
import type { AppDeps } from './deps.js';

export async function openLineBots(deps: AppDeps, memberId: string, rest: RestClient): Promise<Readonly<Record<string, number>>> {
  const cached = deps.caches.bots.get(memberId);
  if (cached) return cached;
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

export async function lineHours(
  deps: AppDeps,
  memberId: string,
  lineId: string,
  rest: RestClient,
): Promise<Pick<Hours, 'timezone' | 'weekly' | 'holidays'> | undefined> {
  const key = `${memberId}:${lineId}`;
  const cached = deps.caches.lineHours.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const config = await rest.call<Record<string, unknown> | false>('imopenlines.config.get', { CONFIG_ID: Number(lineId) });
  const hours = config ? hoursFromLineConfig(config) : undefined;
  deps.caches.lineHours.set(key, hours ?? null);
  return hours;
}

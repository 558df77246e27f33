/**
 * The Open Lines bots a V2 portal's menu can hand a chat to (`bot` items), by code.
 *
 * imbot.v2.Bot.list lists only the CURRENT APPLICATION's bots (imbot.v2/bots/bot-list.md),
 * while a `bot` item usually names another application's bot (a tracker, a sales bot);
 * imbot.bot.list lists the portal's registered bots, and bots of either API are visible to
 * both (chat-bots-v2/migration.md). So both go out in one `batch` — still one request, as
 * with V1 — and are merged; either answer alone is enough, so a portal that some day stops
 * answering the frozen V1 method still finds the app's own bots. Only bots that can serve a
 * line count: `openline` type or isSupportOpenline (V2, entities.md#bot), OPENLINE=Y (V1).
 */
import type { RestClient } from '../bitrix/rest-client.js';

interface V2Bot {
  id?: unknown;
  code?: unknown;
  type?: unknown;
  isSupportOpenline?: unknown;
}
interface V1Bot {
  ID?: unknown;
  CODE?: unknown;
  OPENLINE?: unknown;
}

export async function openLineBotsV2(rest: RestClient): Promise<Record<string, number>> {
  const outcome = await rest.batch(
    [
      { key: 'v2', method: 'imbot.v2.Bot.list', params: { limit: 50 } },
      { key: 'v1', method: 'imbot.bot.list', params: {} },
    ],
    false,
  );
  if (!('v2' in outcome.results) && !('v1' in outcome.results)) throw outcome.errors.v2 ?? outcome.errors.v1 ?? new Error('imbot.v2.Bot.list: no answer');
  const bots: Record<string, number> = {};
  const v1 = outcome.results.v1 as Record<string, V1Bot> | V1Bot[] | undefined;
  for (const entry of Array.isArray(v1) ? v1 : Object.values(v1 ?? {})) {
    if (typeof entry?.CODE === 'string' && entry.OPENLINE === 'Y' && Number(entry.ID) > 0) bots[entry.CODE] = Number(entry.ID);
  }
  const v2 = (outcome.results.v2 as { bots?: V2Bot[] } | undefined)?.bots;
  for (const entry of Array.isArray(v2) ? v2 : []) {
    const openline = entry.type === 'openline' || entry.isSupportOpenline === true || entry.isSupportOpenline === 'Y';
    if (typeof entry.code === 'string' && openline && Number(entry.id) > 0) bots[entry.code] = Number(entry.id);
  }
  return bots;
}

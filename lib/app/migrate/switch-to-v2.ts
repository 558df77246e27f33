/**
 * The switch rule of a V1 → Chatbots 2.0 migration (docs/decisions.md "Moving a V1 portal"):
 * the portal switches to V2 on the first authenticated Open Lines event (ONIMBOTV2JOINCHAT or
 * ONIMBOTV2MESSAGEADD in a chat with entityType LINES) addressed to the pending V2 bot. A bot
 * only gets into a line's chats when the line puts it there — the admin picked it as the
 * line's bot in Contact Center — so that event is the proof that the admin switched; a test
 * message in a private chat with the new bot switches nothing. The write is conditional on
 * the portal still being served by the V1 bot with that migration pending, so concurrent
 * events switch it once.
 */
import type { DialogEvent } from '../../bitrix/events.js';
import type { Logger } from '../../log.js';
import type { PortalRecord } from '../../store/portals.js';
import type { MigrateDeps } from '../deps.js';

export const switchesToV2 = (event: DialogEvent, portal: PortalRecord): boolean =>
  portal.migration !== undefined && event.bot.id === portal.migration.botId && event.chat.entityType === 'LINES';

export async function switchToV2(deps: MigrateDeps, portal: PortalRecord, log: Logger): Promise<PortalRecord> {
  const pending = portal.migration!;
  const switched = await deps.migrations.switchToV2(portal.memberId, portal.botId, pending, deps.clock());
  deps.caches.bots.delete(portal.memberId); // the warm portal went with the write (lib/app/portal-cache.ts)
  if (switched)
    log.info("portal switched to Chatbots 2.0: the new bot is the line's bot", { memberId: portal.memberId, botId: pending.botId, retiredBotId: portal.botId });
  const fresh = await deps.portals.get(portal.memberId);
  return fresh?.status === 'active' ? fresh : portal;
}

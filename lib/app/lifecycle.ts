/**
 * App and bot lifecycle events other than install: ONAPPUPDATE, ONAPPUNINSTALL,
 * ONIMBOTDELETE. All are authenticated before anything is changed.
 */
import type { BotDeleteEvent, UninstallEvent, UpdateEvent } from '../bitrix/events.js';
import type { Logger } from '../log.js';
import type { RegisterDeps } from './deps.js';
import { authenticate } from './authenticate.js';
import { registerChatApp } from './chat-app.js';
import { bindAppEvents, handlerUrl, installPortal } from './install.js';
import { restForPortal } from './portal-rest.js';
import { applyEventMode, registerPortalBot } from './event-mode.js';
import { botApiOf } from '../bitrix/bot-api.js';

/**
 * ONAPPUPDATE carries a new application token (contract §2.3), so the stored one can't
 * prove it; with tokens it is proven like an install (app.info, same portal address).
 * Without tokens it must match the stored application token. Either way the bot's
 * handlers are pointed at the current URL again (imbot.update) and app events re-bound:
 * Bitrix drops an app's event bindings on a version update.
 */
export async function updateApp(deps: RegisterDeps, event: UpdateEvent, log: Logger): Promise<void> {
  if (event.tokens) {
    await installPortal(deps, { ...event, tokens: event.tokens, source: 'event', type: 'update' }, log);
    return;
  }
  const portal = await authenticate(deps, event.portal);
  const rest = restForPortal(deps, portal, undefined, log);
  const botId = await registerPortalBot(deps, rest, botApiOf(portal), portal.botId, log); // V2: imbot.v2.Bot.update, in BOT_EVENT_MODE
  await bindAppEvents(rest, handlerUrl(deps), log);
  await applyEventMode(deps, portal.memberId, botApiOf(portal), botId, botId === portal.botId ? portal.migration : undefined);
  const chatApp = await registerChatApp(
    rest,
    {
      botId,
      languages: deps.bot().languages ?? [],
      publicUrl: deps.config.publicUrl,
      memberId: portal.memberId,
      existing: botId === portal.botId ? portal.chatApp : undefined,
    },
    log,
  );
  if (botId !== portal.botId || (event.language && event.language !== portal.language) || chatApp !== portal.chatApp) {
    await deps.portals.update(portal.memberId, { botId, language: event.language ?? portal.language, ...(chatApp ? { chatApp } : {}) }, deps.clock());
  }
  log.info('app updated', { memberId: portal.memberId, version: event.version });
}

/** ONAPPUNINSTALL: no tokens, application_token is the only proof (contract §2.5). */
export async function uninstallApp(deps: RegisterDeps, event: UninstallEvent, log: Logger): Promise<void> {
  const portal = await authenticate(deps, event.portal);
  const removed = await deps.portals.remove(portal.memberId, deps.clock());
  forget(deps, portal.memberId);
  log.info('portal uninstalled', { memberId: portal.memberId, itemsRemoved: removed, clean: event.clean });
}

/** ONIMBOTDELETE for our bot: without the bot the portal's install is over. */
export async function botDeleted(deps: RegisterDeps, event: BotDeleteEvent, log: Logger): Promise<void> {
  const portal = await authenticate(deps, event.portal);
  if (event.botId !== portal.botId) {
    log.info('another bot was deleted; nothing to do', { memberId: portal.memberId, botId: event.botId });
    return;
  }
  const removed = await deps.portals.remove(portal.memberId, deps.clock());
  forget(deps, portal.memberId);
  log.info('bot deleted; portal removed', { memberId: portal.memberId, botId: event.botId, itemsRemoved: removed });
}

/** The portal store's wrapper dropped the warm portal with the removal; its bot list goes too. */
function forget(deps: RegisterDeps, memberId: string): void {
  deps.caches.bots.delete(memberId);
}

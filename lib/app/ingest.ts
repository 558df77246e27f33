/**
 * What the events endpoint does with a parsed event. Lifecycle events are handled
 * right away; customer turns are authenticated, filtered (only Open Lines customers
 * get answers) and queued, so Bitrix24 gets its 200 fast (contract §6: slow handlers
 * are deprioritised and failed events are never re-sent).
 */
import { createHash } from 'node:crypto';
import { turnKind, type BitrixEvent, type DialogEvent } from '../bitrix/events.js';
import type { Logger } from '../log.js';
import type { DialogJob } from '../queue/job.js';
import type { PortalRecord } from '../store/portals.js';
import { authenticate } from './authenticate.js';
import type { IngestDeps } from './deps.js';
import { installPortal } from './install.js';
import { botDeleted, uninstallApp, updateApp } from './lifecycle.js';
import { switchesToV2, switchToV2 } from './migrate/switch-to-v2.js';

export type IngestOutcome = 'installed' | 'updated' | 'uninstalled' | 'bot-deleted' | 'queued' | 'ignored';

export async function ingestEvent(deps: IngestDeps, event: BitrixEvent, log: Logger): Promise<IngestOutcome> {
  switch (event.type) {
    case 'install':
      await installPortal(deps, event, log);
      return 'installed';
    case 'update':
      await updateApp(deps, event, log);
      return 'updated';
    case 'uninstall':
      await uninstallApp(deps, event, log);
      return 'uninstalled';
    case 'botDelete':
      await botDeleted(deps, event, log);
      return 'bot-deleted';
    case 'ignored':
      await authenticate(deps, event.portal);
      return 'ignored';
    case 'join':
    case 'message': {
      let portal = await authenticate(deps, event.portal);
      if (switchesToV2(event, portal)) portal = await switchToV2(deps, portal, log); // a migrating portal's first V2 line event
      // Ours: the portal's bot, or after a migration the V1 bot still finishing its own chats.
      const ours = event.bot.id === portal.botId || event.bot.id === portal.retiredBotId;
      const kind = turnKind(event, ours ? event.bot.id : portal.botId);
      if (kind === 'ignore') {
        log.debug('not a customer turn; no reply', { type: event.type, entityType: event.chat.entityType });
        return 'ignored';
      }
      if (!ours) {
        log.warn('event for a bot this portal does not use; ignored', { botId: event.bot.id });
        return 'ignored';
      }
      // Someone else's message goes through the same FIFO group as the customer's, so a
      // customer message right after it is decided on the state it leaves (contract §9.1).
      await deps.queue.send(kind === 'elsewhere' ? elsewhereJob(deps, event, portal) : toJob(deps, event, portal));
      return 'queued';
    }
  }
}

/**
 * The de-duplication id of a customer turn. Messages have MESSAGE_ID; a join has none,
 * so it is a digest of what a redelivery repeats verbatim (time, chat, customer, the
 * per-event bot token) — two different joins differ in at least one of them.
 */
export function eventIdOf(event: DialogEvent): string {
  if (event.type === 'message') return `m${event.messageId}`;
  const digest = createHash('sha256')
    .update([event.ts, event.chat.dialogId, event.customer?.id ?? '', event.bot.accessToken ?? ''].join('|'))
    .digest('base64url');
  return `j${event.ts}-${digest.slice(0, 12)}`;
}

/**
 * An operator's (or another bot's) message: the worker only needs to know that the chat
 * has moved on. Nothing the operator wrote is carried or stored.
 */
function elsewhereJob(deps: IngestDeps, event: DialogEvent, portal: PortalRecord): DialogJob {
  const { text: _text, customer: _customer, botToken: _token, botTokenExpiresAt: _expires, ...job } = toJob(deps, event, portal);
  return { ...job, kind: 'elsewhere', ...(event.type === 'message' && event.authorId ? { authorId: event.authorId } : {}) };
}

export function toJob(deps: IngestDeps, event: DialogEvent, portal: PortalRecord): DialogJob {
  const eventId = eventIdOf(event);
  return {
    jobId: deps.newId(),
    memberId: portal.memberId,
    botId: event.bot.id,
    ...(event.bot.accessToken ? { botToken: event.bot.accessToken } : {}),
    ...(event.bot.expiresAt ? { botTokenExpiresAt: event.bot.expiresAt } : {}),
    dialogId: event.chat.dialogId,
    chatId: event.chat.chatId,
    ...(event.chat.lineId ? { lineId: event.chat.lineId } : {}),
    ...(event.chat.sessionId ? { sessionId: event.chat.sessionId } : {}),
    kind: event.type,
    eventId,
    ...(event.type === 'message' ? { text: event.text } : {}),
    ...(event.customer ? { customer: event.customer } : {}),
    ...(event.language ? { language: event.language } : {}),
    receivedAt: deps.clock(),
  };
}

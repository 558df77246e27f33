/**
 * `npm run migrate-v2 -- <member_id> [--finish]`: moving an installed V1 portal to
 * Chatbots 2.0 without a gap (issue 15 item 6; docs/decisions.md "Moving a V1 portal").
 *
 * V1 and V2 run side by side and a bot gets events only in the format of the API it was
 * registered with (chat-bots-v2/migration.md), so the V1 bot cannot be turned into a V2 one:
 * 1. start: a second bot is registered with imbot.v2.Bot.register beside the V1 bot, under its
 *    own code (register is idempotent per app + code, bot-register.md, and would hand back
 *    the V1 bot for the same code), in BOT_EVENT_MODE; it is stored as pending. The V1 bot
 *    keeps serving the portal. The admin then picks the new bot as the line's bot.
 * 2. switch (lib/app/migrate/switch-to-v2.ts): the first Open Lines event of the new bot.
 * 3. finish: imbot.unregister of the V1 bot once its chats are over.
 * Running start again only reports (and re-applies the new bot's settings).
 */
import { botApiOf } from '../../bitrix/bot-api.js';
import { BitrixApiError } from '../../bitrix/errors.js';
import type { Logger } from '../../log.js';
import type { MigrateDeps, RegisterDeps } from '../deps.js';
import { registerBotV2 } from '../bot-v2.js';
import { applyEventMode, eventModeOf } from '../event-mode.js';
import { handlerUrl } from '../install.js';
import { restForPortal } from '../portal-rest.js';

export type MigrationState = 'pending' | 'switched' | 'finished' | 'v2';

export interface MigrationReport {
  readonly memberId: string;
  readonly state: MigrationState;
  readonly v1BotId?: number;
  readonly v2BotId?: number;
  readonly v2BotCode?: string;
  readonly eventMode?: 'webhook' | 'fetch';
  /** What the admin or operator does next, in order. */
  readonly next: readonly string[];
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

const v2Code = (code: string) => `${code.slice(0, 40)}_v2`;

async function activePortal(deps: RegisterDeps, memberId: string) {
  const portal = await deps.portals.get(memberId);
  if (portal?.status !== 'active') throw new MigrationError(`no installed portal ${memberId}`);
  return portal;
}

export async function startMigration(deps: MigrateDeps, memberId: string, log: Logger): Promise<MigrationReport> {
  const portal = await activePortal(deps, memberId);
  if (botApiOf(portal) === 'v2') return report(portal.retiredBotId ? 'switched' : 'v2', memberId, portal.retiredBotId, portal.botId, portal.botCode, deps);
  const code = v2Code(deps.bot().code);
  const rest = restForPortal(deps, portal, undefined, log);
  let botId: number;
  try {
    botId = await registerBotV2(rest, { ...deps.bot(), code }, handlerUrl(deps), portal.migration?.botId, log, eventModeOf(deps, 'v2'));
  } catch (error) {
    if (error instanceof BitrixApiError && ['ERROR_METHOD_NOT_FOUND', 'METHOD_NOT_FOUND'].includes(error.code)) {
      throw new MigrationError('this portal has no Chatbots 2.0 (imbot.v2.* answers ERROR_METHOD_NOT_FOUND): it stays on V1');
    }
    throw error;
  }
  // A fetch-mode bot's events wait on the portal until polled: its feed exists before the admin switches.
  await applyEventMode(deps, memberId, 'v2', botId);
  if (!(await deps.migrations.markPending(memberId, portal.botId, { botId, botCode: code, startedAt: deps.clock() }, deps.clock()))) {
    throw new MigrationError('the portal changed meanwhile (re-installed, switched or removed): run the command again');
  }
  log.info('Chatbots 2.0 bot registered beside the V1 bot; waiting for the admin to pick it', { memberId, v1BotId: portal.botId, v2BotId: botId });
  return report('pending', memberId, portal.botId, botId, code, deps);
}

export async function finishMigration(deps: MigrateDeps, memberId: string, log: Logger): Promise<MigrationReport> {
  const portal = await activePortal(deps, memberId);
  if (botApiOf(portal) !== 'v2') {
    throw new MigrationError(
      portal.migration
        ? "not switched yet: the portal still answers with the V1 bot (pick the new bot as the line's bot first)"
        : 'this portal is on V1 and no migration is started (npm run migrate-v2 -- <member_id>)',
    );
  }
  const retired = portal.retiredBotId;
  if (retired === undefined) return report('finished', memberId, undefined, portal.botId, portal.botCode, deps);
  const rest = restForPortal(deps, portal, undefined, log);
  try {
    await rest.call('imbot.unregister', { BOT_ID: retired });
  } catch (error) {
    // Already removed in the portal (contract §4.3: BOT_ID_ERROR / APP_ID_ERROR): nothing left to do there.
    if (!(error instanceof BitrixApiError) || !['BOT_ID_ERROR', 'APP_ID_ERROR'].includes(error.code)) throw error;
  }
  await deps.migrations.retire(memberId, retired, deps.clock());
  log.info('V1 bot unregistered; migration finished', { memberId, v1BotId: retired, v2BotId: portal.botId });
  return report('finished', memberId, retired, portal.botId, portal.botCode, deps);
}

function report(state: MigrationState, memberId: string, v1BotId: number | undefined, v2BotId: number, v2BotCode: string, deps: RegisterDeps): MigrationReport {
  const next: Record<MigrationState, string[]> = {
    pending: [
      `In Bitrix24, Contact Center → each Open Line the bot serves → Chatbot: choose the bot "${deps.bot().name}" with id ${v2BotId} (code ${v2BotCode}) instead of id ${v1BotId}.`,
      'Until then the V1 bot keeps answering. The first Open Lines event of the new bot switches the portal to Chatbots 2.0; run this command again to see the state.',
    ],
    switched: [
      `The portal answers with the Chatbots 2.0 bot ${v2BotId}; the V1 bot ${v1BotId} still finishes the chats it has.`,
      `When those are over: npm run migrate-v2 -- ${memberId} --finish (unregisters the V1 bot).`,
    ],
    finished: ['Nothing left: the portal is on Chatbots 2.0 and the V1 bot is gone.'],
    v2: ["Nothing to do: this portal's bot is already a Chatbots 2.0 bot."],
  };
  return {
    memberId,
    state,
    ...(v1BotId !== undefined ? { v1BotId } : {}),
    v2BotId,
    v2BotCode,
    eventMode: eventModeOf(deps, 'v2'),
    next: next[state],
  };
}

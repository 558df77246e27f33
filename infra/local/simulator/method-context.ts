/**
 * What every table of simulated REST methods shares (rest-methods.ts,
 * openline-session-methods.ts, chat-apps.ts, v2-methods.ts, event-feed.ts): the context a
 * method runs in and the error it throws, which the REST server turns into Bitrix's
 * `{error, error_description}` answer with its HTTP status (contract §4).
 */
import type { SimBot, SimChat, SimPortal } from './model.js';

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description = '',
  ) {
    super(code);
  }
}

export interface MethodContext {
  readonly portal: SimPortal;
  readonly clientId: string;
  readonly caller: { readonly userId: number; readonly kind: 'user' | 'bot' };
  readonly now: number;
  nextId(): number;
  /** Called when the bot posts a message or changes a session (the playground listens). */
  changed(chat: SimChat | undefined): void;
}

export type Params = Record<string, unknown>;
export type Method = (params: Params, ctx: MethodContext) => unknown;

export const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
export const num = (value: unknown): number => (/^\d+$/.test(str(value)) ? Number(value) : 0);
export const yes = (value: unknown): boolean => value === true || str(value).toUpperCase() === 'Y';

/** Our app's bot: BOT_ID, or the first of ours when none is given; another app's bot is APP_ID_ERROR. */
export function ourBot(ctx: MethodContext, id: unknown): SimBot {
  const botId = num(id) || [...ctx.portal.bots.values()].find((bot) => bot.ours)?.id || 0;
  const bot = ctx.portal.bots.get(botId);
  if (!bot) throw new SimError(400, 'BOT_ID_ERROR', 'Bot not found');
  if (!bot.ours) throw new SimError(400, 'APP_ID_ERROR', 'Bot was installed by another application');
  return bot;
}

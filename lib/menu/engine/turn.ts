/**
 * What the engine is asked (a turn, in a context) and what it answers (a decision).
 * A decision is data: either what to do (effects and the next state), or what it needs
 * looked up before it can say (XState's `transition` returns data the same way).
 */
import type { Effect } from '../effects.js';
import type { DialogState } from '../state.js';

/**
 * `join`: the line added the bot to a new session. `message`: the customer wrote.
 * `elsewhere`: someone who is neither the customer nor our bot wrote in the chat (an
 * operator took it): the bot steps aside until the next session (contract §9.1).
 */
export type Turn =
  | { readonly kind: 'join' }
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'elsewhere' }
  /** An operator gives the chat back to the bot (chat app): the menu (or `menu`) again. */
  | { readonly kind: 'resume'; readonly menu?: string | undefined };

export interface Context {
  /** Milliseconds since the epoch. */
  readonly now: number;
  readonly customer: { readonly id: string; readonly name: string };
  /**
   * The portal's language: the event's data[PARAMS][LANGUAGE], else the one stored at
   * install. Never the customer's (contract §9.2): theirs is detected or chosen and kept
   * in the dialog state.
   */
  readonly portalLanguage?: string | undefined;
  /**
   * The line's WELCOME_BOT_TIME in seconds when known (0 or undefined: no limit): after
   * that long with the bot, the line moves the chat to its queue by itself (contract §9.1).
   */
  readonly lineBotSeconds?: number | undefined;
  /** Working hours: true open, false closed, undefined no schedule. */
  readonly open?: boolean | undefined;
  readonly sessionId?: string | undefined;
  /** Open Lines bots of the portal by code, once resolved (imbot.bot.list). */
  readonly bots?: Readonly<Record<string, number>> | undefined;
}

/** The engine needs a lookup first (the bot list for a `bot` action); call again with it. */
export interface Need {
  readonly kind: 'need';
  readonly need: 'bots';
}

export type Decision = { readonly kind: 'act'; readonly state: DialogState; readonly effects: readonly Effect[] } | Need;

export const NEED_BOTS: Need = { kind: 'need', need: 'bots' };

/**
 * What the bot remembers about one dialog. Stored as one DynamoDB item per
 * portal + bot + dialog (lib/store/dialogs.ts) with a TTL; the engine reads and
 * returns it, never mutates it.
 */

export type DialogStatus = 'bot' | 'transferred' | 'finished';

/**
 * Why the chat stopped being the bot's without the bot handing it over (contract §9.1):
 * an operator (or another bot) wrote in it, the portal refused a session or message call
 * ("the dialog has moved on"), or the line's own bot time (WELCOME_BOT_TIME) ran out.
 */
export type MovedOnReason = 'operator' | 'refused' | 'line-timeout';

/** Where a pending question lives in the menu file: item of a menu, and how deep in ask.next chains. */
export interface AskLocation {
  readonly menu: string;
  readonly item: number;
  readonly depth: number;
  readonly tries: number;
}

export interface ClarifyOption {
  readonly menu: string;
  readonly id: number;
  readonly number: number;
}

export interface DialogState {
  readonly menu: string;
  /** Menus the customer came through, for `back` (most recent last). */
  readonly history: readonly string[];
  /** Items chosen, as "menu:item", for the hand-over card. */
  readonly path: readonly string[];
  /** Misunderstood inputs in a row. */
  readonly misses: number;
  /** The last few misunderstood inputs, for the hand-over card. */
  readonly missed: readonly string[];
  /** Answers collected by `ask` actions, by variable name. */
  readonly vars: Readonly<Record<string, string>>;
  readonly asking?: AskLocation;
  /** The two items of the last "did you mean A or B?", with the numbers it showed them with. */
  readonly clarify?: readonly ClarifyOption[];
  /**
   * The customer's language: chosen with a `language` item, or detected from what they
   * wrote. Events only carry the portal's language (contract §9.2).
   */
  readonly language?: string;
  /** How `language` was set: a chosen one is never overridden by detection. */
  readonly languageSource?: 'chosen' | 'detected';
  /** Set when the chat was taken from the bot by someone else; silent until a new session. */
  readonly movedOn?: { readonly reason: MovedOnReason; readonly at: number };
  /**
   * An operator gave the chat back to the bot (the chat app's button): the session stays
   * the operator's, so a later hand-over to the queue makes no session call (it would be
   * refused: the session's operator is not a bot) and the line's bot time no longer applies.
   */
  readonly resumed?: { readonly at: number };
  /** Who the customer is, as the last event said (shown to operators in the chat app). */
  readonly customer?: { readonly id: string; readonly name: string };
  readonly status: DialogStatus;
  readonly startedAt: number;
  readonly lastAt: number;
  readonly sessionId?: string;
  readonly menuVersion: string;
}

export const HISTORY_LIMIT = 20;
export const PATH_LIMIT = 30;
export const MISSED_LIMIT = 5;

export const pushBounded = <T>(list: readonly T[], item: T, limit: number): T[] => [...list, item].slice(-limit);

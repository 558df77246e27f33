/**
 * What the bot remembers about one dialog. Stored as one DynamoDB item per
 * portal + bot + dialog (lib/store/dialogs.ts) with a TTL; the engine reads and
 * returns it, never mutates it.
 */

export type DialogStatus = 'bot' | 'transferred' | 'finished';

/** Where a pending question lives in the menu file: item of a menu, and how deep in ask.next chains. */
export interface AskLocation {
  readonly menu: string;
  readonly item: number;
  readonly depth: number;
  readonly tries: number;
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
  /** Chosen with a `language` action; overrides the event's language. */
  readonly language?: string;
  readonly status: DialogStatus;
  readonly startedAt: number;
  readonly lastAt: number;
  readonly sessionId?: string;
  readonly menuVersion: string;
}

export const HISTORY_LIMIT = 20;
export const PATH_LIMIT = 30;
export const MISSED_LIMIT = 5;

export const pushBounded = <T,>(list: readonly T[], item: T, limit: number): T[] => [...list, item].slice(-limit);

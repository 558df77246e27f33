/**
 * The menu as the engine sees it, after lib/menu/compile.ts has validated a menu
 * file and filled every default. Plain data (JSON-serialisable) so a Lambda bundle
 * can embed it and the engine stays a pure function of it.
 */
import type { MatchModel } from './model.js';

/** A text, or the same text per language: `{ en: …, ru: …, de: … }`. */
export type LocalText = string | Readonly<Record<string, string>>;

export type Visibility = 'always' | 'open' | 'closed';

export type ValidatorSpec =
  | { readonly type: 'any'; readonly minLength?: number; readonly maxLength?: number }
  | { readonly type: 'email'; readonly minLength?: number; readonly maxLength?: number }
  | { readonly type: 'phone'; readonly minLength?: number; readonly maxLength?: number }
  | { readonly type: 'number'; readonly min?: number; readonly max?: number; readonly minLength?: number; readonly maxLength?: number }
  | { readonly type: 'regex'; readonly pattern: string; readonly flags?: string; readonly minLength?: number; readonly maxLength?: number };

export type Action =
  | { readonly type: 'void'; readonly hideMenu: boolean }
  | { readonly type: 'text'; readonly text: LocalText; readonly hideMenu: boolean }
  | { readonly type: 'menu'; readonly menu: string; readonly text?: LocalText }
  | { readonly type: 'back'; readonly text?: LocalText }
  | { readonly type: 'queue'; readonly text?: LocalText; readonly hideMenu: boolean }
  | { readonly type: 'user'; readonly userId: number; readonly leave: boolean; readonly text?: LocalText; readonly hideMenu: boolean }
  | { readonly type: 'line'; readonly lineId: number; readonly text?: LocalText; readonly hideMenu: boolean }
  | {
      readonly type: 'bot';
      readonly botCode: string;
      readonly leave: boolean;
      readonly text?: LocalText;
      readonly errorText?: LocalText;
      readonly hideMenu: boolean;
    }
  | { readonly type: 'finish'; readonly text?: LocalText; readonly hideMenu: boolean }
  | { readonly type: 'function'; readonly name: string; readonly text?: LocalText; readonly hideMenu: boolean }
  | {
      readonly type: 'ask';
      readonly question: LocalText;
      readonly var: string;
      readonly validate: ValidatorSpec;
      readonly hint?: LocalText;
      readonly retries: number;
      readonly next: Action;
    }
  | { readonly type: 'language'; readonly language: string; readonly text?: LocalText };

export type ActionType = Action['type'];

/** Actions that hand the dialog to someone else (and get a hand-over card first). */
export type TransferAction = Extract<Action, { type: 'queue' | 'user' | 'line' | 'bot' }>;

export interface MenuItem {
  readonly id: number;
  readonly title: LocalText;
  /** Phrases customers use for this item, per language (lib/menu/examples.ts). */
  readonly examples?: Readonly<Record<string, readonly string[]>>;
  readonly show: Visibility;
  readonly action: Action;
}

export interface MenuDef {
  readonly id: string;
  readonly text: LocalText;
  readonly show: Visibility;
  readonly items: readonly MenuItem[];
}

export interface BotProfile {
  readonly code: string;
  readonly name: string;
  readonly workPosition?: string;
  readonly color?: string;
  /** Base64 image for imbot.register PROPERTIES[PERSONAL_PHOTO]. */
  readonly avatar?: string;
}

/**
 * What the install needs of the menu (the ingest functions carry only this, not the menu):
 * the bot's profile and the languages the menu is written in (the chat app's titles).
 */
export interface BotInstallProfile extends BotProfile {
  readonly languages?: readonly string[];
}

export type MessageKey =
  | 'unknown'
  | 'welcomeBack'
  | 'menuChanged'
  | 'retriesExceeded'
  | 'askInvalid'
  | 'outOfHours'
  | 'noOperatorNow'
  | 'toOperator'
  | 'botUnavailable'
  | 'languageChanged'
  | 'clarify';

export type WordKind = 'menu' | 'back' | 'operator' | 'greeting';

export interface GlobalItem {
  readonly id: number;
  readonly title: LocalText;
}

export interface Settings {
  /** Misunderstood inputs in a row before `onRetriesExceeded` runs. 0 = never. */
  readonly maxRetries: number;
  readonly onRetriesExceeded: Action;
  /** A customer silent this long restarts at the start menu with `welcomeBack`. 0 = never. */
  readonly idleRestartMinutes: number;
  /** Dialog states expire (DynamoDB TTL) after this many days of silence. */
  readonly stateTtlDays: number;
  /** Operator-only note before every transfer. */
  readonly handoverCard: boolean;
  /** Appended to every menu but the start menu (navigation without editing each menu). */
  readonly backItem?: GlobalItem;
  readonly homeItem?: GlobalItem;
}

export interface WeeklyHours {
  /** Per weekday (0 = Sunday … 6 = Saturday): open intervals in minutes from midnight. */
  readonly days: readonly (readonly (readonly [number, number])[])[];
}

export interface Hours {
  /** `file`: the schedule below; `line`: the Open Line's own WORKTIME_* settings. */
  readonly source: 'file' | 'line';
  readonly timezone: string;
  readonly weekly: WeeklyHours;
  /** `YYYY-MM-DD` (one day) or `MM-DD` (every year). */
  readonly holidays: readonly string[];
  /** Menu shown first when closed (instead of `start`). */
  readonly closedStart?: string;
}

export interface CompiledMenu {
  readonly bot: BotProfile;
  readonly start: string;
  /** Language of plain-string texts and the fallback for language maps. */
  readonly language: string;
  readonly messages: Readonly<Record<MessageKey, LocalText>>;
  readonly settings: Settings;
  /** Per kind, per language: normalised words that trigger it. */
  readonly words: Readonly<Record<WordKind, Readonly<Record<string, readonly string[]>>>>;
  readonly hours?: Hours;
  readonly menus: Readonly<Record<string, MenuDef>>;
  /** The matcher's model, built from titles and examples when the file is compiled (lib/menu/model.ts). */
  readonly model?: MatchModel;
  /** Short hash of the compiled menu: tells a dialog that the file changed. */
  readonly version: string;
}

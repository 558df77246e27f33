/**
 * The whole bot brain: (menu, state, turn, context) → (effects, new state).
 * Pure: no I/O, no clock (ctx.now), no randomness. Semantics follow the ITR reference
 * (Itr/ItrMenu/ItrItem): numbered menus, hideMenu defaults, `0` for the operator; the
 * additions (understanding, back, ask, hours, languages, idle restart, hand-over card)
 * are described in docs/menu-format.md.
 */
import { stripBbCodes } from './bbcode.js';
import type { Effect } from './effects.js';
import { handoverCard } from './handover.js';
import { checkAnswer } from './answers.js';
import { BLOCK, isVisible, renderMenu, visibleLines, type Line } from './render.js';
import { detectLanguage } from './language.js';
import { HISTORY_LIMIT, MISSED_LIMIT, PATH_LIMIT, pushBounded, type AskLocation, type DialogState, type MovedOnReason } from './state.js';
import { fill, pick } from './texts.js';
import type { Action, CompiledMenu, LocalText, MenuDef, MessageKey, TransferAction, WordKind } from './types.js';
import { understand, type Understood } from './understand.js';
import { normalize } from './normalize.js';
import { candidatesFor, itemAt, modelOf } from './candidates.js';
import { choose } from './choose.js';
import { askWhich, clarified } from './clarify.js';
import { reach, type ItemRef } from './reach.js';

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

export type Decision =
  | { readonly kind: 'act'; readonly state: DialogState; readonly effects: readonly Effect[] }
  /** The engine needs a lookup first (the bot list for a `bot` action); call again with it. */
  | { readonly kind: 'need'; readonly need: 'bots' };

class NeedBots extends Error {}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** One decision in the making: accumulates customer text, effects and the next state. */
class Draft {
  readonly effects: Effect[] = [];
  private parts: string[] = [];
  constructor(
    readonly menu: CompiledMenu,
    readonly ctx: Context,
    public state: Mutable<DialogState>,
  ) {}

  get language(): string {
    return this.state.language ?? this.ctx.portalLanguage ?? this.menu.language;
  }

  text(value: LocalText | undefined): string {
    return this.fill(pick(value, this.language, this.menu.language)).trim();
  }

  fill(template: string): string {
    return fill(template, { USER_NAME: this.ctx.customer.name, ...this.state.vars });
  }

  message(key: MessageKey): string {
    return this.text(this.menu.messages[key]);
  }

  say(text: string): void {
    if (text) this.parts.push(text);
  }

  emit(effect: Effect): void {
    this.flush();
    this.effects.push(effect);
  }

  flush(): void {
    if (this.parts.length > 0) this.effects.push({ type: 'send', text: this.parts.join(BLOCK) });
    this.parts = [];
  }

  finish(): Decision {
    this.flush();
    const customer = this.ctx.customer.name || this.ctx.customer.id ? { customer: { id: this.ctx.customer.id, name: this.ctx.customer.name } } : {};
    return { kind: 'act', state: { ...this.state, ...customer, lastAt: this.ctx.now }, effects: this.effects };
  }
}

export function decide(menu: CompiledMenu, previous: DialogState | undefined, turn: Turn, ctx: Context): Decision {
  try {
    return decideOrThrow(menu, previous, turn, ctx);
  } catch (error) {
    if (error instanceof NeedBots) return { kind: 'need', need: 'bots' };
    throw error;
  }
}

function fresh(menu: CompiledMenu, ctx: Context, previous: DialogState | undefined): Mutable<DialogState> {
  return {
    menu: startMenuId(menu, ctx),
    history: [],
    path: [],
    misses: 0,
    missed: [],
    vars: {},
    ...(previous?.language ? { language: previous.language } : {}),
    ...(previous?.languageSource ? { languageSource: previous.languageSource } : {}),
    status: 'bot',
    startedAt: ctx.now,
    lastAt: ctx.now,
    ...(ctx.sessionId ? { sessionId: ctx.sessionId } : {}),
    menuVersion: menu.version,
  };
}

/** Both start menus (open and closed) are start menus: no global back/home items there. */
export const isStartMenu = (menu: CompiledMenu, id: string): boolean => id === menu.start || id === menu.hours?.closedStart;

const startMenuId = (menu: CompiledMenu, ctx: Context): string =>
  ctx.open === false && menu.hours?.closedStart ? menu.hours.closedStart : menu.start;

function decideOrThrow(menu: CompiledMenu, previous: DialogState | undefined, turn: Turn, ctx: Context): Decision {
  // A new Open Lines session (the line added the bot): always from the start menu.
  if (turn.kind === 'join') {
    const draft = new Draft(menu, ctx, fresh(menu, ctx, undefined));
    if (ctx.open === false && !menu.hours?.closedStart) draft.say(draft.message('outOfHours'));
    showMenu(draft);
    return draft.finish();
  }

  const newSession = previous?.sessionId !== undefined && ctx.sessionId !== undefined && previous.sessionId !== ctx.sessionId;
  if (turn.kind === 'elsewhere') return stepAside(menu, previous, newSession, ctx, 'operator');
  if (turn.kind === 'resume') return resume(menu, previous, turn.menu, ctx);

  // The dialog belongs to people now: stay out of their way until a new session.
  if (previous?.status === 'transferred' && !newSession) {
    return { kind: 'act', state: { ...previous, lastAt: ctx.now }, effects: [] };
  }
  // The line's own bot time ran out: the chat is in its queue, whether or not an operator
  // has written yet (WELCOME_BOT_TIME, counted from the bot's join).
  if (previous?.status === 'bot' && !previous.resumed && !newSession && ctx.lineBotSeconds && ctx.now - previous.startedAt >= ctx.lineBotSeconds * 1000) {
    return stepAside(menu, previous, false, ctx, 'line-timeout');
  }

  const raw = stripBbCodes(turn.text);

  const idleMs = menu.settings.idleRestartMinutes * 60_000;
  const idle = previous !== undefined && idleMs > 0 && ctx.now - previous.lastAt >= idleMs;
  if (previous === undefined || previous.status !== 'bot' || newSession || idle) {
    const draft = new Draft(menu, ctx, fresh(menu, ctx, previous));
    hearLanguage(draft, raw);
    if (previous !== undefined && (idle || previous.status === 'finished' || newSession)) {
      // Returning customer: a short welcome and the start menu, not an old submenu.
      draft.say(draft.message('welcomeBack'));
      showMenu(draft);
      return draft.finish();
    }
    // No state at all (first contact without a join, or expired): read the message
    // against the start menu, as ITR does; if it means nothing, just show the menu.
    return interpret(draft, raw, { firstContact: true });
  }

  const draft = new Draft(menu, ctx, { ...previous });
  hearLanguage(draft, raw);
  // The menu file changed under this dialog and its place is gone: start over, with a note.
  if (!menu.menus[previous.menu] || (previous.asking && !askAt(menu, previous.asking))) {
    draft.state = fresh(menu, ctx, previous);
    draft.say(draft.message('menuChanged'));
    showMenu(draft);
    return draft.finish();
  }
  draft.state.menuVersion = menu.version;

  if (previous.asking) return answer(draft, raw, previous.asking);
  return interpret(draft, raw, { firstContact: false });
}

/**
 * Someone else has the chat (an operator's message, the line's timeout): no effects, and
 * the state says so, so every later message of this session is met with silence. A state
 * that already says it is returned as is (nothing to write).
 */
function stepAside(menu: CompiledMenu, previous: DialogState | undefined, newSession: boolean, ctx: Context, reason: MovedOnReason): Decision {
  if (previous?.status === 'transferred' && !newSession) return { kind: 'act', state: previous, effects: [] };
  const base = previous && !newSession ? previous : fresh(menu, ctx, previous);
  const { asking: _asking, ...rest } = base;
  return {
    kind: 'act',
    state: { ...rest, status: 'transferred', movedOn: { reason, at: ctx.now }, ...(ctx.sessionId ? { sessionId: ctx.sessionId } : {}), lastAt: ctx.now },
    effects: [],
  };
}

/**
 * The operator hands the chat back: the bot takes up from the start menu (or the menu the
 * operator chose), keeping what it learned (answers, path, language), and answers the
 * customer again until someone else writes or it hands over.
 */
function resume(menu: CompiledMenu, previous: DialogState | undefined, menuId: string | undefined, ctx: Context): Decision {
  const base = fresh(menu, ctx, previous);
  const { movedOn: _movedOn, asking: _asking, ...kept } = previous ?? base;
  const target = menuId && menu.menus[menuId] ? menuId : startMenuId(menu, ctx);
  const draft = new Draft(menu, ctx, { ...base, ...kept, status: 'bot', menu: target, history: [], misses: 0, resumed: { at: ctx.now }, menuVersion: menu.version, ...(ctx.sessionId ? { sessionId: ctx.sessionId } : {}) });
  showMenu(draft);
  return draft.finish();
}

/** The customer's language from this message, unless they chose one (lib/menu/language.ts). */
function hearLanguage(draft: Draft, raw: string): void {
  if (draft.state.languageSource === 'chosen') return;
  const detected = detectLanguage(raw, draft.menu);
  if (detected) {
    draft.state.language = detected;
    draft.state.languageSource = 'detected';
  }
}

// ── reading a message against the current menu ──

function currentLines(draft: Draft): { def: MenuDef; lines: Line[] } {
  const { menu, state, ctx } = draft;
  let def = menu.menus[state.menu]!;
  if (!isVisible(def.show, ctx.open)) {
    // The current menu is for the other half of the day: fall back to the start menu.
    state.menu = startMenuId(menu, ctx);
    state.history = [];
    def = menu.menus[state.menu]!;
  }
  return { def, lines: visibleLines(menu, def, ctx.open, isStartMenu(menu, state.menu)) };
}

const vocabularies = new WeakMap<object, { words: Record<WordKind, string[]> }>();

/** Every language's words together: a Russian customer may well type "operator". */
function vocabulary(menu: CompiledMenu): { words: Record<WordKind, string[]> } {
  let found = vocabularies.get(menu.words);
  if (!found) {
    const merge = (kind: WordKind) => Object.values(menu.words[kind]).flat();
    found = { words: { menu: merge('menu'), back: merge('back'), operator: merge('operator'), greeting: merge('greeting') } };
    vocabularies.set(menu.words, found);
  }
  return found;
}

/** Reads a message against every item the customer may mean from menu `menuId` now. */
function matcher(menu: CompiledMenu, menuId: string, open: boolean | undefined, startId: string) {
  const candidates = candidatesFor(menu, menuId, startId, open, isStartMenu(menu, menuId));
  return (text: string) => choose(modelOf(menu), text, candidates);
}

/**
 * How the engine reads `text` in menu `menuId` (visible items, global items, words), without
 * deciding anything. For tests, the corpus and the menu tooling.
 */
export function readInput(menu: CompiledMenu, menuId: string, text: string, open?: boolean): ReturnType<typeof understand> {
  const def = menu.menus[menuId];
  if (!def) throw new Error(`no menu ${menuId}`);
  const lines = visibleLines(menu, def, open, isStartMenu(menu, menuId));
  const start = open === false && menu.hours?.closedStart ? menu.hours.closedStart : menu.start;
  return understand(stripBbCodes(text), new Set(lines.map((line) => line.id)), vocabulary(menu), matcher(menu, menuId, open, start), menuId);
}

function interpret(draft: Draft, raw: string, opts: { firstContact: boolean }): Decision {
  const { def, lines } = currentLines(draft);
  const ids = new Set(lines.map((line) => line.id));
  const match = matcher(draft.menu, def.id, draft.ctx.open, startMenuId(draft.menu, draft.ctx));
  // The answer to "did you mean A or B?": one of the two, else read as usual.
  const doubt = draft.state.clarify;
  draft.state.clarify = undefined;
  const settled = doubt ? clarified(raw, doubt, match) : undefined;
  const understood: Understood = settled
    ? { kind: 'choice', id: settled.id, by: 'title', ...(settled.menu === def.id ? {} : { menu: settled.menu }) }
    : understand(raw, ids, vocabulary(draft.menu), match, def.id);

  switch (understood.kind) {
    case 'zero': {
      // `0` is the platform's "operator" key (contract §1.5): Bitrix moves the dialog to the
      // queue by itself after this event, so never re-show the menu. Run item 0 if there is one.
      const zero = lines.find((line) => line.id === 0 && line.item);
      draft.state.status = 'transferred';
      draft.state.path = pushBounded(draft.state.path, `${def.id}:0`, PATH_LIMIT);
      if (draft.menu.settings.handoverCard) draft.emit({ type: 'note', text: card(draft, 'to the queue (customer sent 0)') });
      if (zero?.item) {
        const action = zero.item.action;
        if (action.type === 'text' || action.type === 'queue' || action.type === 'function' || action.type === 'void') {
          // Out of hours, no operator promise (unless the item was written for closed hours).
          if (draft.ctx.open === false && zero.item.show !== 'closed') draft.say(draft.message('noOperatorNow'));
          else if ('text' in action) draft.say(draft.text(action.text));
          if (action.type === 'function') draft.emit({ type: 'function', name: action.name });
        } else {
          run(draft, action, { menuId: def.id, itemId: 0, forceHide: true, skipCard: true });
        }
      }
      return draft.finish();
    }
    case 'doubt':
    {
      const question = askWhich(draft.menu, understood.options, draft.message('clarify'), draft.language);
      draft.state.clarify = question.options;
      draft.say(question.text);
      return draft.finish();
    }
    case 'choice': {
      if (understood.menu !== undefined) return runItemAt(draft, { menu: understood.menu, id: understood.id });
      const line = lines.find((candidate) => candidate.id === understood.id);
      if (line?.item && line.id === 0) {
        // Item 0 chosen by its title, not by typing "0": the platform won't hand over, so we do.
        const action = line.item.action;
        const text = (action.type === 'text' || action.type === 'queue') && action.text !== undefined ? action.text : draft.menu.messages.toOperator;
        draft.state.misses = 0;
        draft.state.path = pushBounded(draft.state.path, `${def.id}:0`, PATH_LIMIT);
        run(draft, { type: 'queue', text, hideMenu: true }, { menuId: def.id, itemId: 0, itemShow: line.item.show });
        return draft.finish();
      }
      if (line?.item) {
        draft.state.misses = 0;
        draft.state.path = pushBounded(draft.state.path, `${def.id}:${line.id}`, PATH_LIMIT);
        run(draft, line.item.action, { menuId: def.id, itemId: line.id, itemShow: line.item.show });
        return draft.finish();
      }
      if (line?.global) return navigate(draft, line.global);
      return miss(draft, raw, opts.firstContact);
    }
    case 'word':
      if (understood.word === 'greeting') {
        showMenu(draft);
        return draft.finish();
      }
      if (understood.word === 'operator') {
        draft.state.misses = 0;
        draft.state.path = pushBounded(draft.state.path, `${def.id}:operator`, PATH_LIMIT);
        run(draft, { type: 'queue', text: draft.menu.messages.toOperator, hideMenu: true }, { menuId: def.id, itemId: -1 });
        return draft.finish();
      }
      return navigate(draft, understood.word === 'back' ? 'back' : 'home');
    case 'none':
      return miss(draft, raw, opts.firstContact);
  }
}

/**
 * Runs an item of another menu the customer named ("where is my parcel" at the start
 * menu): the dialog walks there first, so path and history read as if they had chosen
 * each item on the way, and "back" returns along it.
 */
function runItemAt(draft: Draft, ref: ItemRef): Decision {
  const { state, menu } = draft;
  const item = itemAt(menu, ref);
  if (!item) return miss(draft, '', false);
  if (ref.menu !== state.menu) {
    const route = reach(menu, state.menu, startMenuId(menu, draft.ctx), draft.ctx.open).routes.get(ref.menu);
    if (route?.home) {
      state.path = pushBounded(state.path, `${state.menu}:home`, PATH_LIMIT);
      goHome(draft);
    }
    for (const step of route?.items ?? []) {
      const link = itemAt(menu, step)?.action;
      state.path = pushBounded(state.path, `${step.menu}:${step.id}`, PATH_LIMIT);
      if (link?.type !== 'menu') continue;
      state.history = pushBounded(state.history, state.menu, HISTORY_LIMIT);
      state.menu = link.menu;
    }
  }
  state.misses = 0;
  state.path = pushBounded(state.path, `${ref.menu}:${ref.id}`, PATH_LIMIT);
  run(draft, item.action, { menuId: ref.menu, itemId: ref.id, itemShow: item.show });
  return draft.finish();
}

function navigate(draft: Draft, where: 'back' | 'home'): Decision {
  draft.state.misses = 0;
  draft.state.path = pushBounded(draft.state.path, `${draft.state.menu}:${where}`, PATH_LIMIT);
  if (where === 'back') goBack(draft);
  else goHome(draft);
  showMenu(draft);
  return draft.finish();
}

function goBack(draft: Draft): void {
  const history = [...draft.state.history];
  let target = history.pop();
  while (target !== undefined && !draft.menu.menus[target]) target = history.pop();
  draft.state.menu = target ?? startMenuId(draft.menu, draft.ctx);
  draft.state.history = history;
}

function goHome(draft: Draft): void {
  draft.state.menu = startMenuId(draft.menu, draft.ctx);
  draft.state.history = [];
}

function miss(draft: Draft, raw: string, firstContact: boolean): Decision {
  if (firstContact) {
    // They have not seen a menu yet: show it, without "I did not understand".
    showMenu(draft);
    return draft.finish();
  }
  const state = draft.state;
  state.misses += 1;
  if (raw) state.missed = pushBounded(state.missed, raw.slice(0, 100), MISSED_LIMIT);
  const max = draft.menu.settings.maxRetries;
  if (max > 0 && state.misses >= max) {
    state.misses = 0;
    state.path = pushBounded(state.path, `${state.menu}:retries`, PATH_LIMIT);
    run(draft, draft.menu.settings.onRetriesExceeded, { menuId: state.menu, itemId: -1 });
    return draft.finish();
  }
  draft.say(draft.message('unknown'));
  showMenu(draft);
  return draft.finish();
}

function showMenu(draft: Draft): void {
  const { def, lines } = currentLines(draft);
  draft.say(renderMenu(draft.menu, def, lines, draft.language, (text) => draft.fill(text)));
}

// ── actions ──

interface RunOptions {
  readonly menuId: string;
  /** Item id; -1 for actions that come from words or settings rather than an item. */
  readonly itemId: number;
  readonly depth?: number;
  readonly itemShow?: 'always' | 'open' | 'closed';
  readonly forceHide?: boolean;
  readonly skipCard?: boolean;
}

function run(draft: Draft, action: Action, opts: RunOptions): void {
  const { state } = draft;
  const showAfter = (hideMenu: boolean) => {
    if (!hideMenu && !opts.forceHide) showMenu(draft);
  };
  switch (action.type) {
    case 'void':
      showAfter(action.hideMenu);
      return;
    case 'text':
      draft.say(draft.text(action.text));
      showAfter(action.hideMenu);
      return;
    case 'menu':
      if (action.text !== undefined) draft.say(draft.text(action.text));
      if (action.menu !== state.menu) state.history = pushBounded(state.history, state.menu, HISTORY_LIMIT);
      state.menu = action.menu;
      showMenu(draft);
      return;
    case 'back':
      if (action.text !== undefined) draft.say(draft.text(action.text));
      goBack(draft);
      showMenu(draft);
      return;
    case 'queue':
    case 'user':
    case 'line':
      transfer(draft, action, opts);
      return;
    case 'bot': {
      if (draft.ctx.bots === undefined) throw new NeedBots();
      const botId = draft.ctx.bots[action.botCode];
      if (botId === undefined) {
        // ITR: the bot is not on this portal → errorText and the menu again.
        draft.say(action.errorText !== undefined ? draft.text(action.errorText) : draft.message('botUnavailable'));
        showMenu(draft);
        return;
      }
      transfer(draft, action, opts, botId);
      return;
    }
    case 'finish':
      if (action.text !== undefined) draft.say(draft.text(action.text));
      draft.emit({ type: 'finish' });
      state.status = 'finished';
      showAfter(action.hideMenu);
      return;
    case 'function':
      if (action.text !== undefined) draft.say(draft.text(action.text));
      draft.emit({ type: 'function', name: action.name });
      showAfter(action.hideMenu);
      return;
    case 'ask':
      draft.say(draft.text(action.question));
      state.asking = { menu: opts.menuId, item: opts.itemId, depth: opts.depth ?? 0, tries: 0 };
      return;
    case 'language':
      state.language = action.language;
      state.languageSource = 'chosen';
      draft.say(action.text !== undefined ? draft.text(action.text) : draft.message('languageChanged'));
      showMenu(draft);
      return;
  }
}

function transfer(draft: Draft, action: TransferAction, opts: RunOptions, botId?: number): void {
  const { state, ctx } = draft;
  const toPeople = action.type !== 'bot';
  // Out of hours, don't promise an operator, unless the item was written for closed hours.
  const closedText = toPeople && ctx.open === false && opts.itemShow !== 'closed';
  const target =
    action.type === 'queue' ? 'to the queue'
    : action.type === 'user' ? `to operator ${action.userId}`
    : action.type === 'line' ? `to Open Line ${action.lineId}`
    : `to bot ${action.botCode}`;
  if (draft.menu.settings.handoverCard && !opts.skipCard) draft.emit({ type: 'note', text: card(draft, target) });
  draft.say(closedText ? draft.message('noOperatorNow') : draft.text(action.text));
  switch (action.type) {
    case 'queue':
      // Given back by an operator, the session is still theirs: no session call (it would be
      // refused with WRONG_CHAT); the card and the text tell them the customer wants a person.
      if (!state.resumed) draft.emit({ type: 'queue' });
      break;
    case 'user':
      draft.emit({ type: 'transferUser', userId: action.userId, leave: action.leave });
      break;
    case 'line':
      draft.emit({ type: 'transferLine', lineId: action.lineId });
      break;
    case 'bot':
      draft.emit({ type: 'addBot', botId: botId!, leave: action.leave });
      break;
  }
  state.status = 'transferred';
  state.asking = undefined;
  if (!action.hideMenu && !opts.forceHide) showMenu(draft);
}

function card(draft: Draft, target: string): string {
  return handoverCard({ menu: draft.menu, state: draft.state, customer: draft.ctx.customer, language: draft.language, now: draft.ctx.now, target });
}

// ── questions ──

/** The ask action at a location: item action, then `depth` steps down ask.next. */
function askAt(menu: CompiledMenu, at: AskLocation): Extract<Action, { type: 'ask' }> | undefined {
  const item = menu.menus[at.menu]?.items.find((candidate) => candidate.id === at.item);
  let action: Action | undefined = at.item === -1 ? menu.settings.onRetriesExceeded : item?.action;
  for (let depth = 0; depth < at.depth && action?.type === 'ask'; depth++) action = action.next;
  return action?.type === 'ask' ? action : undefined;
}

function answer(draft: Draft, raw: string, at: AskLocation): Decision {
  const ask = askAt(draft.menu, at)!;
  const { state } = draft;
  // The customer can always leave a question with "0" or a whole-message word (operator,
  // menu, back); "Back street 12" is an address, not a way out.
  const said = normalize(raw);
  const words = vocabulary(draft.menu).words;
  const escaping = raw.trim() === '0' || (['operator', 'menu', 'back'] as const).some((kind) => words[kind].includes(said));
  if (escaping) {
    state.asking = undefined;
    return interpret(draft, raw, { firstContact: false });
  }
  const checked = checkAnswer(ask.validate, raw);
  if (checked.ok) {
    state.vars = { ...state.vars, [ask.var]: checked.value };
    state.asking = undefined;
    state.misses = 0;
    const itemShow = draft.menu.menus[at.menu]?.items.find((item) => item.id === at.item)?.show;
    run(draft, ask.next, { menuId: at.menu, itemId: at.item, depth: at.depth + 1, ...(itemShow ? { itemShow } : {}) });
    return draft.finish();
  }
  const tries = at.tries + 1;
  if (raw) state.missed = pushBounded(state.missed, raw.slice(0, 100), MISSED_LIMIT);
  if (tries > ask.retries) {
    state.asking = undefined;
    state.path = pushBounded(state.path, `${at.menu}:retries`, PATH_LIMIT);
    run(draft, draft.menu.settings.onRetriesExceeded, { menuId: at.menu, itemId: -1 });
    return draft.finish();
  }
  state.asking = { ...at, tries };
  draft.say(ask.hint !== undefined ? draft.text(ask.hint) : draft.message('askInvalid'));
  draft.say(draft.text(ask.question));
  return draft.finish();
}

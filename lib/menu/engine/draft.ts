/**
 * One decision in the making: the menu and context it is made in, the next state as it
 * takes shape, and the customer's text and effects in the order they will happen.
 */
import { BLOCK } from '../render.js';
import type { Effect } from '../effects.js';
import type { DialogState } from '../state.js';
import { fill, pick } from '../texts.js';
import type { CompiledMenu, LocalText, MessageKey } from '../types.js';
import type { Context, Decision } from './turn.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class Draft {
  readonly effects: Effect[] = [];
  private parts: string[] = [];
  /** A hand-over card is out in this decision: one is enough for the operator. */
  cardPosted = false;
  /**
   * The customer sent a bare `0` and Bitrix24 moves the dialog to the queue by itself
   * after this event (contract §1.5): nothing the bot does now may show the menu again.
   */
  platformHandsOver = false;

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

  private flush(): void {
    if (this.parts.length > 0) this.effects.push({ type: 'send', text: this.parts.join(BLOCK) });
    this.parts = [];
  }

  finish(): Decision {
    this.flush();
    const customer = this.ctx.customer.name || this.ctx.customer.id ? { customer: { id: this.ctx.customer.id, name: this.ctx.customer.name } } : {};
    return { kind: 'act', state: { ...this.state, ...customer, lastAt: this.ctx.now }, effects: this.effects };
  }
}

/** Both start menus (open and closed) are start menus: no global back/home items there. */
export const isStartMenu = (menu: CompiledMenu, id: string): boolean => id === menu.start || id === menu.hours?.closedStart;

export const startMenuId = (menu: CompiledMenu, ctx: Pick<Context, 'open'>): string =>
  ctx.open === false && menu.hours?.closedStart ? menu.hours.closedStart : menu.start;

/** A dialog at the start menu; the language the customer chose or was heard in is kept. */
export function fresh(menu: CompiledMenu, ctx: Context, previous: DialogState | undefined): Mutable<DialogState> {
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

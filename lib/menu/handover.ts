/**
 * The hand-over card: an operator-only note posted before every transfer, so the
 * person who picks the dialog up does not have to ask everything again.
 * Everything the customer typed is made plain (fill/plain), never markup.
 */
import { plain } from './bbcode.js';
import type { DialogState } from './state.js';
import { pick } from './texts.js';
import type { CompiledMenu } from './types.js';

export interface CardInput {
  readonly menu: CompiledMenu;
  readonly state: DialogState;
  readonly customer: { readonly id: string; readonly name: string };
  readonly language: string;
  readonly now: number;
  /** What the bot is doing: "to the queue", "to operator 12"… */
  readonly target: string;
}

const CARD_LABELS = {
  title: 'Hand-over from the bot',
  customer: 'Customer',
  language: 'Language',
  path: 'Path',
  answers: 'Answers',
  missed: 'Not understood',
  time: 'Time with the bot',
  target: 'Transfer',
} as const;

/** Steps that are not items: what the customer did instead. */
const PATH_LABELS: Readonly<Record<string, string>> = {
  back: '(back)',
  home: '(start menu)',
  operator: '(asked for an operator)',
  retries: '(not understood)',
  0: '(0: operator)',
};

export function pathTitles(menu: CompiledMenu, path: readonly string[], language: string): string[] {
  return path.map((step) => {
    const [menuId, itemId] = step.split(':');
    const item = menu.menus[menuId ?? '']?.items.find((candidate) => String(candidate.id) === itemId);
    if (item) return pick(item.title, language, menu.language);
    return PATH_LABELS[itemId ?? ''] ?? step;
  });
}

export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Operators read the card in Bitrix24's own UI, so it uses [b] and [br] freely. */
export function handoverCard(input: CardInput): string {
  const { menu, state, customer, language, now } = input;
  const lines = [`[b]${CARD_LABELS.title}[/b]`];
  lines.push(`${CARD_LABELS.customer}: ${plain(customer.name || '—')} (id ${plain(customer.id)})`);
  // The customer's own language when known; otherwise it is only the portal's (contract §9.2).
  const source =
    state.languageSource === 'chosen'
      ? 'chosen by the customer'
      : state.languageSource === 'detected'
        ? 'detected from the messages'
        : "the portal's; the customer's not detected";
  lines.push(`${CARD_LABELS.language}: ${language} (${source})`);
  lines.push(`${CARD_LABELS.target}: ${plain(input.target)}`);
  const path = pathTitles(menu, state.path, language);
  lines.push(`${CARD_LABELS.path}: ${path.length > 0 ? path.map(plain).join(' › ') : '—'}`);
  const answers = Object.entries(state.vars);
  if (answers.length > 0) lines.push(`${CARD_LABELS.answers}: ${answers.map(([name, value]) => `${name}: ${plain(value)}`).join('; ')}`);
  if (state.missed.length > 0) lines.push(`${CARD_LABELS.missed}: ${state.missed.map((text) => `"${plain(text)}"`).join(', ')}`);
  lines.push(`${CARD_LABELS.time}: ${duration(now - state.startedAt)}`);
  return lines.join('[br]');
}

/**
 * "Did you mean 3. Prices or 1. Opening hours?": one short question when two items fit a
 * message about equally well, and reading the answer to it. The options keep their own
 * numbers unless both have the same one (items of two menus), then they are 1 and 2.
 * The answer is a number shown, or words that pick one of the two; anything else is
 * read as usual against the menu.
 */
import type { Choice } from './choose.js';
import { itemAt } from './candidates.js';
import type { ItemRef } from './reach.js';
import type { ClarifyOption } from './state.js';
import { pick } from './texts.js';
import type { CompiledMenu } from './types.js';

export function askWhich(
  menu: CompiledMenu,
  options: readonly [ItemRef, ItemRef],
  template: string,
  language: string,
): { text: string; options: ClarifyOption[] } {
  const same = options[0].id === options[1].id;
  const numbered = options.map((option, index) => ({ ...option, number: same ? index + 1 : option.id }));
  const line = (option: ClarifyOption) => {
    const title = pick(itemAt(menu, option)?.title, language, menu.language).trim();
    return `[send=${option.number}]${option.number}. ${title}[/send]`;
  };
  const text = template.replace('#FIRST#', line(numbered[0]!)).replace('#SECOND#', line(numbered[1]!));
  return { text, options: numbered };
}

/** The option the answer picks, if it picks one. */
export function clarified(raw: string, options: readonly ClarifyOption[], match: (text: string) => Choice): ItemRef | undefined {
  const typed = /^\s*(?:#|№)?\s*(\d{1,2})\s*[.)!]?\s*$/.exec(raw);
  if (typed) return options.find((option) => option.number === Number(typed[1]));
  const choice = match(raw);
  if (choice.kind !== 'item') return undefined;
  return options.find((option) => option.menu === choice.item.menu && option.id === choice.item.id);
}

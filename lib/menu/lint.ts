/**
 * Warnings for a menu that compiles but will hurt customers: menus nobody can reach,
 * menus with no way out, item 0 used for something other than the operator, texts
 * longer than a message can be, missing translations, unknown functions.
 */
import { flatten } from './bbcode.js';
import type { Path } from './compile.js';
import { lintExamples } from './lint-examples.js';
import { renderMenu, visibleLines } from './render.js';
import { languagesOf, pick } from './texts.js';
import type { Action, CompiledMenu, LocalText } from './types.js';

export interface Warning {
  readonly path: Path;
  readonly message: string;
}

/** imbot.message.add text limit (contract §4.5, V2 docs: 20,000 characters). */
export const BITRIX_MESSAGE_LIMIT = 20_000;
/** Telegram and WhatsApp cut messages at 4,096 characters. */
export const CHANNEL_MESSAGE_LIMIT = 4_096;

const TRANSFERS = new Set(['queue', 'user', 'line', 'bot', 'finish']);

/** Every action reachable from an action: ask.next chains included. */
function chain(action: Action): Action[] {
  return action.type === 'ask' ? [action, ...chain(action.next)] : [action];
}

export function lintMenu(menu: CompiledMenu, knownFunctions: readonly string[]): Warning[] {
  const warnings: Warning[] = [];
  const warn = (path: Path, message: string) => warnings.push({ path, message });
  const ids = Object.keys(menu.menus);

  // Reachability from the start menus through menu actions (back returns to reached ones).
  const reached = new Set<string>();
  const queue = [menu.start, ...(menu.hours?.closedStart ? [menu.hours.closedStart] : [])];
  for (const action of chain(menu.settings.onRetriesExceeded)) if (action.type === 'menu') queue.push(action.menu);
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (reached.has(id) || !menu.menus[id]) continue;
    reached.add(id);
    for (const item of menu.menus[id]!.items) for (const action of chain(item.action)) if (action.type === 'menu') queue.push(action.menu);
  }
  for (const id of ids) if (!reached.has(id)) warn(['menus', id], `menu '${id}' can't be reached from the start menu`);

  const languages = new Set<string>([menu.language]);
  const collect = (text: LocalText | undefined) => text !== undefined && languagesOf(text).forEach((lang) => languages.add(lang));
  for (const def of Object.values(menu.menus)) {
    collect(def.text);
    for (const item of def.items) collect(item.title);
  }

  for (const id of ids) {
    const def = menu.menus[id]!;
    const isStart = id === menu.start || id === menu.hours?.closedStart;
    const hasGlobal = !isStart && Boolean(menu.settings.backItem ?? menu.settings.homeItem);
    const wayOut =
      hasGlobal ||
      def.items.some(
        (item) =>
          item.id === 0 ||
          chain(item.action).some((action) => TRANSFERS.has(action.type) || action.type === 'back' || (action.type === 'menu' && action.menu !== id)),
      );
    if (!wayOut) warn(['menus', id], `menu '${id}' has no way out: no back or menu item, no operator (item 0), no transfer and no finish`);

    def.items.forEach((item, index) => {
      const path = ['menus', id, 'items', index];
      if (item.id === 0 && !['text', 'void', 'queue'].includes(item.action.type)) {
        warn(
          [...path, 'id'],
          `menu '${id}', item ${index + 1}: id 0 is Bitrix24's operator key — after a customer sends 0 the platform moves the dialog to the queue, so use 0 only for "talk to an operator" (a text, void or queue action)`,
        );
      }
      for (const action of chain(item.action)) {
        if (action.type === 'function' && !knownFunctions.includes(action.name))
          warn([...path, 'action', 'name'], `menu '${id}', item ${index + 1}: function "${action.name}" is not registered in lib/app/functions.ts`);
      }
      const title = item.title;
      if (typeof title !== 'string') {
        for (const lang of languages)
          if (!(lang in title)) warn([...path, 'title'], `menu '${id}', item ${index + 1}: no "${lang}" title; those customers see the ${menu.language} one`);
      }
    });

    // What a customer receives for this menu, per language, after an answer text.
    for (const lang of languages) {
      const lines = visibleLines(menu, def, undefined, isStart);
      const rendered = renderMenu(menu, def, lines, lang, (text) => text);
      const longest = Math.max(
        0,
        ...def.items.flatMap((item) => chain(item.action)).map((action) => ('text' in action ? pick(action.text, lang, menu.language).length : 0)),
      );
      const size = flatten(rendered).length + longest;
      if (rendered.length + longest > BITRIX_MESSAGE_LIMIT)
        warn(
          ['menus', id],
          `menu '${id}' (${lang}) can produce a message of ${rendered.length + longest} characters; Bitrix24 cuts messages at ${BITRIX_MESSAGE_LIMIT}`,
        );
      else if (size > CHANNEL_MESSAGE_LIMIT)
        warn(
          ['menus', id],
          `menu '${id}' (${lang}) can produce a message of ${size} characters; Telegram and WhatsApp cut messages at ${CHANNEL_MESSAGE_LIMIT}`,
        );
    }
  }
  warnings.push(...lintExamples(menu));
  return warnings;
}

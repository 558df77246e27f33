/**
 * Warnings about items' examples (`npm run menu -- check`): the same phrase under two
 * items (the bot can't tell them apart by it), and a phrase that the matcher reads as
 * another item, or as two close ones (it teaches the bot the opposite of what was meant).
 */
import type { Path } from './compile.js';
import { modelOf } from './candidates.js';
import { choose } from './choose.js';
import { reach } from './reach.js';
import { normalize } from './normalize.js';
import type { CompiledMenu } from './types.js';

export interface ExampleWarning {
  readonly path: Path;
  readonly message: string;
}

export function lintExamples(menu: CompiledMenu): ExampleWarning[] {
  const warnings: ExampleWarning[] = [];
  const model = modelOf(menu);
  const seen = new Map<string, { where: string; action: string }>();
  // The same item in two menus (opening hours in the open and the closed start menu) may share examples.
  const actionOf = (ref: { menu: string; id: number }) => JSON.stringify(menu.menus[ref.menu]?.items.find((item) => item.id === ref.id)?.action);
  for (const def of Object.values(menu.menus)) {
    def.items.forEach((item, index) => {
      const here = `menu '${def.id}', item ${item.id}`;
      const action = JSON.stringify(item.action);
      for (const [lang, list] of Object.entries(item.examples ?? {})) {
        list.forEach((phrase, at) => {
          const path: Path = ['menus', def.id, 'items', index, 'examples', lang, at];
          const key = normalize(phrase);
          const owner = seen.get(key);
          if (owner && owner.where !== here && owner.action !== action)
            warnings.push({ path, message: `${here}: the example "${phrase}" is also an example of ${owner.where}; the bot can't tell them apart by it` });
          if (!owner) seen.set(key, { where: here, action });
          // Read the phrase as if every item of the file were on one screen.
          const all = { current: def.id, include: () => true, reach: reach(menu, def.id, def.id, undefined), linkOf: () => false };
          const read = choose(model, phrase, all);
          const mine = (ref: { menu: string; id: number }) => ref.menu === def.id && ref.id === item.id;
          // The item that opens this item's menu ("Payment and invoices" for "bank transfer") is its
          // way there, and an item of the menu this item opens is where it leads: neither is a rival.
          const opensHere = (ref: { menu: string; id: number }) => {
            const opens = menu.menus[ref.menu]?.items.find((candidate) => candidate.id === ref.id)?.action;
            return (opens?.type === 'menu' && opens.menu === def.id) || (item.action.type === 'menu' && item.action.menu === ref.menu);
          };
          const others = (read.kind === 'item' ? [read.item] : read.kind === 'doubt' ? read.options : []).filter(
            (ref) => !mine(ref) && ref.menu !== '' && actionOf(ref) !== action && !opensHere(ref),
          );
          for (const other of others) {
            const how = read.kind === 'item' ? 'rather than this item' : 'as much as this item';
            warnings.push({
              path,
              message: `${here}: the example "${phrase}" reads as menu '${other.menu}', item ${other.id} ${how}; reword it or move it there`,
            });
          }
        });
      }
    });
  }
  return warnings;
}

/**
 * The action table of the menu compiler is data: the keys each action type takes, with
 * their kinds, bounds and defaults, are what the checker allows and what a JSON Schema of
 * the format can be generated from.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, ACTION_TYPES } from '../../lib/menu/compile.js';
import { loadMenuSource } from '../../lib/menu/load-file.js';

const withAction = (action: string) => `bot: { code: b, name: Bot }
start: main
menus:
  main:
    text: Hi
    items:
      - { id: 1, title: One, action: ${action} }
`;

describe('the action table', () => {
  it('lists every action type once, in the documented order', () => {
    expect(ACTION_TYPES).toEqual(['void', 'text', 'menu', 'back', 'queue', 'user', 'line', 'bot', 'finish', 'function', 'ask', 'language']);
  });

  it('describes keys as data (kind, bounds, defaults)', () => {
    expect(ACTIONS.user.keys).toEqual({
      text: { kind: 'text' },
      userId: { kind: 'integer', min: 1, max: 2 ** 31, required: true },
      leave: { kind: 'boolean', default: false },
      hideMenu: { kind: 'boolean', default: true },
    });
    expect(ACTIONS.ask.keys.retries).toEqual({ kind: 'integer', min: 0, max: 20, default: 2 });
  });

  it.each(ACTION_TYPES)('the keys a %s action may have are exactly its entry in the table', (type) => {
    const { issues } = loadMenuSource(withAction(`{ type: ${type}, bogus: 1 }`), 'menu.yaml');
    const unknown = issues.find((issue) => issue.message.includes('"bogus" is not a known key'));
    expect(unknown?.message).toContain(`(known: ${['type', ...Object.keys(ACTIONS[type].keys)].join(', ')};`);
  });
});

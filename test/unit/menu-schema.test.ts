/** The shipped JSON Schema of the menu format is the compiler's own (lib/menu/schema.ts), and it knows every key. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaText } from '../../infra/tools/menu-schema.js';
import { ACTIONS } from '../../lib/menu/compile/actions.js';
import { menuSchema } from '../../lib/menu/schema.js';

describe('menus/menu.schema.json', () => {
  it("is what the compiler's tables generate (run `npm run menu-schema` after changing the format)", () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });

  it('offers every action type with exactly the keys the compiler accepts', () => {
    const actions = (menuSchema().$defs as { action: { oneOf: { properties: Record<string, unknown> }[] } }).action.oneOf;
    expect(actions.map((action) => (action.properties.type as { const: string }).const).sort()).toEqual(Object.keys(ACTIONS).sort());
    for (const action of actions) {
      const type = (action.properties.type as { const: keyof typeof ACTIONS }).const;
      expect(Object.keys(action.properties).sort()).toEqual(['type', ...Object.keys(ACTIONS[type].keys)].sort());
    }
  });

  it('the example menus name it, so editors complete and underline keys', () => {
    expect(readFileSync('menus/example.yaml', 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./menu.schema.json');
  });
});

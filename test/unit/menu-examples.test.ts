/** `examples` in the menu file: compiled, validated with line:column, linted by `menu check`. */
import { describe, expect, it } from 'vitest';
import { checkMenu } from '../../infra/tools/menu.js';
import { loadMenuSource } from '../../lib/menu/load-file.js';

const file = (examples: string, more = '') => `bot: { code: b, name: B }
start: m
language: en
menus:
  m:
    text: Hi
    items:
      - id: 1
        title: { en: Prices, de: Preise }
        examples: ${examples}
        action: { type: text, text: "x" }
      - id: 2
        title: Opening hours
        action: { type: text, text: "y" }${more}
`;

describe('examples', () => {
  it("takes a list (the file's language) or a map of language to list", () => {
    expect(loadMenuSource(file('["how much", "price list"]'), 'a.yaml').menu?.menus.m?.items[0]?.examples).toEqual({ en: ['how much', 'price list'] });
    expect(loadMenuSource(file('{ en: ["how much"], de: ["was kostet"] }'), 'a.yaml').menu?.menus.m?.items[0]?.examples).toEqual({
      en: ['how much'],
      de: ['was kostet'],
    });
  });

  it('reports bad examples with their line and column', () => {
    const { issues } = loadMenuSource(file('{ english: ["how much"], de: "was kostet", en: ["", 5] }'), 'a.yaml');
    expect(issues.map((issue) => `${issue.line}: ${issue.message}`)).toEqual([
      expect.stringMatching(/^10: .*"english" is not a two-letter language code/),
      expect.stringMatching(/^10: .*examples\.de must be a list of phrases/),
      expect.stringMatching(/^10: .*examples\.en, phrase 1 is empty/),
    ]);
  });

  it('warns about an example shared by two items and one that reads as another item', () => {
    const source = file('["how much", "opening hours"]', '\n        examples: ["how much"]');
    const { output } = checkMenu('a.yaml', source);
    expect(output.join('\n')).toContain('the example "how much" is also an example of menu \'m\', item 1');
    expect(output.join('\n')).toContain('the example "opening hours" reads as menu \'m\', item 2');
  });
});

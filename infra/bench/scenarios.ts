/**
 * One customer message per action type of the shipped example menu (menus/example.yaml,
 * in office hours): the path that leads there, then the message whose cost is measured.
 * Shared by the cost tests and `npm run bench`.
 */
export interface Scenario {
  readonly name: string;
  /** Messages sent first (not measured). */
  readonly path: readonly string[];
  /** The measured message. */
  readonly text: string;
}

export const ACTION_SCENARIOS: readonly Scenario[] = [
  { name: 'text (answer + menu in one message)', path: [], text: '4' },
  { name: 'menu', path: [], text: '1' },
  { name: 'global back item', path: ['1'], text: '8' },
  { name: 'global home item', path: ['1'], text: '9' },
  { name: 'back word', path: ['2'], text: 'back' },
  { name: 'queue (card + text + transfer in one batch)', path: [], text: 'operator' },
  { name: 'user (after a question)', path: ['1', '3'], text: 'Hauptstraße 5, 10115 Berlin' },
  { name: 'line', path: ['1'], text: '4' },
  { name: 'bot (bot list cached)', path: ['1'], text: '1' },
  { name: 'finish', path: ['2'], text: '4' },
  { name: 'function', path: ['2'], text: '3' },
  { name: 'ask: the question', path: [], text: '3' },
  { name: 'ask: a wrong answer and the hint', path: ['3'], text: 'abc' },
  { name: 'language', path: ['5'], text: '2' },
  { name: 'not understood', path: [], text: 'blah blah' },
  { name: 'greeting', path: ['1'], text: 'hello' },
  { name: '0 with item 0 (card + text)', path: [], text: '0' },
];

/**
 * The shared REST budget stays on (its take is part of what a message costs) but with a
 * portal limit the measurements never reach: they count work, not pacing.
 */
export const UNPACED = { B24_RATE_PER_SECOND: '1000', B24_RATE_BURST: '10000' } as const;

/** Wednesday 25 Nov 2026, 10:00 in Berlin: the example menu is open. */
export const OFFICE_HOURS = Date.parse('2026-11-25T09:00:00Z');

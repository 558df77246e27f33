/**
 * Runs conversation tests (lib/menu/conversation-file.ts) through the real engine: the
 * same decide() the worker calls, with no portal and no AWS. What a portal would add is
 * fixed: every bot a `bot` action names is on the portal, the clock stands still but for
 * a second per step, the line is open unless the conversation says `hours: closed`.
 */
import { flatten } from './bbcode.js';
import type { Conversation, Step, TransferKind } from './conversation-file.js';
import type { Effect } from './effects.js';
import { decide, type Context, type Turn } from './engine.js';
import type { DialogState } from './state.js';
import type { Action, CompiledMenu } from './types.js';

export interface ConversationResult {
  readonly name: string;
  readonly ok: boolean;
  /** For a failure: `step 3 (expect: "We are open", line 12): the bot said: "…"`. */
  readonly failure?: string;
}

/** Monday 2024-01-08 10:00 UTC: a weekday morning, for menus whose idle restart counts time. */
const START = Date.UTC(2024, 0, 8, 10);

function botCodes(menu: CompiledMenu): Record<string, number> {
  const codes: Record<string, number> = {};
  const walk = (action: Action) => {
    if (action.type === 'bot') codes[action.botCode] ??= 1000 + Object.keys(codes).length;
    if (action.type === 'ask') walk(action.next);
  };
  for (const def of Object.values(menu.menus)) for (const item of def.items) walk(item.action);
  walk(menu.settings.onRetriesExceeded);
  return codes;
}

const said = (effects: readonly Effect[]): string =>
  effects
    .filter((effect): effect is Extract<Effect, { type: 'send' }> => effect.type === 'send')
    .map((effect) => flatten(effect.text))
    .join('\n');

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const quote = (text: string, max = 300) => {
  const flat = squash(text);
  return flat ? `"${flat.length > max ? `${flat.slice(0, max)}…` : flat}"` : '(nothing)';
};

/** What a turn's effects and state say about a hand-over. `0` is handed over by Bitrix24 itself: no effect, status transferred. */
function handedOver(effects: readonly Effect[], before: DialogState | undefined, after: DialogState): TransferKind | undefined {
  for (const effect of effects) {
    if (effect.type === 'queue') return 'queue';
    if (effect.type === 'transferUser') return 'user';
    if (effect.type === 'transferLine') return 'line';
    if (effect.type === 'addBot') return 'bot';
    if (effect.type === 'finish') return 'finish';
  }
  return after.status === 'transferred' && before?.status !== 'transferred' ? 'queue' : undefined;
}

const describeStep = (step: Step, index: number): string => {
  const arg =
    step.kind === 'join' ? '' : step.kind === 'transfer' ? `: ${step.to}` : step.kind === 'menu' ? `: ${step.menu}` : `: ${JSON.stringify(step.text)}`;
  return `step ${index + 1} (${step.kind}${arg}, line ${step.line})`;
};

export function runConversation(menu: CompiledMenu, conversation: Conversation): ConversationResult {
  const bots = botCodes(menu);
  let state: DialogState | undefined;
  let now = START;
  let last: { effects: readonly Effect[]; before: DialogState | undefined } | undefined;
  const ctx = (): Context => ({
    now,
    customer: { id: '1', name: 'Ann' },
    portalLanguage: conversation.language,
    sessionId: '1',
    bots,
    ...(menu.hours ? { open: conversation.hours !== 'closed' } : {}),
  });
  const turn = (value: Turn) => {
    now += 1000;
    const decision = decide(menu, state, value, ctx());
    if (decision.kind !== 'act') throw new Error('the engine asked for a lookup it was given');
    last = { effects: decision.effects, before: state };
    state = decision.state;
  };
  for (const [index, step] of conversation.steps.entries()) {
    const fail = (message: string): ConversationResult => ({ name: conversation.name, ok: false, failure: `${describeStep(step, index)}: ${message}` });
    if (step.kind === 'join') turn({ kind: 'join' });
    else if (step.kind === 'send') turn({ kind: 'message', text: step.text });
    else if (!last || !state) return fail('nothing happened yet: start with join or send');
    else if (step.kind === 'expect') {
      const answer = said(last.effects);
      if (!squash(answer).toLowerCase().includes(squash(step.text).toLowerCase())) return fail(`expected ${quote(step.text)}, the bot said: ${quote(answer)}`);
    } else if (step.kind === 'transfer') {
      const done = handedOver(last.effects, last.before, state);
      if (done !== step.to)
        return fail(
          `expected a hand-over (${step.to}), the bot ${done ? `did: ${done}` : `kept the chat (menu ${state.menu})`}; it said: ${quote(said(last.effects))}`,
        );
    } else if (state.menu !== step.menu) return fail(`expected the customer in menu ${step.menu}, they are in ${state.menu}`);
  }
  return { name: conversation.name, ok: true };
}

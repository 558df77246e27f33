/**
 * The whole bot brain: (menu, state, turn, context) → decision: the effects and the new
 * state, or the lookup it needs first. Pure: no I/O, no clock (ctx.now), no randomness, no
 * exceptions for control flow. Semantics follow the ITR reference (Itr/ItrMenu/ItrItem):
 * numbered menus, hideMenu defaults, `0` for the operator; the additions (understanding,
 * back, ask, hours, languages, idle restart, hand-over card) are described in
 * docs/menu-format.md. A message is read once into an Intent (engine/interpret.ts), then
 * acted on (engine/act.ts); every hand-over goes through engine/hand-over.ts.
 */
import { stripBbCodes } from './bbcode.js';
import { detectLanguage } from './language.js';
import type { DialogState } from './state.js';
import type { CompiledMenu } from './types.js';
import { act } from './engine/act.js';
import { Draft, fresh } from './engine/draft.js';
import { interpret } from './engine/interpret.js';
import { showMenu } from './engine/navigation.js';
import { askAt } from './engine/questions.js';
import { resume, stepAside } from './engine/session.js';
import type { Context, Decision, Turn } from './engine/turn.js';

export type { Context, Decision, Need, Turn } from './engine/turn.js';
export { isStartMenu } from './engine/draft.js';
export { readInput } from './engine/interpret.js';

export function decide(menu: CompiledMenu, previous: DialogState | undefined, turn: Turn, ctx: Context): Decision {
  // A new Open Lines session (the line added the bot): always from the start menu.
  if (turn.kind === 'join') {
    const draft = new Draft(menu, ctx, fresh(menu, ctx, undefined));
    if (ctx.open === false && !menu.hours?.closedStart) draft.say(draft.message('outOfHours'));
    showMenu(draft);
    return draft.finish();
  }

  const newSession = previous?.sessionId !== undefined && ctx.sessionId !== undefined && previous.sessionId !== ctx.sessionId;
  if (turn.kind === 'elsewhere') return stepAside(menu, previous, newSession, ctx, 'operator');
  if (turn.kind === 'resume') return resume(menu, previous, turn.menu, ctx);

  // The dialog belongs to people now: stay out of their way until a new session.
  if (previous?.status === 'transferred' && !newSession) {
    return { kind: 'act', state: { ...previous, lastAt: ctx.now }, effects: [] };
  }
  // The line's own bot time ran out: the chat is in its queue, whether or not an operator
  // has written yet (WELCOME_BOT_TIME, counted from the bot's join).
  if (previous?.status === 'bot' && !previous.resumed && !newSession && ctx.lineBotSeconds && ctx.now - previous.startedAt >= ctx.lineBotSeconds * 1000) {
    return stepAside(menu, previous, false, ctx, 'line-timeout');
  }

  const raw = stripBbCodes(turn.text);

  const idleMs = menu.settings.idleRestartMinutes * 60_000;
  const idle = previous !== undefined && idleMs > 0 && ctx.now - previous.lastAt >= idleMs;
  if (previous === undefined || previous.status !== 'bot' || newSession || idle) {
    const draft = new Draft(menu, ctx, fresh(menu, ctx, previous));
    hearLanguage(draft, raw);
    if (previous !== undefined && (idle || previous.status === 'finished' || newSession)) {
      // Returning customer: a short welcome and the start menu, not an old submenu.
      draft.say(draft.message('welcomeBack'));
      showMenu(draft);
      return draft.finish();
    }
    // No state at all (first contact without a join, or expired): read the message
    // against the start menu, as ITR does; if it means nothing, just show the menu.
    return act(draft, interpret(draft, raw), true);
  }

  const draft = new Draft(menu, ctx, { ...previous });
  hearLanguage(draft, raw);
  // The menu file changed under this dialog and its place is gone: start over, with a note.
  if (!menu.menus[previous.menu] || (previous.asking && !askAt(menu, previous.asking))) {
    draft.state = fresh(menu, ctx, previous);
    draft.say(draft.message('menuChanged'));
    showMenu(draft);
    return draft.finish();
  }
  draft.state.menuVersion = menu.version;
  return act(draft, interpret(draft, raw), false);
}

/** The customer's language from this message, unless they chose one (lib/menu/language.ts). */
function hearLanguage(draft: Draft, raw: string): void {
  if (draft.state.languageSource === 'chosen') return;
  const detected = detectLanguage(raw, draft.menu);
  if (detected) {
    draft.state.language = detected;
    draft.state.languageSource = 'detected';
  }
}

/**
 * Turns that are about who has the chat rather than what was typed: someone else took
 * it (the bot steps aside), or an operator gave it back (the bot resumes).
 */
import type { DialogState, MovedOnReason } from '../state.js';
import type { CompiledMenu } from '../types.js';
import { Draft, fresh, startMenuId } from './draft.js';
import { showMenu } from './navigation.js';
import type { Context, Decision } from './turn.js';

/**
 * Someone else has the chat (an operator's message, the line's timeout): no effects, and
 * the state says so, so every later message of this session is met with silence. A state
 * that already says it is returned as is (nothing to write).
 */
export function stepAside(menu: CompiledMenu, previous: DialogState | undefined, newSession: boolean, ctx: Context, reason: MovedOnReason): Decision {
  if (previous?.status === 'transferred' && !newSession) return { kind: 'act', state: previous, effects: [] };
  const base = previous && !newSession ? previous : fresh(menu, ctx, previous);
  const { asking: _asking, ...rest } = base;
  return {
    kind: 'act',
    state: { ...rest, status: 'transferred', movedOn: { reason, at: ctx.now }, ...(ctx.sessionId ? { sessionId: ctx.sessionId } : {}), lastAt: ctx.now },
    effects: [],
  };
}

/**
 * The operator hands the chat back: the bot takes up from the start menu (or the menu the
 * operator chose), keeping what it learned (answers, path, language), and answers the
 * customer again until someone else writes or it hands over.
 */
export function resume(menu: CompiledMenu, previous: DialogState | undefined, menuId: string | undefined, ctx: Context): Decision {
  const base = fresh(menu, ctx, previous);
  const { movedOn: _movedOn, asking: _asking, ...kept } = previous ?? base;
  const target = menuId && menu.menus[menuId] ? menuId : startMenuId(menu, ctx);
  const draft = new Draft(menu, ctx, {
    ...base,
    ...kept,
    status: 'bot',
    menu: target,
    history: [],
    misses: 0,
    resumed: { at: ctx.now },
    menuVersion: menu.version,
    ...(ctx.sessionId ? { sessionId: ctx.sessionId } : {}),
  });
  showMenu(draft);
  return draft.finish();
}

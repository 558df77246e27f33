/**
 * What the playground's buttons do (POST /playground/<action>, listed in server.ts): each
 * drives the simulator as a portal would be driven — a customer writes, an operator takes
 * the chat, the line's bot time runs out, the portal fails or is renamed — and waits for the
 * bot to have processed what it caused.
 */
import type { ServerResponse } from 'node:http';
import type { Hours } from '../../../lib/menu/types.js';
import { botTimeout } from '../simulator/lines.js';
import type { SimPortal } from '../simulator/model.js';
import type { LocalStack } from '../stack.js';
import { type MovableClock, nextTime } from './bot-clock.js';
import { json, type PlaygroundSession } from './session.js';

export interface ActionContext {
  readonly stack: LocalStack;
  readonly s: PlaygroundSession;
  readonly clock: MovableClock | undefined;
  /** The menu of the line new chats come in on (its working hours, if any). */
  readonly lineHours: () => Hours | undefined;
  readonly openChat: () => Promise<void>;
  readonly newPortal: (api: 'v1' | 'v2') => Promise<void>;
  /** Waits until the bot has processed what the action caused (not while the portal fails). */
  readonly settle: () => Promise<void>;
  /** Pushes the page's state to its live streams. */
  readonly schedulePush: () => void;
}

/** Runs `action` on the installed `portal`. Always true: every action answers (404 when unknown). */
export async function runAction(ctx: ActionContext, portal: SimPortal, action: string, input: Record<string, unknown>, res: ServerResponse): Promise<boolean> {
  const { stack, s, clock, openChat, newPortal, settle, schedulePush } = ctx;
  const sim = stack.simulator;
  switch (action) {
    case 'say': {
      const text = typeof input.text === 'string' ? input.text.slice(0, 4000) : '';
      if (!text.trim()) return (json(res, 400, { error: 'text is required' }), true);
      if (!s.chat) await openChat();
      const answer = await sim.customerSays(portal, s.chat!, text);
      await settle();
      return (json(res, 200, { status: answer.status }), true);
    }
    case 'session':
      if (!s.chat) await openChat();
      else {
        await sim.newSession(portal, s.chat);
        await settle();
      }
      return (json(res, 200, { ok: true }), true);
    case 'customer': {
      if (typeof input.name !== 'string' || !input.name.trim()) return (json(res, 400, { error: 'A customer needs a name: type one in "Customer".' }), true);
      const name = input.name.trim().slice(0, 100);
      // The language control is the portal's: what every event carries in LANGUAGE. The
      // customer's own language is for the bot to detect from the text (contract §9.2).
      if (typeof input.portalLanguage === 'string' && /^[a-z]{2}$/.test(input.portalLanguage)) portal.language = input.portalLanguage;
      s.customer = { name };
      await openChat();
      return (json(res, 200, { ok: true }), true);
    }
    case 'operator': {
      const text = typeof input.text === 'string' ? input.text.slice(0, 4000) : '';
      if (!s.chat) await openChat();
      const current = s.chat!;
      if (current.status === 'finished') return (json(res, 409, { error: 'the session is finished: start a new session first' }), true);
      if (current.status === 'operator') {
        if (!text.trim()) return (json(res, 400, { error: 'the operator already has the chat: write a message' }), true);
        await sim.operatorSays(portal, current, text, current.holder);
      } else await sim.operatorTakes(portal, current, { text });
      await settle();
      return (json(res, 200, { status: current.status }), true);
    }
    case 'timeout': {
      if (!s.chat) await openChat();
      // On a real line the bot time runs out because that much time has passed: the bot's
      // clock moves on by it too, so the bot sees what the line did (it reads WELCOME_BOT_TIME).
      const { seconds } = botTimeout(portal, s.chat!.lineId);
      if (clock && seconds > 0 && s.chat!.status === 'bot') clock.shift(clock.offset() + seconds * 1000);
      const moved = sim.lineTimeout(portal, s.chat!);
      await settle();
      if (!moved) return (json(res, 409, { error: `the bot does not hold the chat (${s.chat!.status}): nothing to time out` }), true);
      return (json(res, 200, { status: s.chat!.status }), true);
    }
    case 'fail':
      s.failing = input.on === true;
      sim.clearFaults();
      if (s.failing) sim.fail('*', { status: 500, error: 'INTERNAL_SERVER_ERROR', times: Infinity });
      schedulePush();
      return (json(res, 200, { failing: s.failing }), true);
    case 'rename': {
      // The admin renames the portal (contract §9.3): the old address answers 302 from now on.
      // On loopback the two names of this machine stand in for the old and the new address.
      const [host, port] = portal.domain.split(':');
      sim.renamePortal(portal, `${host === 'localhost' ? '127.0.0.1' : 'localhost'}:${port}`);
      schedulePush();
      return (json(res, 200, { domain: portal.domain }), true);
    }
    case 'hours': {
      const hours = ctx.lineHours();
      if (!clock || !hours || hours.source !== 'file') return (json(res, 400, { error: 'this menu has no working hours in the file' }), true);
      const mode = input.mode;
      if (mode === 'now') clock.shift(0);
      else if (mode === 'open' || mode === 'closed') {
        const target = nextTime(hours, Date.now(), mode === 'open');
        if (target === undefined) return (json(res, 400, { error: `the schedule is never ${mode} for two hours` }), true);
        clock.shift(target - Date.now());
      } else return (json(res, 400, { error: 'mode must be now, open or closed' }), true);
      // The chat stays: a new Open Lines session in it shows the menu of that time (the
      // customer meets the closed menu only when a session starts, as on a real line).
      if (s.chat && portal) await sim.newSession(portal, s.chat);
      else await openChat();
      await settle();
      return (json(res, 200, { ok: true, botTime: new Date(stack.deps.clock()).toISOString() }), true);
    }
    case 'portal': {
      if (input.api !== 'v1' && input.api !== 'v2') return (json(res, 400, { error: 'api must be v1 or v2' }), true);
      if (s.failing) return (json(res, 409, { error: 'the portal is made to fail: switch that off first' }), true);
      await newPortal(input.api);
      return (json(res, 200, { api: s.portal!.api, botApi: sim.ourBot(s.portal!)?.api ?? 'v1' }), true);
    }
    case 'line': {
      if (input.line !== 1 && input.line !== 2) return (json(res, 400, { error: 'line must be 1 or 2' }), true);
      s.lineId = input.line;
      await openChat();
      return (json(res, 200, { line: s.lineId }), true);
    }
    case 'reset':
      s.fromSeq = sim.lastSeq;
      s.events.splice(0);
      await openChat();
      return (json(res, 200, { ok: true }), true);
    default:
      return (json(res, 404, { error: 'unknown playground action' }), true);
  }
}

/**
 * The playground behind http://localhost:3000/: a customer chat with the bot, through the
 * Bitrix24 simulator. The page only talks to these routes; they drive the simulator, and
 * the simulator posts real events to the bot's HTTP handlers, exactly as a portal would.
 * The page never calls the engine. Live updates are server-sent events.
 *
 *   GET  /                      the page
 *   GET  /playground/state      everything the page shows (JSON)
 *   GET  /playground/stream     the same, pushed on every change (text/event-stream)
 *   POST /playground/say        { text }            the customer writes
 *   POST /playground/session    {}                  a new Open Lines session in the same chat
 *   POST /playground/customer   { name, portalLanguage }  a new chat as another customer; the
 *                               portal's language is what events carry in LANGUAGE (contract §9.2)
 *   POST /playground/reset      {}                  a fresh chat and a clean log
 *   POST /playground/hours      { mode }            the bot's clock: now | open | closed (a new session in the same chat)
 *   POST /playground/operator   { text? }           an operator takes the chat (and writes), or writes again
 *   POST /playground/timeout    {}                  the line's bot time (WELCOME_BOT_TIME) runs out now
 *   POST /playground/fail       { on }              every REST method of the portal answers 500 (on), or not (off)
 *   POST /playground/rename     {}                  the portal gets a new address; the old one answers 302
 *   POST /playground/portal     { api }             a new portal, installed: `v2` has Chatbots 2.0 (the bot
 *                               registers with imbot.v2), `v1` is an older V1-only portal (issue 15)
 *   POST /playground/line       { line }            a new chat on the simulator's Open Line 1 or 2: with
 *                               MENU_FILE a folder, each line may have its own menu (issue 19)
 *
 * The actions are in actions.ts, what the page is shown in snapshot.ts, the pushes to its
 * live streams in live-stream.ts.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { menuFor } from '../../../lib/app/menu-for.js';
import type { SimChat, SimPortal } from '../simulator/model.js';
import type { LocalStack } from '../stack.js';
import { type ActionContext, runAction } from './actions.js';
import type { MovableClock } from './bot-clock.js';
import { createLiveStream } from './live-stream.js';
import { json, type PlaygroundSession, readJson } from './session.js';
import { snapshot } from './snapshot.js';

export { type MovableClock, movableClock, nextTime } from './bot-clock.js';

const PAGE = new URL('./page.html', import.meta.url);

export interface Playground {
  readonly routes: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  /** Installs the app on a simulated portal (Chatbots 2.0 unless `v1`) and opens the first chat. */
  start(api?: 'v1' | 'v2'): Promise<void>;
  readonly portal: () => SimPortal | undefined;
  readonly chat: () => SimChat | undefined;
}

export function createPlayground(stack: LocalStack, clock?: MovableClock): Playground {
  const sim = stack.simulator;
  const s: PlaygroundSession = { portal: undefined, chat: undefined, customer: { name: 'Ivan Petrov' }, lineId: 1, failing: false, fromSeq: 0, events: [] };
  const lineMenu = () => menuFor(stack.deps, s.portal?.memberId, s.lineId);
  const live = createLiveStream(() => snapshot(stack, s, clock));
  const schedulePush = live.schedulePush;

  stack.menuFile.onChange(() => schedulePush());

  sim.onChange((change) => {
    const memberId = change.type === 'call' ? change.call.memberId : change.memberId;
    if (!s.portal || memberId !== s.portal.memberId) return;
    if (change.type === 'event') s.events.push({ event: change.event, status: change.status, outcome: change.outcome, at: Date.now() });
    if (s.events.length > 200) s.events.splice(0, 100);
    schedulePush();
  });

  /**
   * Waits until the bot has processed what the last action caused — except while the portal
   * is made to fail: then the retries run until the dead letter, which the page follows live.
   */
  const settle = (): Promise<void> => (s.failing ? Promise.resolve() : stack.idle());

  /** A fresh simulated portal of the given kind, with the app installed (the previous one is left as is). */
  async function newPortal(api: 'v1' | 'v2'): Promise<void> {
    const created = sim.createPortal({ domain: `localhost:${stack.port}`, api, ...(s.portal ? { language: s.portal.language } : {}) });
    const installed = await sim.install(created);
    if (installed.status !== 200) throw new Error(`the simulated portal could not install the bot: ${installed.status} ${installed.text.trim()}`);
    s.portal = created;
    s.chat = undefined;
    s.fromSeq = 0;
    s.events.splice(0);
    await openChat();
    schedulePush();
  }

  async function openChat(): Promise<void> {
    if (!s.portal) return;
    s.chat = await sim.openChat(s.portal, { name: s.customer.name, lineId: s.lineId });
    await settle();
  }

  const actions: ActionContext = { stack, s, clock, lineHours: () => lineMenu().hours, openChat, newPortal, settle, schedulePush };

  async function routes(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(readFileSync(PAGE));
      return true;
    }
    if (!url.pathname.startsWith('/playground/')) return false;
    const action = url.pathname.slice('/playground/'.length);
    if (req.method === 'GET' && action === 'state') return (json(res, 200, await snapshot(stack, s, clock)), true);
    if (req.method === 'GET' && action === 'stream') return (await live.subscribe(req, res), true);
    if (req.method !== 'POST') return (json(res, 405, { error: 'method not allowed' }), true);
    let input: Record<string, unknown>;
    try {
      input = await readJson(req);
    } catch {
      return (json(res, 400, { error: 'the body must be JSON under 16 KB' }), true);
    }
    if (!s.portal) return (json(res, 503, { error: 'the playground is still starting' }), true);
    return runAction(actions, s.portal, action, input, res);
  }

  return {
    routes: async (req, res, url) => {
      try {
        return await routes(req, res, url);
      } catch (error) {
        if (!res.headersSent) json(res, 500, { error: (error as Error).message });
        return true;
      }
    },
    async start(api = 'v2') {
      await newPortal(api);
    },
    portal: () => s.portal,
    chat: () => s.chat,
  };
}

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
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isOpen } from '../../../lib/menu/hours.js';
import { menuFor } from '../../../lib/app/menu-for.js';
import { botTimeout } from '../simulator/lines.js';
import type { SimChat, SimPortal } from '../simulator/model.js';
import type { LocalStack } from '../stack.js';

const PAGE = new URL('./page.html', import.meta.url);
const MAX_CALLS = 300;

interface Customer {
  name: string;
}

export interface Playground {
  readonly routes: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  /** Installs the app on a simulated portal (Chatbots 2.0 unless `v1`) and opens the first chat. */
  start(api?: 'v1' | 'v2'): Promise<void>;
  readonly portal: () => SimPortal | undefined;
  readonly chat: () => SimChat | undefined;
}

/** The local bot's clock, which the playground may move to office hours or after hours. */
export interface MovableClock {
  readonly now: () => number;
  shift(offsetMs: number): void;
  readonly offset: () => number;
}

export function movableClock(): MovableClock {
  let offset = 0;
  return { now: () => Date.now() + offset, shift: (ms) => void (offset = ms), offset: () => offset };
}

/** The first moment from now that stays open (or closed) for two hours, within two weeks. */
export function nextTime(hours: Parameters<typeof isOpen>[0], from: number, open: boolean): number | undefined {
  const step = 30 * 60_000;
  for (let t = from; t < from + 14 * 86_400_000; t += step) {
    if (isOpen(hours, t) === open && isOpen(hours, t + 2 * 3_600_000) === open) return t + 15 * 60_000;
  }
  return undefined;
}

export function createPlayground(stack: LocalStack, clock?: MovableClock): Playground {
  const sim = stack.simulator;
  let portal: SimPortal | undefined;
  let chat: SimChat | undefined;
  let customer: Customer = { name: 'Ivan Petrov' };
  /** The simulated portal's Open Line new chats come in on (the simulator has lines 1 and 2). */
  let lineId = 1;
  const lineMenu = () => menuFor(stack.deps, portal?.memberId, lineId);
  /** "Make the portal fail": every REST method answers 500 until switched off. */
  let failing = false;
  let fromSeq = 0;
  const events: { event: string; status: number; outcome: string; at: number }[] = [];
  const streams = new Set<ServerResponse>();
  let timer: NodeJS.Timeout | undefined;

  stack.menuFile.onChange(() => schedulePush());

  sim.onChange((change) => {
    const memberId = change.type === 'call' ? change.call.memberId : change.memberId;
    if (!portal || memberId !== portal.memberId) return;
    if (change.type === 'event') events.push({ event: change.event, status: change.status, outcome: change.outcome, at: Date.now() });
    if (events.length > 200) events.splice(0, 100);
    schedulePush();
  });

  function schedulePush(): void {
    if (timer || streams.size === 0) return;
    timer = setTimeout(() => {
      timer = undefined;
      void snapshot().then((state) => {
        const data = `data: ${JSON.stringify(state)}\n\n`;
        for (const stream of streams) stream.write(data);
      });
    }, 25);
  }

  async function snapshot() {
    const bot = portal ? sim.ourBot(portal) : undefined;
    let dialog: unknown;
    if (portal && chat && bot) {
      const record = await stack.deps.dialogs.get({ memberId: portal.memberId, botId: bot.id, dialogId: chat.dialogId }, stack.deps.clock());
      dialog = record.state ? { ...record.state, version: record.version } : undefined;
    }
    const menu = lineMenu();
    const hours = menu.hours?.source === 'file' ? menu.hours : undefined;
    const timeout = portal && chat ? botTimeout(portal, chat.lineId) : undefined;
    const lastLetter = stack.queue.deadLetters.at(-1);
    return {
      customer,
      // `api`: what the portal offers; `botApi`: what the bot was registered with (BOT_API may force V1).
      // eventMode: a V2 bot's events posted (webhook) or waiting for imbot.v2.Event.get (fetch; `waiting` of them).
      portal: portal && {
        language: portal.language,
        domain: portal.domain,
        failing,
        api: portal.api,
        botApi: bot?.api ?? 'v1',
        eventMode: bot?.eventMode,
        waiting: bot ? sim.waitingEvents(portal, bot.id).length : 0,
      },
      deadLetters: { count: stack.queue.deadLetters.length, lastReason: lastLetter?.reason },
      hours: hours && {
        timezone: hours.timezone,
        open: isOpen(hours, stack.deps.clock()),
        shifted: (clock?.offset() ?? 0) !== 0,
        botTime: new Date(stack.deps.clock()).toISOString(),
      },
      bot: bot ? { id: bot.id, name: bot.name } : undefined,
      menu: {
        file: stack.deps.config.menuFile,
        version: menu.version,
        name: menu.bot.name,
        status: stack.menuFile.status(),
        key: stack.deps.menus?.().keyOf(portal?.memberId, lineId) ?? 'default',
        lines: [1, 2],
      },
      line: { id: lineId, ...(timeout ? { botTime: timeout.seconds, botLeft: timeout.left } : {}) },
      chat: chat && {
        chatId: chat.chatId,
        dialogId: chat.dialogId,
        sessionId: chat.sessionId,
        status: chat.status,
        holder: chat.holder,
        holderName: chat.status === 'other-bot' && portal ? portal.bots.get(chat.holder ?? 0)?.name : undefined,
        botInChat: bot ? chat.members.has(bot.id) : false,
        messages: chat.messages.map((message) => ({
          id: message.id,
          author: message.author,
          authorId: message.authorId,
          text: message.text,
          operatorOnly: message.operatorOnly,
          sessionId: message.sessionId,
          at: message.at,
        })),
      },
      // The operators' chat app for this chat, opened as the messenger opens it for operator 12.
      chatApp: (() => {
        const app = portal && chat ? sim.chatApps(portal)[0] : undefined;
        return app && portal && chat ? { url: sim.frameRequest(portal, app, { dialogId: chat.dialogId, userId: 12 }).url } : undefined;
      })(),
      calls: portal ? sim.callsFor(portal.memberId, fromSeq).slice(-MAX_CALLS) : [],
      events: events.slice(-50),
      dialog,
    };
  }

  /**
   * Waits until the bot has processed what the last action caused — except while the portal
   * is made to fail: then the retries run until the dead letter, which the page follows live.
   */
  const settle = (): Promise<void> => (failing ? Promise.resolve() : stack.idle());

  /** A fresh simulated portal of the given kind, with the app installed (the previous one is left as is). */
  async function newPortal(api: 'v1' | 'v2'): Promise<void> {
    const created = sim.createPortal({ domain: `localhost:${stack.port}`, api, ...(portal ? { language: portal.language } : {}) });
    const installed = await sim.install(created);
    if (installed.status !== 200) throw new Error(`the simulated portal could not install the bot: ${installed.status} ${installed.text.trim()}`);
    portal = created;
    chat = undefined;
    fromSeq = 0;
    events.splice(0);
    await openChat();
    schedulePush();
  }

  async function openChat(): Promise<void> {
    if (!portal) return;
    chat = await sim.openChat(portal, { name: customer.name, lineId });
    await settle();
  }

  async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > 16_384) throw new Error('too large');
      chunks.push(chunk as Buffer);
    }
    const raw = Buffer.concat(chunks).toString('utf8');
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  }

  const json = (res: ServerResponse, status: number, value: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(value));

  async function routes(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(readFileSync(PAGE));
      return true;
    }
    if (!url.pathname.startsWith('/playground/')) return false;
    const action = url.pathname.slice('/playground/'.length);
    if (req.method === 'GET' && action === 'state') return (json(res, 200, await snapshot()), true);
    if (req.method === 'GET' && action === 'stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`data: ${JSON.stringify(await snapshot())}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return true;
    }
    if (req.method !== 'POST') return (json(res, 405, { error: 'method not allowed' }), true);
    let input: Record<string, unknown>;
    try {
      input = await body(req);
    } catch {
      return (json(res, 400, { error: 'the body must be JSON under 16 KB' }), true);
    }
    if (!portal) return (json(res, 503, { error: 'the playground is still starting' }), true);
    switch (action) {
      case 'say': {
        const text = typeof input.text === 'string' ? input.text.slice(0, 4000) : '';
        if (!text.trim()) return (json(res, 400, { error: 'text is required' }), true);
        if (!chat) await openChat();
        const answer = await sim.customerSays(portal, chat!, text);
        await settle();
        return (json(res, 200, { status: answer.status }), true);
      }
      case 'session':
        if (!chat) await openChat();
        else {
          await sim.newSession(portal, chat);
          await settle();
        }
        return (json(res, 200, { ok: true }), true);
      case 'customer': {
        if (typeof input.name !== 'string' || !input.name.trim()) return (json(res, 400, { error: 'A customer needs a name: type one in "Customer".' }), true);
        const name = input.name.trim().slice(0, 100);
        // The language control is the portal's: what every event carries in LANGUAGE. The
        // customer's own language is for the bot to detect from the text (contract §9.2).
        if (typeof input.portalLanguage === 'string' && /^[a-z]{2}$/.test(input.portalLanguage)) portal.language = input.portalLanguage;
        customer = { name };
        await openChat();
        return (json(res, 200, { ok: true }), true);
      }
      case 'operator': {
        const text = typeof input.text === 'string' ? input.text.slice(0, 4000) : '';
        if (!chat) await openChat();
        const current = chat!;
        if (current.status === 'finished') return (json(res, 409, { error: 'the session is finished: start a new session first' }), true);
        if (current.status === 'operator') {
          if (!text.trim()) return (json(res, 400, { error: 'the operator already has the chat: write a message' }), true);
          await sim.operatorSays(portal, current, text, current.holder);
        } else await sim.operatorTakes(portal, current, { text });
        await settle();
        return (json(res, 200, { status: current.status }), true);
      }
      case 'timeout': {
        if (!chat) await openChat();
        // On a real line the bot time runs out because that much time has passed: the bot's
        // clock moves on by it too, so the bot sees what the line did (it reads WELCOME_BOT_TIME).
        const { seconds } = botTimeout(portal, chat!.lineId);
        if (clock && seconds > 0 && chat!.status === 'bot') clock.shift(clock.offset() + seconds * 1000);
        const moved = sim.lineTimeout(portal, chat!);
        await settle();
        if (!moved) return (json(res, 409, { error: `the bot does not hold the chat (${chat!.status}): nothing to time out` }), true);
        return (json(res, 200, { status: chat!.status }), true);
      }
      case 'fail':
        failing = input.on === true;
        sim.clearFaults();
        if (failing) sim.fail('*', { status: 500, error: 'INTERNAL_SERVER_ERROR', times: Infinity });
        schedulePush();
        return (json(res, 200, { failing }), true);
      case 'rename': {
        // The admin renames the portal (contract §9.3): the old address answers 302 from now on.
        // On loopback the two names of this machine stand in for the old and the new address.
        const [host, port] = portal.domain.split(':');
        sim.renamePortal(portal, `${host === 'localhost' ? '127.0.0.1' : 'localhost'}:${port}`);
        schedulePush();
        return (json(res, 200, { domain: portal.domain }), true);
      }
      case 'hours': {
        const hours = lineMenu().hours;
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
        if (chat && portal) await sim.newSession(portal, chat);
        else await openChat();
        await settle();
        return (json(res, 200, { ok: true, botTime: new Date(stack.deps.clock()).toISOString() }), true);
      }
      case 'portal': {
        if (input.api !== 'v1' && input.api !== 'v2') return (json(res, 400, { error: 'api must be v1 or v2' }), true);
        if (failing) return (json(res, 409, { error: 'the portal is made to fail: switch that off first' }), true);
        await newPortal(input.api);
        return (json(res, 200, { api: portal!.api, botApi: sim.ourBot(portal!)?.api ?? 'v1' }), true);
      }
      case 'line': {
        if (input.line !== 1 && input.line !== 2) return (json(res, 400, { error: 'line must be 1 or 2' }), true);
        lineId = input.line;
        await openChat();
        return (json(res, 200, { line: lineId }), true);
      }
      case 'reset':
        fromSeq = sim.lastSeq;
        events.splice(0);
        await openChat();
        return (json(res, 200, { ok: true }), true);
      default:
        return (json(res, 404, { error: 'unknown playground action' }), true);
    }
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
    portal: () => portal,
    chat: () => chat,
  };
}

/**
 * One local stack per test file (dynalite + handlers + simulator on a random port),
 * with every log line captured so tests can assert on logs (and on what never
 * appears in them). Each test gets its own freshly installed portal.
 */
import { afterAll, beforeAll } from 'vitest';
import { setLogSink } from '../../lib/log.js';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../infra/local/stack.js';
import type { SimChat, SimPortal } from '../../infra/local/simulator/model.js';

export interface TestStack {
  readonly stack: LocalStack;
  readonly logs: string[];
  /** A new portal on the simulator, installed through POST /bitrix/install. */
  /** `api: 'v2'`: a portal with Chatbots 2.0 (the simulator's default is an older V1-only one). */
  portal(opts?: { language?: string; install?: boolean; host?: string; api?: 'v1' | 'v2' }): Promise<SimPortal>;
  /** A customer opens a chat (ONIMBOTJOINCHAT); resolves once the bot has answered. */
  chat(portal: SimPortal, opts?: { name?: string; language?: string; lineId?: number }): Promise<SimChat>;
  /** The customer writes; resolves once the bot has processed it. */
  say(portal: SimPortal, chat: SimChat, text: string): Promise<{ status: number; text: string }>;
  /** Texts the customer's channel received (operator-only notes excluded). */
  customerView(chat: SimChat): string[];
  /** REST calls the portal received, as "method" strings, after `since`. */
  methods(portal: SimPortal, since?: number): string[];
}

export function useStack(options: LocalStackOptions = {}): TestStack {
  const logs: string[] = [];
  let stack: LocalStack | undefined;
  beforeAll(async () => {
    setLogSink((line) => logs.push(line));
    // The bot's business clock runs from a Wednesday morning unless the test sets its own: the
    // example menu has working hours, and a suite run in the evening must see the same menus.
    const started = Date.now();
    stack = await startLocalStack({
      port: 0,
      clock: () => OFFICE_HOURS + (Date.now() - started),
      ...options,
      env: { MENU_FILE: 'menus/example.yaml', ...options.env },
    });
  });
  afterAll(async () => {
    await stack?.close();
  });
  const get = () => {
    if (!stack) throw new Error('stack not started');
    return stack;
  };
  return {
    get stack() {
      return get();
    },
    logs,
    async portal(opts = {}) {
      const s = get();
      const portal = s.simulator.createPortal({
        domain: `${opts.host ?? 'localhost'}:${s.port}`,
        ...(opts.language ? { language: opts.language } : {}),
        ...(opts.api ? { api: opts.api } : {}),
      });
      if (opts.install !== false) {
        const answer = await s.simulator.install(portal);
        if (answer.status !== 200) throw new Error(`install failed: ${answer.status} ${answer.text}`);
      }
      return portal;
    },
    async chat(portal, opts = {}) {
      const chat = await get().simulator.openChat(portal, opts);
      await get().idle();
      return chat;
    },
    async say(portal, chat, text) {
      const answer = await get().simulator.customerSays(portal, chat, text);
      await get().idle();
      return answer;
    },
    customerView: (chat) => chat.messages.filter((message) => message.author === 'bot' && !message.operatorOnly).map((message) => message.text),
    methods: (portal, since = 0) =>
      get()
        .simulator.callsFor(portal.memberId, since)
        .filter((call) => call.batch === undefined)
        .map((call) => call.method),
  };
}

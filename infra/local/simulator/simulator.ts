/**
 * A Bitrix24 simulator: it plays one or more portals with their Open Lines. It posts
 * real form-encoded events to the bot's HTTP handlers (install, sessions, customer
 * messages, uninstall) and answers the bot's REST calls and OAuth refreshes on
 * `/rest/…` and `/oauth/token/` the way the contract describes, errors included.
 * Used by `npm start` (the playground), the integration tests, the benchmarks and the
 * load test. Faults can be injected: failing or hanging methods, expired tokens, the
 * documented leaky-bucket rate limit, a method's exhausted operating limit, a renamed
 * portal (its old address answers 302, contract §9.3). Refresh tokens are single-use and
 * expire unused. The line acts on its own as the platform does (lines.ts): the bot's
 * timeout, operators who take the chat and write, the customer's `0`.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import qs from 'qs';
import type { RestCall, SimBot, SimChat, SimMessage, SimPortal } from './model.js';
import { methods, SimError, type MethodContext } from './rest-methods.js';
import * as bodies from './event-bodies.js';
import { chatAppMethods, chatAppsOf, frameRequest } from './chat-apps.js';
import { createMisbehaviour, OAUTH_FAULT, type TimeBlock } from './misbehaviour.js';
import * as line from './lines.js';
import { v2Methods } from './v2-methods.js';
import { waitingEvents } from './event-feed.js';
import * as v2 from './v2-bodies.js';
import { deliverV2, type V2Delivery } from './v2-delivery.js';

export interface SimulatorOptions {
  /** Where the bot listens, e.g. http://localhost:3000 (install URL = `${botUrl}/bitrix/install`). */
  readonly botUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clock?: () => number;
  /** How a hanging answer waits (a fault's hangMs): a test's fake Time makes the hang take no real time. */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * How long an unused refresh token lives (ms). Bitrix24 documents 180 days today, older
   * pages 28 (contract §3, §9.5; settings/oauth/auto-renewal.md): an older one answers
   * invalid_grant. Default 180 days.
   */
  readonly refreshTokenLifetimeMs?: number;
}

export type SimChange =
  | { readonly type: 'call'; readonly call: RestCall }
  | { readonly type: 'chat'; readonly memberId: string; readonly chatId: number }
  | { readonly type: 'event'; readonly memberId: string; readonly event: string; readonly status: number; readonly outcome: string; readonly body: string };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** "host:port/p/2/rest/" from an endpoint URL: how a REST request finds its portal. */
const endpointKey = (endpoint: string) => {
  const url = new URL(endpoint);
  return `${url.host}${url.pathname}`;
};
const token = () => randomBytes(16).toString('hex');

export function createSimulator(options: SimulatorOptions) {
  const baseClock = options.clock ?? Date.now;
  /** How far the platform's clock has been moved on (advance()): the line's timers, token expiry. */
  let skew = 0;
  const clock = () => baseClock() + skew;
  const hang = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let refreshLifetimeMs = options.refreshTokenLifetimeMs ?? 180 * DAY;
  const portals = new Map<string, SimPortal>(); // by REST endpoint: http://host:port/rest/ or …/p/<n>/rest/
  /** Old REST endpoints of renamed portals: they answer 302 to the portal's current address. */
  const movedFrom = new Map<string, SimPortal>();
  const calls: RestCall[] = [];
  const listeners = new Set<(change: SimChange) => void>();
  let seq = 0;
  let ids = 1000;
  /** Methods this portal refuses inside batch (contract §4.16 leaves it open for imbot.*). */
  const refusedInBatch = new Set<string>();
  /** Bot-level tokens in events: fresh (current docs), expired, or none (older payloads, contract §1.4). */
  let eventTokens: 'fresh' | 'expired' | 'none' = 'fresh';
  const stats = { restRequests: 0, oauthRequests: 0, rateLimited: 0, faultsInjected: 0, eventsSent: 0 };
  const misbehaviour = createMisbehaviour(clock, stats);
  /** Every secret the simulated portals ever handed out (tests check none of them is logged). */
  const issuedSecrets = new Set<string>([options.clientSecret]);

  const emit = (change: SimChange) => {
    for (const listener of listeners) listener(change);
  };
  const nextId = () => ++ids;

  function issue(portal: SimPortal, userId: number, kind: 'user' | 'bot'): bodies.Issued {
    const accessToken = token();
    const expiresAt = clock() + HOUR;
    portal.accessTokens.set(accessToken, { expiresAt, userId, kind });
    issuedSecrets.add(accessToken);
    return { accessToken, expiresAt };
  }

  /**
   * A new portal at `domain` (host:port of the simulator). Real portals each have their own
   * host; on loopback several portals share one, so the second and later ones get a path
   * prefix (`/p/<n>/rest/`) — the bot only cares that the endpoint's host is the domain.
   */
  function createPortal(opts: {
    domain: string;
    https?: boolean;
    memberId?: string;
    language?: string;
    lines?: Record<number, Record<string, unknown>>;
    api?: 'v1' | 'v2';
  }): SimPortal {
    const scheme = opts.https ? 'https' : 'http';
    const taken = [...portals.values()].some((portal) => portal.domain === opts.domain);
    let n = portals.size + 1;
    const at = (prefix: string) => `${scheme}://${opts.domain}${prefix}/rest/`;
    while (taken && (portals.has(endpointKey(at(`/p/${n}`))) || movedFrom.has(endpointKey(at(`/p/${n}`))))) n++;
    const endpoint = at(taken ? `/p/${n}` : '');
    const portal: SimPortal = {
      memberId: opts.memberId ?? randomBytes(16).toString('hex'),
      domain: opts.domain,
      clientEndpoint: endpoint,
      serverEndpoint: endpoint,
      applicationToken: token(),
      language: opts.language ?? 'en',
      accessTokens: new Map(),
      refreshToken: token(),
      refreshIssuedAt: clock(),
      installed: false,
      // An older V1-only portal unless asked for Chatbots 2.0 (v2-methods.ts).
      api: opts.api ?? 'v1',
      bots: new Map(),
      bindings: [],
      lines: new Map(Object.entries(opts.lines ?? line.DEFAULT_LINES).map(([id, config]) => [Number(id), { ...config }])),
      chats: new Map(),
    };
    // Another app's Open Lines bot already on the portal, for `bot` transfers.
    portal.bots.set(90, { id: 90, code: 'tracker', name: 'Tracking bot', openline: true, type: 'O', ours: false, handlers: {}, properties: {} });
    portal.bots.set(91, { id: 91, code: 'helper', name: 'Helper (not for lines)', openline: false, type: 'B', ours: false, handlers: {}, properties: {} });
    portals.set(endpointKey(endpoint), portal);
    issuedSecrets.add(portal.applicationToken).add(portal.refreshToken);
    return portal;
  }

  /**
   * An admin renames the portal (contract §9.3): from now on its old address answers every
   * REST call with 302 to `newDomain` (host:port; same path when that is free there), and
   * later events carry the new domain and client_endpoint with the same member_id. The
   * OAuth server (server_endpoint) does not move.
   */
  function renamePortal(portal: SimPortal, newDomain: string): SimPortal {
    const old = new URL(portal.clientEndpoint);
    const oldKey = endpointKey(portal.clientEndpoint);
    const free = (path: string) => !portals.has(`${newDomain}${path}`) && !movedFrom.has(`${newDomain}${path}`);
    let path = old.pathname;
    for (let n = portals.size + movedFrom.size + 1; !free(path); n++) path = `/p/${n}/rest/`;
    portal.domain = newDomain;
    portal.clientEndpoint = `${old.protocol}//${newDomain}${path}`;
    portals.delete(oldKey);
    portals.set(endpointKey(portal.clientEndpoint), portal);
    movedFrom.set(oldKey, portal);
    return portal;
  }

  /**
   * The OAuth server the portal's tokens name moves (as oauth.bitrix.info → oauth.bitrix24.tech
   * did, contract §3): refresh answers carry the new server_endpoint from now on.
   */
  function moveOAuthServer(portal: SimPortal, serverEndpoint: string): void {
    portal.serverEndpoint = serverEndpoint;
  }

  const ourBot = (portal: SimPortal): SimBot | undefined => [...portal.bots.values()].find((bot) => bot.ours);
  /** Where a bot's events go: V1's per-event handlers, or a V2 bot's one webhookUrl. */
  const eventUrl = (bot: SimBot, v1: keyof SimBot['handlers']): string | undefined => (bot.api === 'v2' ? bot.webhookUrl : bot.handlers[v1]);
  /** The bot a chat's events go to: ours in the chat, else the line's (WELCOME_BOT_ID, lines.ts). */
  const chatBot = (portal: SimPortal, chat: SimChat): SimBot | undefined =>
    [...portal.bots.values()].find((bot) => bot.ours && chat.members.has(bot.id)) ?? line.lineBot(portal, chat.lineId);
  const delivery: V2Delivery = {
    clientId: options.clientId,
    now: () => clock(),
    post: (url, body, portal, event) => post(url, body, portal, event),
    token: (portal, bot) => botToken(portal, bot),
    kept: (portal, event, eventId) => emit({ type: 'event', memberId: portal.memberId, event, status: 200, outcome: `kept (eventId ${eventId})`, body: '' }),
  };

  async function post(url: string, body: string, portal: SimPortal, event: string): Promise<{ status: number; text: string }> {
    stats.eventsSent++;
    let status = 0;
    let text = '';
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      text = (error as Error).message;
    }
    emit({ type: 'event', memberId: portal.memberId, event, status, outcome: text.trim().slice(0, 200), body });
    return { status, text };
  }

  // ── the portal's REST side ──

  function record(
    portal: SimPortal,
    method: string,
    params: Record<string, unknown>,
    outcome: { result?: unknown; error?: string; limited?: boolean },
    batch?: number,
    address?: string,
  ): RestCall {
    const call: RestCall = {
      seq: ++seq,
      memberId: portal.memberId,
      method,
      params,
      ok: outcome.error === undefined,
      ...outcome,
      ...(batch ? { batch } : {}),
      ...(address ? { address } : {}),
      at: clock(),
    };
    calls.push(call);
    if (calls.length > 20_000) calls.splice(0, 10_000);
    emit({ type: 'call', call });
    return call;
  }

  function invoke(
    portal: SimPortal,
    method: string,
    params: Record<string, unknown>,
    caller: MethodContext['caller'],
    batch?: number,
    address?: string,
  ): { result?: unknown; error?: SimError; time?: TimeBlock } {
    const impl = methods[method] ?? chatAppMethods[method] ?? (portal.api === 'v2' ? v2Methods[method] : undefined);
    const about = line.chatOfCall(portal, params);
    if (about) catchUp(portal, about);
    try {
      if (!impl) throw new SimError(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!');
      const fault = batch ? misbehaviour.take(method) : undefined;
      if (fault) throw new SimError(fault.status, fault.error ?? 'INTERNAL_SERVER_ERROR', 'injected');
      if (misbehaviour.operatingExhausted(portal.memberId, method)) {
        throw new SimError(429, 'OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.');
      }
      const result = impl(params, {
        portal,
        clientId: options.clientId,
        caller,
        now: clock(),
        nextId,
        changed: (chat) => chat && emit({ type: 'chat', memberId: portal.memberId, chatId: chat.chatId }),
      });
      record(portal, method, params, { result }, batch, address);
      return { result, time: misbehaviour.timeBlock(portal.memberId, method, 0.01) };
    } catch (error) {
      const simError = error instanceof SimError ? error : new SimError(500, 'INTERNAL_SERVER_ERROR', (error as Error).message);
      record(portal, method, params, { error: simError.code }, batch, address);
      return { error: simError };
    }
  }

  function authorize(portal: SimPortal, auth: unknown): MethodContext['caller'] {
    const entry = typeof auth === 'string' ? portal.accessTokens.get(auth) : undefined;
    if (!entry) throw new SimError(401, 'invalid_token', 'The access token provided is invalid.');
    if (entry.expiresAt <= clock()) throw new SimError(401, 'expired_token', 'The access token provided has expired.');
    return { userId: entry.userId, kind: entry.kind };
  }

  function runBatch(portal: SimPortal, params: Record<string, unknown>, caller: MethodContext['caller'], address: string): unknown {
    const cmd = params.cmd;
    if (!cmd || typeof cmd !== 'object') throw new SimError(400, 'INVALID_REQUEST', 'cmd is required');
    const entries = Object.entries(cmd as Record<string, unknown>);
    if (entries.length > 50) throw new SimError(400, 'ERROR_BATCH_LENGTH_EXCEEDED', 'Max batch length exceeded');
    const halt = String(params.halt ?? '0') === '1';
    const batchSeq = seq + 1;
    record(
      portal,
      'batch',
      { halt: halt ? 1 : 0, cmd: Object.fromEntries(entries.map(([key, value]) => [key, String(value).split('?')[0]])) },
      { result: 'batch' },
      undefined,
      address,
    );
    const result: Record<string, unknown> = {};
    const times: Record<string, TimeBlock> = {};
    const errors: Record<string, { error: string; error_description: string }> = {};
    for (const [key, value] of entries) {
      const [method = '', query = ''] = String(value).split(/\?(.*)/s);
      if (method === 'batch' || refusedInBatch.has(method)) {
        errors[key] = { error: 'ERROR_BATCH_METHOD_NOT_ALLOWED', error_description: 'Method is not allowed for batch usage' };
        if (halt) break;
        continue;
      }
      const outcome = invoke(portal, method, qs.parse(query, { parseArrays: false, depth: 8 }) as Record<string, unknown>, caller, batchSeq, address);
      if (outcome.error) {
        errors[key] = { error: outcome.error.code, error_description: outcome.error.description };
        if (halt) break;
      } else {
        result[key] = outcome.result;
        if (outcome.time) times[key] = outcome.time;
      }
    }
    return { result, result_error: Object.keys(errors).length > 0 ? errors : [], result_total: [], result_next: [], result_time: times };
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  };

  /** Serves `/rest/<method>` and `/oauth/token/`. Returns false for other paths. */
  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const host = (req.headers.host ?? '').toLowerCase();
    if (url.pathname === '/oauth/token/' || url.pathname === '/oauth/token') {
      stats.oauthRequests++;
      const fault = misbehaviour.take(OAUTH_FAULT);
      if (fault) {
        if (fault.hangMs) await hang(fault.hangMs);
        if (fault.status === 0) return (req.socket.destroy(), true);
        return (send(res, fault.status, { error: fault.error ?? 'server_error', error_description: 'injected fault' }), true);
      }
      const raw = req.method === 'POST' ? await readBody(req) : url.search.slice(1);
      const form = Object.fromEntries(new URLSearchParams(raw));
      const answer = refresh(form);
      send(res, answer.status, answer.body);
      return true;
    }
    const route = /^((?:\/p\/\d+)?\/rest\/)([^/]+)$/.exec(url.pathname);
    if (!route) return false;
    stats.restRequests++;
    const address = `${host}${route[1]}`;
    const portal = portals.get(address);
    const method = route[2]!.replace(/\.json$/, '');
    const raw = await readBody(req);
    const renamed = portal ? undefined : movedFrom.get(address);
    if (renamed) {
      // A renamed portal's old address (Bitrix24 docs `settings/how-to-call-rest-api/change-domen.md`):
      // 302 with Location = the new address, the same method path and query.
      record(renamed, method, {}, { error: 'REDIRECTED' }, undefined, address);
      res.writeHead(302, { location: `${renamed.clientEndpoint}${route[2]}${url.search}`, 'content-type': 'text/html' }).end('<a>moved</a>');
      return true;
    }
    if (!portal) return (send(res, 404, { error: 'PORTAL_DELETED', error_description: 'Portal was deleted' }), true);
    let params: Record<string, unknown>;
    try {
      params = (req.headers['content-type'] ?? '').includes('json')
        ? (JSON.parse(raw || '{}') as Record<string, unknown>)
        : (qs.parse(raw || url.search.slice(1), { parseArrays: false, depth: 8 }) as Record<string, unknown>);
    } catch {
      return (send(res, 400, { error: 'INVALID_REQUEST', error_description: 'Body is not valid' }), true);
    }
    const { auth, ...rest } = params;
    const fault = misbehaviour.take(method);
    if (fault) {
      if (fault.hangMs) await hang(fault.hangMs);
      if (fault.status === 0) {
        req.socket.destroy();
        return true;
      }
      record(portal, method, rest, { error: fault.error ?? `HTTP_${fault.status}` }, undefined, address);
      return (send(res, fault.status, { error: fault.error ?? 'INTERNAL_SERVER_ERROR', error_description: 'injected fault' }), true);
    }
    if (misbehaviour.limited(portal.memberId)) {
      stats.rateLimited++;
      record(portal, method, rest, { error: 'QUERY_LIMIT_EXCEEDED', limited: true }, undefined, address);
      return (send(res, 503, { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' }), true);
    }
    let caller: MethodContext['caller'];
    try {
      caller = authorize(portal, auth);
    } catch (error) {
      const simError = error as SimError;
      record(portal, method, rest, { error: simError.code }, undefined, address);
      return (send(res, simError.status, { error: simError.code, error_description: simError.description }), true);
    }
    if (method === 'batch') {
      try {
        const result = runBatch(portal, rest, caller, address);
        return (send(res, 200, { result, time: misbehaviour.timeBlock(portal.memberId, 'batch', 0.01) }), true);
      } catch (error) {
        const simError = error as SimError;
        return (send(res, simError.status, { error: simError.code, error_description: simError.description }), true);
      }
    }
    const outcome = invoke(portal, method, rest, caller, undefined, address);
    if (outcome.error) return (send(res, outcome.error.status, { error: outcome.error.code, error_description: outcome.error.description }), true);
    return (send(res, 200, { result: outcome.result, time: outcome.time }), true);
  }

  /** The OAuth server: refresh tokens are single-use; a used one answers invalid_grant. */
  function refresh(form: Record<string, string>): { status: number; body: unknown } {
    if (form.grant_type !== 'refresh_token') return { status: 400, body: { error: 'invalid_request', error_description: 'grant_type' } };
    if (form.client_id !== options.clientId || form.client_secret !== options.clientSecret) {
      return { status: 401, body: { error: 'invalid_client', error_description: 'Invalid client' } };
    }
    const portal = [...portals.values()].find((candidate) => candidate.refreshToken === form.refresh_token);
    if (!portal?.installed) return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid refresh token' } };
    if (clock() - portal.refreshIssuedAt > refreshLifetimeMs)
      return { status: 400, body: { error: 'invalid_grant', error_description: 'The refresh token has expired' } };
    // The used pair is over: its user tokens stop working, the refresh token too.
    for (const [value, entry] of portal.accessTokens) if (entry.kind === 'user' && entry.userId === 1) portal.accessTokens.delete(value);
    const issued = issue(portal, 1, 'user');
    portal.refreshToken = token();
    portal.refreshIssuedAt = clock();
    issuedSecrets.add(portal.refreshToken);
    return {
      status: 200,
      body: {
        access_token: issued.accessToken,
        expires: Math.floor(issued.expiresAt / 1000),
        expires_in: 3600,
        scope: 'imbot,imopenlines',
        domain: 'oauth.bitrix.info',
        server_endpoint: portal.serverEndpoint,
        status: 'L',
        client_endpoint: portal.clientEndpoint,
        member_id: portal.memberId,
        user_id: 1,
        refresh_token: portal.refreshToken,
      },
    };
  }

  // ── what the portal does to the bot ──

  async function install(portal: SimPortal, opts: { via?: 'event' | 'page'; url?: string } = {}) {
    portal.installed = true;
    portal.refreshIssuedAt = clock(); // the pair handed over now lives from now
    const user = issue(portal, 1, 'user');
    if (opts.via === 'page') {
      const page = bodies.installPageBody(portal, user, portal.refreshToken);
      return post(`${opts.url ?? `${options.botUrl}/bitrix/install`}?${page.query}`, page.body, portal, 'INSTALL PAGE');
    }
    return post(opts.url ?? `${options.botUrl}/bitrix/install`, bodies.installBody(portal, user, portal.refreshToken, clock()), portal, 'ONAPPINSTALL');
  }

  /** A user of the portal opens the app's own page (its handler path), as the portal does: a form POST with their tokens. */
  async function openApp(
    portal: SimPortal,
    opts: { userId?: number; url?: string; tamper?: (body: string, query: string) => { body: string; query: string } } = {},
  ) {
    const user = issue(portal, opts.userId ?? 1, 'user');
    let page = bodies.appPageBody(portal, user);
    if (opts.tamper) page = opts.tamper(page.body, page.query);
    return post(`${opts.url ?? `${options.botUrl}/bitrix/dashboard`}?${page.query}`, page.body, portal, 'APP PAGE');
  }

  async function update(portal: SimPortal, opts: { newApplicationToken?: boolean; url?: string } = {}) {
    if (opts.newApplicationToken) issuedSecrets.add((portal.applicationToken = token()));
    const user = issue(portal, 1, 'user');
    const url = opts.url ?? portal.bindings.find((binding) => binding.event === 'ONAPPUPDATE')?.handler ?? `${options.botUrl}/bitrix/events`;
    return post(url, bodies.updateBody(portal, user, portal.refreshToken, clock(), 2), portal, 'ONAPPUPDATE');
  }

  /** Uninstall as Bitrix does it: the bot is deleted (ONIMBOTDELETE), then ONAPPUNINSTALL. */
  async function uninstall(portal: SimPortal, opts: { botDelete?: boolean } = {}) {
    const bot = ourBot(portal);
    const user = issue(portal, 1, 'user');
    const results = [];
    const deleteUrl = bot && eventUrl(bot, 'botDelete');
    if (bot && opts.botDelete !== false && deleteUrl) {
      results.push(
        bot.api === 'v2'
          ? await post(deleteUrl, v2.botDeleteBodyV2(portal, bot, options.clientId, clock()), portal, 'ONIMBOTV2DELETE')
          : await post(deleteUrl, bodies.botDeleteBody(portal, bot.id, bot.code, user, clock()), portal, 'ONIMBOTDELETE'),
      );
    }
    const binding = portal.bindings.find((candidate) => candidate.event === 'ONAPPUNINSTALL');
    if (binding) results.push(await post(binding.handler, bodies.uninstallBody(portal, clock()), portal, 'ONAPPUNINSTALL'));
    portal.installed = false;
    portal.accessTokens.clear();
    portal.bindings.splice(0);
    chatAppsOf(portal).clear(); // an app's chat apps go with it
    if (bot) portal.bots.delete(bot.id);
    return results;
  }

  /** A customer writes to the line: a new chat, the line adds the bot, ONIMBOTJOINCHAT. */
  async function openChat(portal: SimPortal, opts: { name?: string; language?: string; lineId?: number; connector?: string } = {}): Promise<SimChat> {
    const bot = line.lineBot(portal, opts.lineId ?? 1);
    if (!bot) throw new Error('the bot is not installed on this portal');
    const chatId = nextId();
    const name = opts.name ?? 'Ivan Petrov';
    const chat: SimChat = {
      chatId,
      dialogId: `chat${chatId}`,
      lineId: opts.lineId ?? 1,
      connector: opts.connector ?? 'telegrambot',
      customer: { id: nextId(), name, firstName: name.split(' ')[0] ?? name, lastName: name.split(' ').slice(1).join(' ') },
      language: opts.language ?? portal.language,
      sessionId: nextId(),
      status: 'bot',
      members: new Set([bot.id]),
      messages: [],
    };
    line.startBotSession(chat, clock());
    portal.chats.set(chatId, chat);
    await join(portal, chat);
    return chat;
  }

  async function join(portal: SimPortal, chat: SimChat) {
    const bot = chatBot(portal, chat)!;
    emit({ type: 'chat', memberId: portal.memberId, chatId: chat.chatId });
    if (bot.api === 'v2') return deliverV2(delivery, portal, bot, 'ONIMBOTV2JOINCHAT', (block) => v2.joinDataV2(portal, chat, block, clock()));
    return post(
      bot.handlers.welcome!,
      bodies.joinBody(portal, chat, bot, botToken(portal, bot), issue(portal, chat.customer.id, 'user'), options.clientId, clock()),
      portal,
      'ONIMBOTJOINCHAT',
    );
  }

  /** The same chat gets a new Open Lines session (WELCOME_BOT_JOIN=always): the bot joins again. */
  async function newSession(portal: SimPortal, chat: SimChat) {
    const bot = line.lineBot(portal, chat.lineId);
    if (!bot) throw new Error('the bot is not installed on this portal');
    chat.sessionId = nextId();
    line.startBotSession(chat, clock());
    chat.members.add(bot.id);
    return join(portal, chat);
  }

  async function reopen(portal: SimPortal, chat: SimChat) {
    const config = portal.lines.get(chat.lineId) ?? {};
    const botJoins = String(config.WELCOME_BOT_ENABLE ?? 'Y') !== 'N' && String(config.WELCOME_BOT_JOIN ?? 'always') === 'always';
    if (botJoins && ourBot(portal)) {
      await newSession(portal, chat);
      return;
    }
    chat.sessionId = nextId();
    chat.status = 'queue';
    chat.holder = chat.lineId;
    emit({ type: 'chat', memberId: portal.memberId, chatId: chat.chatId });
  }

  /** The customer types. Returns the handler's answer; `messageId` forces a duplicate delivery. */
  async function customerSays(portal: SimPortal, chat: SimChat, text: string, opts: { messageId?: number } = {}) {
    catchUp(portal, chat);
    // A message into a closed session opens a new one, as the platform does: with the line's
    // bot set to join every session (WELCOME_BOT_JOIN=always) the bot joins it first
    // (ONIMBOTJOINCHAT), otherwise it goes to the operators' queue [DOC imopenlines-config-add.md].
    if (chat.status === 'finished' && opts.messageId === undefined) await reopen(portal, chat);
    const message: SimMessage = {
      id: opts.messageId ?? nextId(),
      chatId: chat.chatId,
      author: 'customer',
      authorId: chat.customer.id,
      text,
      operatorOnly: false,
      sessionId: chat.sessionId,
      at: clock(),
    };
    if (opts.messageId === undefined) chat.messages.push(message);
    emit({ type: 'chat', memberId: portal.memberId, chatId: chat.chatId });
    // Every message in a LINES chat goes to the Open Lines bots that are members (contract §1.5).
    const answer = await toBot(portal, chat, message, { id: chat.customer.id, name: chat.customer.name, connector: true });
    // Bitrix's own "0": after dispatching, a bot session ends and the dialog goes to the queue.
    if (text.trim() === '0' && line.handToQueue(portal, chat)) emit({ type: 'chat', memberId: portal.memberId, chatId: chat.chatId });
    return { ...answer, messageId: message.id };
  }

  /** An operator (a Bitrix24 user, not a connector) writes in the chat. */
  async function operatorSays(portal: SimPortal, chat: SimChat, text: string, operatorId = 12) {
    catchUp(portal, chat);
    const message: SimMessage = {
      id: nextId(),
      chatId: chat.chatId,
      author: 'operator',
      authorId: operatorId,
      text,
      operatorOnly: false,
      sessionId: chat.sessionId,
      at: clock(),
    };
    chat.messages.push(message);
    return toBot(portal, chat, message, { id: operatorId, name: 'Olga Operator', connector: false });
  }

  /** The line's timeout, applied when the platform's clock says it has passed (checked lazily). */
  function catchUp(portal: SimPortal, chat: SimChat): void {
    if (line.timeoutDue(portal, chat, clock()) && line.handToQueue(portal, chat)) emit({ type: 'chat', memberId: portal.memberId, chatId: chat.chatId });
  }

  /** The line's bot time runs out now (whatever WELCOME_BOT_TIME says): the dialog goes to the queue. False if the bot did not hold it. */
  function lineTimeout(portal: SimPortal, chat: SimChat): boolean {
    const moved = line.handToQueue(portal, chat);
    if (moved) emit({ type: 'chat', memberId: portal.memberId, chatId: chat.chatId });
    return moved;
  }

  /** An operator takes the chat (from the queue or from the bot) and, given a text, writes it. */
  async function operatorTakes(portal: SimPortal, chat: SimChat, opts: { operatorId?: number; text?: string } = {}) {
    catchUp(portal, chat);
    const operatorId = opts.operatorId ?? 12;
    line.takeByOperator(portal, chat, operatorId);
    emit({ type: 'chat', memberId: portal.memberId, chatId: chat.chatId });
    return opts.text?.trim() ? operatorSays(portal, chat, opts.text, operatorId) : undefined;
  }

  function botToken(portal: SimPortal, bot: SimBot): bodies.Issued | undefined {
    if (eventTokens === 'none') return undefined;
    const issued = issue(portal, bot.id, 'bot');
    if (eventTokens === 'expired') portal.accessTokens.get(issued.accessToken)!.expiresAt = clock() - 1;
    return issued;
  }

  /** A message in the chat, to our bot there (V1 handler, V2 webhook or V2 fetch feed). */
  async function toBot(portal: SimPortal, chat: SimChat, message: SimMessage, author: bodies.MessageAuthor): Promise<{ status: number; text: string }> {
    const bot = chatBot(portal, chat);
    if (!bot || !chat.members.has(bot.id)) return { status: 0, text: 'the bot is not in the chat' };
    const said = { id: message.id, text: message.text, author };
    if (bot.api === 'v2') return deliverV2(delivery, portal, bot, 'ONIMBOTV2MESSAGEADD', (block) => v2.messageDataV2(portal, chat, block, said, clock()));
    const url = eventUrl(bot, 'messageAdd');
    if (!url) return { status: 0, text: 'the bot has no handler' };
    return post(
      url,
      bodies.messageBody(portal, chat, bot, botToken(portal, bot), issue(portal, author.id, 'user'), options.clientId, said, clock()),
      portal,
      'ONIMBOTMESSAGEADD',
    );
  }

  return {
    createPortal,
    renamePortal,
    moveOAuthServer,
    portals,
    portal: (memberId: string) => [...portals.values()].find((portal) => portal.memberId === memberId),
    install,
    openApp,
    update,
    uninstall,
    openChat,
    newSession,
    customerSays,
    operatorSays,
    operatorTakes,
    lineTimeout,
    /** Moves the platform's clock on (the line's bot time, token expiry); the bot's clock is its own. */
    advance(ms: number) {
      skew += ms;
    },
    now: clock,
    /** Posts any raw body to the bot (for hand-made or malformed events). */
    postRaw: (url: string, body: string, portal: SimPortal, label = 'RAW') => post(url, body, portal, label),
    handle,
    calls,
    callsFor: (memberId: string, since = 0) => calls.filter((call) => call.memberId === memberId && call.seq > since),
    get lastSeq() {
      return seq;
    },
    /**
     * Ages the portal's current refresh token by `ms` (a test makes a pair old without
     * waiting): past the lifetime, the OAuth server answers invalid_grant.
     */
    ageRefreshToken(portal: SimPortal, ms: number) {
      portal.refreshIssuedAt -= ms;
    },
    /** The refresh-token lifetime from now on (ms). */
    setRefreshTokenLifetime(ms: number) {
      refreshLifetimeMs = ms;
    },
    /** Makes every access token of the portal expired (they answer expired_token). */
    expireTokens(portal: SimPortal, kind?: 'user' | 'bot') {
      for (const entry of portal.accessTokens.values()) if (!kind || entry.kind === kind) entry.expiresAt = clock() - 1;
    },
    /** The next `times` calls of `method` ('*' for any REST method, 'oauth.token' for the OAuth server) fail with this status and error (status 0: connection dropped). */
    fail: misbehaviour.fail,
    clearFaults: misbehaviour.clear,
    /** From now on these methods fail inside batch with ERROR_BATCH_METHOD_NOT_ALLOWED (none: reset). */
    refuseInBatch(...methodNames: string[]) {
      refusedInBatch.clear();
      for (const name of methodNames) refusedInBatch.add(name);
    },
    setEventTokens(mode: 'fresh' | 'expired' | 'none') {
      eventTokens = mode;
    },
    /** Switches the documented leaky bucket on (2/s, burst 50) or off. */
    setRateLimit: misbehaviour.setRateLimit,
    /** `method` answers 429 OPERATION_TIME_LIMIT until `resetAt` (ms), after `successes` answers reporting that reset (clearFaults ends it). */
    limitOperating: misbehaviour.limitOperating,
    onChange(listener: (change: SimChange) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stats,
    issuedSecrets,
    ourBot,
    /** The admin picks the line's bot in Contact Center (imopenlines config WELCOME_BOT_ID). */
    setLineBot(portal: SimPortal, lineId: number, botId: number) {
      const config = portal.lines.get(lineId);
      if (!config) throw new Error(`no line ${lineId}`);
      config.WELCOME_BOT_ID = String(botId);
    },
    /** Events a fetch-mode bot has not confirmed yet (event-feed.ts). */
    waitingEvents,
    issueToken: issue,
    /** The portal's chat apps (imbot.app.register), by id. */
    chatApps: (portal: SimPortal) => [...chatAppsOf(portal).values()],
    /** The signed frame request the messenger makes when operator `userId` opens `app` in a chat. */
    frameRequest,
  };
}

export type Simulator = ReturnType<typeof createSimulator>;

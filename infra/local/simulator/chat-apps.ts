/**
 * Chat apps on the simulated portal: imbot.app.register / update / unregister as
 * documented (b24restdocs api-reference/chats/outdated/create-app/*.md, seed 004), and
 * the frame URL the messenger opens for an operator, signed as the platform signs it
 * (api-reference/chats/outdated/iframe.md: DOMAIN_HASH = md5(host + HASH),
 * USER_HASH = md5(USER_ID + HASH)).
 */
import { createHash } from 'node:crypto';
import type { SimPortal } from './model.js';
import { SimError, type MethodContext } from './method-context.js';

export interface SimChatApp {
  readonly id: number;
  readonly botId: number;
  readonly code: string;
  iframe: string;
  hash: string;
  context: string;
  width: number;
  height: number;
  lang: { LANGUAGE_ID: string; TITLE: string; DESCRIPTION?: string }[];
  icon: boolean;
}

type Params = Record<string, unknown>;
const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

const apps = new WeakMap<SimPortal, Map<number, SimChatApp>>();
export const chatAppsOf = (portal: SimPortal): Map<number, SimChatApp> => {
  let found = apps.get(portal);
  if (!found) apps.set(portal, (found = new Map()));
  return found;
};

/** The IFRAME must be https (IFRAME_HTTPS); plain http only on loopback, for the local stack. */
function iframeUrl(value: unknown): string {
  const url = str(value);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SimError(400, 'PARAMS_ERROR', 'IFRAME is not a URL');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) throw new SimError(400, 'IFRAME_HTTPS', 'Iframe must be https');
  return url;
}

function lang(value: unknown): SimChatApp['lang'] {
  const list = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value as Params) : [];
  const entries = list.map((entry) => entry as Params).filter((entry) => str(entry.LANGUAGE_ID) && str(entry.TITLE));
  if (entries.length === 0) throw new SimError(400, 'LANG_ERROR', 'Lang set not specified');
  return entries.map((entry) => ({ LANGUAGE_ID: str(entry.LANGUAGE_ID), TITLE: str(entry.TITLE), DESCRIPTION: str(entry.DESCRIPTION) }));
}

function hashOf(value: unknown): string {
  const hash = str(value);
  if (hash.length !== 32) throw new SimError(400, 'HASH_ERROR', 'Hash not specified');
  return hash;
}

function appOf(ctx: MethodContext, params: Params): SimChatApp {
  const app = chatAppsOf(ctx.portal).get(Number(params.APP_ID));
  if (!app) throw new SimError(400, 'APP_ID_ERROR', 'Application not found');
  return app;
}

export const chatAppMethods: Record<string, (params: Params, ctx: MethodContext) => unknown> = {
  'imbot.app.register': (params, ctx) => {
    const bot = ctx.portal.bots.get(Number(params.BOT_ID));
    if (!bot?.ours) throw new SimError(400, 'BOT_ID_ERROR', 'Bot not found');
    const code = str(params.CODE);
    if (!code || !params.IFRAME) throw new SimError(400, 'PARAMS_ERROR', 'Iframe params are not correct');
    const app: SimChatApp = {
      id: ctx.nextId(),
      botId: bot.id,
      code,
      iframe: iframeUrl(params.IFRAME),
      hash: hashOf(params.HASH),
      context: str(params.CONTEXT) || 'ALL',
      width: Math.max(250, Number(params.IFRAME_WIDTH) || 350),
      height: Math.max(50, Number(params.IFRAME_HEIGHT) || 150),
      lang: lang(params.LANG),
      icon: Boolean(params.ICON_FILE),
    };
    chatAppsOf(ctx.portal).set(app.id, app);
    return app.id;
  },

  'imbot.app.update': (params, ctx) => {
    const app = appOf(ctx, params);
    const fields = (params.FIELDS ?? {}) as Params;
    if (Object.keys(fields).length === 0) throw new SimError(400, 'WRONG_REQUEST', "Update fields can't be empty");
    if (fields.IFRAME !== undefined) app.iframe = iframeUrl(fields.IFRAME);
    if (fields.HASH !== undefined) app.hash = hashOf(fields.HASH);
    if (fields.CONTEXT !== undefined) app.context = str(fields.CONTEXT);
    if (fields.LANG !== undefined) app.lang = lang(fields.LANG);
    return true;
  },

  'imbot.app.unregister': (params, ctx) => {
    const app = appOf(ctx, params);
    chatAppsOf(ctx.portal).delete(app.id);
    return true;
  },
};

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

/**
 * What the messenger opens when operator `userId` clicks the app in `dialogId`: the IFRAME
 * with the documented GET parameters, and the Referer the portal's page sends.
 */
export function frameRequest(portal: SimPortal, app: SimChatApp, opts: { dialogId: string; userId: number; lang?: string }): { url: string; referer: string } {
  const scheme = new URL(portal.clientEndpoint).protocol;
  const domain = `${scheme}//${portal.domain}`;
  const host = new URL(domain).hostname;
  const bot = portal.bots.get(app.botId);
  const query = new URLSearchParams({
    BOT_ID: String(app.botId),
    BOT_CODE: bot?.code ?? '',
    APP_ID: String(app.id),
    APP_CODE: app.code,
    DOMAIN: domain,
    DOMAIN_HASH: md5(host + app.hash),
    USER_ID: String(opts.userId),
    USER_HASH: md5(String(opts.userId) + app.hash),
    DIALOG_ID: opts.dialogId,
    CONTEXT: 'textarea',
    LANG: opts.lang ?? portal.language,
    IS_CHROME: 'Y',
  });
  return { url: `${app.iframe}${app.iframe.includes('?') ? '&' : '?'}${query}`, referer: `${domain}/online/?IM_DIALOG=${opts.dialogId}` };
}

/**
 * What the portal posts to the bot: real form-encoded events (install, the app's page,
 * update, uninstall, a chat's join and messages) to the handlers the bot registered — V1's
 * per-event handlers, or a Chatbots 2.0 bot's one webhookUrl or fetch feed (v2-delivery.ts).
 * Every post is told to the listeners (the playground's event log).
 */
import { chatAppsOf } from './chat-apps.js';
import * as bodies from './event-bodies.js';
import * as line from './lines.js';
import type { SimBot, SimChat, SimMessage, SimPortal } from './model.js';
import { type Platform, token } from './platform.js';
import * as v2 from './v2-bodies.js';
import { deliverV2, type V2Delivery } from './v2-delivery.js';

export const ourBot = (portal: SimPortal): SimBot | undefined => [...portal.bots.values()].find((bot) => bot.ours);
/** Where a bot's events go: V1's per-event handlers, or a V2 bot's one webhookUrl. */
const eventUrl = (bot: SimBot, v1: keyof SimBot['handlers']): string | undefined => (bot.api === 'v2' ? bot.webhookUrl : bot.handlers[v1]);
/** The bot a chat's events go to: ours in the chat, else the line's (WELCOME_BOT_ID, lines.ts). */
const chatBot = (portal: SimPortal, chat: SimChat): SimBot | undefined =>
  [...portal.bots.values()].find((bot) => bot.ours && chat.members.has(bot.id)) ?? line.lineBot(portal, chat.lineId);

export function createBotEvents(p: Platform) {
  const { options, clock, emit, stats, issue, botToken, issuedSecrets } = p;
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

  /** The bot joins the chat: ONIMBOTJOINCHAT (V1) or ONIMBOTV2JOINCHAT to the chat's bot. */
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

  return { post, install, openApp, update, uninstall, join, toBot };
}

export type BotEvents = ReturnType<typeof createBotEvents>;

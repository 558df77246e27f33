/**
 * How the simulated platform hands a Chatbots 2.0 bot its events, by the bot's eventMode
 * (imbot.v2/events/index.md#event-modes): `webhook` — one form-encoded POST to webhookUrl
 * with data[bot] = {id, code, auth}; `fetch` — no POST: the event waits for
 * imbot.v2.Event.get with data.bot = the full Bot object and no tokens (events.md#bot-format).
 */
import type { Issued } from './event-bodies.js';
import { keepEvent } from './event-feed.js';
import type { SimBot, SimPortal } from './model.js';
import { botBlock, encode } from './v2-bodies.js';
import { botObject } from './v2-methods.js';

export interface V2Delivery {
  readonly clientId: string;
  readonly now: () => number;
  post(url: string, body: string, portal: SimPortal, event: string): Promise<{ status: number; text: string }>;
  token(portal: SimPortal, bot: SimBot): Issued | undefined;
  /** Told about a kept event (the playground shows it). */
  kept(portal: SimPortal, event: string, eventId: number): void;
}

export async function deliverV2(
  d: V2Delivery,
  portal: SimPortal,
  bot: SimBot,
  event: string,
  data: (bot: Record<string, unknown>) => Record<string, unknown>,
): Promise<{ status: number; text: string }> {
  const now = d.now();
  if (bot.eventMode === 'fetch') {
    const kept = keepEvent(portal, bot, event, data(botObject(bot)), now);
    d.kept(portal, event, kept.eventId);
    return { status: 200, text: `kept as event ${kept.eventId} for imbot.v2.Event.get` };
  }
  if (!bot.webhookUrl) return { status: 0, text: 'the bot has no webhookUrl' };
  return d.post(bot.webhookUrl, encode(event, data(botBlock(portal, bot, d.token(portal, bot), d.clientId)), portal, now), portal, event);
}

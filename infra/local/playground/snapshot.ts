/**
 * Everything the playground page shows, in one JSON value: the portal and its bot, the chat
 * and its messages, the menu and its working hours, the line's bot time, the REST calls and
 * events of the simulator, and the bot's stored dialog.
 */
import { menuFor } from '../../../lib/app/menu-for.js';
import { isOpen } from '../../../lib/menu/hours.js';
import { botTimeout } from '../simulator/lines.js';
import type { LocalStack } from '../stack.js';
import type { MovableClock } from './bot-clock.js';
import type { PlaygroundSession } from './session.js';

const MAX_CALLS = 300;

export async function snapshot(stack: LocalStack, s: PlaygroundSession, clock: MovableClock | undefined) {
  const sim = stack.simulator;
  const bot = s.portal ? sim.ourBot(s.portal) : undefined;
  let dialog: unknown;
  if (s.portal && s.chat && bot) {
    const record = await stack.deps.dialogs.get({ memberId: s.portal.memberId, botId: bot.id, dialogId: s.chat.dialogId }, stack.deps.clock());
    dialog = record.state ? { ...record.state, version: record.version } : undefined;
  }
  // Read after the dialog: the page sees the session as it is now.
  const { portal, chat, customer, lineId, failing, fromSeq, events } = s;
  const menu = menuFor(stack.deps, portal?.memberId, lineId);
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

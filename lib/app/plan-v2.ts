/**
 * The Chatbots 2.0 dialect of the plan (lib/app/plan.ts): what a V2 bot sends.
 *
 * - Messages: imbot.v2.Chat.Message.send {botId, dialogId, fields{message, urlPreview:false}}
 *   (imbot.v2/messages/chat-message-send.md; urlPreview defaults to true there): no link
 *   preview, so a link in an answer does not push the menu under it out of sight.
 * - The hand-over card: the same call with fields.skipConnector — not on the method's page,
 *   but the change log (chat-bots-v2/change-log.md, BOT-FIX-0402-2, REST revision 33) lists
 *   it among the four boolean fields Chat.Message.send normalises. The card is written so
 *   that a portal which still delivers it to the customer shows nothing private (contract
 *   §9.6); docs/decisions.md has the reasoning.
 * - Another bot: imbot.v2.Chat.User.add {botId, dialogId, userIds} and imbot.v2.Chat.leave
 *   {botId, dialogId} (imbot.v2/chats/chat-user-add.md, chat-leave.md).
 * Session calls (imopenlines.bot.session.*) stay as they are, with CHAT_ID (contract §10).
 */
import type { Dialect } from './plan.js';

export const V2: Dialect = {
  message: (target, text) => ({
    method: 'imbot.v2.Chat.Message.send',
    params: { botId: target.botId, dialogId: target.dialogId, fields: { message: text, urlPreview: false } },
  }),
  note: (target, text) => ({
    method: 'imbot.v2.Chat.Message.send',
    params: { botId: target.botId, dialogId: target.dialogId, fields: { message: text, skipConnector: true, urlPreview: false } },
  }),
  addBot: (target, botId, leave) => [
    { method: 'imbot.v2.Chat.User.add', params: { botId: target.botId, dialogId: target.dialogId, userIds: [botId] } },
    ...(leave ? [{ method: 'imbot.v2.Chat.leave', params: { botId: target.botId, dialogId: target.dialogId } }] : []),
  ],
};

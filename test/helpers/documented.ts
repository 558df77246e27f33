/**
 * The documented example bodies (test/fixtures/bitrix) pointed at a simulated portal,
 * its bot and one of its chats, so the handlers can be driven with the docs' own
 * payloads rather than with bodies the simulator builds.
 */
import type { SimChat, SimPortal } from '../../infra/local/simulator/model.js';
import { fixtureBody } from './form.js';

const DOC_BOT = '571';

export function documentedBody(
  name: string,
  portal: SimPortal,
  botId: number,
  chat?: SimChat,
  changes: Readonly<Record<string, string | undefined>> = {},
): string {
  const chatFields: Record<string, string> = chat
    ? {
        'data[PARAMS][DIALOG_ID]': chat.dialogId,
        'data[PARAMS][CHAT_ID]': String(chat.chatId),
        'data[PARAMS][TO_CHAT_ID]': String(chat.chatId),
        'data[PARAMS][CHAT_ENTITY_ID]': `${chat.connector}|${chat.lineId}|209607941|${chat.customer.id}`,
        'data[PARAMS][CHAT_ENTITY_DATA_1]': `Y|LEAD|1209|N|N|${chat.sessionId}|1773682918|0|0|0`,
      }
    : {};
  const body = fixtureBody(name, {
    'auth[member_id]': portal.memberId,
    'auth[domain]': portal.domain,
    'auth[client_endpoint]': portal.clientEndpoint,
    'auth[application_token]': portal.applicationToken,
    // The docs' tokens mean nothing to the simulated portal: the bot falls back to its stored ones.
    'auth[access_token]': undefined,
    [`data[BOT][${DOC_BOT}][access_token]`]: undefined,
    [`data[BOT][${DOC_BOT}][AUTH][access_token]`]: undefined,
    [`data[BOT][${DOC_BOT}][BOT_ID]`]: String(botId),
    'data[PARAMS][BOT_ID]': String(botId),
    ...chatFields,
    ...changes,
  });
  // data[BOT][571] → data[BOT][<our bot id>] (percent-encoded brackets on the wire).
  return body.replace(new RegExp(`data%5BBOT%5D%5B${DOC_BOT}%5D`, 'g'), `data%5BBOT%5D%5B${botId}%5D`);
}

/**
 * The documented Chatbots 2.0 webhook bodies (onimbotv2*.txt, from imbot.v2/events/events.md)
 * pointed at a simulated portal, its V2 bot and one of its chats.
 */
export function documentedBodyV2(
  name: string,
  portal: SimPortal,
  botId: number,
  chat?: SimChat,
  changes: Readonly<Record<string, string | undefined>> = {},
): string {
  const chatFields: Record<string, string> = chat
    ? {
        'data[chat][id]': String(chat.chatId),
        'data[chat][dialogId]': chat.dialogId,
        'data[dialogId]': chat.dialogId,
        'data[message][chatId]': String(chat.chatId),
        'data[chat][entityId]': `${chat.connector}|${chat.lineId}|209607941|${chat.customer.id}`,
        'data[chat][entityData1]': `Y|LEAD|1209|N|N|${chat.sessionId}|1773682918|0|0|0`,
      }
    : {};
  const body = fixtureBody(name, {
    'auth[domain]': portal.domain,
    'auth[application_token]': portal.applicationToken,
    'data[bot][auth][member_id]': portal.memberId,
    'data[bot][auth][domain]': portal.domain,
    'data[bot][auth][client_endpoint]': portal.clientEndpoint,
    'data[bot][auth][application_token]': portal.applicationToken,
    // The docs' token means nothing to the simulated portal: the bot falls back to its stored one.
    'data[bot][auth][access_token]': undefined,
    'data[bot][id]': String(botId),
    ...chatFields,
    ...changes,
  });
  return chat && name === 'onimbotv2joinchat' ? body : body.replace(/&data%5BdialogId%5D=[^&]*/, '');
}

/**
 * The documented example bodies (test/fixtures/bitrix) pointed at a simulated portal,
 * its bot and one of its chats, so the handlers can be driven with the docs' own
 * payloads rather than with bodies the simulator builds.
 */
import type { SimChat, SimPortal } from '../../infra/local/simulator/model.js';
import { fixtureBody } from './form.js';

const DOC_BOT = '571';

export function documentedBody(name: string, portal: SimPortal, botId: number, chat?: SimChat, changes: Readonly<Record<string, string | undefined>> = {}): string {
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

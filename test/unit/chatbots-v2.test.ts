/**
 * Chatbots 2.0, pure parts: the documented webhook bodies (test/fixtures/bitrix/onimbotv2*,
 * from imbot.v2/events/events.md) parse into the same event model as V1, with the
 * top-level application_token as the proof; the V2 plan; message splitting for both APIs.
 */
import { describe, expect, it } from 'vitest';
import { v2Color } from '../../lib/bitrix/bot-api.js';
import { turnKind, type DialogEvent } from '../../lib/bitrix/events.js';
import { parseEventBody } from '../../lib/bitrix/parse-event.js';
import type { PayloadError } from '../../lib/bitrix/errors.js';
import { planSteps, V1 } from '../../lib/app/plan.js';
import { V2 } from '../../lib/app/plan-v2.js';
import { splitText } from '../../lib/app/split-text.js';
import { fixtureBody } from '../helpers/form.js';

const NOW = 1_772_000_000;
const PORTAL = {
  memberId: 'bac1cd5c8940947a75e0d71b1a84e348',
  domain: 'some-domain.bitrix24.com',
  clientEndpoint: 'https://some-domain.bitrix24.com/rest/',
  serverEndpoint: 'https://oauth.bitrix.info/rest/',
  applicationToken: '831c76b092f9f135d9b6b36c3a720757',
};
const BOT = { id: 456, code: 'support_bot', accessToken: '0b02a0690000071b0008440001b0007a16b39202c2490f015', expiresAt: 1772093963 };
const CHAT = { dialogId: 'chat112', chatId: 112, entityType: 'LINES', lineId: '2', connector: 'telegrambot', sessionId: '343' };

const refusal = (fn: () => unknown): PayloadError | undefined => {
  try {
    fn();
  } catch (error) {
    return error as PayloadError;
  }
  return undefined;
};

describe('documented ONIMBOTV2* webhook bodies', () => {
  it('ONIMBOTV2MESSAGEADD from the customer → a customer message turn', () => {
    const event = parseEventBody(fixtureBody('onimbotv2messageadd'), NOW);
    expect(event).toEqual({
      type: 'message',
      portal: PORTAL,
      ts: 1772093963,
      bot: BOT,
      chat: CHAT,
      messageId: '789',
      text: '2',
      customer: { id: '745', name: 'Ivan Petrov' },
      fromConnector: true,
      system: false,
      authorId: '745',
      authorKind: 'customer',
      language: 'en',
    });
    expect(turnKind(event as DialogEvent, 456)).toBe('customer');
  });

  it('ONIMBOTV2MESSAGEADD from an operator (connector 0) → elsewhere, as V1', () => {
    const event = parseEventBody(fixtureBody('onimbotv2messageadd-operator'), NOW) as DialogEvent;
    expect(event).toMatchObject({ type: 'message', authorId: '1', authorKind: 'person', fromConnector: false });
    expect(turnKind(event, 456)).toBe('elsewhere');
    // Our own bot's message and a system message are ignored.
    expect(
      turnKind(
        parseEventBody(
          fixtureBody('onimbotv2messageadd-operator', { 'data[message][authorId]': '456', 'data[user][id]': '456', 'data[user][bot]': '1' }),
          NOW,
        ) as DialogEvent,
        456,
      ),
    ).toBe('ignore');
    expect(turnKind(parseEventBody(fixtureBody('onimbotv2messageadd', { 'data[message][isSystem]': '1' }), NOW) as DialogEvent, 456)).toBe('ignore');
    expect(
      turnKind(parseEventBody(fixtureBody('onimbotv2messageadd', { 'data[chat][entityType]': '', 'data[chat][dialogId]': '1' }), NOW) as DialogEvent, 456),
    ).toBe('ignore');
  });

  it('ONIMBOTV2JOINCHAT → a join with the customer and the portal language', () => {
    const event = parseEventBody(fixtureBody('onimbotv2joinchat'), NOW);
    expect(event).toEqual({ type: 'join', portal: PORTAL, ts: 1772093963, bot: BOT, chat: CHAT, customer: { id: '745', name: 'Ivan Petrov' }, language: 'en' });
  });

  it('ONIMBOTV2DELETE → botDelete; the other V2 events are accepted and ignored', () => {
    expect(parseEventBody(fixtureBody('onimbotv2delete'), NOW)).toEqual({
      type: 'botDelete',
      portal: PORTAL,
      ts: 1772093963,
      botId: 456,
      botCode: 'support_bot',
    });
    expect(parseEventBody(fixtureBody('onimbotv2messageupdate'), NOW)).toMatchObject({ type: 'ignored', event: 'ONIMBOTV2MESSAGEUPDATE', portal: PORTAL });
    for (const name of ['ONIMBOTV2MESSAGEDELETE', 'ONIMBOTV2COMMANDADD', 'ONIMBOTV2CONTEXTGET', 'ONIMBOTV2REACTIONCHANGE']) {
      expect(parseEventBody(fixtureBody('onimbotv2delete', { event: name }), NOW)).toMatchObject({ type: 'ignored', event: name });
    }
  });

  it('the proof is the TOP-LEVEL application_token; without it, or without any member_id, 401', () => {
    const event = parseEventBody(
      fixtureBody('onimbotv2messageadd', { 'auth[application_token]': 'top-level', 'data[bot][auth][application_token]': 'bot-block' }),
      NOW,
    );
    expect(event.portal.applicationToken).toBe('top-level');
    expect(refusal(() => parseEventBody(fixtureBody('onimbotv2messageadd', { 'auth[application_token]': undefined }), NOW))?.status).toBe(401);
    expect(refusal(() => parseEventBody(fixtureBody('onimbotv2messageadd', { 'data[bot][auth][member_id]': undefined }), NOW))?.status).toBe(401);
    // member_id in the top-level auth is enough.
    expect(
      parseEventBody(fixtureBody('onimbotv2messageadd', { 'data[bot][auth][member_id]': undefined, 'auth[member_id]': PORTAL.memberId }), NOW).portal.memberId,
    ).toBe(PORTAL.memberId);
  });

  it('malformed fields are a 400, as for V1', () => {
    expect(refusal(() => parseEventBody(fixtureBody('onimbotv2messageadd', { 'data[message][id]': 'x' }), NOW))?.status).toBe(400);
    expect(refusal(() => parseEventBody(fixtureBody('onimbotv2messageadd', { 'data[chat][dialogId]': 'nochat' }), NOW))?.status).toBe(400);
    expect(refusal(() => parseEventBody(fixtureBody('onimbotv2messageadd', { 'data[message][text]': 'a'.repeat(20_001) }), NOW))?.status).toBe(400);
    expect(refusal(() => parseEventBody(fixtureBody('onimbotv2delete', { event: 'ONIMBOTV2SOMETHING' }), NOW))?.status).toBe(400);
  });
});

describe('the V2 plan', () => {
  const target = { botId: 456, dialogId: 'chat112', chatId: 112 };

  it('texts → imbot.v2.Chat.Message.send, the card with skipConnector, session calls unchanged, bot transfer with Chat.User.add / Chat.leave', () => {
    const steps = planSteps(
      [{ type: 'note', text: 'Card' }, { type: 'send', text: 'Bye' }, { type: 'addBot', botId: 90, leave: true }, { type: 'queue' }],
      target,
      V2,
    );
    expect(steps).toEqual([
      {
        method: 'imbot.v2.Chat.Message.send',
        params: { botId: 456, dialogId: 'chat112', fields: { message: 'Card', skipConnector: true, urlPreview: false } },
      },
      { method: 'imbot.v2.Chat.Message.send', params: { botId: 456, dialogId: 'chat112', fields: { message: 'Bye', urlPreview: false } } },
      { method: 'imbot.v2.Chat.User.add', params: { botId: 456, dialogId: 'chat112', userIds: [90] } },
      { method: 'imbot.v2.Chat.leave', params: { botId: 456, dialogId: 'chat112' } },
      { method: 'imopenlines.bot.session.operator', params: { CHAT_ID: 112 } },
    ]);
  });

  it('a text over 20,000 characters becomes several messages, never cut, for both APIs', () => {
    const paragraph = 'word '.repeat(1_999) + 'end.'; // 9,999 characters
    const text = Array.from({ length: 5 }, () => paragraph).join('[br][br]');
    for (const dialect of [V1, V2]) {
      const steps = planSteps([{ type: 'send', text }], target, dialect);
      const texts = steps.map((step) =>
        dialect === V1 ? (step.params as { MESSAGE: string }).MESSAGE : (step.params as { fields: { message: string } }).fields.message,
      );
      expect(texts.length).toBe(5); // at the blocks: each paragraph its own message
      expect(texts.every((part) => part.length <= 20_000)).toBe(true);
      expect(texts.join('')).toBe(text);
    }
  });
});

describe('splitText', () => {
  it('prefers blocks, then lines, then spaces; cuts only a text without breaks; keeps surrogate pairs', () => {
    expect(splitText('short')).toEqual(['short']);
    expect(splitText('aaaa[br][br]bbbb', 12)).toEqual(['aaaa[br][br]', 'bbbb']);
    expect(splitText('aaaa[br][br]bbbb', 10)).toEqual(['aaaa[br]', '[br]bbbb']);
    expect(splitText('aaa bbb\nccc', 9)).toEqual(['aaa bbb\n', 'ccc']);
    expect(splitText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(splitText('abc😀def', 4)).toEqual(['abc', '😀de', 'f']);
    expect(splitText('')).toEqual(['']);
  });
});

describe('colours', () => {
  it('V1 codes map to V2 lower-camel codes (imbot.v2/chats/chat-add.md#available-colors)', () => {
    expect(['AQUA', 'LIGHT_BLUE', 'DARK_BLUE', 'GRAPHITE'].map(v2Color)).toEqual(['aqua', 'lightBlue', 'darkBlue', 'graphite']);
    expect(v2Color(undefined)).toBeUndefined();
  });
});

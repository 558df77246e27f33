/**
 * Fetched events (imbot.v2.Event.get, imbot.v2/events/events.md): JSON types, the full Bot
 * object without auth, no portal identity — parsed by the webhook parser with the stored
 * portal's identity.
 */
import { expect, it } from 'vitest';
import { parseFetchedEvent } from '../../lib/bitrix/fetched-event.js';
import { PayloadError } from '../../lib/bitrix/errors.js';

const owner = {
  memberId: 'a1b2c3',
  domain: 'acme.bitrix24.com',
  clientEndpoint: 'https://acme.bitrix24.com/rest/',
  serverEndpoint: 'https://oauth.bitrix.info/rest/',
  applicationToken: 'stored-app-token',
};

const message = (overrides: Record<string, unknown> = {}) => ({
  eventId: 1001,
  type: 'ONIMBOTV2MESSAGEADD',
  date: '2026-11-25T10:30:00+00:00',
  data: {
    bot: { id: 456, code: 'itr_support', type: 'openline', isHidden: false, isSupportOpenline: true, backgroundId: null, eventMode: 'fetch', countMessage: 3 },
    message: {
      id: 789,
      chatId: 5,
      authorId: 77,
      date: '2026-11-25T10:30:00+00:00',
      text: 'Hello',
      isSystem: false,
      uuid: '',
      forward: null,
      params: {},
      viewedByOthers: false,
    },
    chat: {
      id: 5,
      dialogId: 'chat5',
      type: 'lines',
      entityType: 'LINES',
      entityId: 'telegrambot|1|900005|77',
      entityData1: 'Y|LEAD|1|N|N|42|1764066600|0|0|0',
    },
    user: { id: 77, active: true, name: 'Ivan Petrov', firstName: 'Ivan', lastName: 'Petrov', bot: false, connector: true, extranet: true, departments: [] },
    language: 'en',
    ...overrides,
  },
});

it('a fetched customer message becomes the same message event, with the stored portal and no token', () => {
  const event = parseFetchedEvent(message(), owner);
  expect(event).toMatchObject({
    type: 'message',
    ts: Math.floor(Date.parse('2026-11-25T10:30:00+00:00') / 1000),
    portal: { memberId: 'a1b2c3', domain: 'acme.bitrix24.com', clientEndpoint: 'https://acme.bitrix24.com/rest/', applicationToken: 'stored-app-token' },
    bot: { id: 456, code: 'itr_support', accessToken: undefined },
    chat: { dialogId: 'chat5', chatId: 5, entityType: 'LINES', lineId: '1', sessionId: '42' },
    messageId: '789',
    text: 'Hello',
    fromConnector: true,
    system: false,
    authorKind: 'customer',
    customer: { id: '77', name: 'Ivan Petrov' },
  });
});

it('a payload cannot name another portal or bring a token', () => {
  const forged = message({
    bot: { id: 456, code: 'x', auth: { member_id: 'victim', access_token: 'stolen', domain: 'evil.example', application_token: 'x' } },
  });
  const event = parseFetchedEvent(forged, owner);
  expect(event.portal.memberId).toBe('a1b2c3');
  expect(event.portal.domain).toBe('acme.bitrix24.com');
  expect(event.type === 'message' && event.bot.accessToken).toBeUndefined();
});

it('booleans, nulls and numbers read as the webhook strings would (operator, system message)', () => {
  const operator = parseFetchedEvent(message({ user: { id: 12, name: 'Olga', bot: false, connector: false } }), owner);
  expect(operator).toMatchObject({ type: 'message', authorKind: 'person', fromConnector: false });
  const system = parseFetchedEvent(message({ message: { id: 790, chatId: 5, authorId: 0, text: 'closed', isSystem: true } }), owner);
  expect(system).toMatchObject({ type: 'message', system: true, authorKind: 'system' });
});

it('join, delete and ignored types; unknown or malformed ones are refused (400)', () => {
  const join = parseFetchedEvent(
    {
      eventId: 1,
      type: 'ONIMBOTV2JOINCHAT',
      data: { bot: { id: 456 }, dialogId: 'chat5', chat: message().data.chat, user: message().data.user, language: 'de' },
    },
    owner,
  );
  expect(join).toMatchObject({ type: 'join', language: 'de', chat: { dialogId: 'chat5' } });
  expect(parseFetchedEvent({ eventId: 2, type: 'ONIMBOTV2DELETE', data: { bot: { id: 456, code: 'itr_support' } } }, owner)).toMatchObject({
    type: 'botDelete',
    botId: 456,
  });
  expect(parseFetchedEvent({ eventId: 3, type: 'ONIMBOTV2REACTIONCHANGE', data: { bot: { id: 456 } } }, owner)).toMatchObject({ type: 'ignored' });
  for (const bad of [
    { eventId: 4, type: 'ONAPPINSTALL', data: {} },
    { eventId: 5, type: 'ONIMBOTV2MESSAGEADD', data: 'x' },
    { eventId: 6, type: 'ONIMBOTV2MESSAGEADD', data: { bot: { id: 'abc' } } },
  ]) {
    expect(() => parseFetchedEvent(bad, owner)).toThrow(PayloadError);
  }
});

import { describe, expect, it } from 'vitest';
import { parseEventBody, parseInstallPage, isInstallPage } from '../../lib/bitrix/parse-event.js';
import { parseForm } from '../../lib/bitrix/form.js';
import { PayloadError } from '../../lib/bitrix/errors.js';
import { turnKind, type MessageEvent } from '../../lib/bitrix/events.js';
import { fixtureBody, phpEncode } from '../helpers/form.js';

const NOW = 1_772_000_000;

describe('the form body', () => {
  it('keeps numeric keys such as data[BOT][571] (qs with parseArrays: false)', () => {
    const form = parseForm(phpEncode('data[BOT][571][BOT_ID]=571\ndata[COMMAND][14][COMMAND]=echo'));
    expect(form).toEqual({ data: { BOT: { 571: { BOT_ID: '571' } }, COMMAND: { 14: { COMMAND: 'echo' } } } });
  });

  it('does not let a key reach the object prototype', () => {
    const form = parseForm('__proto__[polluted]=1&constructor[prototype][x]=1&a=1');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(form.a).toBe('1');
  });

  it('refuses nesting deeper than any Bitrix payload with a 400', () => {
    expect(() => parseForm(`${'a'.repeat(1)}${'[x]'.repeat(20)}=1`)).toThrow(PayloadError);
  });
});

describe('events from the contract examples', () => {
  it('ONIMBOTMESSAGEADD → a message event with bot token, chat, customer and session', () => {
    const event = parseEventBody(fixtureBody('onimbotmessageadd'), NOW);
    expect(event).toEqual({
      type: 'message',
      portal: {
        memberId: 'a223c6b3710f85df22e9377d6c4f7553',
        domain: 'example.bitrix24.com',
        clientEndpoint: 'https://example.bitrix24.com/rest/',
        serverEndpoint: 'https://oauth.bitrix.info/rest/',
        applicationToken: '51856fefc120afa4b628cc82d3935cce',
      },
      ts: 1771928985,
      bot: { id: 571, code: 'acme_itr_bot', accessToken: 'a98b9d690000071b0000084400000237f0f107589d1e', expiresAt: 1772094439 },
      chat: { dialogId: 'chat1807', chatId: 1807, entityType: 'LINES', lineId: '1', connector: 'telegrambot', sessionId: '343' },
      messageId: '86497',
      text: '2',
      customer: { id: '745', name: 'Ivan Petrov' },
      fromConnector: true,
      system: false,
      authorId: '745',
      authorKind: 'customer',
      language: 'en',
    });
  });

  it("an operator's message in a LINES chat (IS_CONNECTOR=N): someone else has the chat (contract §9.1)", () => {
    const event = parseEventBody(fixtureBody('onimbotmessageadd-operator'), NOW);
    expect(event).toMatchObject({ type: 'message', authorId: '27', authorKind: 'person', fromConnector: false, system: false });
    expect(turnKind(event as MessageEvent, 571)).toBe('elsewhere');
  });

  it.each([
    ['the customer', {}, 'customer'],
    ['an operator', { 'data[USER][IS_CONNECTOR]': 'N', 'data[PARAMS][FROM_USER_ID]': '27' }, 'elsewhere'],
    ['another bot', { 'data[USER][IS_BOT]': 'Y', 'data[USER][IS_CONNECTOR]': 'N', 'data[PARAMS][FROM_USER_ID]': '90' }, 'elsewhere'],
    ['our own bot', { 'data[USER][IS_BOT]': 'Y', 'data[USER][IS_CONNECTOR]': 'N', 'data[PARAMS][FROM_USER_ID]': '571' }, 'ignore'],
    ['a system message', { 'data[PARAMS][SYSTEM]': 'Y' }, 'ignore'],
    [
      'a message from user 0 without data[USER]',
      {
        'data[PARAMS][FROM_USER_ID]': '0',
        'data[USER][ID]': undefined,
        'data[USER][NAME]': undefined,
        'data[USER][IS_CONNECTOR]': undefined,
        'data[USER][IS_BOT]': undefined,
      },
      'ignore',
    ],
    ['an author data[USER] does not describe', { 'data[USER][IS_CONNECTOR]': undefined, 'data[USER][IS_BOT]': undefined }, 'ignore'],
    ['a chat that is not an Open Line', { 'data[PARAMS][CHAT_ENTITY_TYPE]': '' }, 'ignore'],
  ] as const)('%s → %s', (_who, changes, kind) => {
    const event = parseEventBody(fixtureBody('onimbotmessageadd', changes), NOW) as MessageEvent;
    expect(turnKind(event, 571)).toBe(kind);
  });

  it('ONIMBOTJOINCHAT → a join event; the customer comes from data[USER]', () => {
    const event = parseEventBody(fixtureBody('onimbotjoinchat'), NOW);
    expect(event).toMatchObject({
      type: 'join',
      bot: { id: 571, code: 'acme_itr_bot' },
      chat: { chatId: 1807, lineId: '1', sessionId: undefined },
      customer: { id: '745', name: 'Ivan Petrov' },
    });
  });

  it('an older payload without bot-level tokens still parses (contract §1.4)', () => {
    const event = parseEventBody(
      fixtureBody('onimbotmessageadd', {
        'data[BOT][571][access_token]': undefined,
        'data[BOT][571][AUTH][access_token]': undefined,
        'data[BOT][571][expires]': undefined,
      }),
      NOW,
    );
    expect(event).toMatchObject({ type: 'message', bot: { id: 571, accessToken: undefined } });
  });

  it('ONAPPINSTALL → tokens with expiry; ONAPPUNINSTALL carries no tokens', () => {
    expect(parseEventBody(fixtureBody('onappinstall'), NOW)).toMatchObject({
      type: 'install',
      tokens: {
        accessToken: 's6p6eclrvim6da22ft9ch94ekreb52lv',
        refreshToken: '4s386p3q0tr8dy89xvmt96234v3dljg8',
        expiresAt: 1772093600,
        scope: 'imbot,imopenlines',
      },
      language: 'en',
    });
    expect(parseEventBody(fixtureBody('onappuninstall'), NOW)).toMatchObject({ type: 'uninstall', clean: true });
  });

  it('ONIMBOTDELETE names the bot', () => {
    expect(parseEventBody(fixtureBody('onimbotdelete'), NOW)).toMatchObject({ type: 'botDelete', botId: 571, botCode: 'acme_itr_bot' });
  });

  it('known but unbound events are accepted and ignored', () => {
    expect(parseEventBody(fixtureBody('onimbotmessageadd', { event: 'ONIMBOTMESSAGEUPDATE' }), NOW)).toMatchObject({
      type: 'ignored',
      event: 'ONIMBOTMESSAGEUPDATE',
    });
  });
});

describe('bad input is a 400 with a one-line reason', () => {
  const reason = (body: string) => {
    try {
      parseEventBody(body, NOW);
    } catch (error) {
      expect(error).toBeInstanceOf(PayloadError);
      return `${(error as PayloadError).status} ${(error as PayloadError).message}`;
    }
    return 'parsed';
  };

  it.each([
    ['no event', fixtureBody('onimbotmessageadd', { event: undefined }), '400 event is required'],
    ['unknown event', fixtureBody('onimbotmessageadd', { event: 'ONSOMETHING' }), '400 unknown event ONSOMETHING'],
    ['no member id', fixtureBody('onimbotmessageadd', { 'auth[member_id]': undefined }), '400 auth[member_id] is required'],
    ['no application token', fixtureBody('onimbotmessageadd', { 'auth[application_token]': undefined }), '400 auth[application_token] is required'],
    ['message id not a number', fixtureBody('onimbotmessageadd', { 'data[PARAMS][MESSAGE_ID]': 'abc' }), '400 data[PARAMS][MESSAGE_ID] must be a number'],
    [
      'dialog id of a LINES chat not chatNNN',
      fixtureBody('onimbotmessageadd', { 'data[PARAMS][DIALOG_ID]': '745' }),
      '400 data[PARAMS][DIALOG_ID] must look like chat<number>',
    ],
    ['a list where a value belongs', `${fixtureBody('onimbotmessageadd')}&data[PARAMS][MESSAGE][x]=1`, '400 data[PARAMS][MESSAGE] must be a value, not a list'],
    [
      'install without tokens',
      fixtureBody('onappinstall', { 'auth[refresh_token]': undefined }),
      '400 auth[access_token] and auth[refresh_token] are required',
    ],
  ])('%s', (_name, body, expected) => {
    expect(reason(body)).toBe(expected);
  });
});

describe('the install page', () => {
  it('reads AUTH_ID / REFRESH_ID / member_id from the body and DOMAIN from the query', () => {
    const body = parseForm(
      'AUTH_ID=a1&AUTH_EXPIRES=3600&REFRESH_ID=r1&member_id=m1&APPLICATION_TOKEN=t1&SERVER_ENDPOINT=https%3A%2F%2Foauth.bitrix.info%2Frest%2F&status=L&PLACEMENT=DEFAULT',
    );
    expect(isInstallPage(body)).toBe(true);
    const event = parseInstallPage(body, parseForm('DOMAIN=acme.bitrix24.de&PROTOCOL=1&LANG=de'), NOW);
    expect(event).toMatchObject({
      type: 'install',
      source: 'page',
      portal: { memberId: 'm1', domain: 'acme.bitrix24.de', clientEndpoint: 'https://acme.bitrix24.de/rest/', applicationToken: 't1' },
      tokens: { accessToken: 'a1', refreshToken: 'r1', expiresAt: NOW + 3600 },
      language: 'de',
    });
  });
});

/** The chat app's pure parts: the frame's signature check and the answers list. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { frameRequestOf, verifyFrame } from '../../lib/app/chat-app-frame.js';
import { menuAnswers } from '../../lib/app/chat-app-view.js';
import { loadMenuFile } from '../../lib/menu/load-file.js';
import type { PortalRecord } from '../../lib/store/portals.js';

const HASH = '0e9c40cee01d6f182e9261b38b30b5c3';
const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const portal = {
  memberId: 'm1',
  domain: 'test.bitrix24.com',
  clientEndpoint: 'https://test.bitrix24.com/rest/',
  status: 'active',
  botId: 17,
  chatApp: { id: 11, hash: HASH, url: 'x' },
} as unknown as PortalRecord;
const query = (over: Record<string, string> = {}) => ({
  BOT_ID: '17',
  DOMAIN: 'https://test.bitrix24.com',
  DOMAIN_HASH: md5(`test.bitrix24.com${HASH}`),
  USER_ID: '2',
  USER_HASH: md5(`2${HASH}`),
  DIALOG_ID: 'chat950',
  LANG: 'en',
  ...over,
});

describe('verifyFrame (api-reference/chats/outdated/iframe.md)', () => {
  it('accepts the documented signatures and the portal as Referer', () => {
    expect(verifyFrame(portal, frameRequestOf(query())!, 'https://test.bitrix24.com/online/?IM_DIALOG=chat950')).toEqual({
      ok: true,
      origin: 'https://test.bitrix24.com',
    });
    expect(verifyFrame(portal, frameRequestOf(query())!, undefined).ok).toBe(true);
  });

  it.each([
    ['a wrong domain hash', query({ DOMAIN_HASH: md5(`evil.com${HASH}`) }), undefined],
    ['a wrong user hash', query({ USER_ID: '3' }), undefined],
    ['another domain signed with its own hash', query({ DOMAIN: 'https://evil.bitrix24.com', DOMAIN_HASH: md5(`evil.bitrix24.com${HASH}`) }), undefined],
    ['plain http for an https portal', query({ DOMAIN: 'http://test.bitrix24.com' }), undefined],
    ['another bot', query({ BOT_ID: '18' }), undefined],
    ['a look-alike Referer', query(), 'https://test.bitrix24.com.evil.com/'],
  ])('refuses %s', (_name, params, referer) => {
    expect(verifyFrame(portal, frameRequestOf(params)!, referer).ok).toBe(false);
  });

  it('refuses without a chat app, and malformed parameters parse to nothing', () => {
    expect(verifyFrame({ ...portal, chatApp: undefined }, frameRequestOf(query())!, undefined).ok).toBe(false);
    expect(frameRequestOf(query({ DIALOG_ID: '950' }))).toBeUndefined();
    expect(frameRequestOf(query({ USER_HASH: 'x' }))).toBeUndefined();
  });
});

describe('menuAnswers', () => {
  const menu = loadMenuFile('menus/example.yaml');
  it("lists the customer's language first, then the others, with the dialog's answers filled in", () => {
    const answers = menuAnswers(menu, 'de', { ORDER: '1048576' });
    expect(answers[0]!.language).toBe('de');
    expect(answers.findIndex((answer) => answer.language !== 'de')).toBeGreaterThan(0);
    expect(answers.some((answer) => answer.text.includes('1048576'))).toBe(true);
    expect(new Set(answers.map((answer) => answer.language))).toEqual(new Set(['de', 'en', 'ru']));
  });
});

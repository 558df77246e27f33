/**
 * The playground's operator and line controls over HTTP (no browser needed): the line's
 * timeout, an operator taking the chat and writing, the portal's language, and a portal
 * made to fail until the job is dead-lettered.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlayground, type Playground } from '../../infra/local/playground/server.js';
import { useStack } from '../helpers/stack.js';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';

let playground: Playground;
// The example menu's answers are its office-hours ones (Mon–Fri 9–18 Berlin): the bot's
// clock is pinned there, so the test does not depend on the hour it runs at.
const T0 = Date.now();
const officeHours = () => OFFICE_HOURS + (Date.now() - T0);
const t = useStack({ clock: officeHours, env: { MENU_FILE: 'menus/example.yaml', B24_RETRY_BUDGET_MS: '300' }, queue: { maxAttempts: 2, retryBaseMs: 10 }, routes: (created) => (playground = createPlayground(created)).routes });

beforeAll(async () => {
  await playground.start();
});

interface State {
  portal: { language: string; domain: string; failing: boolean; api: 'v1' | 'v2'; botApi: 'v1' | 'v2' };
  line: { botTime: number; botLeft: string };
  deadLetters: { count: number; lastReason?: string };
  chat: { status: string; holder?: number; botInChat: boolean; messages: { author: string; authorId: number; text: string }[] };
}

const state = async (): Promise<State> => (await fetch(`${t.stack.url}/playground/state`)).json() as Promise<State>;
const post = async (action: string, body: unknown = {}) => {
  const response = await fetch(`${t.stack.url}/playground/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('the playground\'s operator and line controls', () => {
  it('line timeout, then the operator takes the chat and writes, then writes again', async () => {
    expect((await state()).line).toEqual({ botTime: 600, botLeft: 'close' });
    expect(await post('timeout')).toEqual({ status: 200, body: { status: 'queue' } });
    expect((await post('timeout')).status).toBe(409); // the bot no longer holds it
    expect(await post('operator', { text: 'Hello, this is Olga.' })).toEqual({ status: 200, body: { status: 'operator' } });
    let now = await state();
    expect(now.chat).toMatchObject({ status: 'operator', holder: 12, botInChat: true });
    expect(now.chat.messages.at(-1)).toMatchObject({ author: 'operator', authorId: 12, text: 'Hello, this is Olga.' });
    expect((await post('operator', {})).status).toBe(400); // already the operator's: a text is needed
    await post('operator', { text: 'Are you still there?' });
    now = await state();
    expect(now.chat.messages.filter((message) => message.author === 'operator').map((message) => message.text)).toEqual(['Hello, this is Olga.', 'Are you still there?']);
  });

  it('the language control is the portal\'s: what events carry', async () => {
    await post('customer', { name: 'Anna Schmidt', portalLanguage: 'de' });
    expect((await state()).portal.language).toBe('de');
    expect(playground.portal()!.language).toBe('de');
    await post('customer', { name: 'Ivan Petrov', portalLanguage: 'en' });
  });

  it('a failing portal: every REST call answers 500 and the job ends in the dead-letter queue; back to normal afterwards', async () => {
    await post('reset');
    const before = (await state()).deadLetters.count;
    expect(await post('fail', { on: true })).toEqual({ status: 200, body: { failing: true } });
    expect((await post('say', { text: '4' })).status).toBe(200); // answered at once: the page follows the retries live
    await t.stack.idle();
    const failed = await state();
    expect(failed.portal.failing).toBe(true);
    expect(failed.deadLetters.count).toBeGreaterThan(before);
    expect(failed.deadLetters.lastReason).toMatch(/500|INTERNAL_SERVER_ERROR/);
    expect(await post('fail', { on: false })).toEqual({ status: 200, body: { failing: false } });
    const botMessages = (await state()).chat.messages.filter((message) => message.author === 'bot').length;
    await post('say', { text: '4' });
    expect((await state()).chat.messages.filter((message) => message.author === 'bot').length).toBeGreaterThan(botMessages);
  });

  it('starts a Chatbots 2.0 portal, and can start a V1-only one; it shows which', async () => {
    expect((await state()).portal).toMatchObject({ api: 'v2', botApi: 'v2' });
    expect(await post('portal', { api: 'v1' })).toEqual({ status: 200, body: { api: 'v1', botApi: 'v1' } });
    let now = await state();
    expect(now.portal).toMatchObject({ api: 'v1', botApi: 'v1' });
    await post('say', { text: '4' });
    expect((await fetch(`${t.stack.url}/playground/state`).then((r) => r.json()) as { calls: { method: string }[] }).calls.map((call) => call.method)).toContain('imbot.message.add');
    expect(await post('portal', { api: 'v2' })).toEqual({ status: 200, body: { api: 'v2', botApi: 'v2' } });
    now = await state();
    expect(now.chat.messages.filter((message) => message.author === 'bot')).toHaveLength(1); // greeted on the new portal
    expect((await post('portal', { api: 'v3' })).status).toBe(400);
  });

  it('renames the portal: the old address answers 302, the bot follows it, stores the new one and keeps answering', async () => {
    await post('reset');
    const before = (await state()).portal.domain;
    const renamed = await post('rename');
    expect(renamed.status).toBe(200);
    expect(renamed.body.domain).not.toBe(before);
    expect((await post('say', { text: '4' })).status).toBe(200);
    await t.stack.idle();
    const after = await state();
    expect(after.chat.messages.filter((message) => message.author === 'bot').at(-1)!.text).toMatch(/^We answer Monday/);
    expect((await t.stack.deps.portals.get(playground.portal()!.memberId))!.domain).toBe(renamed.body.domain);
  });
});

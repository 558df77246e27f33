/**
 * The operators' chat app through HTTP: registered at install with a per-install HASH,
 * the frame signed as the messenger signs it (api-reference/chats/outdated/iframe.md),
 * refused with a bare 403 whenever the signature, the user, the Referer or the portal
 * is wrong, escaped output, and "give the chat back to the bot".
 */
import { describe, expect, it } from 'vitest';
import type { SimChat, SimPortal } from '../../infra/local/simulator/model.js';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { useStack } from '../helpers/stack.js';

const t = useStack({ clock: () => OFFICE_HOURS });

function signed(portal: SimPortal, chat: SimChat | { dialogId: string }, userId = 12) {
  const app = t.stack.simulator.chatApps(portal)[0]!;
  return t.stack.simulator.frameRequest(portal, app, { dialogId: chat.dialogId, userId });
}

const open = (url: string, referer?: string) => fetch(url, { headers: referer ? { referer } : {} });
const tamper = (url: string, key: string, value: string) => {
  const parsed = new URL(url);
  parsed.searchParams.set(key, value);
  return parsed.href;
};

describe('registration', () => {
  it("install registers an IFRAME app for Open Lines chats with its own HASH, titles in the menu's languages and an icon", async () => {
    const first = await t.portal();
    const second = await t.portal();
    const register = t.stack.simulator.callsFor(first.memberId).find((call) => call.method === 'imbot.app.register')!;
    expect(register.params).toMatchObject({ CONTEXT: 'LINES', IFRAME: `${t.stack.url}/bitrix/app/${first.memberId}`, HIDDEN: 'N', IFRAME_WIDTH: '350' });
    expect(String(register.params.HASH)).toMatch(/^[0-9a-f]{32}$/);
    expect(register.params.ICON_FILE).toBeTruthy();
    const languages = Object.values(register.params.LANG as Record<string, { LANGUAGE_ID: string }>)
      .map((entry) => entry.LANGUAGE_ID)
      .sort();
    expect(languages).toEqual(['de', 'en', 'ru']);
    const [a, b] = [t.stack.simulator.chatApps(first)[0]!, t.stack.simulator.chatApps(second)[0]!];
    expect(a.hash).not.toBe(b.hash);
    expect((await t.stack.deps.portals.get(first.memberId))!.chatApp).toMatchObject({ id: a.id, hash: a.hash });
    expect(t.logs.some((line) => line.includes(a.hash) || line.includes(b.hash))).toBe(false);
  });
});

describe('the frame', () => {
  it("a signed request shows what the bot learned, with the menu's answers at hand; private, framed only by the portal", async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal, { name: 'Anna Schmidt' });
    await t.say(portal, chat, 'is it going to rain?'); // not understood
    await t.say(portal, chat, '3'); // Returns
    await t.say(portal, chat, '1'); // asks for the order number
    await t.say(portal, chat, '1048576');
    const request = signed(portal, chat);
    const page = await open(request.url, request.referer);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain(`frame-ancestors ${new URL(portal.clientEndpoint).origin}`);
    const html = await page.text();
    expect(html).toContain('Anna Schmidt');
    expect(html).toContain('Return or refund'); // the path
    expect(html).toContain('1048576');
    expect(html).toContain('“is it going to rain?”');
    expect(html).toMatch(/class="answer" data-text="We answer Monday/);
    expect(html).toContain('The bot is handling this chat.');
  });

  it.each([
    ['a forged DOMAIN_HASH', (url: string) => tamper(url, 'DOMAIN_HASH', 'f'.repeat(32))],
    ["another user with the first user's hash", (url: string) => tamper(url, 'USER_ID', '13')],
    ['a DOMAIN that is not the portal', (url: string) => tamper(url, 'DOMAIN', 'https://evil.example.com')],
    ['no signature at all', (url: string) => url.split('?')[0]!],
  ])('%s: 403 and nothing of the dialog', async (_name, change) => {
    const portal = await t.portal();
    const chat = await t.chat(portal, { name: 'Secret Customer' });
    const request = signed(portal, chat);
    const page = await open(change(request.url), request.referer);
    expect(page.status).toBe(403);
    expect(await page.text()).not.toContain('Secret');
  });

  it('a Referer from another site is refused', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const request = signed(portal, chat);
    expect((await open(request.url, 'https://evil.example.com/page')).status).toBe(403);
  });

  it("one portal can never read another's dialog, whatever it signs", async () => {
    const victim = await t.portal();
    const victimChat = await t.chat(victim, { name: 'Victim Customer' });
    const attacker = await t.portal();
    await t.chat(attacker);
    // The attacker's own valid signature, pointed at the victim's page and at the victim's dialog.
    const own = signed(attacker, victimChat);
    const atVictim = own.url.replace(`/bitrix/app/${attacker.memberId}`, `/bitrix/app/${victim.memberId}`);
    expect((await open(atVictim, own.referer)).status).toBe(403);
    const onOwnPage = await open(own.url, own.referer);
    expect(await onOwnPage.text()).not.toContain('Victim');
  });

  it('a customer name with markup is shown as text', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal, { name: '<img src=x onerror=alert(1)> "Bobby"' });
    const request = signed(portal, chat);
    const html = await (await open(request.url, request.referer)).text();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;Bobby&quot;');
    expect(html).not.toContain('<img src=x');
  });
});

describe('giving the chat back to the bot', () => {
  it('after an operator took the chat, "give back" shows the customer the menu; the bot answers again and its hand-over makes no session call', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    await t.stack.simulator.operatorTakes(portal, chat, { text: 'Hello, Olga here.' });
    await t.stack.idle();
    const before = chat.messages.filter((message) => message.author === 'bot').length;
    const request = signed(portal, chat);
    const resume = await fetch(`${request.url.replace('?', '/resume?')}`, { method: 'POST', body: new URLSearchParams({ menu: 'delivery' }) });
    expect(resume.status).toBe(202);
    await t.stack.idle();
    expect(t.customerView(chat).at(-1)).toMatch(/^Delivery and tracking/);
    expect(chat.messages.filter((message) => message.author === 'bot')).toHaveLength(before + 1);

    await t.say(portal, chat, '2'); // answered again (delivery times)
    expect(chat.messages.filter((message) => message.author === 'bot')).toHaveLength(before + 2);
    const since = t.stack.simulator.lastSeq;
    await t.say(portal, chat, 'operator');
    const methods = t.stack.simulator.callsFor(portal.memberId, since).map((call) => call.method);
    expect(methods).toContain('imbot.message.add');
    expect(methods).not.toContain('imopenlines.bot.session.operator');
    expect(t.stack.queue.deadLetters.filter((letter) => letter.job.dialogId === chat.dialogId)).toEqual([]);
  });

  it('an unsigned or foreign "give back" is refused', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const request = signed(portal, chat);
    const forged = tamper(request.url, 'USER_HASH', '0'.repeat(32)).replace('?', '/resume?');
    expect((await fetch(forged, { method: 'POST' })).status).toBe(403);
    const foreign = await fetch(request.url.replace('?', '/resume?'), { method: 'POST', headers: { origin: 'https://evil.example.com' } });
    expect(foreign.status).toBe(403);
  });
});

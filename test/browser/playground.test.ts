/// <reference lib="dom" />
/**
 * The playground in a real browser: Debian's Chromium driven by playwright-core (no
 * browser download). Opens the page, walks a submenu by clicking, answers a question by
 * typing, triggers a transfer and finds the REST call in the portal panel; checks the
 * plain-text view and a phone-sized screen; uses the operator and line controls; takes a
 * screenshot (see PLAYGROUND_SCREENSHOT).
 * Needs /usr/bin/chromium (`apt-get install chromium`, done by .ci/run).
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createPlayground, movableClock, type Playground } from '../../infra/local/playground/server.js';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.js';
import { setLogSink } from '../../lib/log.js';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { CHROMIUM, hasChromium, launchChromium } from '../helpers/chromium.js';

if (!hasChromium) console.warn(`playground browser test not run: ${CHROMIUM} is missing (apt-get install chromium)`);

let stack: LocalStack;
let playground: Playground;
let browser: Browser;
let page: Page;
let menuFile: string;

beforeAll(async () => {
  if (!hasChromium) return;
  setLogSink(() => undefined);
  const clock = movableClock();
  // Office hours whatever time the suite runs (the page's Time control moves it on from there).
  clock.shift(OFFICE_HOURS - Date.now());
  // A copy of the example menu, watched: the test breaks and mends it to see the banner.
  menuFile = join(mkdtempSync(join(tmpdir(), 'playground-menu-')), 'menu.yaml');
  copyFileSync('menus/example.yaml', menuFile);
  stack = await startLocalStack({
    port: 0,
    clock: clock.now,
    watchMenu: true,
    env: { MENU_FILE: menuFile },
    routes: (created) => (playground = createPlayground(created, clock)).routes,
  });
  await playground.start();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const lastBotMessage = () => page.locator('#messages .msg.bot').last();

describe.skipIf(!hasChromium)('the playground page', () => {
  it('opens with the greeting and the start menu, and the text box focused', async () => {
    await page.goto(stack.url);
    await expect.poll(() => page.locator('#messages .msg.bot').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('text');
    expect(await lastBotMessage().textContent()).toMatch(/Hello, Ivan Petrov!/);
  });

  it('walks a submenu by clicking, answers a question by typing, and hands over to the queue', async () => {
    await page.selectOption('#hours', 'open'); // the bot's clock to office hours: the full main menu
    await expect.poll(() => lastBotMessage().textContent()).toMatch(/How can we help\?.*Payment and invoices/);
    await lastBotMessage().getByRole('button', { name: '3. Return or refund' }).click();
    await expect.poll(() => lastBotMessage().textContent()).toBe('ACME SupportPlease send your order number (digits only).');
    await page.fill('#text', '1048576');
    await page.press('#text', 'Enter');
    await expect.poll(() => lastBotMessage().textContent()).toMatch(/Which e-mail/);
    await page.fill('#text', 'ivan@example.com');
    await page.click('#composer button[type=submit]');
    await expect.poll(() => lastBotMessage().textContent()).toMatch(/handle the return of order 1048576 and write to ivan@example\.com/);
    // The portal panel shows the transfer the bot made, the session status and the hand-over card.
    await expect.poll(() => page.locator('details.call[data-method="imopenlines.bot.session.operator"]').count()).toBe(1);
    expect(await page.locator('#badge').textContent()).toMatch(/in the queue/);
    expect(await page.locator('#notes .note').first().textContent()).toMatch(/Hand-over from the bot.*Answers: ORDER: 1048576; EMAIL: ivan@example\.com/);
    await page.locator('details.call[data-method="imopenlines.bot.session.operator"] summary').click();
    expect(await page.locator('details.call[data-method="imopenlines.bot.session.operator"] pre').textContent()).toContain('"CHAT_ID"');
    await page.click('#session');
    await expect.poll(() => page.locator('#badge').textContent()).toMatch(/with the bot/);
    await lastBotMessage().getByRole('button', { name: '2. Payment and invoices' }).click();
    await expect.poll(() => lastBotMessage().textContent()).toMatch(/^ACME SupportPayment and invoices/);
    // Into a temp folder (tests never rewrite tracked files); PLAYGROUND_SCREENSHOT=docs/playground.png refreshes the README's.
    await page.screenshot({ path: process.env.PLAYGROUND_SCREENSHOT ?? join(tmpdir(), 'playground.png') });
  });

  it('shows what a Telegram or WhatsApp customer gets: flattened text, nothing clickable', async () => {
    await page.click('#view-plain');
    expect(await page.locator('#messages button.send').count()).toBe(0);
    expect(await lastBotMessage().textContent()).toMatch(/1\. Payment methods\n2\. A copy of my invoice/);
    await page.click('#view-b24');
    expect(await page.locator('#messages button.send').count()).toBeGreaterThan(0);
  });

  it('is usable on a phone-sized screen', async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await phone.goto(stack.url);
    await expect.poll(() => phone.locator('#messages .msg.bot').count()).toBeGreaterThan(0);
    const input = await phone.locator('#text').boundingBox();
    expect(input!.x + input!.width).toBeLessThanOrEqual(375);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.close();
  });

  it('on a 390 × 844 phone the last line stays fully visible above the input after a hand-over; the portal panel is a drawer', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(stack.url);
    await phone.click('#reset');
    await expect.poll(() => phone.locator('#badge').textContent()).toMatch(/with the bot/);
    await phone.fill('#text', 'operator');
    await phone.press('#text', 'Enter');
    await expect.poll(() => phone.locator('#badge').textContent()).toMatch(/in the queue/);
    await expect.poll(() => phone.locator('#messages .sysline').last().textContent()).toMatch(/in the queue/);
    const fullyVisible = () =>
      phone.evaluate(() => {
        const box = document.getElementById('messages')!.getBoundingClientRect();
        const last = document.getElementById('messages')!.lastElementChild!.getBoundingClientRect();
        const input = document.getElementById('opbar')!.getBoundingClientRect();
        return last.top >= box.top && last.bottom <= box.bottom + 0.5 && last.bottom <= input.top + 0.5;
      });
    await expect.poll(fullyVisible).toBe(true);
    await phone.screenshot({ path: join(tmpdir(), 'playground-phone.png') });
    expect(await phone.locator('#panel').evaluate((panel) => panel.getBoundingClientRect().left >= window.innerWidth - 1)).toBe(true); // closed
    await phone.click('#panel-toggle');
    await expect.poll(() => phone.locator('#panel').evaluate((panel) => Math.round(panel.getBoundingClientRect().right) <= window.innerWidth)).toBe(true);
    await phone.close();
  });

  it('the header fits one line at 1280 px', async () => {
    const tops = await page.evaluate(() =>
      Array.from(document.querySelector('header')!.children)
        .filter((child) => (child as HTMLElement).offsetParent !== null)
        .map((child) => child.getBoundingClientRect().top),
    );
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(12); // one row (controls differ in height by a few pixels)
  });

  it('a menu edit shows a banner: the rejection with its line, until a good save says "reloaded"', async () => {
    const good = readFileSync(menuFile, 'utf8');
    writeFileSync(menuFile, good.replace('start: main', 'start: [main'));
    await expect.poll(() => page.locator('#banner').textContent(), { timeout: 10_000 }).toMatch(/was not taken[\s\S]*menu\.yaml:\d+:\d+/);
    writeFileSync(menuFile, good.replace('ACME Support', 'ACME Help'));
    await expect.poll(() => page.locator('#banner').textContent(), { timeout: 10_000 }).toMatch(/Menu reloaded \(version/);
    writeFileSync(menuFile, good);
  });

  it('sessions are separated in the chat, and after "That is all" a new message opens a new session the badge shows', async () => {
    await page.click('#reset');
    await expect.poll(() => page.locator('#badge').textContent()).toMatch(/with the bot/);
    const session = async () => (await page.locator('#statustext').textContent())!.match(/session (\d+)/)![1];
    const first = await session();
    await page.fill('#text', 'operator');
    await page.press('#text', 'Enter');
    await expect.poll(() => page.locator('#badge').textContent()).toMatch(/in the queue/);
    await page.click('#session');
    await expect.poll(session).not.toBe(first);
    await expect.poll(() => page.locator('#messages .sysline.session').count()).toBe(1);
    await expect.poll(() => page.locator('#badge').textContent()).toMatch(/with the bot/);
  });

  it('has operator controls: the line times out, an operator takes the chat and writes, the portal can be made to fail', async () => {
    for (const id of ['#op-take', '#op-text', '#timeout', '#fail']) expect(await page.locator(id).count()).toBe(1);
    expect(await page.locator('label', { has: page.locator('#lang') }).textContent()).toMatch(/Portal language/);
    await page.click('#reset');
    await expect.poll(() => page.locator('#badge').textContent()).toMatch(/with the bot/);
    await page.click('#timeout');
    await expect.poll(() => page.locator('#badge').textContent()).toMatch(/in the queue/);
    await page.fill('#op-text', 'Hello, this is Olga from support.');
    await page.click('#op-take');
    await expect.poll(() => page.locator('#messages .msg.operator').last().textContent()).toBe('Operator 12Hello, this is Olga from support.');
    await expect.poll(() => page.locator('#badge').textContent()).toMatch(/with operator/);
    expect(await page.locator('#state').textContent()).toMatch(/customer's language \(detected\)/);
    await page.click('#fail');
    await expect.poll(() => page.locator('#fail').getAttribute('aria-pressed')).toBe('true');
    await page.click('#fail');
    await expect.poll(() => page.locator('#fail').getAttribute('aria-pressed')).toBe('false');
  });

  it("opens the operators' chat app signed as the portal signs it: what the bot learned, and an answer put into the operator's box", async () => {
    await page.click('#reset');
    await expect.poll(() => page.locator('#badge').textContent()).toMatch(/with the bot/);
    await page.fill('#text', 'what?');
    await page.press('#text', 'Enter');
    await expect.poll(() => page.locator('#messages .msg.bot').count()).toBeGreaterThan(1);
    await page.click('#app-open');
    const app = page.frameLocator('#app');
    await expect.poll(() => app.locator('#status').textContent()).toMatch(/The bot is handling this chat/);
    expect(await app.locator('dl').textContent()).toMatch(/“what\?”/);
    await app.locator('#search').fill('monday');
    await app.locator('button.answer:visible').first().click();
    await expect.poll(() => page.locator('#op-text').inputValue()).toMatch(/^We answer Monday/);
  });
});

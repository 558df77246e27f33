/// <reference lib="dom" />
/**
 * The dashboard in Chromium (issue 19): a few conversations in the playground on two Open
 * Lines with their own menus, then the Dashboard tab shows the same numbers `npm run stats
 * -- --local` reports, charts drawn in inline SVG with nothing fetched, and "add as example
 * to item…" gives the YAML line to paste. Needs /usr/bin/chromium (as playground.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { createPlayground, movableClock, type Playground } from '../../infra/local/playground/server.js';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.js';
import { setLogSink } from '../../lib/log.js';
import type { StatsReport } from '../../lib/stats/report.js';
import { hasChromium, launchChromium } from '../helpers/chromium.js';

let stack: LocalStack;
let playground: Playground;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  setLogSink(() => undefined);
  const clock = movableClock();
  stack = await startLocalStack({
    port: 0,
    clock: clock.now,
    env: { MENU_FILE: 'menus/by-line' },
    routes: (created) => (playground = createPlayground(created, clock)).routes,
  });
  await playground.start();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // CSP violations and script errors are console errors; a missing favicon is the browser's own request.
  page.on('console', (message) => void (message.type() === 'error' && !/status of 404/.test(message.text()) && problems.push(message.text())));
  page.on(
    'response',
    (response) => void (response.status() >= 400 && !response.url().endsWith('/favicon.ico') && problems.push(`${response.status()} ${response.url()}`)),
  );
  page.on('request', (request) => void (!request.url().startsWith(stack.url) && problems.push(`fetched ${request.url()}`)));
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const lastBotMessage = () => page.locator('#messages .msg.bot').last();
const say = async (text: string, expected: RegExp) => {
  await page.fill('#text', text);
  await page.press('#text', 'Enter');
  await expect.poll(() => lastBotMessage().textContent()).toMatch(expected);
};

describe.skipIf(!hasChromium)('the dashboard tab', () => {
  it('shows what npm run stats reports, per Open Line, and the YAML line for a misunderstood message', async () => {
    await page.goto(stack.url);
    await expect.poll(() => lastBotMessage().textContent()).toMatch(/How can we help\?/);
    await say('1', /We are open Monday to Friday/);
    await say('xyzzy 12345 plugh', /did not understand|Sorry/i);
    await say('3', /goodbye/);
    // Line 2 has its own menu (menus/by-line/line-2.yaml).
    await page.selectOption('#line', '2');
    await expect.poll(() => lastBotMessage().textContent()).toMatch(/Welcome to ACME wholesale/);
    await say('2', /account manager will answer/);

    const report = (await (await fetch(`${stack.url}/local/stats`)).json()) as StatsReport;
    expect(report).toMatchObject({ conversations: 2, handedOver: 1, contained: 1, finished: 1, byReason: { 'menu-item': 1 } });

    await page.click('#tab-dashboard');
    const frame = (await (await page.waitForSelector('#dashboard:not([hidden])')).contentFrame()) as Frame;
    await frame.waitForSelector('[data-testid="kpi-conversations"]');
    const kpi = (key: string) => frame.locator(`section.view:not([hidden]) [data-testid="kpi-${key}"]`).textContent();
    expect(await kpi('conversations')).toBe(String(report.conversations));
    expect(await kpi('contained')).toBe(String(report.contained));
    expect(await kpi('handedOver')).toBe(String(report.handedOver));
    expect(await kpi('misread')).toBe(String(report.misreadTotal));
    const all = frame.locator('section.view[data-view="all"]');
    expect(await all.locator('g[data-reason="menu-item"]').getAttribute('data-count')).toBe('1');
    expect(await all.locator('[data-menu="main"]').getAttribute('data-shown')).toBe(String(report.menus.main!.shown));
    expect(await all.locator('[data-item="main:1"]').getAttribute('data-chosen')).toBe('1');
    expect(await all.locator('svg.chart g[data-day]').count()).toBe(report.days.length);

    // The line 2 view: its own menu's funnel.
    await frame.selectOption('#view', '2');
    expect(await frame.locator('section.view[data-view="2"] [data-testid="kpi-conversations"]').textContent()).toBe('1');
    expect(await frame.locator('section.view[data-view="2"] [data-item="main:2"]').textContent()).toMatch(/Talk to your account manager/);

    // Add a misunderstood message as an example: the line to paste, with the digits masked.
    await frame.selectOption('#view', 'all');
    expect(report.misread).toEqual([{ text: 'xyzzy ##### plugh', count: 1 }]);
    await all.locator('tr[data-misread] button.add').click();
    await all.locator('select.item').selectOption({ label: 'main › 1. Opening hours' });
    expect(await all.locator('pre.yaml').textContent()).toBe(
      '# menus › main › items › id: 1 (Opening hours)\n        en: ["when are you open", "working hours", "xyzzy ##### plugh"]',
    );
    await all.locator('select.item').selectOption({ label: 'delivery › 1. Delivery times' });
    expect(await all.locator('pre.yaml').textContent()).toContain('examples: { en: ["xyzzy ##### plugh"] }');
    expect(problems).toEqual([]);

    await page.click('#tab-chat');
    expect(await page.locator('main').isVisible()).toBe(true);
  });
});

/**
 * The dashboard as the app's own page inside a portal (issue 19): the portal opens the
 * handler page with a form POST carrying the user's AUTH_ID (b24restdocs
 * local-integrations/serverside-local-app-with-ui.md); only an administrator of the stored
 * portal, proven with user.admin against the stored endpoint, sees it. Everything else: 403.
 */
import { describe, expect, it } from 'vitest';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { useStack } from '../helpers/stack.js';

let now = OFFICE_HOURS;
const t = useStack({ clock: () => (now += 1) });

describe('POST /bitrix/dashboard', () => {
  it("an administrator sees the portal's numbers, proven by one user.admin call", async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    await t.say(portal, chat, '0');
    const since = t.stack.simulator.lastSeq;
    const page = await t.stack.simulator.openApp(portal, { userId: 1 });
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="kpi-conversations">1<');
    expect(page.text).toContain('data-testid="kpi-handedOver">1<');
    expect(t.stack.simulator.callsFor(portal.memberId, since).map((call) => call.method)).toEqual(['user.admin']);
    // Self-contained: one nonce'd script, nothing loaded from anywhere.
    expect(page.text).toMatch(/<script nonce="[^"]+">/);
    expect(page.text).not.toMatch(/\b(src|href)="https?:/);
    const answer = await fetch(`${t.stack.url}/bitrix/dashboard?DOMAIN=${encodeURIComponent(portal.domain)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(answer.status).toBe(403);
  });

  it('refused: an operator who is not an administrator, a wrong application token, another domain, an unknown portal', async () => {
    const portal = await t.portal();
    const other = await t.portal();
    expect((await t.stack.simulator.openApp(portal, { userId: 12 })).status).toBe(403);
    expect(
      (
        await t.stack.simulator.openApp(portal, {
          tamper: (body, query) => ({ body: body.replace(/APPLICATION_TOKEN=[^&]+/, 'APPLICATION_TOKEN=forged'), query }),
        })
      ).status,
    ).toBe(403);
    expect(
      (await t.stack.simulator.openApp(portal, { tamper: (body, query) => ({ body, query: query.replace(/DOMAIN=[^&]+/, 'DOMAIN=evil.example.com') }) }))
        .status,
    ).toBe(403);
    expect(
      (await t.stack.simulator.openApp(portal, { tamper: (body, query) => ({ body: body.replace(/member_id=[^&]+/, 'member_id=nobody'), query }) })).status,
    ).toBe(403);
    // Another portal's admin token, with this portal's member_id and application token: user.admin fails at the stored endpoint.
    expect(
      (
        await t.stack.simulator.openApp(other, {
          tamper: (body, query) => ({
            body: body
              .replace(/member_id=[^&]+/, `member_id=${portal.memberId}`)
              .replace(/APPLICATION_TOKEN=[^&]+/, `APPLICATION_TOKEN=${portal.applicationToken}`),
            query: query.replace(/DOMAIN=[^&]+/, `DOMAIN=${encodeURIComponent(portal.domain)}`),
          }),
        })
      ).status,
    ).toBe(403);
    expect(t.logs.filter((line) => line.includes('dashboard refused')).length).toBeGreaterThanOrEqual(5);
    expect((await fetch(`${t.stack.url}/bitrix/dashboard`)).status).toBe(405);
  });
});

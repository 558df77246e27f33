/**
 * Renamed portals (issue 14 item 2, contract §9.3; Bitrix24 docs
 * `settings/how-to-call-rest-api/change-domen.md`): the old address answers 302 to the new
 * one, events then come from the new domain with the same member_id. The bot repeats the
 * POST at the new address, stores it, and stops calling the old one; a redirect to a host
 * that is not allowed is refused and leaves no token in the logs; a refresh answer's
 * addresses are stored; an install from the new address is accepted only when the move
 * is verified. Simulator on loopback: `localhost:<port>` renamed to `127.0.0.1:<port>`
 * (both in the test stack's B24_ALLOWED_HOSTS); `127.0.0.2` is not allowed.
 */
import { describe, expect, it } from 'vitest';
import { installBody } from '../../infra/local/simulator/event-bodies.js';
import type { SimChat, SimPortal } from '../../infra/local/simulator/model.js';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { useAttacker } from '../helpers/attacker.js';
import { useStack } from '../helpers/stack.js';

// The bot's clock in office hours (the example menu's replies differ after hours), moving as real time does.
const officeClock = (
  (shift) => () =>
    Date.now() + shift
)(OFFICE_HOURS - Date.now());
const t = useStack({ clock: officeClock, queue: { maxAttempts: 3, retryBaseMs: 20 } });

const attacker = useAttacker({ result: true });

const replies = (chat: SimChat) => chat.messages.filter((message) => message.author === 'bot' && !message.operatorOnly).map((message) => message.text);
/** "host:port/rest/" as the simulator records where a request came in. */
const addressOf = (endpoint: string) => `${new URL(endpoint).host}${new URL(endpoint).pathname}`;
const newHost = () => `127.0.0.1:${t.stack.port}`;
const stored = (portal: SimPortal) => t.stack.deps.portals.get(portal.memberId);

async function post(url: string, body: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  return { status: response.status, text: await response.text() };
}

describe('a renamed portal', () => {
  it('keeps getting replies: the POST is repeated at the new address, the address is stored, the old one is never called again', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const oldAddress = addressOf(portal.clientEndpoint);
    t.stack.simulator.renamePortal(portal, newHost());
    expect(portal.clientEndpoint).not.toContain('localhost');

    const since = t.stack.simulator.lastSeq;
    const answer = await t.say(portal, chat, '4'); // the event already comes from the new domain
    expect(answer.status).toBe(200);
    expect(replies(chat).filter((text) => text.startsWith('We answer Monday'))).toHaveLength(1);
    const calls = t.stack.simulator.callsFor(portal.memberId, since);
    expect(calls.map((call) => [call.method, call.address, call.error ?? 'ok'])).toEqual([
      ['imbot.message.add', oldAddress, 'REDIRECTED'],
      ['imbot.message.add', addressOf(portal.clientEndpoint), 'ok'],
    ]);
    expect(await stored(portal)).toMatchObject({ clientEndpoint: portal.clientEndpoint, domain: newHost(), status: 'active' });

    // Later turns, a new chat, an update without tokens: none of them calls the old address.
    const later = t.stack.simulator.lastSeq;
    await t.say(portal, chat, '2');
    const second = await t.chat(portal);
    await t.say(portal, second, 'operator');
    expect((await t.stack.simulator.update(portal)).status).toBe(200);
    const after = t.stack.simulator.callsFor(portal.memberId, later);
    expect(after.length).toBeGreaterThan(3);
    expect(after.filter((call) => call.address === oldAddress)).toEqual([]);
    expect(replies(chat).filter((text) => text.startsWith('Payment and invoices'))).toHaveLength(1);
    expect(t.stack.queue.deadLetters.filter((letter) => letter.job.memberId === portal.memberId)).toEqual([]);
  });

  it('events from the new domain and endpoint are accepted (same member_id and application token); a wrong token still is not', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    t.stack.simulator.renamePortal(portal, newHost());
    const answer = await t.say(portal, chat, '4');
    expect(answer.status).toBe(200);
    expect(replies(chat).filter((text) => text.startsWith('We answer Monday'))).toHaveLength(1);
    const { uninstallBody } = await import('../../infra/local/simulator/event-bodies.js');
    expect((await post(`${t.stack.url}/bitrix/events`, uninstallBody({ ...portal, applicationToken: '0'.repeat(32) }, Date.now()))).status).toBe(401);
  });

  it("a refresh answer's client_endpoint and server_endpoint are stored (its `domain`, the OAuth server's, is not the portal's)", async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    t.stack.simulator.renamePortal(portal, newHost());
    t.stack.simulator.moveOAuthServer(portal, `http://${newHost()}/rest/`);
    t.stack.simulator.setEventTokens('none');
    t.stack.simulator.expireTokens(portal);
    const since = t.stack.simulator.lastSeq;
    try {
      await t.say(portal, chat, '4');
    } finally {
      t.stack.simulator.setEventTokens('fresh');
    }
    expect(replies(chat).filter((text) => text.startsWith('We answer Monday'))).toHaveLength(1);
    // Old address → 302 → new address says expired_token → refresh, whose answer names the new endpoint → sent there.
    expect(t.stack.simulator.callsFor(portal.memberId, since).map((call) => call.error ?? 'ok')).toEqual(['REDIRECTED', 'expired_token', 'ok']);
    expect(await stored(portal)).toMatchObject({
      clientEndpoint: portal.clientEndpoint,
      domain: newHost(),
      serverEndpoint: `http://${newHost()}/rest/`,
      tokenVersion: 2,
    });
  });

  it('[defence: host allowlist] a redirect to a host outside B24_ALLOWED_HOSTS is refused, never followed, and no token reaches the logs', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const before = await stored(portal);
    const logsBefore = t.logs.length;
    t.stack.simulator.renamePortal(portal, attacker.host());
    await t.say(portal, chat, '4');
    expect(attacker.hits()).toBe(0);
    expect(await stored(portal)).toEqual(before);
    const letter = t.stack.queue.deadLetters.find((candidate) => candidate.job.dialogId === chat.dialogId);
    expect(letter).toMatchObject({ attempts: 1, reason: expect.stringMatching(/redirected to 127\.0\.0\.2:\d+, which is not in B24_ALLOWED_HOSTS/) });
    const logged = t.logs.slice(logsBefore).join('\n');
    expect(logged).toMatch(/not in B24_ALLOWED_HOSTS/);
    for (const secret of t.stack.simulator.issuedSecrets) expect(logged).not.toContain(secret);
  });
});

describe('install and update after a rename', () => {
  it('an update with tokens from the new address is accepted once the move was verified by a redirect', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    t.stack.simulator.renamePortal(portal, newHost());
    await t.say(portal, chat, '4'); // the bot follows the 302 and stores the new address
    const answer = await t.stack.simulator.update(portal, { newApplicationToken: true });
    expect(answer.status).toBe(200);
    expect(await stored(portal)).toMatchObject({ domain: newHost(), clientEndpoint: portal.clientEndpoint, applicationToken: portal.applicationToken });
  });

  it('a re-install from the new address before any REST call: accepted because the stored address redirects exactly there and the token works there', async () => {
    const portal = await t.portal();
    const oldAddress = addressOf(portal.clientEndpoint);
    t.stack.simulator.renamePortal(portal, newHost());
    const since = t.stack.simulator.lastSeq;
    const answer = await t.stack.simulator.install(portal);
    expect(answer.status).toBe(200);
    expect(await stored(portal)).toMatchObject({ domain: newHost(), clientEndpoint: portal.clientEndpoint });
    // One app.info at the old address to verify the move; everything else at the new one.
    expect(
      t.stack.simulator
        .callsFor(portal.memberId, since)
        .filter((call) => call.address === oldAddress)
        .map((call) => call.method),
    ).toEqual(['app.info']);
  });

  it('[defence: stored address check] a claimed new address the stored one does not redirect to is refused and changes nothing', async () => {
    const victim = await t.portal();
    t.stack.simulator.renamePortal(victim, newHost()); // the victim's old address now redirects to 127.0.0.1…
    const before = await stored(victim);
    // …but the attacker claims the victim's member_id from their own portal, with their own working token.
    const own = await t.portal({ host: '127.0.0.1' });
    const forged = installBody({ ...own, memberId: victim.memberId }, t.stack.simulator.issueToken(own, 1, 'user'), own.refreshToken, Date.now());
    const answer = await post(`${t.stack.url}/bitrix/install`, forged);
    expect(answer.status).toBe(403);
    expect(answer.text).toMatch(/another address/);
    expect(await stored(victim)).toEqual(before);
  });
});

/**
 * Every event is trusted only as far as it proves itself. Each test names the defence
 * it needs: remove that defence and the test fails.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installBody, uninstallBody } from '../../infra/local/simulator/event-bodies.js';
import { keys, portalPk } from '../../lib/store/keys.js';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDb } from '../../lib/store/db.js';
import { useAttacker } from '../helpers/attacker.js';
import { useStack } from '../helpers/stack.js';

const t = useStack({ env: { MENU_FILE: 'test/fixtures/menus/first-version.yaml' } });

const post = (url: string, body: string, type = 'application/x-www-form-urlencoded') =>
  fetch(url, { method: 'POST', headers: { 'content-type': type }, body }).then(async (response) => ({ status: response.status, text: await response.text() }));

const attacker = useAttacker({ result: { CODE: 'local.playground', ID: 1 } });

async function itemsOf(memberId: string) {
  const db = createDb({ region: 'local', endpoint: t.stack.dynamo.endpoint });
  const page = await db.send(
    new QueryCommand({
      TableName: t.stack.deps.config.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': portalPk(memberId) },
    }),
  );
  return page.Items ?? [];
}

describe('install is proven, not believed', () => {
  it('[defence: host allowlist] refuses a portal on a host outside B24_ALLOWED_HOSTS and never calls it', async () => {
    const victim = t.stack.simulator.createPortal({ domain: attacker.host() });
    victim.installed = true;
    const body = installBody(victim, { accessToken: 'a'.repeat(32), expiresAt: Date.now() + 3_600_000 }, 'r'.repeat(32), Date.now());
    const answer = await post(`${t.stack.url}/bitrix/install`, body);
    expect(answer.status).toBe(403);
    expect(answer.text).toMatch(/not in B24_ALLOWED_HOSTS/);
    expect(attacker.hits()).toBe(0);
    expect(await t.stack.deps.portals.get(victim.memberId)).toBeUndefined();
  });

  it('[defence: https only] refuses plain http to an allowed non-loopback host', async () => {
    const portal = t.stack.simulator.createPortal({ domain: 'shop.bitrix24.com' });
    const answer = await post(
      `${t.stack.url}/bitrix/install`,
      installBody(portal, { accessToken: 'a'.repeat(32), expiresAt: Date.now() + 3_600_000 }, 'r', Date.now()),
    );
    expect(answer.status).toBe(403);
  });

  it('[defence: app.info proof] refuses tokens the portal does not confirm', async () => {
    const portal = await t.portal({ install: false });
    portal.installed = true;
    const forged = installBody(portal, { accessToken: 'f'.repeat(32), expiresAt: Date.now() + 3_600_000 }, 'r'.repeat(32), Date.now());
    const answer = await post(`${t.stack.url}/bitrix/install`, forged);
    expect(answer).toMatchObject({ status: 403 });
    expect(answer.text).toMatch(/did not confirm/);
    expect(t.methods(portal)).toEqual(['app.info']);
    expect(await t.stack.deps.portals.get(portal.memberId)).toBeUndefined();
  });

  it('[defence: app.info CODE check] refuses a portal that answers for another application', async () => {
    const portal = await t.portal({ install: false });
    const other = { ...t.stack.deps, config: { ...t.stack.deps.config, clientId: 'local.someone-else' } };
    const { installPortal } = await import('../../lib/app/install.js');
    portal.installed = true;
    const token = t.stack.simulator.issueToken(portal, 1, 'user');
    await expect(
      installPortal(
        other,
        {
          type: 'install',
          source: 'event',
          ts: 0,
          language: 'en',
          portal: {
            memberId: portal.memberId,
            domain: portal.domain,
            clientEndpoint: portal.clientEndpoint,
            serverEndpoint: portal.serverEndpoint,
            applicationToken: portal.applicationToken,
          },
          tokens: { accessToken: token.accessToken, refreshToken: 'r', expiresAt: 0, scope: '' },
        },
        t.stack.deps.log,
      ),
    ).rejects.toMatchObject({ status: 403, code: 'NOT_OUR_APP' });
  });

  it('[defence: stored address check] an install claiming an existing portal from another address changes nothing', async () => {
    const victim = await t.portal();
    const before = await t.stack.deps.portals.get(victim.memberId);
    // The attacker installed our app on their own portal (so app.info passes there)…
    const own = await t.portal({ host: '127.0.0.1' });
    // …and replays its install with the victim's member_id.
    const forged = installBody({ ...own, memberId: victim.memberId }, t.stack.simulator.issueToken(own, 1, 'user'), own.refreshToken, Date.now());
    const answer = await post(`${t.stack.url}/bitrix/install`, forged);
    expect(answer.status).toBe(403);
    expect(answer.text).toMatch(/another address/);
    expect(await t.stack.deps.portals.get(victim.memberId)).toEqual(before);
  });
});

describe('every event authenticates', () => {
  it('[defence: application token check] an unknown member_id gets 401', async () => {
    const stranger = t.stack.simulator.createPortal({ domain: `localhost:${t.stack.port}` });
    const answer = await post(`${t.stack.url}/bitrix/events`, uninstallBody(stranger, Date.now()));
    expect(answer.status).toBe(401);
  });

  it('[defence: application token check] a forged ONAPPUNINSTALL deletes nothing', async () => {
    const portal = await t.portal();
    const answer = await post(`${t.stack.url}/bitrix/events`, uninstallBody({ ...portal, applicationToken: '0'.repeat(32) }, Date.now()));
    expect(answer.status).toBe(401);
    expect(await t.stack.deps.portals.get(portal.memberId)).toMatchObject({ status: 'active' });
  });

  it('[defence: body size limit] a body over the limit is 413 before anything parses it', async () => {
    const answer = await post(`${t.stack.url}/bitrix/events`, `event=ONIMBOTMESSAGEADD&data[PARAMS][MESSAGE]=${'x'.repeat(70_000)}`);
    expect(answer).toMatchObject({ status: 413, text: 'body is larger than 65536 bytes\n' });
  });

  it('[defence: content type check] a JSON body is 415', async () => {
    expect((await post(`${t.stack.url}/bitrix/events`, '{"event":"ONAPPINSTALL"}', 'application/json')).status).toBe(415);
  });

  it('malformed bodies get a one-line 400 and a structured log line, and write nothing', async () => {
    const before = t.logs.length;
    const answer = await post(
      `${t.stack.url}/bitrix/events`,
      'event=ONIMBOTMESSAGEADD&auth[member_id]=abc&auth[domain]=x&auth[client_endpoint]=y&auth[application_token]=z',
    );
    expect(answer).toEqual({ status: 400, text: 'data[PARAMS][MESSAGE_ID] is required\n' });
    const line = t.logs
      .slice(before)
      .map((entry) => JSON.parse(entry) as Record<string, unknown>)
      .find((entry) => entry.msg === 'request refused');
    expect(line).toMatchObject({ level: 'warn', status: 400, code: 'MISSING_FIELD', reason: 'data[PARAMS][MESSAGE_ID] is required', path: '/bitrix/events' });
    expect(await itemsOf('abc')).toEqual([]);
  });
});

describe('the public URL survives anything', () => {
  it('[fuzz] random and half-valid bodies always get a 4xx (or 200), never a 5xx, and the server keeps answering', async () => {
    const portal = await t.portal();
    const valid = `auth[member_id]=${portal.memberId}&auth[domain]=${portal.domain}&auth[client_endpoint]=${encodeURIComponent(portal.clientEndpoint)}&auth[application_token]=${portal.applicationToken}`;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc
            .tuple(fc.constantFrom('ONIMBOTMESSAGEADD', 'ONIMBOTJOINCHAT', 'ONAPPUPDATE', 'ONIMBOTDELETE', 'ONAPPUNINSTALL'), fc.string({ maxLength: 120 }))
            .map(([event, tail]) => `event=${event}&${valid}&${tail}`),
        ),
        async (body) => {
          const answer = await post(`${t.stack.url}/bitrix/events`, body);
          expect(answer.status).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
    expect((await fetch(`${t.stack.url}/health`)).status).toBe(200);
  });
});

describe('no injection through customer data', () => {
  it('[defence: plain() on customer text] a customer named like BB-code sees the name as text', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal, { name: '[URL=https://evil.example]Support[/URL] [send=0]x[/send]' });
    const greeting = t.customerView(chat)[0]!;
    const nameLine = greeting.split('[br]')[0]!;
    expect(nameLine).not.toMatch(/\[(url|send)[=\]]/i);
    expect(nameLine.replace(/\u200B/g, '')).toBe('Hello, [URL=https://evil.example]Support[/URL] [send=0]x[/send]! How can we help?');
  });
});

describe('clean exit', () => {
  it('[defence: uninstall clean-up] ONIMBOTDELETE + ONAPPUNINSTALL remove tokens, bot record and dialogs; events are refused; re-install works', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    await t.say(portal, chat, '3');
    const stored = (await itemsOf(portal.memberId)).map((item) => item.sk as string).sort();
    // The statistics (S#<day>#<line>) live in the portal's partition too, and go with it.
    expect(stored.filter((sk) => !sk.startsWith('S#'))).toEqual(['BUDGET', 'D#' + t.stack.simulator.ourBot(portal)!.id + '#' + chat.dialogId, 'PORTAL']);
    expect(stored.some((sk) => sk.startsWith('S#'))).toBe(true);
    const results = await t.stack.simulator.uninstall(portal);
    expect(results.map((result) => result.status)).toEqual([200, 401]); // ONIMBOTDELETE removed it all; the uninstall then finds nothing
    expect(await itemsOf(portal.memberId)).toEqual([]);
    // Later events for it are refused.
    const stale = await post(`${t.stack.url}/bitrix/events`, uninstallBody(portal, Date.now()));
    expect(stale.status).toBe(401);
    // A re-install starts clean.
    expect((await t.stack.simulator.install(portal)).status).toBe(200);
    const again = await t.chat(portal);
    expect(t.customerView(again)).toHaveLength(1);
    expect(keys.portal(portal.memberId).pk).toBe(portalPk(portal.memberId));
  });
});

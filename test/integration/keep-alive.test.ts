/**
 * The keep-alive job (contract §9.5): refresh tokens expire when unused, so the pairs
 * stored more than B24_REFRESH_AFTER_DAYS ago are refreshed — only those — through the
 * worker's race-free refresh, found by a Query on the TokensByAge index, never a Scan.
 * Time is the stack's clock (moved by the test); the simulator ages a refresh token on
 * request. Real HTTP to the simulator, real DynamoDB wire protocol to dynalite.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { SimPortal } from '../../infra/local/simulator/model.js';
import { main } from '../../infra/tools/tokens.js';
import { refreshStaleTokens } from '../../lib/app/keep-alive.js';
import { setLogLevel } from '../../lib/log.js';
import { createDb } from '../../lib/store/db.js';
import { keys } from '../../lib/store/keys.js';
import { createTokenAgeStore } from '../../lib/store/token-ages.js';
import { useStack } from '../helpers/stack.js';

const DAY = 86_400_000;
let now = Date.now();
const t = useStack({ clock: () => now });

const job = () => refreshStaleTokens(t.stack.deps, createTokenAgeStore(t.stack.db, t.stack.deps.config.tableName));
const stored = async (portal: SimPortal) => (await t.stack.deps.portals.get(portal.memberId))!;
const outcomeOf = (report: Awaited<ReturnType<typeof job>>, portal: SimPortal) => report.portals.filter((entry) => entry.memberId === portal.memberId);

/** The simulator's OAuth server asked directly with a refresh token. */
async function oauth(refreshToken: string) {
  const { clientId, clientSecret } = t.stack.deps.config;
  const body = new URLSearchParams({ grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret!, refresh_token: refreshToken });
  const res = await fetch(`${t.stack.url}/oauth/token/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  return { status: res.status, body: (await res.json()) as { error?: string } };
}

describe('the keep-alive job', () => {
  it('refreshes exactly the stale pairs, marks the portal whose grant is refused, and leaves fresh ones alone', async () => {
    const sim = t.stack.simulator;
    const stale = await t.portal();
    const refused = await t.portal();
    now += 121 * DAY; // past B24_REFRESH_AFTER_DAYS (120) for the two above
    const fresh = await t.portal();
    sim.ageRefreshToken(refused, 181 * DAY); // older than the documented 180 days: invalid_grant
    const before = { stale: await stored(stale), refused: await stored(refused), fresh: await stored(fresh) };
    const oldRefreshToken = stale.refreshToken;
    const scansBefore = t.stack.dbCalls.ScanCommand ?? 0;
    const queriesBefore = t.stack.dbCalls.QueryCommand ?? 0;
    const logsBefore = t.logs.length;

    setLogLevel('debug'); // every line the job writes, to check none holds a token
    const report = await job().finally(() => setLogLevel('warn'));

    expect(outcomeOf(report, stale)).toEqual([{ memberId: stale.memberId, outcome: 'refreshed' }]);
    expect(outcomeOf(report, refused)).toEqual([{ memberId: refused.memberId, outcome: 'refused', code: 'invalid_grant' }]);
    expect(outcomeOf(report, fresh)).toEqual([]);

    // Stale: a new pair stored, the old refresh token dead at the OAuth server.
    const after = { stale: await stored(stale), refused: await stored(refused), fresh: await stored(fresh) };
    expect(after.stale.tokenVersion).toBe(before.stale.tokenVersion + 1);
    expect(after.stale.refreshToken).toBe(stale.refreshToken);
    expect(after.stale.refreshToken).not.toBe(oldRefreshToken);
    expect(after.stale.tokensRefreshedAt).toBe(now);
    expect(await oauth(oldRefreshToken)).toEqual({ status: 400, body: expect.objectContaining({ error: 'invalid_grant' }) });
    // Refused: marked for an admin, tokens untouched.
    expect(after.refused.tokenProblem).toEqual({ code: 'invalid_grant', at: now });
    expect(after.refused.tokenVersion).toBe(before.refused.tokenVersion);
    // Fresh: untouched.
    expect(after.fresh).toEqual(before.fresh);

    // Found by a Query on the index, never a Scan.
    expect((t.stack.dbCalls.ScanCommand ?? 0) - scansBefore).toBe(0);
    expect((t.stack.dbCalls.QueryCommand ?? 0) - queriesBefore).toBeGreaterThanOrEqual(1);

    // One structured line per portal; the refused one at warn; never a token.
    const lines = t.logs.slice(logsBefore).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'info', msg: 'stale token pair refreshed', memberId: stale.memberId, outcome: 'refreshed', storedDaysAgo: 121 }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ level: 'warn', memberId: refused.memberId, outcome: 'refused', code: 'invalid_grant' }));
    expect(lines.filter((line) => line.level === 'error')).toEqual([]);
    const text = t.logs.slice(logsBefore).join('\n');
    for (const secret of sim.issuedSecrets) expect(text).not.toContain(secret);

    // A second run finds nothing due: no refresh, no OAuth request.
    const oauthBefore = sim.stats.oauthRequests;
    const again = await job();
    expect(outcomeOf(again, stale)).toEqual([]);
    expect(outcomeOf(again, refused)).toEqual([]); // marked: out of the index until new tokens are stored
    expect(outcomeOf(again, fresh)).toEqual([]);
    expect(sim.stats.oauthRequests).toBe(oauthBefore);
    expect((await stored(stale)).tokenVersion).toBe(after.stale.tokenVersion);
  });

  it('a reinstall clears the mark and puts the portal back in the index', async () => {
    const portal = await t.portal();
    now += 121 * DAY;
    t.stack.simulator.ageRefreshToken(portal, 181 * DAY);
    await job();
    expect((await stored(portal)).tokenProblem).toMatchObject({ code: 'invalid_grant' });
    const answer = await t.stack.simulator.install(portal);
    expect(answer.status).toBe(200);
    const reinstalled = await stored(portal);
    expect(reinstalled.tokenProblem).toBeUndefined();
    expect(reinstalled.tokensRefreshedAt).toBe(now);
    now += 121 * DAY;
    expect(outcomeOf(await job(), portal)).toEqual([{ memberId: portal.memberId, outcome: 'refreshed' }]);
  });

  it('a failure that may pass (OAuth server down) is reported, not marked, and tried again on the next run', async () => {
    const portal = await t.portal();
    now += 121 * DAY;
    const before = await stored(portal);
    t.stack.simulator.fail('oauth.token', { status: 503, error: 'server_error', times: Infinity });
    let report;
    try {
      report = await job();
    } finally {
      t.stack.simulator.clearFaults();
    }
    expect(outcomeOf(report, portal)).toEqual([{ memberId: portal.memberId, outcome: 'failed', code: 'server_error' }]);
    expect(await stored(portal)).toEqual(before);
    expect(outcomeOf(await job(), portal)).toEqual([{ memberId: portal.memberId, outcome: 'refreshed' }]);
    expect((await stored(portal)).tokenVersion).toBe(before.tokenVersion + 1);
  });

  it('stops before the time it was given runs out, leaving the rest for the next run', async () => {
    const portal = await t.portal();
    now += 121 * DAY;
    const report = await refreshStaleTokens(t.stack.deps, createTokenAgeStore(t.stack.db, t.stack.deps.config.tableName), { timeLeft: () => 1_000 });
    expect(report).toMatchObject({ stoppedEarly: true, portals: [] });
    expect(outcomeOf(await job(), portal)).toEqual([{ memberId: portal.memberId, outcome: 'refreshed' }]);
  });
});

describe('the TokensByAge store', () => {
  it('reads the old end of the index with Query, oldest first, a page at a time', async () => {
    const commands: { command: string; index: unknown }[] = [];
    const db = createDb({
      region: 'local',
      endpoint: t.stack.dynamo.endpoint,
      onCall: (command, input) => void commands.push({ command, index: input.IndexName }),
    });
    const ages = createTokenAgeStore(db, t.stack.deps.config.tableName);
    now += DAY; // younger than every pair the tests above stored
    const first = await t.portal();
    now += DAY;
    const second = await t.portal();
    now += DAY;
    await t.portal(); // stored at `now`: not before the cutoff
    const seen: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await ages.storedBefore(now, 1, start);
      seen.push(...page.memberIds);
      start = page.next;
    } while (start);
    expect(seen.slice(-2)).toEqual([first.memberId, second.memberId]);
    expect(new Set(commands.map((entry) => `${entry.command} ${String(entry.index)}`))).toEqual(new Set(['QueryCommand TokensByAge']));
    db.destroy();
  });
});

describe('npm run tokens --local', () => {
  const run = async (argv: string[]) => {
    const out = { stdout: '', stderr: '' };
    const code = await main(argv, { stdout: (text) => void (out.stdout += text), stderr: (text) => void (out.stderr += text) }, {});
    return { code, ...out };
  };

  it('runs the job on the npm start stack and prints one line per portal, never a token', async () => {
    const portal = await t.portal();
    now += 121 * DAY;
    const result = await run(['refresh-stale', '--local', t.stack.url]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`refreshed ${portal.memberId}`);
    expect(result.stderr).toMatch(/pairs stored over 120 days ago: \d+ refreshed, 0 refused \(portal marked\), 0 failed \(next run\), 0 skipped/);
    for (const secret of t.stack.simulator.issuedSecrets) expect(result.stdout + result.stderr).not.toContain(secret);
    // Refreshed just now: even --days 1 finds nothing due; --json gives the report.
    const json = await run(['refresh-stale', '--local', t.stack.url, '--days', '1', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ afterDays: 1, portals: [], stoppedEarly: false });
  });

  it('index-existing enters portals stored before the index existed (install time as their age), once', async () => {
    const portal = await t.portal();
    const installedAt = (await stored(portal)).installedAt;
    // As an item written by the previous version: no index attributes.
    await t.stack.db.send(
      new UpdateCommand({
        TableName: t.stack.deps.config.tableName,
        Key: keys.portal(portal.memberId),
        UpdateExpression: 'REMOVE tokensShard, tokensRefreshedAt',
      }),
    );
    now += 121 * DAY;
    expect(outcomeOf(await job(), portal)).toEqual([]); // invisible to the job
    const first = await run(['index-existing', '--local', t.stack.url]);
    expect(first).toMatchObject({ code: 0, stdout: '1 portal(s) entered in the keep-alive index\n' });
    expect((await stored(portal)).tokensRefreshedAt).toBe(installedAt);
    expect((await run(['index-existing', '--local', t.stack.url])).stdout).toBe('0 portal(s) entered in the keep-alive index\n');
    expect(outcomeOf(await job(), portal)).toEqual([{ memberId: portal.memberId, outcome: 'refreshed' }]);
  });

  it('refuses bad usage, and AWS use without its settings', async () => {
    expect(await run(['refresh-stale', '--days', '400', '--local', t.stack.url])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--days must be an integer from 0 to 170'),
    });
    expect(await run(['refresh'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command') });
    expect(await run(['refresh-stale'])).toMatchObject({ code: 1, stderr: expect.stringContaining('B24_CLIENT_ID, TABLE_NAME, AWS_REGION') });
    expect(await run(['index-existing', '--days', '3'])).toMatchObject({ code: 2, stderr: expect.stringContaining('index-existing takes no --days') });
    expect(await run(['index-existing'])).toMatchObject({ code: 1, stderr: expect.stringContaining('TABLE_NAME (or --stage), AWS_REGION not set') });
    expect(await run(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('usage: npm run tokens') });
  });
});

/**
 * Numbers without slowing a reply (issue 19): conversations on the local stack, counted
 * from the dialog items' changes (the change feed standing in for DynamoDB Streams), read
 * back through GET /local/stats exactly as `npm run stats -- --local` reads them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import type { StatsReport } from '../../lib/stats/report.js';
import { main as statsCli } from '../../infra/tools/stats.js';
import { useStack } from '../helpers/stack.js';

// The bot's clock moves on (a new session is a new `startedAt`), within office hours of one day.
let now = OFFICE_HOURS;
const t = useStack({ clock: () => (now += 1) });
const DAY = new Date(OFFICE_HOURS).toISOString().slice(0, 10);

const stats = async (query = ''): Promise<StatsReport> => {
  const answer = await fetch(`${t.stack.url}/local/stats?from=${DAY}&to=${DAY}${query}`);
  expect(answer.status).toBe(200);
  return (await answer.json()) as StatsReport;
};

let memberId: string;
beforeAll(async () => {
  const portal = await t.portal();
  memberId = portal.memberId;
  const talk = async (lineId: number, ...texts: string[]) => {
    const chat = await t.chat(portal, { lineId });
    for (const text of texts) await t.say(portal, chat, text);
    return chat;
  };
  await talk(1, '4', '2', '4'); // opening hours, payment, "that is all": finished
  await talk(1, 'my parrot 1048-576-12 sings', 'operator'); // misread, then names item 0 ("Talk to an operator")
  await talk(1, '0'); // Bitrix24's own operator key: item 0 too
  await talk(2, 'my parrot 1048-576-12 sings', 'blah', 'blah blah'); // three misses: handed over
  const taken = await talk(1);
  await t.stack.simulator.operatorTakes(portal, taken, { text: 'Hello, I am Olga' });
  await t.stack.idle();
  const silent = await talk(1, '1'); // into delivery, then silent: the next session starts over
  await t.stack.simulator.newSession(portal, silent);
  await t.stack.idle();
});

describe('GET /local/stats', () => {
  it('counts conversations, hand-overs by reason, containment, menus, items and misread texts', async () => {
    const report = await stats();
    expect(report).toMatchObject({
      from: DAY,
      to: DAY,
      lines: ['1', '2'],
      conversations: 7,
      handedOver: 4,
      contained: 3,
      finished: 1,
      abandoned: 1,
      byReason: { 'operator-item': 2, 'not-understood': 1, 'operator-took-over': 1 },
    });
    expect(report.menus.main).toEqual({ shown: 7, left: 4 });
    expect(report.menus.payment).toEqual({ shown: 1, left: 1 });
    expect(report.menus.delivery).toEqual({ shown: 1, left: 1 });
    expect(report.items).toMatchObject({ 'main:4': 1, 'main:2': 1, 'payment:4': 1, 'main:1': 1, 'main:0': 2 });
    // Digits of order- and phone-like strings are masked; nothing else of the customer is kept.
    expect(report.misread).toEqual([
      { text: 'my parrot ####-###-## sings', count: 2 },
      { text: 'blah', count: 1 },
      { text: 'blah blah', count: 1 },
    ]);
    expect(report.days).toEqual([{ day: DAY, conversations: 7, handedOver: 4, contained: 3 }]);
  });

  it('one line, one portal, and days without conversations', async () => {
    expect(await stats('&line=2')).toMatchObject({ conversations: 1, handedOver: 1, byReason: { 'not-understood': 1 }, lines: ['2'] });
    expect((await stats(`&member=${memberId}`)).conversations).toBe(7);
    expect((await stats('&member=nobody')).conversations).toBe(0);
    const bad = await fetch(`${t.stack.url}/local/stats?from=yesterday`);
    expect(bad.status).toBe(400);
  });
});

describe('npm run stats -- --local', () => {
  const cli = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await statsCli(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
    return { code, stdout, stderr };
  };

  it('--json prints the same report; the default is a table', async () => {
    const json = await cli('--local', t.stack.url, '--from', DAY, '--to', DAY, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(await stats());
    const table = await cli('--local', t.stack.url, '--from', DAY, '--to', DAY, '--line', '1');
    expect(table.stdout).toMatch(/Conversations\s+6/);
    expect(table.stdout).toMatch(/Handed over\s+3\s+50%/);
    expect(table.stdout).toContain('my parrot ####-###-## sings');
  });

  it('usage mistakes exit 2 and say why', async () => {
    expect(await cli('--from', DAY)).toMatchObject({ code: 2, stderr: expect.stringContaining('one of --local or --stage') });
    expect(await cli('--local', t.stack.url, '--from', '3 May')).toMatchObject({ code: 2, stderr: expect.stringContaining('--from must be a day') });
  });
});

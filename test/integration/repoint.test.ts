/**
 * `npm run repoint -- --local URL`: portals whose bot still calls an old URL (the API
 * was recreated, or a custom domain came) are pointed at the current PUBLIC_URL, one
 * report line each; a failure leaves that portal for the next run, which skips the
 * ones already done. Against the npm start stack and its simulated portals.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../infra/tools/repoint.js';
import type { SimPortal } from '../../infra/local/simulator/model.js';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { useStack } from '../helpers/stack.js';

const t = useStack({ clock: () => OFFICE_HOURS });
const OLD = 'https://old-api.example.com/bitrix/events';

async function repoint(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) }, {});
  return { code, stdout, stderr };
}

const ourBot = (portal: SimPortal) => [...portal.bots.values()].find((bot) => bot.ours)!;

/** The portal's bot as a portal installed under the old URL has it. */
function pointAtOldUrl(portal: SimPortal) {
  const bot = ourBot(portal);
  bot.handlers.messageAdd = OLD;
  bot.handlers.welcome = OLD;
  bot.handlers.botDelete = OLD;
}

describe('npm run repoint', () => {
  it('re-points every portal, resumes after a failure, and the bot answers again', async () => {
    const portals = [await t.portal(), await t.portal(), await t.portal()];
    portals.forEach(pointAtOldUrl);
    const current = `${t.stack.url}/bitrix/events`;

    // The portal asked first refuses once: reported, and left for the next run.
    t.stack.simulator.fail('imbot.update', { status: 400, error: 'ACCESS_DENIED', times: 1 });
    const first = await repoint('--local', t.stack.url);
    expect(first.code).toBe(1);
    const lines = first.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.filter((line) => line.startsWith('failed'))).toEqual([expect.stringContaining('bot: ACCESS_DENIED')]);
    expect(lines.filter((line) => line.startsWith('repointed'))).toHaveLength(2);
    expect(first.stderr).toContain('2 re-pointed, 0 already there, 1 failed');
    const failedId = lines.find((line) => line.startsWith('failed'))!.split(/\s+/)[1]!;
    for (const portal of portals) expect(ourBot(portal).handlers.messageAdd).toBe(portal.memberId === failedId ? OLD : current);

    // Run again: only the failed portal is done; the others are skipped.
    const second = await repoint('--local', t.stack.url, '--json');
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout) as { publicUrl: string; portals: { memberId: string; outcome: string; steps: string[] }[] };
    expect(report.publicUrl).toBe(t.stack.url);
    expect(report.portals.find((p) => p.memberId === failedId)).toMatchObject({ outcome: 'repointed', steps: ['bot', 'app-events', 'chat-app'] });
    expect(report.portals.filter((p) => p.outcome === 'already')).toHaveLength(2);
    for (const portal of portals) {
      expect(ourBot(portal).handlers).toEqual({ messageAdd: current, welcome: current, botDelete: current });
      expect(portal.bindings.map((binding) => binding.handler)).toContain(current);
      expect((await t.stack.deps.portals.get(portal.memberId))?.handlerUrl).toBe(t.stack.url);
      expect(t.stack.simulator.chatApps(portal).map((app) => app.iframe)).toEqual([`${t.stack.url}/bitrix/app/${portal.memberId}`]);
    }

    // The bot is reachable through its handlers again: a customer gets the menu.
    const chat = await t.chat(portals[0]!);
    expect(t.customerView(chat).length).toBeGreaterThan(0);

    // --force re-points the ones already there too.
    const forced = await repoint('--local', t.stack.url, '--force');
    expect(
      forced.stdout
        .trim()
        .split('\n')
        .every((line) => line.startsWith('repointed')),
    ).toBe(true);
  });

  it('refuses unclear arguments', async () => {
    expect(await repoint()).toMatchObject({ code: 2, stderr: expect.stringContaining('--stage S') });
    expect(await repoint('--local', 'nope')).toMatchObject({ code: 2 });
    expect(await repoint('--local', t.stack.url, '--stage', 'prod')).toMatchObject({ code: 2 });
    expect(await repoint('--stage', 'bad/stage')).toMatchObject({ code: 2 });
    expect(await repoint('--stage', 'prod')).toMatchObject({ code: 1, stderr: expect.stringContaining('B24_CLIENT_ID not set') });
  });
});

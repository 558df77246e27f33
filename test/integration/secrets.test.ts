/**
 * Secrets stay secret, end to end: after installs, conversations, a refresh,
 * failing REST calls and refused requests — with debug logging on — no token, refresh
 * token, application token or client secret appears in any log line or HTTP answer.
 */
import { describe, expect, it } from 'vitest';
import { setLogLevel } from '../../lib/log.js';
import { useStack } from '../helpers/stack.js';

const t = useStack({ env: { MENU_FILE: 'test/fixtures/menus/first-version.yaml' } });

describe('secrets never reach logs or answers', () => {
  it('a busy life of a portal leaks nothing', async () => {
    setLogLevel('debug');
    const answers: string[] = [];
    const portal = await t.portal();
    const chat = await t.chat(portal);
    answers.push((await t.say(portal, chat, '3')).text);
    // A refresh (expired tokens, no event token).
    t.stack.simulator.expireTokens(portal);
    t.stack.simulator.setEventTokens('none');
    answers.push((await t.say(portal, chat, '9')).text);
    t.stack.simulator.setEventTokens('fresh');
    // A failing REST call, a failing refresh, a forged event, an update with a new application token.
    t.stack.simulator.fail('imbot.message.add', { status: 400, error: 'BOT_ID_ERROR' });
    answers.push((await t.say(portal, chat, '1')).text);
    answers.push((await t.stack.simulator.update(portal, { newApplicationToken: true })).text);
    const real = portal.applicationToken;
    portal.applicationToken = `${real.slice(0, 30)}00`;
    answers.push((await t.say(portal, chat, '1')).text);
    portal.applicationToken = real;
    answers.push((await t.stack.simulator.install(portal, { via: 'page', url: `${t.stack.url}/bitrix/install` })).text);
    await t.stack.idle();
    setLogLevel('warn');

    expect(t.logs.length).toBeGreaterThan(10);
    expect(t.stack.simulator.issuedSecrets.size).toBeGreaterThan(10);
    const everything = [...t.logs, ...answers].join('\n');
    const leaked = [...t.stack.simulator.issuedSecrets].filter((secret) => everything.includes(secret));
    expect(leaked).toEqual([]);
    // The logs are structured: every line is JSON with a level and a message, or a metric (EMF).
    for (const line of t.logs) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (!('_aws' in entry)) expect(entry).toMatchObject({ level: expect.any(String), msg: expect.any(String) });
    }
  });
});

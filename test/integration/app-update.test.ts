/**
 * Application token rotation (contract §9.4, Bitrix24 docs
 * api-reference/common/events/on-app-update.md): ONAPPUPDATE brings the updated
 * application_token. Posted here as the documented body (test/fixtures/bitrix/onappupdate.txt,
 * with this portal's addresses and tokens put in) to the real events handler: an update
 * whose tokens prove themselves (app.info answers for our app) stores the new token, and
 * from then on only the new one is accepted.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SimPortal } from '../../infra/local/simulator/model.js';
import { fixtureBody } from '../helpers/form.js';
import { useStack } from '../helpers/stack.js';

const t = useStack();

const post = (url: string, body: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }).then(async (response) => ({
    status: response.status,
    text: await response.text(),
  }));

/** The documented ONAPPUPDATE body for this portal, carrying `applicationToken` and an access token of the portal. */
function updateBody(portal: SimPortal, applicationToken: string, accessToken: string): string {
  return fixtureBody('onappupdate', {
    'auth[access_token]': accessToken,
    'auth[refresh_token]': portal.refreshToken,
    'auth[domain]': portal.domain,
    'auth[client_endpoint]': portal.clientEndpoint,
    'auth[server_endpoint]': portal.serverEndpoint,
    'auth[member_id]': portal.memberId,
    'auth[application_token]': applicationToken,
  });
}

describe('ONAPPUPDATE rotates the application token', () => {
  it('stores the new token from the documented body; afterwards the old one gets 401 and the new one is accepted', async () => {
    const sim = t.stack.simulator;
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const oldToken = portal.applicationToken;
    const newToken = randomBytes(16).toString('hex');
    sim.issuedSecrets.add(newToken);
    portal.applicationToken = newToken; // the portal rotated it with the new version

    const since = sim.lastSeq;
    const answer = await post(`${t.stack.url}/bitrix/events`, updateBody(portal, newToken, sim.issueToken(portal, 1, 'user').accessToken));
    expect(answer.status).toBe(200);
    expect(t.methods(portal, since)[0]).toBe('app.info'); // proven before anything is stored
    expect((await t.stack.deps.portals.get(portal.memberId))!.applicationToken).toBe(newToken);

    // An event signed with the old token (as a forger who kept it would send it): refused.
    portal.applicationToken = oldToken;
    const refused = await t.say(portal, chat, '1');
    expect(refused.status).toBe(401);
    // The same event with the new token: accepted and answered.
    portal.applicationToken = newToken;
    const replies = t.customerView(chat).length;
    const accepted = await t.say(portal, chat, '1');
    expect(accepted.status).toBe(200);
    expect(t.customerView(chat).length).toBeGreaterThan(replies);
  });

  it('an update whose tokens do not prove themselves changes nothing: the old token stays valid', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const before = await t.stack.deps.portals.get(portal.memberId);
    const forged = randomBytes(16).toString('hex');
    const answer = await post(`${t.stack.url}/bitrix/events`, updateBody(portal, forged, 'f'.repeat(32)));
    expect(answer.status).toBe(403);
    expect(await t.stack.deps.portals.get(portal.memberId)).toEqual(before);
    expect((await t.say(portal, chat, '1')).status).toBe(200); // still the stored (old) token
  });
});

describe('an install is proven by app.info CODE', () => {
  /** ONAPPINSTALL through installPortal with the bot configured as `config` (the simulator answers CODE = its client_id). */
  async function installAs(config: { clientId: string; appCode: string | undefined }) {
    const portal = await t.portal({ install: false });
    portal.installed = true;
    const deps = { ...t.stack.deps, config: { ...t.stack.deps.config, ...config } };
    const { installPortal } = await import('../../lib/app/install.js');
    const token = t.stack.simulator.issueToken(portal, 1, 'user');
    const claim = {
      memberId: portal.memberId,
      domain: portal.domain,
      clientEndpoint: portal.clientEndpoint,
      serverEndpoint: portal.serverEndpoint,
      applicationToken: portal.applicationToken,
    };
    return installPortal(
      deps,
      {
        type: 'install',
        source: 'event',
        ts: 0,
        language: 'en',
        portal: claim,
        tokens: { accessToken: token.accessToken, refreshToken: portal.refreshToken, expiresAt: 0, scope: '' },
      },
      t.stack.deps.log,
    );
  }

  it('a Market app: CODE equal to B24_APP_CODE (not the client_id) is ours', async () => {
    const code = t.stack.deps.config.clientId; // what the simulated portal's app.info answers
    await expect(installAs({ clientId: 'app.5f0e1d2c3b4a5.00000001', appCode: code })).resolves.toMatchObject({ reinstall: false });
  });

  it('a CODE that is neither the client_id nor B24_APP_CODE is refused', async () => {
    await expect(installAs({ clientId: 'app.5f0e1d2c3b4a5.00000001', appCode: 'acme.other' })).rejects.toMatchObject({ status: 403, code: 'NOT_OUR_APP' });
  });
});

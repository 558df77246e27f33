/**
 * Redirects handled by hand (contract §9.3; Bitrix24 docs
 * `settings/how-to-call-rest-api/change-domen.md`), against a real HTTP server on loopback:
 * the same POST (body and token) is repeated once at an allowed new address and reported
 * as a move; a redirect to a host outside the allowlist, to another path, or a second
 * redirect is refused without a request there. The OAuth grant follows the same rule.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalAddressError } from '../../lib/bitrix/errors.js';
import { parseAllowedHosts } from '../../lib/bitrix/hosts.js';
import { refreshGrant } from '../../lib/bitrix/oauth.js';
import { createRestClient } from '../../lib/bitrix/rest-client.js';

interface Seen {
  readonly host: string;
  readonly method: string;
  readonly path: string;
  readonly body: string;
}

let server: Server;
let port = 0;
const seen: Seen[] = [];
/** path → where it redirects (a full URL), per test. */
const redirects = new Map<string, string>();

const read = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      const body = await read(req);
      const host = req.headers.host ?? '';
      const path = req.url ?? '/';
      seen.push({ host, method: req.method ?? '', path, body });
      const to = redirects.get(`${host.split(':')[0]}${path}`);
      if (to) return void res.writeHead(302, { location: to }).end();
      if (path.startsWith('/oauth/token/')) {
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            access_token: 'new-access-token-1',
            refresh_token: 'new-refresh-token-1',
            expires_in: 3600,
            scope: 'imbot',
            domain: 'oauth.bitrix24.tech',
            client_endpoint: `http://127.0.0.1:${port}/rest/`,
            server_endpoint: `http://127.0.0.1:${port}/rest/`,
          }),
        );
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ result: { path }, time: { operating_reset_at: 1_900_000_000, operating: 1.5 } }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const allowed = () => parseAllowedHosts('localhost,127.0.0.1');

function client(onMoved?: (url: URL) => void) {
  return createRestClient({
    endpoint: new URL(`http://localhost:${port}/rest/`),
    timeoutMs: 5_000,
    allowedHosts: allowed(),
    tokens: { first: async () => 'the-access-token', next: async () => undefined },
    ...(onMoved ? { onMoved } : {}),
  });
}

describe('REST redirects', () => {
  it('repeats the same POST (body and token) once at the allowed new address, reports the move, and goes there from then on', async () => {
    seen.length = 0;
    redirects.clear();
    redirects.set('localhost/rest/app.info', `http://127.0.0.1:${port}/rest/app.info`);
    redirects.set('localhost/rest/imbot.bot.list', `http://127.0.0.1:${port}/rest/imbot.bot.list`);
    const moves: string[] = [];
    const rest = client((url) => void moves.push(url.href));
    await expect(rest.call('app.info', { X: 1 })).resolves.toEqual({ path: '/rest/app.info' });
    expect(seen.map((request) => [request.host.split(':')[0], request.method, request.path])).toEqual([
      ['localhost', 'POST', '/rest/app.info'],
      ['127.0.0.1', 'POST', '/rest/app.info'],
    ]);
    expect(seen[1]!.body).toBe(seen[0]!.body);
    expect(JSON.parse(seen[1]!.body)).toEqual({ X: 1, auth: 'the-access-token' });
    expect(moves).toEqual([`http://127.0.0.1:${port}/rest/`]);
    await rest.call('imbot.bot.list');
    expect(seen.slice(2).map((request) => request.host.split(':')[0])).toEqual(['127.0.0.1']);
  });

  it.each([
    ['a host outside the allowlist', () => `http://127.0.0.2:${port}/rest/app.info`, /not in B24_ALLOWED_HOSTS/],
    ['another path', () => `http://127.0.0.1:${port}/auth/?backurl=/rest/app.info`, /not the same REST method/],
    ['a second redirect', () => `http://127.0.0.1:${port}/rest/app.info`, /redirected again/],
  ])('refuses a redirect to %s', async (name, target, message) => {
    seen.length = 0;
    redirects.clear();
    redirects.set('localhost/rest/app.info', target());
    if (name === 'a second redirect') redirects.set('127.0.0.1/rest/app.info', `http://localhost:${port}/rest/app.info`);
    const moves: string[] = [];
    const error = await client((url) => void moves.push(url.href))
      .call('app.info')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PortalAddressError);
    expect(String((error as Error).message)).toMatch(message);
    expect(String((error as Error).message)).not.toContain('the-access-token');
    expect(moves).toEqual([]);
    expect(seen.filter((request) => !request.host.startsWith('localhost') && !request.host.startsWith('127.0.0.1'))).toEqual([]);
    expect(seen.length).toBe(name === 'a second redirect' ? 2 : 1);
  });

  it('without an allowlist every redirect is refused (the install client)', async () => {
    seen.length = 0;
    redirects.clear();
    redirects.set('localhost/rest/app.info', `http://127.0.0.1:${port}/rest/app.info`);
    const rest = createRestClient({
      endpoint: new URL(`http://localhost:${port}/rest/`),
      timeoutMs: 5_000,
      tokens: { first: async () => 't'.repeat(16), next: async () => undefined },
    });
    await expect(rest.call('app.info')).rejects.toBeInstanceOf(PortalAddressError);
    expect(seen).toHaveLength(1);
  });
});

describe('OAuth redirects', () => {
  const grant = (tokenUrl: URL) =>
    refreshGrant({
      tokenUrl,
      clientId: 'app.1',
      clientSecret: 'client-secret-xyz',
      refreshToken: 'old-refresh-token',
      timeoutMs: 5_000,
      now: 1_800_000_000,
      allowedHosts: allowed(),
    });

  it('repeats the form POST once at an allowed new address and returns the addresses the answer names', async () => {
    seen.length = 0;
    redirects.clear();
    redirects.set('localhost/oauth/token/', `http://127.0.0.1:${port}/oauth/token/`);
    const answer = await grant(new URL(`http://localhost:${port}/oauth/token/`));
    expect(answer).toMatchObject({
      accessToken: 'new-access-token-1',
      clientEndpoint: `http://127.0.0.1:${port}/rest/`,
      serverEndpoint: `http://127.0.0.1:${port}/rest/`,
      oauthDomain: 'oauth.bitrix24.tech',
    });
    expect(seen.map((request) => request.method)).toEqual(['POST', 'POST']);
    expect(seen[1]!.body).toBe(seen[0]!.body);
  });

  it('refuses a redirect to a host outside the allowlist without sending the secret there', async () => {
    seen.length = 0;
    redirects.clear();
    redirects.set('localhost/oauth/token/', `http://127.0.0.2:${port}/oauth/token/`);
    await expect(grant(new URL(`http://localhost:${port}/oauth/token/`))).rejects.toBeInstanceOf(PortalAddressError);
    expect(seen).toHaveLength(1);
  });
});

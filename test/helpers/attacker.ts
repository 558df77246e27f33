/**
 * A server on 127.0.0.2 (never an allowed host) that answers `answer` to every request and
 * counts them: the tests check the bot never calls it. Started before the file's tests,
 * closed after them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export function useAttacker(answer: unknown): { readonly host: () => string; readonly hits: () => number } {
  let server: Server | undefined;
  let hits = 0;
  beforeAll(async () => {
    const started = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
    await new Promise<void>((resolve) => started.listen(0, '127.0.0.2', () => resolve()));
    server = started;
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));
  return { host: () => `127.0.0.2:${(server!.address() as AddressInfo).port}`, hits: () => hits };
}

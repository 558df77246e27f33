/**
 * What the playground remembers between requests: the simulated portal and chat the page
 * shows, the customer, the Open Line new chats come in on, whether the portal is made to
 * fail, and the events the simulator posted to the bot.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimChat, SimPortal } from '../simulator/model.js';

export interface PlaygroundSession {
  portal: SimPortal | undefined;
  chat: SimChat | undefined;
  customer: { name: string };
  /** The simulated portal's Open Line new chats come in on (the simulator has lines 1 and 2). */
  lineId: number;
  /** "Make the portal fail": every REST method answers 500 until switched off. */
  failing: boolean;
  /** The first simulator call the page shows (reset moves it on). */
  fromSeq: number;
  readonly events: { event: string; status: number; outcome: string; at: number }[];
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

export const json = (res: ServerResponse, status: number, value: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(value));

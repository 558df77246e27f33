/**
 * API Gateway HTTP API (payload v2) request helpers: the body with its size limit and
 * content type checked before anything parses it, and plain one-line answers.
 */
import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { tooLarge, unsupportedMediaType } from './errors.js';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

const header = (event: HttpEvent, name: string): string => Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1] ?? '';

/** The raw form body; 413 over `maxBytes`, 415 when it is not a form. */
export function formBody(event: HttpEvent, maxBytes: number): string {
  const raw = event.body ?? '';
  const approxBytes = event.isBase64Encoded ? Math.floor((raw.length * 3) / 4) : Buffer.byteLength(raw, 'utf8');
  if (approxBytes > maxBytes) throw tooLarge(maxBytes);
  const type = header(event, 'content-type').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw unsupportedMediaType(type);
  return event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
}

export const text = (statusCode: number, body: string): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  body: `${body}\n`,
});

export const html = (statusCode: number, body: string): HttpResult => ({
  statusCode,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // Bitrix24 shows the install page in an iframe of the portal.
    'content-security-policy':
      "default-src 'none'; script-src 'unsafe-inline' https://api.bitrix24.com; style-src 'unsafe-inline'; frame-ancestors https: http://localhost:*",
  },
  body,
});

export const requestIdOf = (event: HttpEvent): string => event.requestContext?.requestId ?? 'local';

/**
 * A page that one portal frames (the operators' chat app, the support lead's dashboard):
 * never cached, only scripts and styles carrying this answer's nonce run, only `frameOrigin`
 * may frame it; `connectSelf` lets its script talk back to us.
 */
export function framedPage(render: (nonce: string) => string, frameOrigin: string, opts: { connectSelf?: boolean } = {}): HttpResult {
  const nonce = randomBytes(16).toString('base64');
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src data:; ${opts.connectSelf ? "connect-src 'self'; " : ''}form-action 'none'; base-uri 'none'; frame-ancestors ${frameOrigin}`,
    },
    body: render(nonce),
  };
}

/**
 * node:http ⇄ API Gateway HTTP API (payload v2): the local server turns a request into
 * the same event API Gateway gives the Lambda, calls the same handler, and writes the
 * structured result back. Used by `npm start` and by the integration tests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { HttpEvent, HttpResult } from '../../lib/http/request.js';

export type LambdaHttpHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

export async function readRaw(req: IncomingMessage, limit = 8 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) break; // API Gateway itself caps payloads; keep the local server bounded too
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function toHttpEvent(req: IncomingMessage, url: URL, body: Buffer): HttpEvent {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(',') : value;
  const isText = /^(text\/|application\/(x-www-form-urlencoded|json))/.test(headers['content-type'] ?? '');
  const query = Object.fromEntries(url.searchParams);
  return {
    version: '2.0',
    routeKey: `${req.method} ${url.pathname}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(url.search ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: `${req.method} ${url.pathname}`,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
    body: isText ? body.toString('utf8') : body.toString('base64'),
    isBase64Encoded: !isText,
  };
}

export function lambdaContext(name: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${name}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export function writeResult(res: ServerResponse, result: HttpResult): void {
  const headers: Record<string, string | number | boolean> = { ...(result.headers ?? {}) };
  const body = result.body ?? '';
  res.writeHead(result.statusCode ?? 200, headers as Record<string, string>);
  res.end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

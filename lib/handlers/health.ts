/** GET /health — liveness only: answers 200 without touching DynamoDB or Bitrix24. */
import type { HttpResult } from '../http/request.js';

export const health = async (): Promise<HttpResult> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body: '{"ok":true}',
});

/** DynamoDB Streams consumer: dialog changes → daily statistics (lib/runtime/stats.ts). */
import { statsStreamHandler } from '../lib/runtime/stats.js';

let handle: ReturnType<typeof statsStreamHandler> | undefined;
export const handler = (event: Parameters<ReturnType<typeof statsStreamHandler>>[0]) => (handle ??= statsStreamHandler())(event);

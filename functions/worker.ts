/** SQS FIFO consumer: one customer turn per message, partial batch failures reported. */
import menu from 'virtual:menu';
import type { SQSEvent } from 'aws-lambda';
import { createWorkerHandler } from '../lib/handlers/worker.js';
import { workerDeps } from '../lib/runtime/lambda.js';

let handle: ReturnType<typeof createWorkerHandler> | undefined;
export const handler = (event: SQSEvent) => (handle ??= createWorkerHandler(workerDeps(menu)))(event);

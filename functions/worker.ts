/** SQS FIFO consumer: one dialog turn per message, partial batch failures reported (lib/runtime/worker.ts). */
import menu, { menus } from 'virtual:menu';
import type { Context, SQSEvent } from 'aws-lambda';
import { sqsWorkerHandler } from '../lib/runtime/worker.js';
import { inLambda } from '../lib/runtime/invocation.js';

let handle: ReturnType<typeof sqsWorkerHandler> | undefined;
export const handler = inLambda((event: SQSEvent, context: Context) => (handle ??= sqsWorkerHandler(menu, menus))(event, context));

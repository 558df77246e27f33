/** POST /bitrix/events (API Gateway HTTP API). */
import bot from 'virtual:menu-bot';
import { createEventsHandler } from '../lib/handlers/events.js';
import { ingestDeps } from '../lib/runtime/lambda.js';
import { sqsQueueFromConfig } from '../lib/queue/sqs-queue.js';
import type { HttpEvent } from '../lib/http/request.js';
import type { Context } from 'aws-lambda';
import { inLambda } from '../lib/runtime/invocation.js';

let handle: ReturnType<typeof createEventsHandler> | undefined;
export const handler = inLambda((event: HttpEvent, context: Context) => (handle ??= createEventsHandler(ingestDeps(bot, sqsQueueFromConfig)))(event, context));

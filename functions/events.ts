/** POST /bitrix/events (API Gateway HTTP API). */
import menu from 'virtual:menu';
import { createEventsHandler } from '../lib/handlers/events.js';
import { lambdaDeps } from '../lib/runtime/lambda.js';
import { sqsQueueFromConfig } from '../lib/queue/sqs-queue.js';
import type { HttpEvent } from '../lib/http/request.js';
import type { Context } from 'aws-lambda';

let handle: ReturnType<typeof createEventsHandler> | undefined;
export const handler = (event: HttpEvent, context: Context) => (handle ??= createEventsHandler(lambdaDeps(menu, sqsQueueFromConfig)))(event, context);

/** GET /bitrix/app/{memberId} and POST /bitrix/app/{memberId}/resume: the operators' chat app (API Gateway HTTP API). */
import menu, { menus } from 'virtual:menu';
import type { Context } from 'aws-lambda';
import { createChatAppHandler } from '../lib/handlers/chat-app.js';
import type { HttpEvent } from '../lib/http/request.js';
import { sqsQueueFromConfig } from '../lib/queue/sqs-queue.js';
import { chatAppDeps } from '../lib/runtime/lambda.js';
import { inLambda } from '../lib/runtime/invocation.js';

let handle: ReturnType<typeof createChatAppHandler> | undefined;
export const handler = inLambda((event: HttpEvent, context: Context) =>
  (handle ??= createChatAppHandler(chatAppDeps(menu, sqsQueueFromConfig, menus)))(event, context),
);

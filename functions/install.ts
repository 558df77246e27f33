/** POST /bitrix/install (API Gateway HTTP API): ONAPPINSTALL or the install page. */
import bot from 'virtual:menu-bot';
import { createInstallHandler } from '../lib/handlers/install.js';
import { ingestDeps } from '../lib/runtime/lambda.js';
import { sqsQueueFromConfig } from '../lib/queue/sqs-queue.js';
import type { HttpEvent } from '../lib/http/request.js';
import type { Context } from 'aws-lambda';
import { inLambda } from '../lib/runtime/invocation.js';

let handle: ReturnType<typeof createInstallHandler> | undefined;
export const handler = inLambda((event: HttpEvent, context: Context) => (handle ??= createInstallHandler(ingestDeps(bot, sqsQueueFromConfig)))(event, context));

/**
 * EventBridge schedule, once a minute (its finest rate): reads the event feeds of the
 * fetch-mode (BOT_EVENT_MODE=fetch) Chatbots 2.0 portals for about 50 s and queues their
 * events for the worker (lib/app/feed/poll-feeds.ts). The same ingest path as the events
 * function: its deps, the bot's profile only, the SQS client to send.
 */
import bot from 'virtual:menu-bot';
import type { Context } from 'aws-lambda';
import { pollFeeds } from '../lib/app/feed/poll-feeds.js';
import { sqsQueueFromConfig } from '../lib/queue/sqs-queue.js';
import { inLambda } from '../lib/runtime/invocation.js';
import { ingestDeps } from '../lib/runtime/lambda.js';

export const handler = inLambda(async (_event: unknown, context: Context) =>
  pollFeeds(ingestDeps(bot, sqsQueueFromConfig), { timeLeft: () => context.getRemainingTimeInMillis() }),
);

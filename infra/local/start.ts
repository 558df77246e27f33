/**
 * `npm start`: the bot on http://localhost:3000 (PORT) with an embedded DynamoDB, the
 * queue and worker in process, a simulated Bitrix24 portal with the app installed, and
 * the playground page at / to talk to the bot as a customer. No AWS account, no portal.
 * A real portal can use the same server through a tunnel: set PUBLIC_URL to its address.
 */
import { ConfigError } from '../../lib/config.js';
import { log, setLogLevel } from '../../lib/log.js';
import { MenuError } from '../../lib/menu/errors.js';
import { createPlayground, movableClock, type Playground } from './playground/server.js';
import { startLocalStack } from './stack.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<void> {
  let playground: Playground | undefined;
  const clock = movableClock();
  const stack = await startLocalStack({
    watchMenu: true,
    host: process.env.HOST ?? 'localhost',
    clock: clock.now,
    // BOT_EVENT_MODE=fetch: the poller on a timer, idle polls every 5 s at most (the docs' lower end) so the playground feels live.
    poller: { schedule: { idleMaxMs: 5_000 } },
    routes: (created) => (playground = createPlayground(created, clock)).routes,
  });
  setLogLevel(stack.deps.config.logLevel);
  await playground!.start();
  const url = stack.url;
  process.stdout.write(
    [
      '',
      '  Bitrix24 Open Lines bot — local stack',
      `  playground: ${url}/            (talk to the bot as a customer)`,
      `  bot:        ${url}/bitrix/events  ${url}/bitrix/install  ${url}/health`,
      `  portal:     simulated at ${playground!.portal()!.clientEndpoint} (${playground!.portal()!.api === 'v2' ? 'Chatbots 2.0' : 'V1 only'}; the bot uses ${stack.simulator.ourBot(playground!.portal()!)?.api === 'v2' ? 'imbot.v2' : 'imbot V1'}; "New portal" in the page for the other kind)`,
      `  events:     ${stack.deps.config.botEventMode === 'fetch' ? "fetch mode (BOT_EVENT_MODE=fetch): a Chatbots 2.0 bot's events wait on the portal; the poller reads them with imbot.v2.Event.get" : 'webhook mode (BOT_EVENT_MODE=fetch for the poller)'}`,
      `  menu:       ${stack.deps.config.menuFile} (reloaded when it changes)`,
      '',
    ].join('\n') + '\n',
  );
  const stop = async () => {
    await stack.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof MenuError || error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') process.stderr.write(`Port ${process.env.PORT ?? 3000} is busy: set PORT to another one.\n`);
  else log.error('local stack failed to start', { error });
  process.exit(1);
});

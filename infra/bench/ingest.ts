/**
 * How fast the events endpoint answers Bitrix24 (issue 7: under 100 ms p99): real
 * message events posted over HTTP to the local stack, 16 at a time, timed to the 200,
 * after a warm-up. The worker runs in the same process meanwhile (on AWS it is another
 * Lambda), so its work competes with the ingest's for the one event loop.
 */
import type { SimChat } from '../local/simulator/model.js';
import { startLocalStack } from '../local/stack.js';
import { OFFICE_HOURS, UNPACED } from './scenarios.js';
import { percentile } from './stats.js';

export async function measureIngest(count = 800, concurrency = 16, warmup = 480): Promise<{ count: number; p50: number; p99: number }> {
  const stack = await startLocalStack({ port: 0, clock: () => OFFICE_HOURS + (Date.now() % 1_000_000), env: { MENU_FILE: 'menus/example.yaml', ...UNPACED } });
  try {
    const sim = stack.simulator;
    const portal = sim.createPortal({ domain: `localhost:${stack.port}` });
    await sim.install(portal);
    const chats: SimChat[] = [];
    for (let i = 0; i < concurrency; i++) chats.push(await sim.openChat(portal));
    await stack.idle();
    const send = async (total: number, times: number[]) => {
      await Promise.all(
        chats.map(async (chat) => {
          for (let n = 0; n < total / concurrency; n++) {
            const t0 = performance.now();
            const answer = await sim.customerSays(portal, chat, n % 2 ? '4' : 'hello');
            times.push(performance.now() - t0);
            if (answer.status !== 200) throw new Error(`events endpoint answered ${answer.status}`);
          }
        }),
      );
      await stack.idle();
    };
    // A warm function is measured: the first events of a fresh process pay for JIT
    // compilation, which on AWS is the cold start (measured apart, as bundle load time).
    await send(warmup, []);
    const times: number[] = [];
    await send(count, times);
    return { count: times.length, p50: percentile(times, 50), p99: percentile(times, 99) };
  } finally {
    await stack.close();
  }
}

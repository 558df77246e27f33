/**
 * Requests to Bitrix24 and DynamoDB round trips per customer message, for every action
 * type, counted on the wire (simulator request counter, SDK middleware).
 */
import { startLocalStack } from '../local/stack.js';
import { ACTION_SCENARIOS, OFFICE_HOURS } from './scenarios.js';

export interface CostResult {
  readonly perScenario: { name: string; rest: number; db: number }[];
  readonly maxRest: number;
  readonly maxDb: number;
}

export async function measureCosts(): Promise<CostResult> {
  const stack = await startLocalStack({ port: 0, clock: () => OFFICE_HOURS + (Date.now() % 1_000_000), env: { MENU_FILE: 'menus/example.yaml' } });
  try {
    const sim = stack.simulator;
    const portal = sim.createPortal({ domain: `localhost:${stack.port}` });
    await sim.install(portal);
    const say = async (chat: Awaited<ReturnType<typeof sim.openChat>>, text: string) => {
      await sim.customerSays(portal, chat, text);
      await stack.idle();
    };
    // A warm instance: portal record and bot list cached.
    const warm = await sim.openChat(portal);
    await stack.idle();
    await say(warm, '1');
    await say(warm, '1');
    const db = () => Object.values(stack.dbCalls).reduce((sum, n) => sum + n, 0);
    const perScenario = [];
    for (const scenario of ACTION_SCENARIOS) {
      const chat = await sim.openChat(portal);
      await stack.idle();
      for (const text of scenario.path) await say(chat, text);
      const rest0 = sim.stats.restRequests;
      const db0 = db();
      await say(chat, scenario.text);
      perScenario.push({ name: scenario.name, rest: sim.stats.restRequests - rest0, db: db() - db0 });
    }
    return { perScenario, maxRest: Math.max(...perScenario.map((s) => s.rest)), maxDb: Math.max(...perScenario.map((s) => s.db)) };
  } finally {
    await stack.close();
  }
}

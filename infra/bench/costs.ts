/**
 * Requests to Bitrix24 and DynamoDB round trips per customer message, for every action
 * type, counted on the wire (simulator request counter, SDK middleware), on a V1-only
 * portal (imbot.*) or a Chatbots 2.0 one (imbot.v2.*, ONIMBOTV2* webhook events).
 */
import { startLocalStack } from '../local/stack.js';
import { ACTION_SCENARIOS, OFFICE_HOURS, UNPACED } from './scenarios.js';

export interface CostResult {
  readonly perScenario: { name: string; rest: number; db: number; budget: number }[];
  readonly maxRest: number;
  readonly maxDb: number;
  readonly maxBudget: number;
}

export async function measureCosts(api: 'v1' | 'v2' = 'v1'): Promise<CostResult> {
  const stack = await startLocalStack({ port: 0, clock: () => OFFICE_HOURS + (Date.now() % 1_000_000), env: { MENU_FILE: 'menus/example.yaml', ...UNPACED } });
  try {
    const sim = stack.simulator;
    const portal = sim.createPortal({ domain: `localhost:${stack.port}`, api });
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
    const db = () => Object.entries(stack.dbCalls).reduce((sum, [kind, n]) => (kind === 'budget' ? sum : sum + n), 0);
    const budget = () => stack.dbCalls.budget ?? 0;
    const perScenario: CostResult['perScenario'] = [];
    for (const scenario of ACTION_SCENARIOS) {
      const chat = await sim.openChat(portal);
      await stack.idle();
      for (const text of scenario.path) await say(chat, text);
      const rest0 = sim.stats.restRequests;
      const db0 = db();
      const budget0 = budget();
      await say(chat, scenario.text);
      perScenario.push({ name: scenario.name, rest: sim.stats.restRequests - rest0, db: db() - db0, budget: budget() - budget0 });
    }
    const max = (key: 'rest' | 'db' | 'budget') => Math.max(...perScenario.map((s) => s[key]));
    return { perScenario, maxRest: max('rest'), maxDb: max('db'), maxBudget: max('budget') };
  } finally {
    await stack.close();
  }
}

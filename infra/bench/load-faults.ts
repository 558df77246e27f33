/**
 * The misbehaviour a load run injects into the simulated portals while customers write
 * (infra/bench/load.ts): 5xx bursts, hangs, expiring tokens, a busy method.
 */
import type { SimPortal } from '../local/simulator/model.js';
import type { LocalStack } from '../local/stack.js';

/**
 * The misbehaviour, spread over the arrival window: 5xx bursts on any method, requests
 * that hang past the bot's 2 s timeout, a busy method (OPERATION_TIME_LIMIT), and every
 * access token expiring at once while events bring expired tokens for a while (each portal
 * must be refreshed once, whatever number of workers find out at the same moment).
 */
export function scheduleFaults(stack: LocalStack, portals: readonly SimPortal[], spreadMs: number, progress: (text: string) => void): NodeJS.Timeout[] {
  const sim = stack.simulator;
  const at = (share: number, what: string, act: () => void) =>
    setTimeout(() => {
      progress(`  fault: ${what}`);
      act();
    }, share * spreadMs);
  return [
    at(0.15, '5xx burst (12 × 500 INTERNAL_SERVER_ERROR)', () => sim.fail('*', { status: 500, error: 'INTERNAL_SERVER_ERROR', times: 12 })),
    at(0.3, '6 requests hang past the timeout', () => sim.fail('*', { status: 503, error: 'QUERY_LIMIT_EXCEEDED', hangMs: 2_500, times: 6 })),
    at(0.45, 'every access token expires, and events bring expired ones for a while', () => {
      for (const portal of portals) sim.expireTokens(portal);
      sim.setEventTokens('expired');
    }),
    at(0.55, 'events bring fresh tokens again', () => sim.setEventTokens('fresh')),
    at(0.6, '5xx burst (8 × 502, 4 dropped connections)', () => {
      sim.fail('*', { status: 502, error: 'BAD_GATEWAY', times: 8 });
      sim.fail('*', { status: 0, times: 4 });
    }),
    // As Bitrix24 does it (limits.md): the last successful answer names operating_reset_at,
    // then the method answers 429 until then; the bot must wait for it, not hammer it.
    at(0.75, 'busy method (imbot.message.add over its operating time for 1.5 s on every portal: 429 OPERATION_TIME_LIMIT until operating_reset_at)', () => {
      for (const portal of portals) sim.limitOperating('imbot.message.add', { memberId: portal.memberId, resetAt: Date.now() + 1_500, successes: 1 });
    }),
  ];
}

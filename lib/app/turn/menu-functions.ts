/**
 * `function` effects (a developer's code named in the menu file, lib/app/functions.ts)
 * turned into texts before the steps are planned. A function that fails or is unknown is
 * logged and skipped: the rest of the answer still goes out.
 */
import type { RestClient } from '../../bitrix/rest-client.js';
import type { Logger } from '../../log.js';
import type { Effect } from '../../menu/effects.js';
import type { DialogJob } from '../../queue/job.js';
import type { WorkerDeps } from '../deps.js';
import type { ResolvedEffect } from '../plan.js';

export async function resolveFunctions(
  deps: WorkerDeps,
  job: DialogJob,
  effects: readonly Effect[],
  language: string,
  vars: Readonly<Record<string, string>>,
  rest: () => RestClient,
  log: Logger,
): Promise<ResolvedEffect[]> {
  const out: ResolvedEffect[] = [];
  for (const effect of effects) {
    if (effect.type !== 'function') {
      out.push(effect);
      continue;
    }
    const fn = deps.functions[effect.name];
    if (!fn) {
      log.warn('menu names an unknown function', { function: effect.name });
      continue;
    }
    try {
      const result = await fn({
        memberId: job.memberId,
        dialogId: job.dialogId,
        chatId: job.chatId,
        customer: job.customer ?? { id: '', name: '' },
        language,
        vars,
        rest: rest(),
        now: deps.clock(),
      });
      if (result.text) out.push({ type: 'send', text: result.text });
    } catch (error) {
      log.error('menu function failed', { function: effect.name, error });
    }
  }
  return out;
}

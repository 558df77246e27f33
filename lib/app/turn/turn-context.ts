/**
 * What the engine is told about a turn besides the state: the time, the customer, the
 * portal's language, whether the line is open, the line's bot time (WELCOME_BOT_TIME), the
 * session id and the bot list when known. The line's settings are read with the
 * installer's stored token: imopenlines.config.* needs a user with Open Lines rights.
 */
import type { RestClient } from '../../bitrix/rest-client.js';
import type { Logger } from '../../log.js';
import type { Context } from '../../menu/engine.js';
import { isOpen } from '../../menu/hours.js';
import type { DialogJob } from '../../queue/job.js';
import type { DialogRecord } from '../../store/dialogs.js';
import type { PortalRecord } from '../../store/portals.js';
import type { WorkerDeps } from '../deps.js';
import { lineSettings, type LineSettings } from '../lookups.js';

/**
 * The line's bot time can only have run out after a minute with the bot (the shortest
 * WELCOME_BOT_TIME the line settings offer), so younger dialogs never look it up.
 */
const MIN_LINE_BOT_MS = 60_000;

export async function turnContext(
  deps: WorkerDeps,
  job: DialogJob,
  portal: PortalRecord,
  dialog: DialogRecord,
  hours: ReturnType<WorkerDeps['menu']>['hours'],
  rest: () => RestClient,
  log: Logger,
): Promise<Context> {
  const now = deps.clock();
  const state = dialog.state;
  const botClockRunning = job.kind === 'message' && state?.status === 'bot' && now - state.startedAt >= MIN_LINE_BOT_MS;
  let line: LineSettings | undefined;
  if (job.lineId && (hours?.source === 'line' || botClockRunning)) {
    try {
      line = await lineSettings(deps, job.memberId, job.lineId, rest());
    } catch (error) {
      deps.caches.lines.set(`${job.memberId}:${job.lineId}`, null); // don't spend a request per message on it
      log.warn('line settings unavailable; treating the line as open and without a bot time limit', { error });
    }
  }
  let open: boolean | undefined;
  if (hours?.source === 'file') open = isOpen(hours, now);
  else if (hours?.source === 'line') open = line?.hours ? isOpen(line.hours, now) : undefined;
  return {
    now,
    customer: job.customer ?? { id: '', name: '' },
    portalLanguage: job.language ?? portal.language,
    lineBotSeconds: line?.botSeconds,
    open,
    sessionId: job.sessionId,
    bots: deps.caches.bots.get(job.memberId),
  };
}

/**
 * POST /bitrix/events — every Bitrix24 event (and a stray ONAPPINSTALL, since many
 * admins give one URL for everything). Parse, hand to the use case, answer 200.
 */
import middy from '@middy/core';
import { parseEventBody } from '../bitrix/parse-event.js';
import type { IngestDeps } from '../app/deps.js';
import { ingestEvent } from '../app/ingest.js';
import { httpErrors } from '../http/error-middleware.js';
import { metric } from '../metrics.js';
import { formBody, requestIdOf, text, type HttpEvent, type HttpResult } from '../http/request.js';

export function createEventsHandler(deps: IngestDeps) {
  return middy<HttpEvent, HttpResult>()
    .use(httpErrors(deps.log))
    .handler(async (request) => {
      const event = parseEventBody(formBody(request, deps.config.maxBodyBytes), Math.floor(deps.clock() / 1000));
      const log = deps.log.child({ requestId: requestIdOf(request), event: event.type, memberId: event.portal.memberId });
      const outcome = await ingestEvent(deps, event, log);
      log.info('event accepted', { outcome });
      metric('EventAccepted', 1, { Outcome: outcome });
      return text(200, outcome);
    });
}

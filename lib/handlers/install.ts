/**
 * POST /bitrix/install — the app's install URL. Two ways in (contract §2.1–2.2):
 * the server-to-server ONAPPINSTALL event, or the install page the portal opens in an
 * iframe with AUTH_ID / REFRESH_ID / member_id in a form. Both register the bot the
 * same way; the page then answers HTML that calls BX24.installFinish().
 */
import middy from '@middy/core';
import type { IngestDeps } from '../app/deps.js';
import { ingestEvent } from '../app/ingest.js';
import { installPortal } from '../app/install.js';
import { parseForm, type Form } from '../bitrix/form.js';
import { isInstallPage, parseEvent, parseInstallPage } from '../bitrix/parse-event.js';
import { httpErrors } from '../http/error-middleware.js';
import { metric } from '../metrics.js';
import { formBody, html, requestIdOf, text, type HttpEvent, type HttpResult } from '../http/request.js';

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function installPage(ok: boolean, message: string): string {
  const finish = ok ? '<script src="https://api.bitrix24.com/api/v1/"></script><script>BX24.init(function(){BX24.installFinish();});</script>' : '';
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>Support bot</title></head><body style="font:15px/1.5 system-ui,sans-serif;margin:2em">` +
    `<h1 style="font-size:20px">${ok ? 'Support bot installed' : 'Installation failed'}</h1><p>${escapeHtml(message)}</p>${finish}</body></html>`
  );
}

export function createInstallHandler(deps: IngestDeps) {
  return middy<HttpEvent, HttpResult>()
    .use(httpErrors(deps.log, (status, reason) => html(status, installPage(false, reason))))
    .handler(async (request) => {
      const form = parseForm(formBody(request, deps.config.maxBodyBytes));
      const now = Math.floor(deps.clock() / 1000);
      if (isInstallPage(form)) {
        const query = (request.queryStringParameters ?? {}) as Form;
        const event = parseInstallPage(form, query, now);
        const log = deps.log.child({ requestId: requestIdOf(request), event: 'install-page', memberId: event.portal.memberId });
        const outcome = await installPortal(deps, event, log);
        metric('EventAccepted', 1, { Outcome: 'install-page' });
        return html(
          200,
          installPage(true, `The bot is ${outcome.reinstall ? 're-installed' : 'registered'}. Choose it as the responsible bot of your Open Line.`),
        );
      }
      const event = parseEvent(form, now);
      const log = deps.log.child({ requestId: requestIdOf(request), event: event.type, memberId: event.portal.memberId });
      const outcome = await ingestEvent(deps, event, log);
      log.info('event accepted', { outcome });
      metric('EventAccepted', 1, { Outcome: outcome });
      return text(200, outcome);
    });
}

/**
 * POST /bitrix/dashboard — the app's own page inside Bitrix24 ("Your handler path" of the
 * local application; README "Deploy", step 4): the statistics dashboard
 * (lib/app/dashboard/view.ts) for the portal that opens it, to its administrators only
 * (lib/app/dashboard/verify-admin.ts). Anything else gets a bare 403. The page may be
 * framed only by that portal; it fetches nothing and runs one nonce'd script.
 */
import middy from '@middy/core';
import { dashboardViews } from '../app/dashboard/build.js';
import { verifyAdmin } from '../app/dashboard/verify-admin.js';
import { renderDashboard } from '../app/dashboard/view.js';
import type { DashboardDeps } from '../app/deps.js';
import { parseForm, text as field } from '../bitrix/form.js';
import { httpErrors } from '../http/error-middleware.js';
import { notFound } from '../http/errors.js';
import { formBody, framedPage, requestIdOf, type HttpEvent, type HttpResult } from '../http/request.js';
import type { StatsStore } from '../store/stats.js';

export function createDashboardHandler(deps: DashboardDeps, stats: StatsStore) {
  return middy<HttpEvent, HttpResult>()
    .use(httpErrors(deps.log))
    .handler(async (request) => {
      if ((request.requestContext?.http?.method ?? 'GET') !== 'POST') throw notFound('open the app from Bitrix24');
      const form = parseForm(formBody(request, deps.config.maxBodyBytes));
      const query = request.queryStringParameters ?? {};
      const memberId = field(form, ['member_id']);
      const log = deps.log.child({ requestId: requestIdOf(request), page: 'dashboard', ...(memberId ? { memberId } : {}) });
      const portal = await verifyAdmin(
        deps,
        { memberId, domain: query.DOMAIN, authId: field(form, ['AUTH_ID']), applicationToken: field(form, ['APPLICATION_TOKEN']) },
        log,
      );
      const views = await dashboardViews(deps, stats, [portal.memberId], {}, deps.clock());
      const report = views[0]!.report;
      log.info('dashboard shown');
      return framedPage(
        (nonce) => renderDashboard({ views, nonce, title: 'Support bot — how it does', subtitle: `${report.from} … ${report.to} · ${portal.domain}` }),
        new URL(portal.clientEndpoint).origin,
      );
    });
}

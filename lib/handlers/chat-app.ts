/**
 * The operators' chat app (lib/app/chat-app*.ts):
 *   GET  /bitrix/app/<member_id>          the frame the messenger opens in an Open Lines chat
 *   POST /bitrix/app/<member_id>/resume   "give the chat back to the bot" from that frame
 * Both carry the messenger's signed parameters (DOMAIN, DOMAIN_HASH, USER_ID, USER_HASH,
 * DIALOG_ID) in the query. Anything not signed for this portal gets a bare 403: nothing of
 * any dialog, and a structured log line without the signatures.
 */
import middy from '@middy/core';
import type { ChatAppDeps } from '../app/deps.js';
import { frameRequestOf, verifyFrame } from '../app/chat-app-frame.js';
import { renderChatApp } from '../app/chat-app-view.js';
import { resumeJob } from '../app/resume.js';
import { menuFor } from '../app/menu-for.js';
import { parseForm, text as field } from '../bitrix/form.js';
import { httpErrors } from '../http/error-middleware.js';
import { forbidden, notFound } from '../http/errors.js';
import { framedPage, requestIdOf, text, type HttpEvent, type HttpResult } from '../http/request.js';

const ROUTE = /^\/bitrix\/app\/([A-Za-z0-9_.-]{1,64})(\/resume)?\/?$/;

const header = (event: HttpEvent, name: string): string | undefined => Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];

export function createChatAppHandler(deps: ChatAppDeps) {
  return middy<HttpEvent, HttpResult>()
    .use(httpErrors(deps.log))
    .handler(async (request) => {
      const match = ROUTE.exec(request.rawPath ?? '');
      if (!match) throw notFound('no such page');
      const memberId = match[1]!;
      const resume = match[2] !== undefined;
      const method = request.requestContext?.http?.method ?? 'GET';
      if (method !== (resume ? 'POST' : 'GET')) throw notFound('no such page');
      const log = deps.log.child({ requestId: requestIdOf(request), memberId, page: resume ? 'chat-app resume' : 'chat-app' });

      const frame = frameRequestOf(request.queryStringParameters ?? {});
      const portal = frame ? await deps.portals.get(memberId) : undefined;
      const verdict = frame
        ? verifyFrame(portal, frame, header(request, 'referer'), !resume)
        : ({ ok: false, reason: 'parameters missing or malformed' } as const);
      if (!verdict.ok || !portal || !frame) {
        log.warn('chat app request refused', { reason: verdict.ok ? 'no portal' : verdict.reason });
        throw forbidden('FORBIDDEN', 'forbidden');
      }

      if (resume) {
        // The frame posts to its own origin: a request from anywhere else is not the frame.
        const origin = header(request, 'origin');
        if (origin !== undefined && origin !== new URL(deps.config.publicUrl).origin) {
          log.warn('chat app request refused', { reason: 'foreign origin' });
          throw forbidden('FORBIDDEN', 'forbidden');
        }
        const body = request.body ? parseForm(request.isBase64Encoded ? Buffer.from(request.body, 'base64').toString('utf8') : request.body) : {};
        const menu = field(body, ['menu']);
        await deps.queue.send(resumeJob(deps, portal, frame.dialogId, menu && /^[A-Za-z0-9_.-]{1,64}$/.test(menu) ? menu : undefined));
        log.info('chat given back to the bot', { dialogId: frame.dialogId, operator: frame.userId });
        return text(202, 'the bot has the chat again');
      }

      const dialog = await deps.dialogs.get({ memberId, botId: portal.botId, dialogId: frame.dialogId }, deps.clock());
      const state = dialog.state;
      // Dialog data: never cached; only this portal may frame it; its script talks only to us.
      return framedPage(
        (nonce) =>
          renderChatApp({
            menu: menuFor(deps, memberId, dialog.lineId),
            state,
            dialogId: frame.dialogId,
            now: deps.clock(),
            uiLanguage: frame.lang,
            nonce,
          }),
        verdict.origin,
        { connectSelf: true },
      );
    });
}

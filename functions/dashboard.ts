/** POST /bitrix/dashboard: the app's own page in Bitrix24, the statistics for the portal's admins (lib/runtime/dashboard.ts). */
import { inLambda } from '../lib/runtime/invocation.js';
import menu, { menus } from 'virtual:menu';
import type { Context } from 'aws-lambda';
import type { HttpEvent } from '../lib/http/request.js';
import { dashboardHandler } from '../lib/runtime/dashboard.js';

let handle: ReturnType<typeof dashboardHandler> | undefined;
export const handler = inLambda((event: HttpEvent, context: Context) => (handle ??= dashboardHandler(menu, menus))(event, context));

/**
 * Installation (ONAPPINSTALL, the install page, and ONAPPUPDATE with tokens).
 *
 * An install is proven, not believed: the offered access token must work against the
 * claimed portal and answer app.info for our application (CODE = B24_CLIENT_ID, or a
 * Market app's B24_APP_CODE); the portal's addresses must be allowed hosts; and a
 * member_id already stored must come from the same domain and endpoint, so a forged
 * install cannot take over another portal's tokens or bot — unless the portal was
 * renamed and that is verified: the stored address redirects to exactly the claimed one
 * and the offered token works there (lib/app/portal-moves.ts verifiedMove, contract
 * §9.3). Only then the bot is registered (or updated: one bot per
 * portal, re-install never duplicates it), the app events are bound, and the portal
 * is stored with a conditional write.
 */
import { BitrixApiError } from '../bitrix/errors.js';
import type { InstallEvent, OAuthTokens, PortalClaim } from '../bitrix/events.js';
import { allowedDomain, allowedUrl } from '../bitrix/hosts.js';
import { createRestClient, type RestClient } from '../bitrix/rest-client.js';
import { conflict, forbidden, unauthorized } from './errors.js';
import { registerSecret, type Logger } from '../log.js';
import type { BotProfile } from '../menu/types.js';
import { ConcurrentUpdateError } from '../store/errors.js';
import { registerChatApp } from './chat-app.js';
import type { Config } from '../config.js';
import type { RegisterDeps } from './deps.js';
import { verifiedMove } from './portal-moves.js';
import { chooseBotApi } from './bot-v2.js';
import { applyEventMode, registerPortalBot } from './event-mode.js';

export interface InstallOutcome {
  readonly memberId: string;
  readonly botId: number;
  readonly reinstall: boolean;
}

/** The portal's addresses, checked and normalised; 403 when any is not an allowed host. */
export function checkedAddresses(claim: PortalClaim, deps: RegisterDeps): { clientEndpoint: string; serverEndpoint: string; domain: string } {
  const hosts = deps.config.allowedHosts;
  const client = allowedUrl(claim.clientEndpoint, hosts);
  const server = allowedUrl(claim.serverEndpoint, hosts);
  const domain = claim.domain.toLowerCase();
  if (!client || !server || !allowedDomain(domain, hosts)) {
    throw forbidden('HOST_NOT_ALLOWED', 'portal address is not in B24_ALLOWED_HOSTS (https only, plain http only for listed loopback hosts)');
  }
  if (client.host.toLowerCase() !== domain) throw forbidden('HOST_MISMATCH', 'client_endpoint does not belong to the portal domain');
  const clientEndpoint = client.href.endsWith('/') ? client.href : `${client.href}/`;
  return { clientEndpoint, serverEndpoint: server.href, domain };
}

export async function installPortal(
  deps: RegisterDeps,
  event: InstallEvent | (Omit<InstallEvent, 'type'> & { type: 'update' }),
  log: Logger,
): Promise<InstallOutcome> {
  const claim = event.portal;
  const addresses = checkedAddresses(claim, deps);
  registerSecret(event.tokens.accessToken);
  registerSecret(event.tokens.refreshToken);
  registerSecret(claim.applicationToken);

  const existing = await deps.portals.get(claim.memberId);
  const active = existing?.status === 'active' ? existing : undefined;
  const elsewhere = active && (active.domain !== addresses.domain || active.clientEndpoint !== addresses.clientEndpoint);
  if (elsewhere && !(await verifiedMove(deps, active, addresses, event.tokens.accessToken, log))) {
    log.warn('install refused: portal claimed from another address', { memberId: claim.memberId, claimedDomain: addresses.domain });
    throw forbidden('PORTAL_MISMATCH', 'this member_id is installed from another address');
  }
  if (event.type === 'update' && !active) throw unauthorized('unknown portal');

  const rest = createRestClient({
    endpoint: new URL(addresses.clientEndpoint),
    // A redirect here is refused (no allowedHosts): an install must come from where the portal is now.
    timeoutMs: deps.config.restTimeoutMs,
    fetch: deps.fetch,
    beforeRequest: () => deps.budget.take(claim.memberId, active?.rate ?? deps.config.restRate),
    // The offered token must work as is: an install that needs a refresh is not proven.
    tokens: { first: async () => event.tokens.accessToken, next: async () => undefined },
  });

  await proveApplication(rest, deps, log);
  if (existing && !active) await deps.portals.purge(claim.memberId, { keepPortal: true }); // finish an interrupted uninstall
  // V1 or Chatbots 2.0 (lib/app/bot-v2.ts); only OnAppUpdate/OnAppUninstall are bound either way.
  const botApi = await chooseBotApi(rest, deps.config, active ? (active.botApi ?? 'v1') : undefined, log);
  const botId = await registerPortalBot(deps, rest, botApi, active?.botId, log);
  await bindAppEvents(rest, handlerUrl(deps), log);
  await applyEventMode(deps, claim.memberId, botApi, botId, botId === active?.botId ? active?.migration : undefined); // before the portal is active: a fetch bot's events are never unpolled
  const chatApp = await registerChatApp(
    rest,
    {
      botId,
      languages: deps.bot().languages ?? [],
      publicUrl: deps.config.publicUrl,
      memberId: claim.memberId,
      existing: botId === active?.botId ? active?.chatApp : undefined,
    },
    log,
  );

  const now = deps.clock();
  try {
    await deps.portals.save(
      {
        memberId: claim.memberId,
        domain: addresses.domain,
        clientEndpoint: addresses.clientEndpoint,
        serverEndpoint: addresses.serverEndpoint,
        applicationToken: claim.applicationToken,
        ...tokenFields(event.tokens),
        botId,
        botCode: deps.bot().code,
        botApi,
        language: event.language ?? active?.language,
        installedAt: active?.installedAt ?? now,
        ...(chatApp ? { chatApp } : {}),
      },
      existing,
      now,
    );
  } catch (error) {
    if (error instanceof ConcurrentUpdateError) throw conflict('the portal was changed by another request; try again');
    throw error;
  }
  deps.caches.bots.delete(claim.memberId); // the saved portal is warm already (lib/app/portal-cache.ts)
  log.info(event.type === 'update' ? 'app updated' : active ? 'portal re-installed' : 'portal installed', {
    memberId: claim.memberId,
    botId,
    botApi,
    source: event.type === 'install' ? event.source : 'update',
  });
  return { memberId: claim.memberId, botId, reinstall: Boolean(active) };
}

const tokenFields = (tokens: OAuthTokens) => ({
  accessToken: tokens.accessToken,
  refreshToken: tokens.refreshToken,
  tokenExpiresAt: tokens.expiresAt,
  scope: tokens.scope,
});

export const handlerUrl = (deps: Pick<RegisterDeps, 'config'>): string => `${deps.config.publicUrl}/bitrix/events`;

/**
 * app.info CODE names our application: the client_id for a local app, or the Market
 * app's symbolic code when B24_APP_CODE is set (contract §9.6; Bitrix24 docs
 * api-reference/common/system/app-info.md, api-reference/widgets/universal/app-url.md).
 */
export const isOurAppCode = (code: unknown, config: Pick<Config, 'clientId' | 'appCode'>): boolean =>
  typeof code === 'string' && (code === config.clientId || (config.appCode !== undefined && code === config.appCode));

/** app.info answers for the application that owns the token (contract §4.15). */
async function proveApplication(rest: RestClient, deps: RegisterDeps, log: Logger): Promise<void> {
  let info: { CODE?: unknown; ID?: unknown } | undefined;
  try {
    info = await rest.call<{ CODE?: unknown }>('app.info');
  } catch (error) {
    log.warn('install refused: app.info failed with the offered token', { error });
    throw forbidden('NOT_PROVEN', 'the portal did not confirm the installation (app.info failed)');
  }
  if (!isOurAppCode(info?.CODE, deps.config)) {
    log.warn('install refused: app.info names another application', { code: typeof info?.CODE === 'string' ? info.CODE.slice(0, 80) : undefined });
    throw forbidden('NOT_OUR_APP', 'the portal answered for another application');
  }
}

function botFields(bot: BotProfile, handler: string) {
  const properties: Record<string, string> = { NAME: bot.name };
  if (bot.workPosition) properties.WORK_POSITION = bot.workPosition;
  if (bot.color) properties.COLOR = bot.color;
  if (bot.avatar) properties.PERSONAL_PHOTO = bot.avatar;
  return { EVENT_MESSAGE_ADD: handler, EVENT_WELCOME_MESSAGE: handler, EVENT_BOT_DELETE: handler, PROPERTIES: properties };
}

/**
 * One bot per portal. A stored bot is updated in place (handlers and profile); if the
 * portal no longer knows it, or there is none, imbot.register — which itself returns
 * the existing bot for the same CODE (contract §2.4).
 */
export async function registerBot(rest: RestClient, bot: BotProfile, handler: string, knownBotId: number | undefined, log: Logger): Promise<number> {
  const fields = botFields(bot, handler);
  if (knownBotId) {
    try {
      await rest.call('imbot.update', { BOT_ID: knownBotId, FIELDS: fields });
      return knownBotId;
    } catch (error) {
      if (!(error instanceof BitrixApiError) || !['BOT_ID_ERROR', 'APP_ID_ERROR'].includes(error.code)) throw error;
      log.warn('stored bot is gone from the portal; registering again', { botId: knownBotId });
    }
  }
  const botId = Number(await rest.call('imbot.register', { CODE: bot.code, TYPE: 'O', OPENLINE: 'Y', ...fields }));
  if (!Number.isInteger(botId) || botId <= 0) throw new BitrixApiError('imbot.register', 200, 'NO_BOT_ID', 'no bot id in the answer');
  return botId;
}

/**
 * OnAppUpdate (as ITR does) and OnAppUninstall, so an uninstall can clean up. An
 * already bound handler is not an error (re-install).
 */
export async function bindAppEvents(rest: RestClient, handler: string, log: Logger): Promise<void> {
  for (const event of ['OnAppUpdate', 'OnAppUninstall']) {
    try {
      await rest.call('event.bind', { event, handler });
    } catch (error) {
      const already = error instanceof BitrixApiError && /handler|already/i.test(`${error.code} ${error.description}`);
      if (!already) log.warn('event.bind failed', { event, error });
    }
  }
}

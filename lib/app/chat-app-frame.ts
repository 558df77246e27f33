/**
 * Who is asking for the chat app's frame. The messenger opens the IFRAME with GET
 * parameters signed with the install's HASH (b24restdocs api-reference/chats/outdated/
 * iframe.md): DOMAIN_HASH = md5(host of DOMAIN + HASH), USER_HASH = md5(USER_ID + HASH),
 * and the portal's page as Referer. Everything is compared in constant time, against the
 * portal the frame's own URL names (its member_id in the path), so a request signed for one
 * portal can never read another's dialogs.
 */
import { createHash } from 'node:crypto';
import type { PortalRecord } from '../store/portals.js';
import { sameSecret } from './authenticate.js';

export interface FrameRequest {
  readonly domain: string;
  readonly domainHash: string;
  readonly userId: string;
  readonly userHash: string;
  readonly dialogId: string;
  readonly botId: string | undefined;
  readonly lang: string | undefined;
}

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

/** The documented parameters, or undefined when one is missing or malformed. */
export function frameRequestOf(query: Readonly<Record<string, string | undefined>>): FrameRequest | undefined {
  const { DOMAIN: domain, DOMAIN_HASH: domainHash, USER_ID: userId, USER_HASH: userHash, DIALOG_ID: dialogId } = query;
  if (!domain || !domainHash || !userId || !userHash || !dialogId) return undefined;
  if (!/^\d{1,12}$/.test(userId) || !/^chat\d{1,18}$/.test(dialogId) || !/^[0-9a-f]{32}$/i.test(domainHash) || !/^[0-9a-f]{32}$/i.test(userHash))
    return undefined;
  const lang = query.LANG && /^[a-z]{2}$/i.test(query.LANG) ? query.LANG.toLowerCase() : undefined;
  return { domain, domainHash: domainHash.toLowerCase(), userId, userHash: userHash.toLowerCase(), dialogId, botId: query.BOT_ID, lang };
}

/** The portal's origin as the frame names it (https://host), when it is this portal's. */
function portalOrigin(portal: PortalRecord, domain: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(domain);
  } catch {
    return undefined;
  }
  const scheme = new URL(portal.clientEndpoint).protocol;
  return url.protocol === scheme && url.host.toLowerCase() === portal.domain.toLowerCase() ? url : undefined;
}

export type FrameVerdict = { readonly ok: true; readonly origin: string } | { readonly ok: false; readonly reason: string };

/**
 * `referer` is checked when the browser sends one (the portal's page); the resume POST comes
 * from the frame itself and passes `checkReferer: false` (its Origin is checked instead).
 */
export function verifyFrame(portal: PortalRecord | undefined, request: FrameRequest, referer: string | undefined, checkReferer = true): FrameVerdict {
  if (portal?.status !== 'active' || !portal.chatApp) return { ok: false, reason: 'no chat app for this portal' };
  const origin = portalOrigin(portal, request.domain);
  // Hash anyway, so an unknown domain costs the same time as a wrong signature.
  const domainOk = sameSecret(md5((origin?.hostname ?? request.domain) + portal.chatApp.hash), request.domainHash) && origin !== undefined;
  const userOk = sameSecret(md5(request.userId + portal.chatApp.hash), request.userHash);
  if (!domainOk || !userOk) return { ok: false, reason: 'signature does not match' };
  if (request.botId !== undefined && request.botId !== String(portal.botId)) return { ok: false, reason: 'another bot' };
  if (checkReferer && referer) {
    let from: string | undefined;
    try {
      from = new URL(referer).origin;
    } catch {
      from = undefined;
    }
    if (from !== origin.origin) return { ok: false, reason: 'referer is not the portal' };
  }
  return { ok: true, origin: origin.origin };
}

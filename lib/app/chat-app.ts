/**
 * The operators' chat app: an IFRAME app in Open Lines chats, owned by our bot
 * (imbot.app.register, seed 004; b24restdocs api-reference/chats/outdated/create-app/
 * imbot-app-register.md, imbot-app-update.md). Chatbots 2.0 has no chat-app methods of its
 * own, and bots are visible to both APIs, so the V1 method serves a V2 bot as well.
 *
 * Each install gets its own random 32-character HASH: the platform signs every frame
 * request with it (DOMAIN_HASH, USER_HASH; lib/app/chat-app-frame.ts). A failure here
 * never fails the install: the bot matters more than its operator panel, and the next
 * update tries again.
 */
import { randomBytes } from 'node:crypto';
import { BitrixApiError } from '../bitrix/errors.js';
import type { RestClient } from '../bitrix/rest-client.js';
import { registerSecret, type Logger } from '../log.js';
import type { ChatAppRecord } from '../store/portals.js';

export const CHAT_APP_CODE = 'operator_panel';

/** 32 × 32 PNG, a speech bubble in the bot's blue (ICON_FILE is base64). */
const ICON =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAeUlEQVR42u2X0Q0AEAxEbWRpuxmDCTRoT69o4k9yLzTtXUrRKpfapOMiCoXZFVdDaIVVINbiSxAo8WkIVwC0uAgxuqytaYi3AU79/RCCGsDy2T9AzB4I0YQmI/k0gOkkhAJQbMSrPAG/JXM3pRS2nCKY0EQzinCKrA6udC27TgOPzAAAAABJRU5ErkJggg==';

const TITLES: Readonly<Record<string, { readonly title: string; readonly description: string }>> = {
  en: { title: 'Bot assistant', description: 'What the bot learned in this chat, and its answers at hand' },
  ru: { title: 'Помощник бота', description: 'Что бот узнал в этом чате, и его ответы под рукой' },
  de: { title: 'Bot-Assistent', description: 'Was der Bot in diesem Chat erfahren hat, und seine Antworten griffbereit' },
};

/** The frame's address for one portal: the portal's member_id in the path finds its HASH. */
export const chatAppUrl = (publicUrl: string, memberId: string): string => `${publicUrl}/bitrix/app/${encodeURIComponent(memberId)}`;

export const newChatAppHash = (): string => randomBytes(16).toString('hex');

function appFields(menuLanguages: readonly string[], url: string, hash: string) {
  const languages = [...new Set(['en', ...menuLanguages])];
  return {
    IFRAME: url,
    IFRAME_WIDTH: '350',
    IFRAME_HEIGHT: '400',
    HASH: hash,
    ICON_FILE: ICON,
    // LINES: Open Lines chats only; operators, not the customer, see it.
    CONTEXT: 'LINES',
    HIDDEN: 'N',
    EXTRANET_SUPPORT: 'N',
    LIVECHAT_SUPPORT: 'N',
    IFRAME_POPUP: 'N',
    LANG: languages.map((language) => {
      const text = TITLES[language] ?? TITLES.en!;
      return { LANGUAGE_ID: language, TITLE: text.title, DESCRIPTION: text.description };
    }),
  };
}

/**
 * Registers the chat app (or updates the one this install has) and returns what to store.
 * A re-install keeps the app and its HASH; a new install gets a new HASH.
 */
export async function registerChatApp(
  rest: RestClient,
  opts: { botId: number; languages: readonly string[]; publicUrl: string; memberId: string; existing: ChatAppRecord | undefined },
  log: Logger,
): Promise<ChatAppRecord | undefined> {
  const url = chatAppUrl(opts.publicUrl, opts.memberId);
  const hash = opts.existing?.hash ?? newChatAppHash();
  registerSecret(hash);
  const fields = appFields(opts.languages, url, hash);
  try {
    if (opts.existing) {
      try {
        await rest.call('imbot.app.update', { APP_ID: opts.existing.id, FIELDS: fields });
        return { ...opts.existing, url };
      } catch (error) {
        // The app is gone from the portal (removed by hand): register it again.
        if (!(error instanceof BitrixApiError) || !['APP_ID_ERROR', 'WRONG_REQUEST'].includes(error.code)) throw error;
      }
    }
    const id = Number(await rest.call('imbot.app.register', { BOT_ID: opts.botId, CODE: CHAT_APP_CODE, ...fields }));
    if (!Number.isInteger(id) || id <= 0) throw new BitrixApiError('imbot.app.register', 200, 'NO_APP_ID', 'no app id in the answer');
    return { id, hash, url };
  } catch (error) {
    log.warn('chat app not registered; the bot works without it, the next update tries again', { error });
    return opts.existing;
  }
}

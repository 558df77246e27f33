/**
 * The chat app's page for one dialog: what the bot learned (customer, language, path,
 * answers, what it did not understand, time with the bot, whether it still has the chat),
 * the menu's answers at hand (one click puts a text into the operator's input with the
 * messenger's documented postMessage `put`, api-reference/chats/outdated/iframe.md) and
 * "give the chat back to the bot". Plain HTML and a little script; everything from the
 * dialog or the menu is escaped; works in a 350 × 400 frame and on a phone.
 */
import { duration, pathTitles } from '../menu/handover.js';
import { menuLanguages } from '../menu/language.js';
import type { DialogState } from '../menu/state.js';
import { fill, pick } from '../menu/texts.js';
import type { Action, CompiledMenu, LocalText } from '../menu/types.js';
import { PAGE_SCRIPT, PAGE_STYLE } from './chat-app-assets.js';

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

export interface Answer {
  readonly language: string;
  readonly label: string;
  readonly text: string;
}

/** Texts an action says to the customer (its answer, a question, a transfer's words). */
function actionTexts(action: Action): LocalText[] {
  const out: LocalText[] = [];
  if ('text' in action && action.text !== undefined) out.push(action.text);
  if (action.type === 'ask') out.push(action.question, ...actionTexts(action.next));
  return out;
}

/**
 * Every answer text of the menu, in the customer's language first, then in the others,
 * with this dialog's placeholders filled (#USER_NAME#, the answers collected).
 */
export function menuAnswers(menu: CompiledMenu, language: string, values: Readonly<Record<string, string>> = {}): Answer[] {
  const languages = [language, ...menuLanguages(menu).filter((lang) => lang !== language)];
  const seen = new Set<string>();
  const out: Answer[] = [];
  for (const lang of languages) {
    for (const def of Object.values(menu.menus)) {
      for (const item of def.items) {
        for (const text of actionTexts(item.action)) {
          if (typeof text !== 'string' && text[lang] === undefined) continue;
          const value = fill(pick(text, lang, menu.language), values).trim();
          const key = `${lang}\u0000${value}`;
          if (!value || seen.has(key) || (typeof text === 'string' && lang !== language)) continue;
          seen.add(key);
          out.push({ language: lang, label: pick(item.title, lang, menu.language), text: value });
        }
      }
    }
  }
  return out;
}

const REASONS: Readonly<Record<string, string>> = {
  operator: 'an operator wrote in the chat',
  'line-timeout': "the line's bot time ran out",
  refused: 'the portal said the chat had moved on',
};

function status(state: DialogState | undefined): string {
  if (!state) return 'The bot has no record of this chat (never reached it, or it expired).';
  if (state.status === 'bot') return state.resumed ? 'The bot has the chat again (given back by an operator).' : 'The bot is handling this chat.';
  if (state.status === 'finished') return 'The bot finished this session.';
  return state.movedOn ? `The bot stepped aside: ${REASONS[state.movedOn.reason] ?? state.movedOn.reason}.` : 'The bot handed the chat over.';
}

export interface ViewInput {
  readonly menu: CompiledMenu;
  readonly state: DialogState | undefined;
  readonly dialogId: string;
  readonly now: number;
  /** The operator's interface language (LANG), used when the customer's is unknown. */
  readonly uiLanguage: string | undefined;
  /** Per-response nonce for the inline script and style (Content-Security-Policy). */
  readonly nonce: string;
}

export function renderChatApp(input: ViewInput): string {
  const { menu, state } = input;
  const language = state?.language ?? input.uiLanguage ?? menu.language;
  const source = state?.languageSource === 'chosen' ? 'chosen' : state?.languageSource === 'detected' ? 'detected' : 'not detected';
  const rows: [string, string][] = [
    ['Customer', state?.customer?.name || '—'],
    ['Language', `${language} (${source})`],
    ['Time with the bot', state ? duration((state.status === 'bot' ? input.now : (state.movedOn?.at ?? state.lastAt)) - state.startedAt) : '—'],
  ];
  const path = state ? pathTitles(menu, state.path, language) : [];
  const vars = Object.entries(state?.vars ?? {});
  const answers = menuAnswers(menu, language, { ...(state?.customer?.name ? { USER_NAME: state.customer.name } : {}), ...(state?.vars ?? {}) });
  const menus = Object.values(menu.menus).map((def) => ({
    id: def.id,
    title: pick(def.text, language, menu.language)
      .split(/\[br\]|\n/)[0]!
      .slice(0, 60),
  }));
  return `<!doctype html>
<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bot assistant</title><style nonce="${input.nonce}">${PAGE_STYLE}</style></head>
<body>
<section aria-labelledby="h-chat"><h1 id="h-chat">This chat with the bot</h1>
<p class="status" id="status">${escapeHtml(status(state))}</p>
<dl>${rows.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}
<dt>Path</dt><dd>${path.length ? path.map(escape).join(' › ') : '—'}</dd>
<dt>Answers</dt><dd>${vars.length ? `<ul>${vars.map(([name, value]) => `<li><b>${escapeHtml(name)}</b>: ${escapeHtml(value)}</li>`).join('')}</ul>` : '—'}</dd>
<dt>Not understood</dt><dd>${state?.missed.length ? `<ul>${state.missed.map((text) => `<li>“${escapeHtml(text)}”</li>`).join('')}</ul>` : '—'}</dd></dl>
</section>
<section aria-labelledby="h-answers"><h2 id="h-answers">The bot's answers</h2>
<input id="search" type="search" placeholder="Search the answers" aria-label="Search the answers">
<ul id="answers">${answers.map((answer) => `<li><button type="button" class="answer" data-text="${escapeHtml(answer.text)}" title="Put into the message box"><span class="label">${escapeHtml(answer.label)} <small>${escapeHtml(answer.language)}</small></span><span class="text">${escapeHtml(answer.text)}</span></button></li>`).join('')}</ul>
</section>
<section aria-labelledby="h-back"><h2 id="h-back">Give the chat back to the bot</h2>
<form id="resume"><label for="menu">Show the customer</label> <select id="menu" name="menu">${menus.map((def) => `<option value="${escapeHtml(def.id)}"${def.id === menu.start ? ' selected' : ''}>${escapeHtml(def.id === menu.start ? `the start menu (${def.title})` : def.title || def.id)}</option>`).join('')}</select>
<button type="submit">Give back</button></form>
<p id="resumed" role="status"></p>
</section>
<script nonce="${input.nonce}">${PAGE_SCRIPT}</script>
</body></html>`;
}

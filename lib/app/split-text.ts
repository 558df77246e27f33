/**
 * A message longer than the messenger takes is split into several, never cut: both APIs
 * truncate text past 20,000 characters with " (...)" (chat-bots-v2/index.md#limits,
 * imbot.v2/messages/chat-message-send.md; contract §4.5), which would lose the end of a
 * long answer and the menu after it. Pure.
 *
 * Each part ends at the last natural break that fits: a block ([br][br], how the bot joins
 * an answer and the next menu), a line break ([br] or \n), a space; only a text without any
 * is cut at the limit. No part is empty and the parts joined give the text back.
 */
import { MAX_MESSAGE_CHARS } from '../bitrix/bot-api.js';

const BREAKS = ['[br][br]', '[br]', '\n', ' '];

export function splitText(text: string, limit = MAX_MESSAGE_CHARS): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = -1;
    for (const mark of BREAKS) {
      const at = rest.lastIndexOf(mark, limit - mark.length);
      // The break stays with the earlier part; a part of only a break is no progress.
      if (at > 0) {
        cut = at + mark.length;
        break;
      }
    }
    if (cut <= 0) cut = limit;
    // Never split a surrogate pair (an emoji) in two.
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}

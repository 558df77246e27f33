/**
 * BB-code in both directions. Bitrix messages are BB-code text (contract §7):
 * [b] [url=…] [send=…] [br], `#BR#` and `\n` for line breaks, `>>` for quotes.
 */

const ZWSP = '\u200B';

/**
 * Makes customer-supplied text (a name, an answer) safe to embed in a bot message:
 * it shows exactly as typed but never becomes markup. A zero-width space after every
 * `[` breaks any tag (`[URL=…]`, `[send=0]`), `#BR#` loses its meaning, line breaks
 * and leading quote marks are flattened. Bitrix has no documented escape for BB-code,
 * so breaking the token is the only reliable way.
 */
export function plain(value: string): string {
  return value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\[/g, `[${ZWSP}`)
    .replace(/#BR#/gi, (match) => `#${ZWSP}${match.slice(1)}`)
    .replace(/^>>/, `${ZWSP}>>`)
    .replace(/-{20,}/g, (dashes) => dashes.split('').join(ZWSP));
}

/**
 * What the customer actually typed, without markup: the same cleaning the ITR
 * reference does before choosing an item (its prepareText), plus quotes removed.
 */
export function stripBbCodes(message: string): string {
  return message
    .replace(/-{54}[\s\S]+?-{54}/g, ' ') // quoted earlier message
    .replace(/^>>.*$/gm, ' ')
    .replace(/\[s\][\s\S]*?\[\/s\]/gi, '-')
    .replace(/\[(url|user|chat|pch|send|put|call)(=[^\]]*)?\]([\s\S]*?)\[\/\1\]/gi, '$3')
    .replace(/\[br\]|#br#/gi, ' ')
    .replace(/\[\/?[a-z]+(=[^\]]*)?\]/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * BB-code as a plain-text messenger shows it (Telegram/WhatsApp through the connector
 * server, contract §7: assume no clickable [send]): tags dropped, labels kept, line
 * breaks as newlines. Used by the playground and by length checks.
 */
export function flatten(message: string): string {
  return message
    .replace(/\[br\]|#br#/gi, '\n')
    .replace(/\[url=([^\]]+)\]([\s\S]*?)\[\/url\]/gi, '$2 ($1)')
    .replace(/\[(send|put)=[^\]]*\]([\s\S]*?)\[\/\1\]/gi, '$2')
    .replace(/\[\/?(b|i|u|s|url|user|chat|code|size|color|call|quote)(=[^\]]*)?\]/gi, '')
    .replace(/\u200B/g, '');
}

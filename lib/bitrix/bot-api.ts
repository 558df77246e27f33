/**
 * The two chat-bot APIs of Bitrix24 and what differs between them on the wire.
 *
 * V1 (`imbot.*`, events ONIMBOT*) is frozen ("development halted") but works; Chatbots 2.0
 * (`imbot.v2.*`, events ONIMBOTV2*) is where fixes go. Both run side by side and a bot's
 * events come only in the format of the API it was registered with
 * (api-reference/chat-bots/chat-bots-v2/migration.md, index.md#lifecycle), so each portal
 * stores the API of its bot and everything downstream asks it.
 */
export type BotApi = 'v1' | 'v2';

/** A stored portal without the field was installed before V2 support: a V1 bot. */
export const botApiOf = (portal: { readonly botApi?: BotApi }): BotApi => portal.botApi ?? 'v1';

/**
 * Message length limit of both APIs: 20,000 characters; longer text is cut with " (...)"
 * (chat-bots-v2/index.md#limits, imbot.v2/messages/chat-message-send.md; contract §4.5).
 */
export const MAX_MESSAGE_CHARS = 20_000;

/** V1 colour codes (imbot.register PROPERTIES[COLOR]) → V2's lower-camel codes (imbot.v2/chats/chat-add.md#available-colors). */
export function v2Color(v1: string | undefined): string | undefined {
  if (!v1) return undefined;
  const parts = v1.toLowerCase().split('_');
  return (
    parts[0] +
    parts
      .slice(1)
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('')
  );
}

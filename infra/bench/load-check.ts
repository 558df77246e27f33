/**
 * How a load run checks its chats: the menu paths its customers take, what the customer
 * sees of the bot's answers, and the tally against a quiet portal's answers.
 */
import type { RestCall, SimChat } from '../local/simulator/model.js';

/** Paths through menus/example.yaml where every message gets exactly one reply. */
export const SEQUENCES = [
  ['4', '2', '1'],
  ['1', '2', '8'],
  ['2', '1', '9'],
  ['5', '3', '4'],
] as const;

export const sequenceFor = (customer: number, length: number): string[] => {
  const base = SEQUENCES[customer % SEQUENCES.length]!;
  return Array.from({ length }, (_, i) => base[i] ?? '4');
};

/** The bot's messages the customer sees in the chat (operator-only notes left out). */
export const customerView = (chat: SimChat) =>
  chat.messages.filter((message) => message.author === 'bot' && !message.operatorOnly).map((message) => message.text);

/** What the loaded chats got against what the quiet portal gave the same paths: nothing lost, nothing twice, in order. */
export function tally(chats: readonly { chat: SimChat; texts: string[] }[], expectedFor: ReadonlyMap<string, string[]>) {
  let expected = 0;
  let delivered = 0;
  let lost = 0;
  let duplicated = 0;
  let chatsOutOfOrder = 0;
  for (const { chat, texts } of chats) {
    const want = expectedFor.get(texts.join(' '))!;
    const got = customerView(chat);
    expected += want.length;
    delivered += got.length;
    const left = [...got];
    for (const text of want) {
      const at = left.indexOf(text);
      if (at === -1) lost += 1;
      else left.splice(at, 1);
    }
    duplicated += left.length;
    if (got.length === want.length && got.some((text, i) => text !== want[i])) chatsOutOfOrder += 1;
  }
  return { expected, delivered, lost, duplicated, chatsOutOfOrder };
}

/** Failed REST requests after `seq` by error code (batch members are counted in their batch). */
export function failuresSince(calls: readonly RestCall[], seq: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of calls) {
    if (call.seq <= seq || call.batch !== undefined || call.ok) continue;
    const code = call.error ?? 'unknown';
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/**
 * Issue 4 through the HTTP handlers with the shipped example menu: understanding,
 * navigation, questions, the hand-over card, another Open Line, working hours (from the
 * file and from the line's settings), returning customers, languages.
 */
import { describe, expect, it } from 'vitest';
import { useStack } from '../helpers/stack.js';

// Wednesday 25 Nov 2026, 10:00 in Berlin (open) — the bot's clock, moved per test.
const OPEN = Date.parse('2026-11-25T09:00:00Z');
const SUNDAY = Date.parse('2026-11-22T10:00:00Z');
let now = OPEN;
const t = useStack({ clock: () => now });

const at = <T>(time: number, work: () => Promise<T>) => {
  now = time;
  return work().finally(() => {
    now = OPEN;
  });
};

describe('understanding and navigation', () => {
  it('understands decorated numbers, titles with typos and words; greetings show the menu without "not understood"', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    await t.say(portal, chat, '2️⃣');
    expect(t.customerView(chat).at(-1)).toMatch(/^Payment and invoices\[br\]/);
    await t.say(portal, chat, 'back');
    expect(t.customerView(chat).at(-1)).toMatch(/^Hello, Ivan Petrov!/);
    await t.say(portal, chat, 'delivry');
    expect(t.customerView(chat).at(-1)).toMatch(/^Delivery and tracking\[br\]/);
    await t.say(portal, chat, 'hi!');
    expect(t.customerView(chat).at(-1)).toMatch(/^Delivery and tracking\[br\]/);
    await t.say(portal, chat, '9'); // the global home item
    expect(t.customerView(chat).at(-1)).toMatch(/^Hello, Ivan Petrov!/);
  });

  it('three misunderstood inputs in a row hand the customer to the queue with an explanation', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    for (const text of ['qwerty', 'zzz', 'what?']) await t.say(portal, chat, text);
    expect(t.customerView(chat).at(-1)).toBe('I am having trouble understanding you, so I am passing you to an operator.');
    expect(chat.status).toBe('queue');
    const card = chat.messages.find((message) => message.operatorOnly)!.text;
    expect(card).toContain('Not understood: "qwerty", "zzz", "what?"');
  });
});

describe('questions and the hand-over card', () => {
  it('collects an order number and an e-mail, retries with a hint, and hands over with a card only operators see', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal, { name: 'Anna [b]Schmidt[/b]' });
    await t.say(portal, chat, '3');
    expect(t.customerView(chat).at(-1)).toBe('Please send your order number (digits only).');
    await t.say(portal, chat, 'abc');
    expect(t.customerView(chat).at(-1)).toBe('An order number has 5 to 10 digits, like 1048576.[br][br]Please send your order number (digits only).');
    await t.say(portal, chat, '1048576');
    await t.say(portal, chat, 'anna@example.com');
    expect(t.customerView(chat).at(-1)).toBe('Thank you! An operator will handle the return of order 1048576 and write to anna@example.com.');
    expect(chat.status).toBe('queue');
    const notes = chat.messages.filter((message) => message.operatorOnly);
    expect(notes).toHaveLength(1);
    const card = notes[0]!.text;
    expect(card).toContain('[b]Hand-over from the bot[/b]');
    expect(card).toContain('Customer: Anna [\u200Bb]Schmidt[\u200B/b]');
    expect(card).toContain('Language: en');
    expect(card).toContain('Path: Return or refund');
    expect(card).toContain('Answers: ORDER: 1048576; EMAIL: anna@example.com');
    expect(card).toContain('Not understood: "abc"');
    expect(card).toMatch(/Time with the bot: \d+ s/);
    // The card is posted with SKIP_CONNECTOR=Y, before the transfer.
    const calls = t.stack.simulator.callsFor(portal.memberId).filter((call) => call.batch);
    const noteCall = calls.find((call) => call.params.SKIP_CONNECTOR === 'Y')!;
    const transfer = calls.find((call) => call.method === 'imopenlines.bot.session.operator')!;
    expect(noteCall.seq).toBeLessThan(transfer.seq);
  });

  it('transfers to another Open Line with QUEUE_ID = the line config id', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    await t.say(portal, chat, '1');
    const since = t.stack.simulator.lastSeq;
    await t.say(portal, chat, '4');
    const transfer = t.stack.simulator.callsFor(portal.memberId, since).find((call) => call.method === 'imopenlines.bot.session.transfer')!;
    expect(transfer.params).toEqual({ CHAT_ID: String(chat.chatId), QUEUE_ID: '2' });
    expect(chat).toMatchObject({ status: 'line', holder: 2 });
  });
});

describe('working hours', () => {
  it('out of hours: the closed start menu, closed-only items, hidden open-only items, no operator promise', async () => {
    const portal = await t.portal();
    const chat = await at(SUNDAY, () => t.chat(portal));
    expect(t.customerView(chat)[0]).toMatch(/^Hello, Ivan Petrov! We are closed right now/);
    expect(t.customerView(chat)[0]).toContain('[send=3]3. Leave a message[/send]');
    await at(SUNDAY, () => t.say(portal, chat, '1'));
    expect(t.customerView(chat).at(-1)).not.toContain('Talk to the logistics team'); // open-only item hidden
    await at(SUNDAY, () => t.say(portal, chat, 'operator'));
    expect(t.customerView(chat).at(-1)).toBe('Our operators are offline now. Your message is saved and we will answer when we open.');
  });

  it('in hours: the normal start menu and the open-only item', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    await t.say(portal, chat, '1');
    expect(t.customerView(chat).at(-1)).toContain('[send=4]4. Talk to the logistics team[/send]');
  });
});

describe('returning customers and languages', () => {
  it('after idleRestartMinutes the customer starts at the start menu with a welcome back', async () => {
    const portal = await t.portal();
    // A line whose bot keeps the chat (WELCOME_BOT_TIME 0): with the simulator's default 600 s
    // the line itself would have moved the chat to its queue long before the next day, and
    // the bot rightly stays silent then (moved-on.test.ts).
    portal.lines.get(1)!.WELCOME_BOT_TIME = '0';
    const chat = await t.chat(portal);
    await t.say(portal, chat, '2');
    await at(OPEN + 24 * 3_600_000, () => t.say(portal, chat, '1')); // the next day, same hour
    expect(t.customerView(chat).at(-1)).toMatch(/^Welcome back, Ivan Petrov!\[br\]\[br\]Hello, Ivan Petrov! How can we help\?/);
  });

  it('an expired dialog state (TTL passed, not yet deleted by DynamoDB) counts as absent', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    await t.say(portal, chat, '2');
    // 31 days later the item is past its TTL; dynalite (like DynamoDB for a while) still has it.
    await at(OPEN + 31 * 86_400_000, () => t.say(portal, chat, '1'));
    expect(t.customerView(chat).at(-1)).toMatch(/^Delivery and tracking/); // "1" read against the start menu, not the old payment menu
  });

  it("a German portal greets in German (LANGUAGE is the portal's); the language item switches it", async () => {
    const portal = await t.portal({ language: 'de' });
    const chat = await t.chat(portal);
    expect(t.customerView(chat)[0]).toMatch(/^Hallo, Ivan Petrov! Wie können wir helfen\?/);
    await t.say(portal, chat, '5');
    await t.say(portal, chat, 'Русский');
    expect(t.customerView(chat).at(-1)).toMatch(/^Язык: русский\.\[br\]\[br\]Здравствуйте, Ivan Petrov!/); // back where the customer was, in Russian
    await t.say(portal, chat, 'главное меню');
    expect(t.customerView(chat).at(-1)).toMatch(/^Здравствуйте, Ivan Petrov!/);
  });

  it('a Russian-speaking customer on an English portal is answered in Russian (contract §9.2)', async () => {
    const portal = await t.portal({ language: 'en' });
    const chat = await t.chat(portal);
    expect(t.customerView(chat)[0]).toMatch(/^Hello, Ivan Petrov!/); // the join carries nothing of the customer
    await t.say(portal, chat, 'Здравствуйте! Подскажите, когда вы открыты?');
    expect(t.customerView(chat).at(-1)).toMatch(/[а-яё]/i);
    expect(t.customerView(chat).at(-1)).not.toMatch(/Sorry|Hello/);
    await t.say(portal, chat, '2'); // a number keeps the detected language
    expect(t.customerView(chat).at(-1)).toMatch(/^Оплата/);
  });

  it("without an event language the portal's language is used", async () => {
    const portal = await t.portal({ language: 'ru' });
    const chat = await t.chat(portal, { language: '' });
    expect(t.customerView(chat)[0]).toMatch(/^Здравствуйте/);
  });
});

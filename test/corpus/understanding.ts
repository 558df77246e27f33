/**
 * What customers really type into the menus of menus/example.yaml, with what a sensible
 * support agent would take each message to mean. The expectations were written from the
 * menu on screen, not from what the matcher happens to return; the accuracy over this
 * corpus is printed by test/unit/understanding-corpus.test.ts and kept in
 * docs/corpus-accuracy.txt.
 *
 * How an expectation is chosen:
 * - A number: the item the customer picks, by its number in any notation or by naming it
 *   (its title, part of it, a misspelling, a paraphrase a person would recognise). That
 *   includes the items on screen for navigation and people: 8 "Back" and 9 "Main menu" in
 *   delivery and payment, 0 "Talk to an operator" in main and 0 "Wait for an operator" in
 *   closed, when the message names them ("back", "main menu", "operator").
 * - 'zero': the customer sent the digit 0 (the platform's operator key).
 * - 'operator' / 'back' / 'menu': a request for a person / the previous menu / the start
 *   that does not name an item on screen ("a real person", "previous", "start over").
 * - 'greeting': a bare greeting.
 * - 'none': nothing on screen fits, or the message is ambiguous; a guess would be worse
 *   than asking again. A number that is not on screen is 'none' too.
 *
 * Lines marked `// hard` need more than spelling tolerance (synonyms, paraphrases,
 * leading numbers that are not choices, a request buried in a long message); about 15%.
 *
 * Menus (en / ru / de titles):
 *   main:     1 delivery and tracking, 2 payment and invoices, 3 return or refund,
 *             4 opening hours, 5 language, 0 talk to an operator
 *   delivery: 1 where is my parcel, 2 delivery times, 3 change the delivery address,
 *             4 talk to the logistics team, 8 back, 9 main menu
 *   payment:  1 payment methods, 2 a copy of my invoice, 3 my reference number,
 *             4 that is all, thank you, 8 back, 9 main menu
 *   closed:   1 delivery and tracking, 2 opening hours, 3 leave a message,
 *             0 wait for an operator
 */

import { cases, type CorpusCase, type Row } from './types.js';
import { deParaphrases, enParaphrases, ruParaphrases } from './paraphrases.js';

export type { CorpusCase };

const en: readonly Row[] = [
  // main: numbers in the forms people type
  ['main', '1', 1],
  ['main', '2.', 2],
  ['main', '3)', 3],
  ['main', '#4', 4],
  ['main', '5️⃣', 5],
  ['main', '２', 2],
  ['main', 'option 2 please', 2],
  ['main', 'the second one', 2],
  ['main', '1 pls', 1],
  ['main', '0', 'zero'],
  // main: titles, typos, parts
  ['main', 'Delivery', 1],
  ['main', 'delivry', 1],
  ['main', 'tracking', 1],
  ['main', 'Track my order', 'delivery:1', 'p'], // hard: the tracking item itself
  ['main', 'PAYMENT', 2],
  ['main', 'paymnet', 2],
  ['main', 'invoices', 2],
  ['main', 'I need an invoice', 2],
  ['main', 'refund', 3],
  ['main', 'I want a refund!', 3],
  ['main', 'return', 3, 'p'], // hard: also a back word
  ['main', 'how do I return an item?', 3, 'p'], // hard
  ['main', 'opening hours', 4],
  ['main', 'Opening hours?', 4],
  ['main', 'what are your hours', 4, 'p'], // hard
  ['main', 'when are you open?', 4, 'p'], // hard
  ['main', 'language', 5],
  ['main', 'Deutsch', 5], // the language menu, where Deutsch is (a tie goes to the item on screen)
  ['main', 'can I switch to Russian', 5, 'p'], // hard
  ['main', 'operator', 0],
  ['main', 'Talk to an operator', 0],
  ['main', 'can I speak to a real person', 'operator'],
  ['main', 'human', 'operator'],
  // main: greetings, navigation, nothing
  ['main', 'hi', 'greeting'],
  ['main', 'Hello!', 'greeting'],
  ['main', 'good morning', 'greeting'],
  ['main', 'hey there', 'greeting'],
  ['main', 'menu', 'menu'],
  ['main', 'back', 'back'],
  ['main', 'my parcel is damaged and I am angry', 'none'],
  ['main', 'asdfgh', 'none'],
  ['main', "what's the weather like", 'none'],
  ['main', 'ok', 'none'],
  ['main', 'delivery or payment?', 'doubt'], // hard: names two items
  ['main', 'I have 2 questions', 'none'], // hard
  ['main', '7', 'none'],
  [
    'main',
    'Hello, I bought the coffee machine last month and since yesterday it makes a strange noise when heating up, the water also tastes a bit like plastic. Is this normal or should I stop using it?',
    'none',
  ],
  // delivery
  ['delivery', '1', 1],
  ['delivery', '2)', 2],
  ['delivery', '#3', 3],
  ['delivery', '1️⃣', 1],
  ['delivery', 'the first one', 1],
  ['delivery', 'where is my parcel', 1],
  ['delivery', 'wheres my parcel??', 1],
  ['delivery', "where's my package", 1, 'p'], // hard
  ['delivery', 'delivery times', 2],
  ['delivery', 'how long does delivery take', 2, 'p'], // hard
  ['delivery', 'change address', 3],
  ['delivery', 'I need to change my delivery adress', 3],
  ['delivery', 'logistics team', 4],
  ['delivery', 'back', 8],
  ['delivery', 'go back', 8],
  ['delivery', '9', 9],
  ['delivery', 'main menu', 9],
  ['delivery', 'previous', 'back'],
  ['delivery', 'start over', 'menu'],
  ['delivery', 'I want to talk to a human', 'operator'],
  ['delivery', 'operator', 'operator'],
  ['delivery', '0', 'zero'],
  ['delivery', 'my parcel is damaged and I am angry', 'none'],
  ['delivery', 'where is order 10563', 1, 'p'], // hard
  ['delivery', 'thanks', 'none'],
  ['delivery', 'delivery', 'none'], // hard: fits items 1, 2 and 3 alike
  // payment
  ['payment', '2', 2],
  ['payment', 'option 3', 3],
  ['payment', 'invoice', 2],
  ['payment', 'invioce', 2],
  ['payment', 'can you send me my invoice again', 2, 'p'], // hard
  ['payment', 'payment methods', 1],
  ['payment', 'how can I pay?', 1, 'p'], // hard
  ['payment', 'do you accept paypal', 1, 'p'], // hard
  ['payment', 'reference number', 3],
  ['payment', "that's all, thanks", 4],
  ['payment', 'thank you', 4],
  ['payment', 'back', 8],
  ['payment', 'menu', 9],
  ['payment', 'human please', 'operator'],
  ['payment', 'I was charged twice!!', 'none'],
  ['payment', '2 or 3?', 'none'], // hard
  // closed
  ['closed', '1', 1],
  ['closed', '3.', 3],
  ['closed', 'leave a message', 3],
  ['closed', "I'd like to leave a message", 3],
  ['closed', 'opening hours', 2],
  ['closed', 'when do you open tomorrow', 2, 'p'], // hard
  ['closed', 'wait for an operator', 0],
  ['closed', 'delivery', 1],
  ['closed', '4', 'none'],
  ['closed', 'hello', 'greeting'],
  ['closed', 'can I speak to someone', 'operator'], // hard
];

const ru: readonly Row[] = [
  // main: numbers
  ['main', '1', 1],
  ['main', '2.', 2],
  ['main', 'пункт 3', 3],
  ['main', '№4', 4],
  ['main', '3 пожалуйста', 3],
  ['main', 'второй', 2],
  ['main', '1️⃣', 1],
  ['main', '５', 5],
  ['main', 'вариант 2', 2],
  ['main', '0', 'zero'],
  // main: titles
  ['main', 'доставка', 1],
  ['main', 'Доставка!', 1],
  ['main', 'дставка', 1],
  ['main', 'отслеживание', 1],
  ['main', 'отследить заказ', 'delivery:1', 'p'], // hard: the tracking item itself
  ['main', 'оплата', 2],
  ['main', 'oplata', 2, 'p'], // hard
  ['main', 'счет', 2],
  ['main', 'возврат', 3],
  ['main', 'ВОЗВРАТ', 3],
  ['main', 'возрат', 3],
  ['main', 'обмен', 3],
  ['main', 'хочу вернуть товар', 3, 'p'], // hard
  ['main', 'часы работы', 4],
  ['main', 'график работы', 4, 'p'], // hard
  ['main', 'до скольки вы работаете?', 4, 'p'], // hard
  ['main', 'язык', 5],
  ['main', 'оператор', 0],
  ['main', 'позовите оператора', 0],
  ['main', 'связаться с оператором', 0],
  ['main', 'живой человек', 'operator'],
  ['main', 'можно с человеком поговорить?', 'operator'], // hard
  // main: greetings, navigation, nothing
  ['main', 'здравствуйте', 'greeting'],
  ['main', 'Привет!', 'greeting'],
  ['main', 'добрый день', 'greeting'],
  ['main', 'Доброе утро!', 'greeting'],
  ['main', 'меню', 'menu'],
  ['main', 'назад', 'back'],
  ['main', 'какая погода', 'none'],
  ['main', 'ывапролд', 'none'],
  ['main', 'ок', 'none'],
  ['main', 'у меня 2 вопроса', 'none'], // hard
  ['main', 'посылка пришла мятая, я очень недоволен', 'none'],
  [
    'main',
    'Добрый вечер! Подскажите, пожалуйста, у вас есть этот диван в сером цвете и можно ли его посмотреть вживую где-нибудь в Москве до покупки?',
    'none',
  ],
  // delivery
  ['delivery', '1', 1],
  ['delivery', '2)', 2],
  ['delivery', 'пункт 4', 4],
  ['delivery', 'третий', 3],
  ['delivery', 'где моя посылка?', 1],
  ['delivery', 'где посылка', 1],
  ['delivery', 'где мой заказ', 1, 'p'], // hard
  ['delivery', 'сроки доставки', 2],
  ['delivery', 'сколько идет доставка', 2, 'p'], // hard
  ['delivery', 'изменить адрес', 3],
  ['delivery', 'поменять адрес доставки', 3, 'p'], // hard
  ['delivery', 'логистика', 4],
  ['delivery', 'отдел логистики', 4],
  ['delivery', 'назад', 8],
  ['delivery', 'вернуться назад', 8],
  ['delivery', 'главное меню', 9],
  ['delivery', 'меню', 9],
  ['delivery', 'сначала', 'menu'],
  ['delivery', 'обратно', 'back'],
  ['delivery', 'позовите оператора', 'operator'],
  ['delivery', 'соедините с оператором', 'operator'],
  ['delivery', 'хочу поговорить с оператором', 'operator'],
  ['delivery', '0', 'zero'],
  ['delivery', 'спасибо', 'none'],
  ['delivery', 'доставка', 'none'], // hard: fits items 2 and 3 alike
  // payment
  ['payment', '2', 2],
  ['payment', 'пункт 1', 1],
  ['payment', 'счёт', 2],
  ['payment', 'копия счета', 2],
  ['payment', 'нужна копия счёта', 2],
  ['payment', 'способы оплаты', 1],
  ['payment', 'как можно оплатить?', 1, 'p'], // hard
  ['payment', 'номер обращения', 3],
  ['payment', 'спасибо', 4],
  ['payment', 'это всё, спасибо', 4],
  ['payment', 'назад', 8],
  ['payment', 'менеджер', 'operator'],
  ['payment', 'с меня списали деньги два раза', 'none'],
  // closed
  ['closed', '3', 3],
  ['closed', 'оставить сообщение', 3],
  ['closed', 'часы работы', 2],
  ['closed', 'подождать оператора', 0],
  ['closed', 'доставка', 1],
  ['closed', 'здравствуйте', 'greeting'],
  ['closed', '7', 'none'],
  ['closed', 'хочу оставить заявку', 3, 'p'], // hard
];

const de: readonly Row[] = [
  // main: numbers
  ['main', '1', 1],
  ['main', '2.', 2],
  ['main', 'Nummer 2 bitte', 2],
  ['main', 'Punkt 3', 3],
  ['main', '4)', 4],
  ['main', 'die zweite', 2],
  ['main', '3️⃣', 3],
  ['main', '#1', 1],
  ['main', '0', 'zero'],
  // main: titles
  ['main', 'Lieferung', 1],
  ['main', 'liferung', 1],
  ['main', 'Sendungsverfolgung', 1],
  ['main', 'sendungsverfolung', 1],
  ['main', 'Zahlung', 2],
  ['main', 'zahlung', 2],
  ['main', 'Rechnung', 2],
  ['main', 'Rückgabe', 3],
  ['main', 'Ruckgabe', 3],
  ['main', 'Rueckgabe', 3],
  ['main', 'Erstattung', 3],
  ['main', 'ich will mein Geld zurück', 3, 'p'], // hard
  ['main', 'Öffnungszeiten', 4],
  ['main', 'Oeffnungszeiten', 4],
  ['main', 'öffnungszeiten?', 4],
  ['main', 'wann habt ihr geöffnet', 4, 'p'], // hard
  ['main', 'Sprache', 5],
  ['main', 'auf Englisch bitte', 5, 'p'], // hard
  ['main', 'ich möchte mit einem Mitarbeiter sprechen', 0],
  ['main', 'Mitarbeiter', 0],
  ['main', 'echter Mensch bitte', 'operator'],
  ['main', 'Kann ich mit einem Menschen reden?', 'operator'], // hard
  // main: greetings, navigation, nothing
  ['main', 'Guten Tag!', 'greeting'],
  ['main', 'Hallo', 'greeting'],
  ['main', 'moin', 'greeting'],
  ['main', 'Servus', 'greeting'],
  ['main', 'Menü', 'menu'],
  ['main', 'zurück', 'back'],
  ['main', 'Wie ist das Wetter', 'none'],
  ['main', 'jklö', 'none'],
  ['main', 'mein Paket ist kaputt und ich bin sauer', 'none'],
  ['main', 'ich habe 2 Fragen', 'none'], // hard
  ['main', '6', 'none'],
  [
    'main',
    'Hallo zusammen, ich habe letzte Woche einen Staubsauger gekauft und wollte fragen, ob es dafür auch passende Ersatzfilter gibt und wie oft man die wechseln sollte.',
    'none',
  ],
  // delivery
  ['delivery', '1', 1],
  ['delivery', '2)', 2],
  ['delivery', 'Nummer 3', 3],
  ['delivery', 'die erste', 1],
  ['delivery', 'Wo ist mein Paket?', 1],
  ['delivery', 'wo ist mein packet', 1],
  ['delivery', 'wo bleibt meine Bestellung', 1, 'p'], // hard
  ['delivery', 'Lieferzeiten', 2],
  ['delivery', 'Lieferzeit', 2],
  ['delivery', 'wie lange dauert die Lieferung', 2, 'p'], // hard
  ['delivery', 'Adresse ändern', 3, 'p'], // hard
  ['delivery', 'lieferadresse andern', 3],
  ['delivery', 'Logistik', 4],
  ['delivery', 'mit dem Logistikteam sprechen', 4, 'p'], // hard
  ['delivery', 'zurück', 8],
  ['delivery', 'Hauptmenü', 9],
  ['delivery', 'Menü', 9],
  ['delivery', 'von vorne', 'menu'],
  ['delivery', 'ich möchte mit einem Mitarbeiter sprechen', 'operator'],
  ['delivery', 'Berater', 'operator'],
  ['delivery', '0', 'zero'],
  ['delivery', 'danke', 'none'],
  ['delivery', 'Lieferung', 'none'], // hard: fits items 2 and 3 alike
  // payment
  ['payment', '2', 2],
  ['payment', 'Punkt 1', 1],
  ['payment', 'Rechnung', 2],
  ['payment', 'Kopie meiner Rechnung', 2],
  ['payment', 'Rechnungskopie', 2, 'p'], // hard
  ['payment', 'Zahlungsarten', 1],
  ['payment', 'Zahlungsmethoden', 1, 'p'], // hard
  ['payment', 'Kann ich mit PayPal bezahlen?', 1, 'p'], // hard
  ['payment', 'Vorgangsnummer', 3],
  ['payment', 'das ist alles', 4],
  ['payment', 'danke', 4],
  ['payment', 'zurück', 8],
  ['payment', 'Mitarbeiter bitte', 'operator'],
  ['payment', 'mir wurde doppelt abgebucht', 'none'],
  // closed
  ['closed', '3', 3],
  ['closed', 'Nachricht hinterlassen', 3],
  ['closed', 'Öffnungszeiten', 2],
  ['closed', 'auf einen Mitarbeiter warten', 0],
  ['closed', 'Lieferung', 1],
  ['closed', 'Guten Abend', 'greeting'],
  ['closed', '5', 'none'],
  ['closed', 'ich möchte eine Nachricht hinterlassen', 3],
];

export const corpus: readonly CorpusCase[] = [
  ...cases('en', [...en, ...enParaphrases]),
  ...cases('ru', [...ru, ...ruParaphrases]),
  ...cases('de', [...de, ...deParaphrases]),
];

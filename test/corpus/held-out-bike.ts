/**
 * A second held-out check: a bike shop's menu with examples (bike-shop.yaml) and messages
 * its customers might write, written before the concept lexicon and never tuned on;
 * reported separately, like the dental clinic.
 */
import { loadMenuFile } from '../../lib/menu/load-file.js';
import { evaluateCorpus, type CorpusReport } from './evaluate.js';
import { cases, type Row } from './types.js';

const en: readonly Row[] = [
  ['main', 'my chain keeps falling off', 1, 'p'],
  ['main', 'can you fix my gears', 1, 'p'],
  ['main', 'I need a tune-up before summer', 1, 'p'],
  ['main', 'how much for a new inner tube', 2, 'p'],
  ['main', 'what does a full service cost', 2, 'p'],
  ['main', 'are you open tomorrow', 3, 'p'],
  ['main', 'what are your hours on saturday', 3, 'p'],
  ['main', 'where is my package', 'shop:1', 'p'],
  ['main', 'my online order never arrived', 'shop:1', 'p'],
  ['main', 'I want a refund', 'shop:2', 'p'],
  ['main', 'do you accept apple pay', 'shop:3', 'p'],
  ['main', 'the saddle I bought is broken', 'shop:4', 'p'],
  ['main', 'can I borrow a bike for a day', 5, 'p'],
  ['main', 'e-bike hire price', 5, 'p'],
  ['main', "what's your address", 6, 'p'],
  ['main', 'how do I get to your store', 6, 'p'],
  ['main', 'is there somewhere to park', 6, 'p'],
  ['main', 'I want to talk to a real person', 'operator', 'p'],
  ['main', 'do you sell skateboards', 'none'],
  ['main', 'what is the meaning of life', 'none'],
  ['main', 'are you hiring mechanics', 'none'],
  ['main', 'rental and opening hours', 'doubt'],
  ['shop', 'exchange for a bigger size', 2, 'p'],
  ['shop', 'when will my parcel come', 1, 'p'],
  ['shop', 'can I pay later', 3, 'p'],
  ['shop', 'the light stopped working after two weeks', 4, 'p'],
  ['shop', 'when do you close', 'main:3', 'p'],
];

const ru: readonly Row[] = [
  ['main', 'у меня спустило колесо', 1, 'p'],
  ['main', 'нужно настроить переключатель скоростей', 1, 'p'],
  ['main', 'хочу сдать велик в ремонт', 1, 'p'],
  ['main', 'сколько стоит замена тормозов', 2, 'p'],
  ['main', 'цены на обслуживание', 2, 'p'],
  ['main', 'вы сегодня работаете?', 3, 'p'],
  ['main', 'график работы', 3, 'p'],
  ['main', 'где моя посылка', 'shop:1', 'p'],
  ['main', 'хочу вернуть шлем', 'shop:2', 'p'],
  ['main', 'можно заплатить картой?', 'shop:3', 'p'],
  ['main', 'сломался звонок через неделю', 'shop:4', 'p'],
  ['main', 'арендовать велосипед на день', 5, 'p'],
  ['main', 'какой у вас адрес', 6, 'p'],
  ['main', 'как к вам проехать', 6, 'p'],
  ['main', 'соедините с живым человеком', 'operator', 'p'],
  ['main', 'продаете самокаты?', 'none'],
  ['main', 'какой курс доллара', 'none'],
  ['main', 'прокат и цены на ремонт', 'doubt'],
  ['shop', 'статус моего заказа', 1, 'p'],
  ['shop', 'хочу обменять на другой размер', 2, 'p'],
  ['shop', 'принимаете paypal?', 3, 'p'],
  ['shop', 'товар оказался бракованным', 4, 'p'],
  ['shop', 'во сколько вы закрываетесь', 'main:3', 'p'],
];

const de: readonly Row[] = [
  ['main', 'mein Hinterrad eiert', 1, 'p'],
  ['main', 'Kette springt ständig ab', 1, 'p'],
  ['main', 'ich brauche einen Termin für die Werkstatt', 1, 'p'],
  ['main', 'wie viel kostet ein neuer Schlauch', 2, 'p'],
  ['main', 'was verlangt ihr für eine Inspektion', 2, 'p'],
  ['main', 'habt ihr heute auf?', 3, 'p'],
  ['main', 'wann macht ihr zu', 3, 'p'],
  ['main', 'wo bleibt mein Paket', 'shop:1', 'p'],
  ['main', 'ich möchte den Helm zurückgeben', 'shop:2', 'p'],
  ['main', 'kann ich mit Karte zahlen', 'shop:3', 'p'],
  ['main', 'die Klingel ist nach einer Woche kaputt', 'shop:4', 'p'],
  ['main', 'kann man bei euch Räder ausleihen', 5, 'p'],
  ['main', 'wo finde ich euch', 6, 'p'],
  ['main', 'gibt es Parkplätze', 6, 'p'],
  ['main', 'ich will mit einem Menschen reden', 'operator', 'p'],
  ['main', 'verkauft ihr Roller', 'none'],
  ['main', 'wie wird das Wetter morgen', 'none'],
  ['main', 'Öffnungszeiten und Adresse', 'doubt'],
  ['shop', 'Wo ist meine Lieferung', 1, 'p'],
  ['shop', 'ich will mein Geld zurück', 2, 'p'],
  ['shop', 'geht auch Überweisung', 3, 'p'],
  ['shop', 'Rahmen hat einen Riss', 4, 'p'],
  ['shop', 'Reparaturpreise', 'main:2'],
];

export const heldOutBike = [...cases('en', en), ...cases('ru', ru), ...cases('de', de)];

export function evaluateHeldOutBike(): CorpusReport {
  return evaluateCorpus('held-out bike shop corpus', loadMenuFile('test/corpus/bike-shop.yaml'), heldOutBike);
}

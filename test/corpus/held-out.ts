/**
 * A held-out check against another business: a dental clinic's menu with examples
 * (dental-clinic.yaml) and messages its patients might write. Written before the matcher
 * was tuned on the shop's corpus and never tuned on; reported separately.
 */
import { loadMenuFile } from '../../lib/menu/load-file.js';
import { evaluateCorpus, type CorpusReport } from './evaluate.js';
import { cases, type Row } from './types.js';

const en: readonly Row[] = [
  ['main', 'my tooth hurts really bad', 4, 'p'],
  ['main', 'how much is a filling?', 2, 'p'],
  ['main', 'is there parking', 5, 'p'],
  ['main', 'can I come in tomorrow morning', 1, 'p'],
  ['main', 'I lost a filling and it hurts', 4, 'p'],
  ['main', 'what is your address', 5, 'p'],
  ['main', 'do you do whitening', 'services:2', 'p'],
  ['main', 'I want my teeth cleaned', 'services:1', 'p'],
  ['main', 'does my kid need a checkup', 'services:5', 'p'],
  ['main', 'are you open saturdays', 3, 'p'],
  ['main', 'how much do implants cost', 'doubt', 'p'],
  ['main', 'can I pay with insurance', 7, 'p'],
  ['main', 'what is the weather', 'none'],
  ['main', 'are you hiring?', 'none'],
  ['main', 'prices and opening hours', 'doubt'],
  ['services', 'braces for my daughter', 'doubt', 'p'],
  ['services', 'crooked teeth', 4, 'p'],
  ['services', 'where are you', 'main:5', 'p'],
  ['services', 'whitening', 2],
  ['services', 'I am missing a tooth', 3, 'p'],
];

const ru: readonly Row[] = [
  ['main', 'сколько стоит чистка зубов', 'doubt', 'p'],
  ['main', 'очень болит зуб', 4, 'p'],
  ['main', 'где вы находитесь?', 5, 'p'],
  ['main', 'хочу записаться на завтра', 1, 'p'],
  ['main', 'цены на лечение кариеса', 2, 'p'],
  ['main', 'вы работаете в субботу?', 3, 'p'],
  ['main', 'можно оплатить в рассрочку', 7, 'p'],
  ['main', 'есть где припарковаться?', 5, 'p'],
  ['main', 'хочу отбелить зубы', 'services:2', 'p'],
  ['main', 'ребенку нужен стоматолог', 'services:5', 'p'],
  ['main', 'какая погода', 'none'],
  ['main', 'у вас есть вакансии?', 'none'],
  ['services', 'поставить брекеты', 4, 'p'],
  ['services', 'снять камень', 1, 'p'],
  ['services', 'выпал зуб, нужен имплант', 3, 'p'],
];

const de: readonly Row[] = [
  ['main', 'wo sind Sie?', 5, 'p'],
  ['main', 'mein Zahn schmerzt sehr', 4, 'p'],
  ['main', 'was kostet eine Zahnreinigung', 'doubt', 'p'],
  ['main', 'ich möchte einen Termin', 1, 'p'],
  ['main', 'haben Sie samstags geöffnet?', 3, 'p'],
  ['main', 'gibt es Parkplätze in der Nähe', 5, 'p'],
  ['main', 'nehmen Sie meine Versicherung', 7, 'p'],
  ['main', 'Bleaching', 'services:2', 'p'],
  ['main', 'mein Sohn braucht eine Kontrolle', 'services:5', 'p'],
  ['main', 'wie ist das Wetter', 'none'],
  ['main', 'suchen Sie Personal?', 'none'],
  ['services', 'Zahnspange für Erwachsene', 4, 'p'],
  ['services', 'Zahnstein', 1, 'p'],
  ['services', 'ein Zahn fehlt', 3, 'p'],
  ['services', 'Preise', 'main:2', 'p'],
];

export const heldOut = [...cases('en', en), ...cases('ru', ru), ...cases('de', de)];

export function evaluateHeldOut(): CorpusReport {
  return evaluateCorpus('held-out dental clinic corpus', loadMenuFile('test/corpus/dental-clinic.yaml'), heldOut);
}

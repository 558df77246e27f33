/**
 * A third held-out check: a SaaS helpdesk's menu with examples (saas-helpdesk.yaml) and
 * messages its users might write, written before the second round of the concept lexicon
 * and never tuned on; reported separately.
 */
import { loadMenuFile } from '../../lib/menu/load-file.js';
import { evaluateCorpus, type CorpusReport } from './evaluate.js';
import { cases, type Row } from './types.js';

const en: readonly Row[] = [
  ['main', 'I cannot sign in', 1, 'p'],
  ['main', 'my password does not work', 1, 'p'],
  ['main', 'locked out of my account', 1, 'p'],
  ['main', 'what does the team plan cost', 'billing:1', 'p'],
  ['main', 'where can I get my invoice', 'billing:2', 'p'],
  ['main', 'I want to unsubscribe', 'billing:3', 'p'],
  ['main', 'please refund my last payment', 'billing:4', 'p'],
  ['main', 'the calendar is not loading', 3, 'p'],
  ['main', 'I found a bug', 3, 'p'],
  ['main', 'does it work with google calendar', 4, 'p'],
  ['main', 'remove my account', 5, 'p'],
  ['main', 'I need a human', 'operator', 'p'],
  ['main', 'can you recommend a pizza place', 'none'],
  ['main', 'do you have a job opening', 'none'],
  ['main', 'login and invoices', 'doubt'],
  ['billing', 'is it free', 1, 'p'],
  ['billing', 'receipt', 2, 'p'],
  ['billing', 'stop auto renewal', 3, 'p'],
  ['billing', 'you charged me twice', 4, 'p'],
  ['billing', 'app keeps crashing', 'main:3', 'p'],
];

const ru: readonly Row[] = [
  ['main', 'не могу зайти в аккаунт', 1, 'p'],
  ['main', 'забыла пароль', 1, 'p'],
  ['main', 'сколько стоит командный тариф', 'billing:1', 'p'],
  ['main', 'нужен счет для бухгалтерии', 'billing:2', 'p'],
  ['main', 'как отменить подписку', 'billing:3', 'p'],
  ['main', 'верните деньги', 'billing:4', 'p'],
  ['main', 'приложение постоянно падает', 3, 'p'],
  ['main', 'интеграция с outlook', 4, 'p'],
  ['main', 'хочу удалить свой профиль', 5, 'p'],
  ['main', 'позовите живого человека', 'operator', 'p'],
  ['main', 'какая завтра погода', 'none'],
  ['billing', 'есть бесплатная версия?', 1, 'p'],
  ['billing', 'не продлевать подписку', 3, 'p'],
  ['billing', 'деньги списали два раза', 4, 'p'],
];

const de: readonly Row[] = [
  ['main', 'ich komme nicht in mein Konto', 1, 'p'],
  ['main', 'Kennwort vergessen', 1, 'p'],
  ['main', 'wie teuer ist der Team-Tarif', 'billing:1', 'p'],
  ['main', 'wo finde ich meine Rechnungen', 'billing:2', 'p'],
  ['main', 'ich will mein Abo kündigen', 'billing:3', 'p'],
  ['main', 'bitte Geld zurückerstatten', 'billing:4', 'p'],
  ['main', 'die App hängt sich ständig auf', 3, 'p'],
  ['main', 'kann ich Outlook anbinden', 4, 'p'],
  ['main', 'Konto und alle Daten entfernen', 5, 'p'],
  ['main', 'ich möchte mit einem Mitarbeiter sprechen', 'operator', 'p'],
  ['main', 'sucht ihr Entwickler?', 'none'],
  ['billing', 'gibt es eine Gratisversion', 1, 'p'],
  ['billing', 'Quittung', 2, 'p'],
  ['billing', 'doppelte Abbuchung', 4, 'p'],
];

export const heldOutSaas = [...cases('en', en), ...cases('ru', ru), ...cases('de', de)];

export function evaluateHeldOutSaas(): CorpusReport {
  return evaluateCorpus('held-out SaaS helpdesk corpus', loadMenuFile('test/corpus/saas-helpdesk.yaml'), heldOutSaas);
}

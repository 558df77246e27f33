/**
 * Off-topic probe: messages no support line is for (the weather, jobs, jokes, small talk,
 * trivia), each read at the start menu of every menu we measure on. A support agent would
 * answer none of them with a menu item; the bot should not either ("not understood" and the
 * menu again, or at worst a question which of two items). Written from general knowledge,
 * not from misses.
 */
import { readInput } from '../../lib/menu/engine.js';
import { loadMenuFile } from '../../lib/menu/load-file.js';

export const OFF_TOPIC: readonly string[] = [
  "what's the weather like tomorrow",
  'is it going to rain today',
  'are you hiring?',
  'do you have any job openings',
  'I want to apply for a job',
  'can I work for you',
  'tell me a joke',
  'who won the football game yesterday',
  'what is the capital of France',
  'how old are you',
  'are you a robot',
  'I love you',
  'recommend a good movie',
  'what should I cook for dinner',
  'bitcoin price',
  'who is the president',
  'my cat is sick',
  'lol',
  'hmm',
  'какая завтра погода',
  'будет ли дождь',
  'вы набираете сотрудников?',
  'есть вакансии?',
  'хочу у вас работать',
  'расскажи анекдот',
  'кто выиграл матч',
  'сколько тебе лет',
  'ты бот?',
  'что приготовить на ужин',
  'курс биткоина',
  'wie wird das Wetter morgen',
  'regnet es heute',
  'sucht ihr Mitarbeiter?',
  'habt ihr offene Stellen',
  'ich möchte mich bewerben',
  'erzähl mir einen Witz',
  'wer hat das Spiel gewonnen',
  'bist du ein Roboter',
  'was soll ich heute kochen',
  'Bitcoin Kurs',
];

export const PROBE_MENUS = [
  'menus/example.yaml',
  'test/corpus/dental-clinic.yaml',
  'test/corpus/bike-shop.yaml',
  'test/corpus/saas-helpdesk.yaml',
  'test/corpus/guesthouse.yaml',
  'test/corpus/telecom.yaml',
];

export interface OffTopicReport {
  readonly checks: number;
  /** Runs of an item (or a navigation/operator word) for an off-topic message: wrong picks. */
  readonly picks: readonly string[];
  readonly doubts: number;
  readonly summary: string;
}

export function evaluateOffTopic(): OffTopicReport {
  const picks: string[] = [];
  let doubts = 0;
  for (const file of PROBE_MENUS) {
    const menu = loadMenuFile(file);
    for (const text of OFF_TOPIC) {
      const got = readInput(menu, menu.start, text);
      if (got.kind === 'choice' || (got.kind === 'word' && got.word !== 'greeting')) picks.push(`  PICK [${file}] ${JSON.stringify(text)}: got ${JSON.stringify(got)}`);
      else if (got.kind === 'doubt') doubts++;
    }
  }
  const checks = PROBE_MENUS.length * OFF_TOPIC.length;
  const summary = `off-topic probe: ${OFF_TOPIC.length} messages × ${PROBE_MENUS.length} menus = ${checks} checks; wrong picks: ${picks.length}; doubts: ${doubts}`;
  return { checks, picks, doubts, summary };
}

/**
 * Words that say nothing about which item a customer means, per language, written as
 * people spell them and compared after normalize(). STOP words are dropped; WEAK words
 * (question words, "can", "how much") point somewhere but not strongly, so they count
 * half. Lists are short on purpose: a word left out only weighs a little in scoring,
 * a word wrongly listed can never match.
 */
import { normalize } from './normalize.js';
import { stem } from './stem.js';

const STOP: Readonly<Record<string, string>> = {
  en: `a an the to of in on at by for from with about into and or but so if then than i me my mine myself we us you your yours he she it its they them their
  this that these those is am are was were be been being do does did doing have has had having would should could will shall may might must
  please pls plz hi hello hey dear sir madam ok okay yes no not just really very quite too also still already again
  some any all much many more most there here want wanted need needed like would love wish know tell let get got help question questions 
  im ive id dont cant wont isnt arent didnt doesnt whats wheres hows thats theres youre`,
  ru: `а и в во на о об обо про по с со у к ко от до из за для при без над под же ли бы ну вот это этот эта эти то та те так как что чтобы или но да нет не ни
    я меня мне мной мой моя моё мое мои моего моей моих мы нас нам наш наша наше наши ты тебя тебе вы вас вам ваш ваша ваше ваши он она оно они его её ее их им ему ей
    есть был была было были быть будет буду будут пожалуйста здравствуйте привет добрый день уже еще ещё очень просто тоже также всё все весь вся
    хочу хотел хотела хотелось хотим нужно нужен нужна нужны надо мочь могу можете можно подскажите скажите вопрос вопросы информация интересует`,
  de: `der die das den dem des ein eine einen einem einer eines und oder aber doch so wenn dann als zu zum zur von vom mit im in an am auf aus bei für fur über uber um
    ich mich mir mein meine meinen meinem meiner wir uns unser unsere du dich dir dein deine sie ihr ihre ihnen ihren er es sein seine ist bin sind war waren sei
    hat habe haben hatte hätte hatten wird werde werden würde wurde möchte mochte möchten will wollen brauche brauchen bitte hallo guten tag ja nein nicht noch schon
    auch mal gerne gern sehr nur denn eigentlich frage fragen info information man ab`,
};

/**
 * Stop words matched as written only, never by stem: intensifiers ("really bad", "сильно",
 * "echt"), whose stems are content words ("totally" → "total", "extrem").
 */
const EXACT: Readonly<Record<string, string>> = {
  en: 'bad badly super totally terribly extremely awfully info information our',
  ru: 'сильно ужасно жутко совсем',
  de: 'echt total extrem furchtbar schrecklich',
};

const WEAK: Readonly<Record<string, string>> = {
  en: 'how what when where which who why can could much long',
  ru: 'как где когда какой какая какие кто почему сколько куда откуда',
  de: 'wie was wann wo welche welcher welches wer warum wieviel viel lange kann können konnen',
};

const sets = (lists: Readonly<Record<string, string>>): ReadonlyMap<string, ReadonlySet<string>> =>
  new Map(Object.entries(lists).map(([lang, words]) => [lang, new Set(normalize(words).split(' '))]));

const EXACT_SETS = sets(EXACT);
const STEMMED_SETS = sets(STOP);
const STOP_SETS = new Map([...STEMMED_SETS].map(([lang, set]) => [lang, new Set([...set, ...(EXACT_SETS.get(lang) ?? [])])]));
const WEAK_SETS = sets(WEAK);
const EMPTY: ReadonlySet<string> = new Set();

/** Half-weight words of a language. */
export const weakWords = (lang: string): ReadonlySet<string> => WEAK_SETS.get(lang) ?? EMPTY;

/**
 * Stems of the stop words, for their other forms ("needs", "getting", "хотелось"). Not
 * a stem a question word has ("wheres" → "where" asks), and only long enough stems that
 * a short stop word never hides a content word ("меня" → "мен" would hide "меню").
 */
const STOP_STEM_MIN: Readonly<Record<string, number>> = { en: 3 };
const STOP_STEMS = new Map(
  [...STEMMED_SETS].map(([lang, set]) => {
    const weak = new Set([...(WEAK_SETS.get(lang) ?? [])].map((word) => stem(word, lang)));
    const stems = [...set].map((word) => stem(word, lang)).filter((form) => form.length >= (STOP_STEM_MIN[lang] ?? 4) && !weak.has(form));
    return [lang, new Set(stems)];
  }),
);

/** Is `word` (normalised) a stop word of `lang`, or another form of one? */
export const isStopIn = (word: string, lang: string): boolean =>
  (STOP_SETS.get(lang)?.has(word) ?? false) || (STOP_STEMS.get(lang)?.has(stem(word, lang)) ?? false);

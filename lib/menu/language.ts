/**
 * The customer's language, from what they write. Events carry only the portal's language
 * (contract §9.2), so a Russian speaker on an English portal must be recognised by their
 * words. Script first (Cyrillic, Greek, Han…); between languages of one script, letters
 * that only one of them uses, its most common short words, and the menu's own words in
 * that language. Answers only when confident and only with a language the menu has;
 * otherwise undefined, and the dialog keeps the language it had ("ok", "2", "PayPal").
 */
import { normalize } from './normalize.js';
import { cyrillic, stem } from './stem.js';
import type { CompiledMenu, LocalText } from './types.js';

const SCRIPTS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/\p{Script=Cyrillic}/u, ['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'mn', 'tg', 'uz']],
  [/\p{Script=Greek}/u, ['el']],
  [/\p{Script=Arabic}/u, ['ar', 'fa', 'ur']],
  [/\p{Script=Hebrew}/u, ['he']],
  [/\p{Script=Armenian}/u, ['hy']],
  [/\p{Script=Georgian}/u, ['ka']],
  [/\p{Script=Thai}/u, ['th']],
  [/\p{Script=Hangul}/u, ['ko']],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, ['ja']],
  [/\p{Script=Han}/u, ['zh', 'ja']],
  [/\p{Script=Latin}/u, ['en', 'de', 'fr', 'es', 'it', 'pt', 'pl', 'nl', 'tr', 'cs', 'sk', 'ro', 'hu', 'sv', 'da', 'no', 'fi', 'id', 'ms', 'vi', 'uz', 'kk']],
];

/** Letters one language of its script uses and its neighbours mostly don't. */
const MARKERS: Readonly<Record<string, RegExp>> = {
  de: /[äöüß]/gu,
  es: /[ñ¿¡]/gu,
  fr: /[çœèêëîôùû]/gu,
  pt: /[ãõ]/gu,
  pl: /[ąćęłńśźż]/gu,
  tr: /[ğış]/gu,
  cs: /[ěřů]/gu,
  ro: /[ășț]/gu,
  hu: /[őű]/gu,
  uk: /[іїєґ]/gu,
  be: /[ў]/gu,
};

/** A few of the most frequent short words per language (function words, question words). */
const COMMON: Readonly<Record<string, string>> = {
  en: 'the a an is are was i you my me we our your it this that what where when how why who can could do does have has not no yes please hi hello thanks thank to of for in on at with and or but there',
  de: 'der die das ein eine ist sind ich du mein meine wir unser sie es was wo wann wie warum wer kann können habe hat nicht kein ja bitte hallo danke zu von für im in auf mit und oder aber gibt noch schon',
  fr: 'le la les un une est sont je tu mon ma mes nous vous il elle ce quoi où quand comment pourquoi qui peut pouvez avez pas oui merci bonjour salut de du des pour dans sur avec et ou mais',
  es: 'el la los las un una es son soy yo tu mi mis nosotros usted qué que dónde donde cuándo cómo por quién puede tengo tiene no sí gracias hola de del para en con y o pero hay',
  it: 'il lo la gli le un una è sono io tu mio mia noi voi che cosa dove quando come perché chi può posso ho ha non sì grazie ciao buongiorno di del per in con e o ma',
  pt: 'o a os as um uma é são eu você meu minha nós que onde quando como porque quem pode tenho tem não sim obrigado obrigada olá oi de do da para em com e ou mas',
  pl: 'jest są ja ty mój moja my wy co gdzie kiedy jak dlaczego kto może mam ma nie tak dziękuję cześć dzień dobry do na w z i lub ale',
  nl: 'de het een is zijn ik jij mijn wij u wat waar wanneer hoe waarom wie kan heb heeft niet geen ja alstublieft hallo dank van voor in op met en of maar',
  tr: 've bir bu ne nerede ne zaman nasıl neden kim var yok evet hayır lütfen merhaba teşekkür ederim için ile ama benim',
  ru: 'и в не на я что как где когда почему кто мой моя мы вы вас у есть нет да пожалуйста здравствуйте привет спасибо это можно',
  uk: 'і в не на я що як де коли чому хто мій моя ми ви вас у є немає так будь ласка вітаю привіт дякую це можна',
};

// Compared after normalize() (accents dropped), like the message's words.
const commonWords = new Map(Object.entries(COMMON).map(([lang, words]) => [lang, new Set(normalize(words).split(' '))]));

const languagesCache = new WeakMap<CompiledMenu, readonly string[]>();
const wordsCache = new WeakMap<CompiledMenu, ReadonlyMap<string, ReadonlySet<string>>>();

/**
 * The languages the menu is written in: its default and every language of its menus'
 * texts and titles (the built-in messages and word lists come in several languages for
 * any menu, so they don't count). The default first.
 */
export function menuLanguages(menu: CompiledMenu): readonly string[] {
  let found = languagesCache.get(menu);
  if (!found) {
    const langs = new Set<string>([menu.language]);
    const add = (text: LocalText | undefined) => {
      if (text && typeof text !== 'string') for (const lang of Object.keys(text)) langs.add(lang);
    };
    for (const def of Object.values(menu.menus)) {
      add(def.text);
      for (const item of def.items) add(item.title);
    }
    found = [...langs];
    languagesCache.set(menu, found);
  }
  return found;
}

/** The menu's own words per language (titles, texts, word lists), normalised. */
function menuWords(menu: CompiledMenu): ReadonlyMap<string, ReadonlySet<string>> {
  let found = wordsCache.get(menu);
  if (!found) {
    const words = new Map<string, Set<string>>();
    const add = (lang: string, text: string) => {
      const set = words.get(lang) ?? new Set<string>();
      // Words and their stems: "Lieferung" also says German as "Lieferungen".
      for (const word of normalize(text).split(' ')) if (word.length > 1 && !/\d/.test(word)) set.add(word).add(stem(word, lang));
      words.set(lang, set);
    };
    const addText = (text: LocalText | undefined) => {
      if (text && typeof text !== 'string') for (const [lang, value] of Object.entries(text)) add(lang, value);
    };
    for (const def of Object.values(menu.menus)) {
      addText(def.text);
      for (const item of def.items) {
        addText(item.title);
        for (const [lang, list] of Object.entries(item.examples ?? {})) for (const phrase of list) add(lang, phrase);
      }
    }
    for (const perLanguage of Object.values(menu.words)) for (const [lang, list] of Object.entries(perLanguage)) for (const word of list) add(lang, word);
    // A word every language of the menu uses ("PayPal", "Telegram") tells nothing.
    const shared = [...(words.values().next().value ?? [])].filter((word) => [...words.values()].every((set) => set.has(word)));
    for (const set of words.values()) for (const word of shared) set.delete(word);
    found = words;
    wordsCache.set(menu, found);
  }
  return found;
}

/** The script most of the message's letters are in, when it is clear. */
function scriptOf(text: string): readonly string[] | undefined {
  const counts = new Map<readonly string[], number>();
  let letters = 0;
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    letters++;
    const script = SCRIPTS.find(([pattern]) => pattern.test(char));
    if (script) counts.set(script[1], (counts.get(script[1]) ?? 0) + 1);
  }
  let best: readonly string[] | undefined;
  let bestCount = 0;
  for (const [languages, count] of counts) if (count > bestCount) [best, bestCount] = [languages, count];
  // Latin brand names sit in Cyrillic text ("apple pay принимаете?"), rarely the other way round.
  const cyrillicScript = SCRIPTS[0]![1];
  if ((counts.get(cyrillicScript) ?? 0) >= 4) return cyrillicScript;
  return best && bestCount >= 2 && bestCount >= letters * 0.6 ? best : undefined;
}

/**
 * The language `text` is written in, among `languages` (the menu's), or undefined when
 * the message does not say clearly.
 */
export function detectLanguage(text: string, menu: CompiledMenu): string | undefined {
  const script = scriptOf(text);
  if (!script) return undefined;
  const languages = menuLanguages(menu);
  const candidates = languages.filter((lang) => script.includes(lang));
  const words = normalize(text).split(' ').filter(Boolean);
  const own = menuWords(menu);
  // Russian typed on a Latin keyboard ("oplata", "dostavka"): its words are the menu's Russian words.
  const latinRussian =
    languages.includes('ru') && !script.includes('ru')
      ? words.filter((word) => word.length >= 5 && own.get('ru')?.has(stem(cyrillic(word) ?? '', 'ru'))).length
      : 0;
  if (candidates.length <= 1 && latinRussian === 0) return candidates[0];
  const lower = text.toLowerCase();
  const scores = candidates.map((lang) => {
    const markers = Math.min(3, lower.match(MARKERS[lang] ?? /$^/gu)?.length ?? 0);
    const common = commonWords.get(lang);
    const mine = own.get(lang);
    let hits = 0;
    for (const word of words) if (common?.has(word) || mine?.has(word) || mine?.has(stem(word, lang))) hits++;
    return { lang, score: markers * 2 + hits };
  });
  if (latinRussian > 0) scores.push({ lang: 'ru', score: latinRussian });
  scores.sort((a, b) => b.score - a.score);
  const [first, second] = scores;
  // Confident: two signals and more than any other language, or one that no other language shares.
  const lead = first ? first.score - (second?.score ?? 0) : 0;
  return first && lead > 0 && (first.score >= 2 || (second?.score ?? 0) === 0) ? first.lang : undefined;
}

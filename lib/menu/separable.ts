/**
 * German separable verbs: "ich gebe den Helm zurück", "wann macht ihr wieder auf", "wann
 * kommt es an" say "zurückgeben", "aufmachen", "ankommen" with the particle at the end
 * of the clause and the verb near its start. The matcher reads the joined word as
 * well; these are the spellings to try, most likely first. Only a joined word that the
 * menu or the lexicon knows is used (lib/menu/match.ts), so a wrong join costs nothing.
 */
const PARTICLES = new Set([
  'an',
  'auf',
  'zu',
  'zuruck',
  'ab',
  'aus',
  'um',
  'ein',
  'mit',
  'vor',
  'weg',
  'vorbei',
  'nach',
  'her',
  'hin',
  'fest',
  'los',
  'weiter',
]);

/** The finite verb stands first or second in a German clause ("Wann macht …", "Ich gebe …", "Macht ihr …"). */
const VERB_POSITIONS = 3;

/** Joined spellings to try, each with the position of the verb it joins; the particle is the last word. */
export function separableJoins(words: readonly string[]): { particle: number; joined: { verb: number; word: string }[] } | undefined {
  const particle = words.length - 1;
  const last = words[particle];
  if (last === undefined || particle < 1 || !PARTICLES.has(last)) return undefined;
  const joined: { verb: number; word: string }[] = [];
  words.slice(0, Math.min(VERB_POSITIONS, particle)).forEach((verb, position) => {
    if (verb.length < 3 || PARTICLES.has(verb)) return;
    // "macht" → "aufmacht" and "aufmachen" (the stemmer keeps the -t of the 3rd person).
    const bare = verb.replace(/(?:et|st|t|e|en)$/, '');
    joined.push({ verb: position, word: last + verb });
    if (bare.length >= 2 && bare !== verb) joined.push({ verb: position, word: `${last + bare}en` });
  });
  return { particle, joined };
}

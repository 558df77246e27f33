/**
 * The shape of the concept lexicon (lib/menu/lexicon.ts and the files it merges): per
 * concept, per language, comma-separated words and phrases. In a file of its own so the
 * lexicon's parts can name it without importing each other.
 */
export type Lexicon = Readonly<Record<string, Readonly<Partial<Record<'en' | 'ru' | 'de', string>>>>>;

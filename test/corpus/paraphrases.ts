/** The paraphrase rows of the corpus, one file per language. */
export { enParaphrases } from './paraphrases-en.js';
export { ruParaphrases } from './paraphrases-ru.js';
export { deParaphrases } from './paraphrases-de.js';

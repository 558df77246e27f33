/**
 * npm run corpus [-- --write]: how well the bot understands the corpus of real-world-style
 * customer messages (test/corpus) — overall, per language and category, wrong picks, the
 * share answered in the customer's language — then the held-out dental clinic corpus, and
 * every miss; --write keeps the summaries in docs/corpus-accuracy.txt for the README.
 */
import { writeFileSync } from 'node:fs';
import { evaluateCorpus } from '../../test/corpus/evaluate.js';
import { evaluateHeldOut } from '../../test/corpus/held-out.js';

const shop = evaluateCorpus();
const dental = evaluateHeldOut();
process.stdout.write(`${shop.summary}\n${dental.summary}\n\n${shop.misses.join('\n')}\n${dental.misses.join('\n')}\n`);
if (process.argv.includes('--write')) writeFileSync('docs/corpus-accuracy.txt', `${shop.summary}\n${dental.summary}\n`);

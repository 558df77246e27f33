/**
 * npm run corpus [-- --write]: how well the bot understands the corpus of real-world-style
 * customer messages (test/corpus), with every miss; --write keeps the summary line in
 * docs/corpus-accuracy.txt for the README.
 */
import { writeFileSync } from 'node:fs';
import { evaluateCorpus } from '../../test/corpus/evaluate.js';

const report = evaluateCorpus();
process.stdout.write(`${report.summary}\n${report.misses.join('\n')}\n`);
if (process.argv.includes('--write')) writeFileSync('docs/corpus-accuracy.txt', `${report.summary}\n`);

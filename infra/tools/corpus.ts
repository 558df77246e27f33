/**
 * npm run corpus [-- --write]: how well the bot understands the corpus of real-world-style
 * customer messages (test/corpus) — overall, per language and category, wrong picks, the
 * share answered in the customer's language — then the held-out corpora (a dental clinic,
 * a bike shop, a SaaS helpdesk, a guesthouse, an internet and mobile provider), the
 * off-topic probe over all of those menus, and every miss; --write keeps the summaries in docs/corpus-accuracy.txt for the README.
 */
import { writeFileSync } from 'node:fs';
import { evaluateCorpus } from '../../test/corpus/evaluate.js';
import { evaluateHeldOut } from '../../test/corpus/held-out.js';
import { evaluateHeldOutBike } from '../../test/corpus/held-out-bike.js';
import { evaluateHeldOutGuesthouse } from '../../test/corpus/held-out-guesthouse.js';
import { evaluateHeldOutSaas } from '../../test/corpus/held-out-saas.js';
import { evaluateHeldOutTelecom } from '../../test/corpus/held-out-telecom.js';
import { evaluateOffTopic } from '../../test/corpus/off-topic.js';

const shop = evaluateCorpus();
const dental = evaluateHeldOut();
const bike = evaluateHeldOutBike();
const saas = evaluateHeldOutSaas();
const guesthouse = evaluateHeldOutGuesthouse();
const telecom = evaluateHeldOutTelecom();
const offTopic = evaluateOffTopic();
const reports = [shop, dental, bike, saas, guesthouse, telecom, { summary: offTopic.summary, misses: offTopic.picks }];
process.stdout.write(`${reports.map((r) => r.summary).join('\n')}\n\n${reports.map((r) => r.misses.join('\n')).join('\n')}\n`);
if (process.argv.includes('--write')) writeFileSync('docs/corpus-accuracy.txt', `${reports.map((r) => r.summary).join('\n')}\n`);

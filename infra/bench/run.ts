/**
 * npm run bench — the performance targets of issue 6 (and the ingest ack time of issue 7),
 * measured on the local stack, printed as a table and, with --write, written to
 * docs/benchmarks.md with the machine they ran on.
 */
import { setLogLevel } from '../../lib/log.js';
import { measureBundles } from './bundles.js';
import { measureCosts } from './costs.js';
import { measureDecide } from './decide.js';
import { measureIngest } from './ingest.js';
import { machine, writeSection } from './report-file.js';
import { round } from './stats.js';
import { measureThroughput } from './throughput.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

interface Row {
  readonly figure: string;
  readonly value: string;
  readonly target: string;
  readonly pass: boolean;
}

async function main(): Promise<void> {
  setLogLevel('error');
  const rows: Row[] = [];
  const log = (text: string) => process.stderr.write(`${text}\n`);

  log('costs per customer message (V1 and Chatbots 2.0 portals)…');
  const costs = await measureCosts('v1');
  const costsV2 = await measureCosts('v2');
  for (const [label, result] of [
    ['V1', costs],
    ['V2', costsV2],
  ] as const) {
    rows.push({
      figure: `${label}: requests to Bitrix24 per customer message (max over ${result.perScenario.length} action types)`,
      value: String(result.maxRest),
      target: '= 1',
      pass: result.perScenario.every((s) => s.rest === 1),
    });
    rows.push({ figure: `${label}: DynamoDB round trips per message event, warm (max)`, value: String(result.maxDb), target: '≤ 2', pass: result.maxDb <= 2 });
  }
  rows.push({
    figure: 'REST budget writes per message (max; one UpdateItem alongside the read, or none when a chunk reserved earlier has a slot)',
    value: String(costs.maxBudget),
    target: 'report',
    pass: true,
  });

  log('decide() over the understanding corpus…');
  const decision = measureDecide();
  rows.push({
    figure: `Engine decision, matcher included (decide() over ${decision.count / 20} corpus messages × 20): mean / p50 / p99`,
    value: `${round(decision.mean * 1000)} / ${round(decision.p50 * 1000)} / ${round(decision.p99 * 1000)} µs`,
    target: 'mean < 1 ms',
    pass: decision.mean < 1,
  });

  log('bundles (serverless package)…');
  const bundles = measureBundles();
  for (const bundle of bundles) {
    rows.push({ figure: `${bundle.name}: zip size`, value: `${round(bundle.zipBytes / 1024)} KB`, target: '≤ 200 KB', pass: bundle.zipBytes <= 200 * 1024 });
    rows.push({
      figure: `${bundle.name}: load time (import()) vs bare node -e ""`,
      value: `${round(bundle.ratio, 2)}× (${round(bundle.loadMs)} / ${round(bundle.bareMs)} ms)`,
      target: '≤ 2.5×',
      pass: bundle.ratio <= 2.5,
    });
  }

  log('throughput: full handler vs floor…');
  const throughput = await measureThroughput([1, 16]);
  for (const result of throughput) {
    rows.push({
      figure: `Throughput at concurrency ${result.concurrency}: full handler / floor`,
      value: `${round(result.ratio * 100)} % (${round(result.full.eventsPerSecond)} / ${round(result.floor.eventsPerSecond)} events/s)`,
      target: '≥ 80 %',
      pass: result.ratio >= 0.8,
    });
    rows.push({
      figure: `Per event at concurrency ${result.concurrency}, full handler: p50 / p99`,
      value: `${round(result.full.p50, 2)} / ${round(result.full.p99, 2)} ms`,
      target: 'report',
      pass: true,
    });
    rows.push({
      figure: `Per event at concurrency ${result.concurrency}, floor: p50 / p99`,
      value: `${round(result.floor.p50, 2)} / ${round(result.floor.p99, 2)} ms`,
      target: 'report',
      pass: true,
    });
  }

  log('ingest: time to answer Bitrix24…');
  const ingest = await measureIngest();
  rows.push({
    figure: `Events endpoint answers (HTTP, ${ingest.count} messages, 16 at a time): p50 / p99`,
    value: `${round(ingest.p50, 2)} / ${round(ingest.p99, 2)} ms`,
    target: 'p99 < 100 ms',
    pass: ingest.p99 < 100,
  });

  const width = [Math.max(...rows.map((r) => r.figure.length)), Math.max(...rows.map((r) => r.value.length)), 12];
  const lines = rows.map((r) => `${r.figure.padEnd(width[0]!)}  ${r.value.padEnd(width[1]!)}  ${r.target.padEnd(width[2]!)}  ${r.pass ? 'pass' : 'FAIL'}`);
  process.stdout.write(`\n${lines.join('\n')}\n`);

  if (rows.some((r) => !r.pass)) process.exitCode = 1;
  if (!process.argv.includes('--write')) return;
  const perAction = costs.perScenario
    .map((s, i) => `| ${s.name} | ${s.rest} / ${costsV2.perScenario[i]?.rest ?? '–'} | ${s.db} / ${costsV2.perScenario[i]?.db ?? '–'} | ${s.budget} |`)
    .join('\n');
  writeSection(
    'bench',
    `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.
Machine: ${machine()}.

| figure | value | target | result |
|---|---|---|---|
${rows.map((r) => `| ${r.figure} | ${r.value} | ${r.target} | ${r.pass ? 'pass' : '**FAIL**'} |`).join('\n')}

How each figure is measured:

- **Requests to Bitrix24** are counted at the Bitrix24 simulator (every HTTP request to
  \`/rest/\`), **DynamoDB round trips** by an SDK middleware on the bot's client (once per
  HTTP attempt), for one customer message of each action type of \`menus/example.yaml\`
  after a warm-up (a warm instance has the portal record and the bot list cached).
- **Engine decision**: \`decide()\` in process for every message of the understanding
  corpus (test/corpus), each from a dialog at its menu, 20 rounds after a warm-up.
- **Bundles** are the zips \`serverless package\` builds; load time is the median of 41
  alternated runs of \`node --input-type=module -e "await import(bundle)"\` and of
  \`node -e ""\`, each in a clean environment (only \`PATH\`), as in Lambda.
- **Throughput**: the events Lambda's handler called in process with an API Gateway event,
  through the queue and the worker (dynalite, one REST request to the simulator), against a
  floor doing only one DynamoDB read, one conditional write and one HTTP request with the
  same clients and the same payloads (the dialog item as the bot writes it, the reply the
  bot sends).
  Each customer sends the next message when the bot has answered; best of 5 alternated runs of 480
  events.
- **Events endpoint**: HTTP POSTs of real message events to \`/bitrix/events\`, timed until
  the 200 (the reply itself is sent by the worker afterwards).

Per action type (requests to Bitrix24 / DynamoDB round trips of the state, each on a V1 / a
Chatbots 2.0 portal; REST budget takes on V1, which run in parallel with the state read and add
no waiting):

| action | requests V1 / V2 | round trips V1 / V2 | budget takes |
|---|---|---|---|
${perAction}
`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

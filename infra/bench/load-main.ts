/**
 * npm run load [-- --scenario rush --customers 200 --messages 3 --portals 10 --no-faults --write]
 * npm run load -- --mode fetch --outage 60 [--write]   (Chatbots 2.0 fetch mode, the poller down 60 s)
 * Runs the load proof (infra/bench/load.ts) — the mixed load with faults, `--scenario rush`
 * (150 customers on one portal within a second, issue 17), or fetch mode with an outage —
 * prints the report and, with --write, writes it to docs/benchmarks.md (its own section per
 * scenario). Exits 1 when a message was lost, answered twice or out of order.
 */
import { setLogLevel } from '../../lib/log.js';
import { runLoad } from './load.js';
import { DEFAULT_LOAD, RUSH_LOAD, type LoadOptions, type LoadReport } from './load-options.js';
import { machine, writeSection } from './report-file.js';
import { round } from './stats.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function parseArgs(argv: readonly string[]): { options: LoadOptions; write: boolean; scenario: 'load' | 'rush' } {
  const at = argv.indexOf('--scenario');
  const scenario = at === -1 ? 'load' : argv[at + 1];
  if (scenario !== 'load' && scenario !== 'rush') throw new Error('--scenario is load or rush');
  let options: LoadOptions = scenario === 'rush' ? { ...RUSH_LOAD } : { ...DEFAULT_LOAD };
  let write = false; // docs/benchmarks.md only when asked: a command never rewrites tracked files by default
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const number = () => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a positive whole number`);
      return value;
    };
    if (flag === '--scenario') i++;
    else if (flag === '--customers') options = { ...options, customers: number() };
    else if (flag === '--messages') options = { ...options, messages: number() };
    else if (flag === '--portals') options = { ...options, portals: number() };
    else if (flag === '--concurrency') options = { ...options, workerConcurrency: number() };
    else if (flag === '--no-faults') options = { ...options, faults: false };
    else if (flag === '--mode') {
      const mode = argv[++i];
      if (mode !== 'webhook' && mode !== 'fetch') throw new Error('--mode is webhook or fetch');
      options = { ...options, mode };
    } else if (flag === '--outage') options = { ...options, outageMs: number() * 1000 };
    else if (flag === '--write') write = true;
    else if (flag === '--no-write') write = false;
    else throw new Error(`unknown option ${flag}`);
  }
  if (options.outageMs && options.mode !== 'fetch') throw new Error('--outage needs --mode fetch');
  return { options, write, scenario };
}

/** What the fetch-mode figures mean (appended to its report). */
const FETCH_NOTE = `
In fetch mode the wait includes the outage. After it, every portal's budget runs at exactly
the portal's limit while the backlog is answered: a reply sent a few milliseconds after its
budget slot, next to one sent on time, can overflow the portal's bucket by one
(QUERY_LIMIT_EXCEEDED seen); those are retried and nothing is lost. The poller's own
requests are counted apart: they take slots of the same budget and none was refused.`;

export function renderReport(report: LoadReport, scenario: 'load' | 'rush' = 'load'): string {
  const o = report.options;
  const ok =
    report.lost === 0 &&
    report.duplicated === 0 &&
    report.chatsOutOfOrder === 0 &&
    (!report.fetch || (report.fetch.minPollGapMs >= 2_000 && report.fetch.pollsOverLimit === 0));
  const rows: [string, string, string][] = [
    ['Customer messages sent', String(report.sent), ''],
    ['…of which Bitrix24 delivered twice', String(report.redelivered), ''],
    ['Bot messages expected (greetings + replies)', String(report.expected), ''],
    ['Bot messages delivered', String(report.delivered), ''],
    ['Lost', String(report.lost), '0'],
    ['Duplicated', String(report.duplicated), '0'],
    ['Chats out of order', String(report.chatsOutOfOrder), '0'],
    ['QUERY_LIMIT_EXCEEDED seen (portal bucket overflowed)', String(report.rateLimited), 'report'],
    ['Faults injected', String(report.faultsInjected), 'report'],
    ['Token refreshes', String(report.tokenRefreshes), 'report'],
    ['REST requests', String(report.restRequests), 'report'],
    [
      '…per customer event (chats opened + messages)',
      `${round(report.restRequests / report.events, 2)} (${report.restRequests} / ${report.events})`,
      scenario === 'rush' ? '≤ 0.35' : 'report',
    ],
    [
      '…failed, by error',
      Object.entries(report.restFailures)
        .map(([code, count]) => `${code} ${count}`)
        .join(', ') || 'none',
      'report',
    ],
    ['Worker invocations (batches of up to 10 records)', String(report.batches), 'report'],
    ['Jobs given back to the queue', String(report.jobRetries), 'report'],
    ['Jobs dead-lettered', String(report.deadLettered), '0'],
    [
      'Time to reply p50 / p99 / max',
      `${round(report.replyMs.p50 / 1000, 2)} / ${round(report.replyMs.p99 / 1000, 2)} / ${round(report.replyMs.max / 1000, 2)} s`,
      scenario === 'rush' ? 'p99 ≤ 15 s' : 'report',
    ],
    ['Run time', `${round(report.seconds, 1)} s`, ''],
  ];
  if (scenario === 'rush') return renderRush(report, rows);
  const fetch = report.fetch;
  if (fetch) {
    rows.splice(
      2,
      0,
      ['Poller down (outage)', `${fetch.outageMs / 1000} s`, ''],
      ['Acknowledgements lost on purpose (events fetched again)', String(fetch.lostAcks), 'report'],
      ['imbot.v2.Event.get requests', String(fetch.pollRequests), 'report'],
      ["…refused by the portal's bucket (QUERY_LIMIT_EXCEEDED)", String(fetch.pollsOverLimit), '0'],
      ['…most to one portal in any 10 s', String(fetch.maxPollsPer10s), '≤ 6 (≥ 2 s apart)'],
      ['…least time between two to one portal', `${round(fetch.minPollGapMs / 1000, 2)} s`, '≥ 2 s'],
    );
    rows.splice(
      rows.findIndex(([figure]) => figure.startsWith('…of which Bitrix24 delivered twice')),
      1,
    );
  }
  const title = fetch
    ? `## Load, fetch mode with the poller down for ${fetch.outageMs / 1000} s (\`npm run load -- --mode fetch --outage ${fetch.outageMs / 1000}\`)`
    : '## Load (`npm run load`)';
  const how = fetch
    ? `Chatbots 2.0 portals with the bot in fetch mode: every event waits on the portal until the poller reads it
(imbot.v2.Event.get); the poller is down for ${fetch.outageMs / 1000} s from 40 % of the arrival window, and
${Math.round(o.redeliverShare * 100)} % of its acknowledgements are lost as if it died between queueing and storing the offset.`
    : `${Math.round(o.redeliverShare * 100)} % of message events delivered twice.`;
  return `${title}

Written by \`npm run load\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine()}.
Result: **${ok ? 'pass' : 'FAIL'}** — ${o.customers} customers × ${o.messages} messages on ${o.portals} portals,
arriving over ${o.spreadMs / 1000} s and typing on every ${o.gapMs[0] / 1000}–${o.gapMs[1] / 1000} s without waiting for the bot;
each portal enforces the documented leaky bucket (${o.rate.perSecond}/s, burst ${o.rate.burst}) and the bot keeps
the same budget; ${o.faults ? "faults injected: 5xx bursts, dropped connections, requests hanging past the bot's 2 s timeout, OPERATION_TIME_LIMIT, every access token expiring mid-run while events bring expired tokens for a while" : 'no faults injected'};
${how}

| figure | value | target |
|---|---|---|
${rows.map(([figure, value, target]) => `| ${figure} | ${value} | ${target} |`).join('\n')}

Every chat's bot messages are compared with what the same messages get from a quiet
portal: *lost* is an expected message missing, *duplicated* one more than expected, *out of
order* a chat with the right messages in another order. Time to reply runs from the
customer's send to the reply showing in the chat; with ${Math.round(o.customers / o.portals)} chats per portal sharing
${o.rate.perSecond} requests per second, most of it is the wait for the portal's budget.${fetch ? FETCH_NOTE : ''}`;
}

function renderRush(report: LoadReport, rows: readonly [string, string, string][]): string {
  const o = report.options;
  const ok = report.lost === 0 && report.duplicated === 0 && report.chatsOutOfOrder === 0;
  return `## Rush hour on one portal (\`npm run load -- --scenario rush\`)

Written by \`npm run load -- --scenario rush\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine()}.
Result: **${ok ? 'pass' : 'FAIL'}** — ${o.customers} customers open a chat on ${o.portals} portal within ${o.spreadMs / 1000} s and
each picks an item ${o.gapMs[0] / 1000}–${o.gapMs[1] / 1000} s later (${o.customers * (o.messages + 1)} customer events); the portal enforces the documented
leaky bucket (${o.rate.perSecond}/s, burst ${o.rate.burst}) and the bot keeps the same budget; ${Math.round(o.redeliverShare * 100)} % of message events delivered twice.
Time to reply counts the greeting too (from the chat's opening to the greeting showing).

| figure | value | target |
|---|---|---|
${rows.map(([figure, value, target]) => `| ${figure} | ${value} | ${target} |`).join('\n')}`;
}

async function main(): Promise<void> {
  const { options, write, scenario } = parseArgs(process.argv.slice(2));
  setLogLevel((process.env.LOG_LEVEL as 'error' | undefined) ?? 'error');
  const report = await runLoad({ ...options, progress: (text) => process.stderr.write(`${text}\n`) });
  const text = renderReport(report, scenario);
  process.stdout.write(`${text}\n`);
  if (write) writeSection(report.fetch ? 'load-fetch' : scenario, text);
  const pollerOk = !report.fetch || (report.fetch.minPollGapMs >= 2_000 && report.fetch.pollsOverLimit === 0);
  if (report.lost > 0 || report.duplicated > 0 || report.chatsOutOfOrder > 0 || !pollerOk) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
});

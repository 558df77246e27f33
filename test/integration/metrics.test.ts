/**
 * CloudWatch Embedded Metric Format lines in the local stack's logs: a customer turn
 * produces the lines CloudWatch would turn into metrics on AWS (lib/metrics.ts), and a
 * bad PORT is a configuration error listed with the others, not a RangeError.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/config.js';
import { METRICS_NAMESPACE } from '../../lib/metrics.js';
import { startLocalStack } from '../../infra/local/stack.js';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { useStack } from '../helpers/stack.js';

const t = useStack({ clock: () => OFFICE_HOURS });

interface Emf {
  _aws: { Timestamp: number; CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
  [key: string]: unknown;
}

const emfLines = (from: number): Emf[] =>
  t.logs
    .slice(from)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry): entry is Emf => typeof entry._aws === 'object');

/** Metric name → values in these lines, checking each line is a valid EMF document on the way. */
function valuesOf(lines: Emf[]): Record<string, unknown[]> {
  const values: Record<string, unknown[]> = {};
  for (const line of lines) {
    const [directive] = line._aws.CloudWatchMetrics;
    expect(directive?.Namespace).toBe(METRICS_NAMESPACE);
    expect(Number.isInteger(line._aws.Timestamp)).toBe(true);
    for (const set of directive!.Dimensions) for (const key of set) expect(typeof line[key]).toBe('string');
    for (const { Name } of directive!.Metrics) (values[Name] ??= []).push(line[Name]);
  }
  return values;
}

describe('EMF metrics', () => {
  it('a customer turn logs its metrics: event accepted, REST request, customer turn and time to reply', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const from = t.logs.length;
    await t.say(portal, chat, '1');
    const lines = emfLines(from);
    const values = valuesOf(lines);
    expect(values.EventAccepted).toEqual([1]);
    expect(lines.find((line) => 'EventAccepted' in line)).toMatchObject({ Stage: 'local', Outcome: 'queued' });
    expect(values.RestRequest?.length).toBeGreaterThanOrEqual(1);
    expect(values.CustomerTurn).toEqual([1]);
    expect(values.ReplyLatency).toHaveLength(1);
    expect(values.ReplyLatency![0]).toBeGreaterThanOrEqual(0);
    const latency = lines.find((line) => 'ReplyLatency' in line)!;
    expect(latency._aws.CloudWatchMetrics[0]!.Metrics).toContainEqual({ Name: 'ReplyLatency', Unit: 'Milliseconds' });
  });

  it('a refused event is counted by its reason, with the stage-wide total beside it', async () => {
    const from = t.logs.length;
    const res = await fetch(`${t.stack.url}/bitrix/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'event=ONIMBOTMESSAGEADD',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const line = emfLines(from).find((entry) => 'EventRefused' in entry);
    expect(line?._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['Stage'], ['Stage', 'Reason']]);
    expect(line).toMatchObject({ EventRefused: 1, Stage: 'local', Reason: expect.stringMatching(/^[A-Z_]+$/) });
  });
});

describe('local configuration', () => {
  it('PORT=abc is a ConfigError naming every bad variable, not a RangeError', async () => {
    const started = startLocalStack({ env: { PORT: 'abc', LOG_LEVEL: 'loud' } });
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    await expect(started).rejects.toThrow(/PORT must be an integer[\s\S]*LOG_LEVEL must be one of/);
  });
});

/**
 * CloudWatch metrics as Embedded Metric Format (EMF) log lines: one JSON line on stdout
 * per measurement, which CloudWatch Logs turns into metrics. No API call, nothing to
 * await, no SDK in the bundle. Written with the log sink (process.stdout.write, never
 * console.log: with the Lambda JSON log format console.log would wrap the line in a
 * record of its own and CloudWatch would no longer see the EMF document) and never
 * filtered by LOG_LEVEL. The local stack prints the same lines.
 *
 * Every metric has the Stage dimension (the deployment's stage; `local` for npm start),
 * and optionally one more (Reason, Outcome) with the stage-only aggregate beside it,
 * so alarms and the dashboard (infra/dashboard.yml) read both totals and breakdowns.
 */
import { writeLine } from './log.js';

export const METRICS_NAMESPACE = 'B24OpenLinesBot';

export type MetricName =
  /** The events/install endpoints answered 2xx (Outcome: queued, ignored, installed…). */
  | 'EventAccepted'
  /** They answered 4xx (Reason: the RequestError code, e.g. BAD_TOKEN). */
  | 'EventRefused'
  /** They answered 5xx (Reason: INTERNAL, BITRIX_ERROR…). */
  | 'EventFailed'
  /** A customer turn the worker handled (replied to, or silently). */
  | 'CustomerTurn'
  /** From the events function receiving a customer's message to the reply sent (ms). */
  | 'ReplyLatency'
  /** HTTP requests to portals' REST API. */
  | 'RestRequest'
  /** Portal answers saying "slow down" (503 QUERY_LIMIT_EXCEEDED, 429 OPERATION_TIME_LIMIT). */
  | 'RestRateLimited'
  /** REST steps retried inside the worker's retry budget. */
  | 'RestRetry'
  /** Chats whose replies one worker sent together in shared `batch` requests (issue 17). */
  | 'SharedBatchChats'
  /** Jobs the worker parked in the dead-letter queue (Reason: permanent, attempts). */
  | 'DeadLetter'
  | 'TokenRefresh'
  /** Refreshes refused or failed (Reason: the OAuth code, e.g. invalid_grant, invalid_client). */
  | 'TokenRefreshFailed'
  /** The daily keep-alive job's outcome counts. */
  | 'KeepAliveRefreshed'
  | 'KeepAliveRefused'
  | 'KeepAliveFailed';

type Unit = 'Count' | 'Milliseconds';
const UNITS: Partial<Record<MetricName, Unit>> = { ReplyLatency: 'Milliseconds' };

let stage = 'local';

/** Set once by the composition root (lib/runtime/create-deps.ts) from the config's stage. */
export function setMetricsStage(next: string): void {
  stage = next;
}

/** Dimension values are bounded codes; anything odd is cut short rather than exploding cardinality. */
const clean = (value: string): string => value.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 64) || 'unknown';

/**
 * One EMF line with one or more metrics sharing the same dimensions.
 * `dimension`: at most one extra dimension, e.g. { Reason: 'BAD_TOKEN' }.
 */
export function metrics(values: Partial<Record<MetricName, number>>, dimension?: Readonly<Record<string, string>>): void {
  const names = Object.keys(values) as MetricName[];
  if (names.length === 0) return;
  const extra = dimension ? Object.entries(dimension)[0] : undefined;
  const dimensions = extra ? [['Stage'], ['Stage', extra[0]]] : [['Stage']];
  const document: Record<string, unknown> = {
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [
        { Namespace: METRICS_NAMESPACE, Dimensions: dimensions, Metrics: names.map((name) => ({ Name: name, Unit: UNITS[name] ?? 'Count' })) },
      ],
    },
    Stage: stage,
    ...(extra ? { [extra[0]]: clean(extra[1]) } : {}),
    ...values,
  };
  writeLine(JSON.stringify(document));
}

export const metric = (name: MetricName, value = 1, dimension?: Readonly<Record<string, string>>): void => metrics({ [name]: value }, dimension);

/**
 * fetch that counts REST requests to portals and their "slow down" answers. OAuth calls
 * (the token server) are not REST requests and are counted by the token refresh instead.
 */
export function meteredFetch(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes('/rest/')) return inner(input, init);
    let status = 0; // no answer (network error, timeout): still a request
    try {
      const response = await inner(input, init);
      status = response.status;
      return response;
    } finally {
      metrics(status === 503 || status === 429 ? { RestRequest: 1, RestRateLimited: 1 } : { RestRequest: 1 });
    }
  };
}

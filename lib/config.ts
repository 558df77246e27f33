/**
 * The one reader of process.env. Parsed once per cold start; every bad variable is
 * reported together so a misconfigured deploy fails with one clear message.
 */
import { parseAllowedHosts, type AllowedHosts } from './bitrix/hosts.js';
import type { LogLevel } from './log.js';

export interface Config {
  /** The local server's port (npm start); the default PUBLIC_URL uses it. */
  readonly port: number;
  readonly publicUrl: string;
  readonly menuFile: string;
  readonly tableName: string;
  readonly dynamoEndpoint: string | undefined;
  readonly region: string;
  readonly queueUrl: string | undefined;
  /** The SQS dead-letter queue the worker sends hopeless jobs to, with their reason. */
  readonly deadLetterQueueUrl: string | undefined;
  /** Attempts before a retryable job is dead-lettered (keep below the queue's maxReceiveCount). */
  readonly jobMaxAttempts: number;
  readonly clientId: string;
  /** Plain secret (local runs) … */
  readonly clientSecret: string | undefined;
  /** … or the SSM SecureString parameter that holds it (AWS). */
  readonly clientSecretParam: string | undefined;
  /** Explicit OAuth token URL; when absent it is derived from the portal's stored server_endpoint. */
  readonly oauthUrl: string | undefined;
  readonly allowedHosts: AllowedHosts;
  readonly maxBodyBytes: number;
  readonly restTimeoutMs: number;
  /** Per-portal REST budget (Bitrix leaky bucket: drain per second, burst). */
  readonly restRate: { readonly perSecond: number; readonly burst: number };
  /** Keep all workers under restRate with a bucket in DynamoDB (B24_RATE_BUDGET=off to disable). */
  readonly sharedBudget: boolean;
  /** How long a worker keeps retrying a busy or failing portal before the job goes back to the queue. */
  readonly retryBudgetMs: number;
  /**
   * How long a worker's claim on a message it is sending lasts (refreshed at each step):
   * as long as a worker can live (its 120 s timeout), below the queue's visibility timeout.
   * A redelivery inside it waits; after it, the redelivery finishes what the first began.
   */
  readonly claimMs: number;
  /**
   * A Market app's symbolic code: app.info answers it as CODE instead of the client_id
   * (contract §9.6, api-reference/widgets/universal/app-url.md). Unset for a local app.
   */
  readonly appCode: string | undefined;
  /**
   * The keep-alive job refreshes a stored pair not refreshed for this many days, and
   * only those (settings/oauth/auto-renewal.md: refresh tokens expire when unused, and
   * refreshing on a schedule for every portal may get the app blocked; contract §9.5).
   */
  readonly refreshAfterDays: number;
  /**
   * Which bot API a new install registers with (BOT_API): `auto` asks the portal
   * (imbot.v2.Revision.get answers → Chatbots 2.0, ERROR_METHOD_NOT_FOUND → V1), `v1` / `v2`
   * force one. A portal keeps the API its bot was registered with (lib/app/bot-api.ts).
   */
  readonly botApi: 'auto' | 'v1' | 'v2';
  /** The lowest level logged (LOG_LEVEL); the composition roots apply it. */
  readonly logLevel: LogLevel;
  /** The deployment's stage (STAGE, set by serverless.yml): the metrics' Stage dimension. */
  readonly stage: string;
  /**
   * How a Chatbots 2.0 bot gets its events (BOT_EVENT_MODE): `webhook` — the platform posts
   * them to /bitrix/events (no retries if the bot is down); `fetch` — they wait on the
   * platform and the poller reads them with imbot.v2.Event.get (imbot.v2/events/index.md;
   * lib/app/feed/poll-feeds.ts). V1 bots have webhooks only.
   */
  readonly botEventMode: 'webhook' | 'fetch';
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const DEFAULT_ALLOWED_HOSTS =
  'bitrix24.com,bitrix24.ru,bitrix24.de,bitrix24.eu,bitrix24.es,bitrix24.fr,bitrix24.it,bitrix24.pl,' +
  'bitrix24.ua,bitrix24.by,bitrix24.kz,bitrix24.in,bitrix24.com.br,bitrix24.co,bitrix24.cn,bitrix24.jp,' +
  'bitrix24.com.tr,bitrix24.id,bitrix24.vn,bitrix24.uk,bitrix24.site,bitrix24.shop,bitrix.info,bitrix24.tech';

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, value: string | undefined): string | undefined => {
    if (value === undefined || value === '') return undefined;
    try {
      const parsed = new URL(value);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('scheme');
      return value;
    } catch {
      problems.push(`${name} must be an http(s) URL, got "${value}"`);
      return undefined;
    }
  };

  const port = int('PORT', 3000, 0, 65535);
  const publicUrl = (url('PUBLIC_URL', env.PUBLIC_URL) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const oauthUrl = url('B24_OAUTH_URL', env.B24_OAUTH_URL);
  let allowedHosts: AllowedHosts = parseAllowedHosts(DEFAULT_ALLOWED_HOSTS);
  try {
    if (env.B24_ALLOWED_HOSTS) allowedHosts = parseAllowedHosts(env.B24_ALLOWED_HOSTS);
  } catch (error) {
    problems.push(`B24_ALLOWED_HOSTS: ${(error as Error).message}`);
  }
  const botApi = (env.BOT_API || 'auto').trim().toLowerCase();
  if (botApi !== 'auto' && botApi !== 'v1' && botApi !== 'v2') problems.push(`BOT_API must be auto, v1 or v2, got "${env.BOT_API}"`);
  const logLevel = (env.LOG_LEVEL || 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const stage = env.STAGE || 'local';
  if (!/^[A-Za-z0-9-]{1,64}$/.test(stage)) problems.push(`STAGE must be letters, digits and dashes, got "${stage}"`);
  if (env.B24_RATE_BUDGET && env.B24_RATE_BUDGET !== 'on' && env.B24_RATE_BUDGET !== 'off') {
    problems.push(`B24_RATE_BUDGET must be on or off, got "${env.B24_RATE_BUDGET}"`);
  }
  const botEventMode = (env.BOT_EVENT_MODE || 'webhook').trim().toLowerCase();
  if (botEventMode !== 'webhook' && botEventMode !== 'fetch') problems.push(`BOT_EVENT_MODE must be webhook or fetch, got "${env.BOT_EVENT_MODE}"`);
  if (env.B24_CLIENT_SECRET && env.B24_CLIENT_SECRET_PARAM) {
    problems.push('set either B24_CLIENT_SECRET or B24_CLIENT_SECRET_PARAM, not both');
  }

  const config: Config = {
    port,
    publicUrl,
    menuFile: env.MENU_FILE || 'menus/example.yaml',
    tableName: env.TABLE_NAME || 'b24-openlines-bot',
    dynamoEndpoint: url('DYNAMODB_ENDPOINT', env.DYNAMODB_ENDPOINT),
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    queueUrl: env.QUEUE_URL || undefined,
    deadLetterQueueUrl: env.DLQ_URL || undefined,
    jobMaxAttempts: int('JOB_MAX_ATTEMPTS', 5, 1, 20),
    clientId: env.B24_CLIENT_ID || 'local.bot',
    clientSecret: env.B24_CLIENT_SECRET || undefined,
    clientSecretParam: env.B24_CLIENT_SECRET_PARAM || undefined,
    oauthUrl,
    allowedHosts,
    maxBodyBytes: int('MAX_BODY_BYTES', 64 * 1024, 1024, 6 * 1024 * 1024),
    restTimeoutMs: int('B24_TIMEOUT_MS', 10_000, 100, 30_000),
    restRate: { perSecond: int('B24_RATE_PER_SECOND', 2, 1, 1000), burst: int('B24_RATE_BURST', 50, 1, 10_000) },
    sharedBudget: (env.B24_RATE_BUDGET ?? 'on') !== 'off',
    retryBudgetMs: int('B24_RETRY_BUDGET_MS', 20_000, 0, 45_000),
    claimMs: int('JOB_CLAIM_MS', 120_000, 1_000, 600_000),
    appCode: env.B24_APP_CODE?.trim() || undefined,
    // At least a week (never a daily refresh), at most well inside the shortest documented
    // lifetime the docs give today (180 days) with the daily job's one day of slack.
    refreshAfterDays: int('B24_REFRESH_AFTER_DAYS', 120, 7, 170),
    botApi: botApi === 'v1' || botApi === 'v2' ? botApi : 'auto',
    logLevel: LOG_LEVELS.includes(logLevel as LogLevel) ? (logLevel as LogLevel) : 'info',
    stage,
    botEventMode: botEventMode === 'fetch' ? 'fetch' : 'webhook',
  };
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  return Object.freeze(config);
}

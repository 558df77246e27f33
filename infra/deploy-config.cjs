/**
 * The deployment's settings, checked when osls resolves serverless.yml — at `serverless
 * package`, `deploy` and every other command — so a bad value fails before anything is
 * built or sent to AWS, with every problem listed at once:
 *   - the functions' environment (provider.environment) through lib/config.ts's own
 *     loadConfig rules (loaded with tsx, a dev dependency: one set of rules, no copy);
 *   - the deploy-only settings below (alarms, domain, throttling, concurrency, logs, data
 *     protection), which no function reads.
 * serverless.yml uses it once: custom.settings: ${file(infra/deploy-config.cjs):settings}.
 * A file variable source needs no plugin and no dependency (osls calls the exported
 * function with its resolvers).
 */
'use strict';

const { require: tsxRequire } = require('tsx/cjs/api');

/** Variables of the README's configuration table the functions read, with lib/config.ts's defaults. */
const FUNCTION_SETTINGS = [
  'MENU_FILE',
  'B24_CLIENT_ID',
  'B24_CLIENT_SECRET_PARAM',
  'B24_ALLOWED_HOSTS',
  'B24_OAUTH_URL',
  'B24_APP_CODE',
  'B24_REFRESH_AFTER_DAYS',
  'LOG_LEVEL',
  'B24_TIMEOUT_MS',
  'B24_RETRY_BUDGET_MS',
  'B24_RATE_PER_SECOND',
  'B24_RATE_BURST',
  'B24_RATE_BUDGET',
  'JOB_MAX_ATTEMPTS',
  'JOB_CLAIM_MS',
  'MAX_BODY_BYTES',
  'TABLE_NAME',
  'STAGE',
];

/** CloudWatch Logs accepts only these retention periods. */
const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** Lambda's log-level filter: never above INFO, or it would drop the EMF metric lines (they carry no level). */
const LAMBDA_LOG_LEVEL = { debug: 'DEBUG', info: 'INFO', warn: 'INFO', error: 'INFO' };

function checkedInt(problems, name, raw, fallback, min, max) {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(String(raw).trim()) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

function checkedBool(problems, name, raw, fallback) {
  if (raw === undefined || raw === null || raw === '') return fallback;
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return fallback;
}

/** The command osls runs (deploy, package, invoke…), from its own argv. */
const command = () => process.argv.slice(2).find((arg) => !arg.startsWith('-')) ?? '';

module.exports.settings = async ({ resolveVariable, resolveConfigurationProperty }) => {
  const env = process.env;
  const problems = [];
  const service = await resolveConfigurationProperty(['service']);
  const stage = await resolveVariable('sls:stage');
  const region = await resolveConfigurationProperty(['provider', 'region']);

  // The functions' environment as serverless.yml resolved it (strings only: the
  // CloudFormation references are not known before the deploy).
  const functionEnv = {};
  for (const name of FUNCTION_SETTINGS) {
    const value = await resolveConfigurationProperty(['provider', 'environment', name]);
    if (typeof value === 'string' || typeof value === 'number') functionEnv[name] = String(value);
  }
  if (!functionEnv.B24_CLIENT_ID) problems.push("B24_CLIENT_ID is required: the local application's client_id (README, Deploy)");

  // PUBLIC_URL: set, or the custom domain's, or (resolved by CloudFormation) the API's own URL.
  const domainName = (env.DOMAIN_NAME ?? '').trim().toLowerCase();
  const certificateArn = (env.CERTIFICATE_ARN ?? '').trim();
  const publicUrl = env.PUBLIC_URL || (domainName ? `https://${domainName}` : null);
  if (publicUrl) functionEnv.PUBLIC_URL = publicUrl;
  if (domainName && !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domainName)) {
    problems.push(`DOMAIN_NAME must be a host name such as bot.example.com, got "${env.DOMAIN_NAME}"`);
  }
  if (Boolean(domainName) !== Boolean(certificateArn)) problems.push('DOMAIN_NAME and CERTIFICATE_ARN go together: set both or neither');
  if (certificateArn) {
    const match = /^arn:aws[\w-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[\w-]+$/.exec(certificateArn);
    if (!match) problems.push(`CERTIFICATE_ARN must be an ACM certificate ARN, got "${certificateArn}"`);
    else if (match[1] !== region) problems.push(`CERTIFICATE_ARN must be in the stack's region ${region} (a regional API domain), not ${match[1]}`);
  }

  // The queues: the stack's own, or (serverless-offline, invoke) URLs from the environment.
  // A deploy must never point a stage's functions at another stage's queues.
  const queueUrl = env.QUEUE_URL || null;
  const dlqUrl = env.DLQ_URL || null;
  if (['deploy', 'package'].includes(command())) {
    for (const [name, url, queue] of [
      ['QUEUE_URL', queueUrl, 'jobs'],
      ['DLQ_URL', dlqUrl, 'jobs-dlq'],
    ]) {
      if (url && !url.endsWith(`/${service}-${stage}-${queue}.fifo`))
        problems.push(`${name} is set in the environment to another queue (${url}); unset it to deploy (it is for serverless-offline and invoke)`);
    }
  }
  if (queueUrl) functionEnv.QUEUE_URL = queueUrl;
  if (dlqUrl) functionEnv.DLQ_URL = dlqUrl;

  // The same rules as the functions at their cold start (lib/config.ts).
  try {
    const { loadConfig } = tsxRequire('../lib/config.ts', __filename);
    loadConfig(functionEnv);
  } catch (error) {
    if (error && error.name === 'ConfigError') problems.push(...error.message.split('\n- ').slice(1));
    else throw error;
  }

  const alarmEmail = (env.ALARM_EMAIL ?? '').trim();
  const alarmTopicArn = (env.ALARM_TOPIC_ARN ?? '').trim();
  if (alarmEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(alarmEmail)) problems.push(`ALARM_EMAIL must be an e-mail address, got "${alarmEmail}"`);
  if (alarmTopicArn && !/^arn:aws[\w-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/.test(alarmTopicArn))
    problems.push(`ALARM_TOPIC_ARN must be an SNS topic ARN, got "${alarmTopicArn}"`);
  if (alarmEmail && alarmTopicArn) problems.push('set ALARM_EMAIL (a topic for this stack, subscribed) or ALARM_TOPIC_ARN (your topic), not both');

  const apiRate = checkedInt(problems, 'API_THROTTLE_RATE', env.API_THROTTLE_RATE, 100, 1, 10_000);
  const apiBurst = checkedInt(problems, 'API_THROTTLE_BURST', env.API_THROTTLE_BURST, 200, 1, 5_000);
  const workerConcurrency = checkedInt(problems, 'WORKER_CONCURRENCY', env.WORKER_CONCURRENCY, 20, 2, 1_000);
  const logRetentionDays = checkedInt(problems, 'LOG_RETENTION_DAYS', env.LOG_RETENTION_DAYS, 30, 1, 3_653);
  if (!RETENTION_DAYS.includes(logRetentionDays))
    problems.push(`LOG_RETENTION_DAYS must be one of ${RETENTION_DAYS.join(', ')}, got "${env.LOG_RETENTION_DAYS}"`);

  // Stage parameters (serverless.yml params, or --param="protectData=false").
  const protectData = checkedBool(problems, 'param protectData', await resolveVariable('param:protectData'), true);
  const terminationProtection = checkedBool(problems, 'param terminationProtection', await resolveVariable('param:terminationProtection'), false);

  if (problems.length > 0) {
    const error = new Error(`Invalid configuration for stage ${stage}:\n- ${problems.join('\n- ')}`);
    error.stack = error.message; // the list is the message; a stack trace would only bury it
    throw error;
  }
  if (!alarmEmail && !alarmTopicArn && command() === 'deploy') {
    process.stderr.write(
      'warning: neither ALARM_EMAIL nor ALARM_TOPIC_ARN is set: the alarms notify an SNS topic nobody is subscribed to (docs/operations.md, Alarms)\n',
    );
  }

  const apiUrl = ['https://', { Ref: 'HttpApi' }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }];
  const url = (path) => (publicUrl ? `${publicUrl.replace(/\/+$/, '')}${path}` : { 'Fn::Join': ['', path ? [...apiUrl, path] : apiUrl] });
  return {
    publicUrl: url(''),
    // The URLs to paste into the Bitrix24 application (stack outputs InstallUrl, EventsUrl).
    installUrl: url('/bitrix/install'),
    eventsUrl: url('/bitrix/events'),
    queueUrl: queueUrl ?? { Ref: 'JobsQueue' },
    dlqUrl: dlqUrl ?? { Ref: 'JobsDeadLetterQueue' },
    alarmEmail,
    alarmTopicArn,
    /** What every alarm notifies: the given topic, or the stack's AlarmTopic. */
    alarmTopic: alarmTopicArn || { Ref: 'AlarmTopic' },
    domainName,
    certificateArn,
    apiRate,
    apiBurst,
    workerConcurrency,
    logRetentionDays,
    lambdaLogLevel: LAMBDA_LOG_LEVEL[(functionEnv.LOG_LEVEL || 'info').toLowerCase()],
    protectData,
    deletionPolicy: protectData ? 'Retain' : 'Delete',
    terminationProtection,
  };
};

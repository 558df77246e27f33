/**
 * What `serverless package` puts in the CloudFormation template, read from a real run
 * (osls + serverless-esbuild, once, into a temporary folder; no AWS account needed):
 * alarms that notify someone, a protected table, throttling and concurrency, every
 * documented setting reaching the functions, the custom domain, the dashboard, access
 * logs, tags. And a bad setting failing the package with every problem listed.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config.js';
import { METRICS_NAMESPACE } from '../../lib/metrics.js';
import { main as invokeMain } from '../../infra/tools/invoke.js';

const run = promisify(execFile);
const TIMEOUT = 240_000;

interface Resource {
  Type: string;
  Properties: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string | string[];
}
interface Template {
  Resources: Record<string, Resource>;
  Outputs: Record<string, { Value: unknown }>;
}

const CERTIFICATE = 'arn:aws:acm:eu-central-1:123456789012:certificate/0f0e0d0c-1111-2222-3333-444455556666';
const baseEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  SLS_TELEMETRY_DISABLED: '1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  B24_CLIENT_ID: 'local.0123456789abcd.12345678',
};

function slsPackage(out: string, env: Record<string, string | undefined>, stage = 'prod') {
  return run('npx', ['serverless', 'package', '--stage', stage, '--package', out], {
    env: { ...baseEnv, ...env },
    timeout: TIMEOUT,
    maxBuffer: 16 * 1024 * 1024,
  });
}

let dir: string;
let template: Template;
let state: { service: { provider: Record<string, unknown> } };
const resources = (type: string) => Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sls-package-'));
  await slsPackage(dir, {
    ALARM_EMAIL: 'ops@example.com',
    DOMAIN_NAME: 'bot.example.com',
    CERTIFICATE_ARN: CERTIFICATE,
    API_THROTTLE_RATE: '40',
    API_THROTTLE_BURST: '80',
    WORKER_CONCURRENCY: '12',
    LOG_RETENTION_DAYS: '14',
    B24_RATE_PER_SECOND: '5',
    B24_RATE_BURST: '250',
  });
  template = JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8')) as Template;
  state = JSON.parse(readFileSync(join(dir, 'serverless-state.json'), 'utf8')) as typeof state;
}, TIMEOUT);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('serverless package: the template', () => {
  it('every reference points at something the template defines', () => {
    const known = new Set([...Object.keys(template.Resources), 'AWS::Region', 'AWS::URLSuffix', 'AWS::AccountId', 'AWS::Partition', 'AWS::StackName']);
    const missing: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const object = node as Record<string, unknown>;
      if (typeof object.Ref === 'string' && !known.has(object.Ref)) missing.push(object.Ref);
      const getAtt = object['Fn::GetAtt'];
      if (Array.isArray(getAtt) && !known.has(getAtt[0] as string)) missing.push(String(getAtt[0]));
      const sub = object['Fn::Sub'];
      if (typeof sub === 'string') for (const [, name] of sub.matchAll(/\$\{([^}!]+)\}/g)) if (!known.has(name!.split('.')[0]!)) missing.push(name!);
      Object.values(object).forEach(walk);
    };
    walk(template);
    expect(missing).toEqual([]);
  });

  it('alarms reach someone: an SNS topic with the e-mail subscribed, and every alarm notifies it on ALARM and OK', () => {
    expect(resources('AWS::SNS::Topic').map(([id]) => id)).toEqual(['AlarmTopic']);
    expect(template.Resources.AlarmEmailSubscription?.Properties).toEqual({ TopicArn: { Ref: 'AlarmTopic' }, Protocol: 'email', Endpoint: 'ops@example.com' });
    const alarms = resources('AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThanOrEqual(14);
    for (const [, alarm] of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: 'AlarmTopic' }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: 'AlarmTopic' }]);
      expect(alarm.Properties.AlarmDescription).toEqual(expect.any(String));
    }
  });

  it('alarms: dead letters, backlog age, Errors and Throttles of every function, API 5xx, the keep-alive job', () => {
    const alarms = Object.fromEntries(resources('AWS::CloudWatch::Alarm').map(([, alarm]) => [alarm.Properties.AlarmName as string, alarm.Properties]));
    expect(alarms['b24-openlines-bot-prod-dead-letters']).toMatchObject({ Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible' });
    expect(alarms['b24-openlines-bot-prod-jobs-backlog']).toMatchObject({ Namespace: 'AWS/SQS', MetricName: 'ApproximateAgeOfOldestMessage', Threshold: 300 });
    const functions = resources('AWS::Lambda::Function').map(([id]) => id);
    expect(functions.sort()).toEqual([
      'ChatappLambdaFunction',
      'DashboardLambdaFunction',
      'EventsLambdaFunction',
      'HealthLambdaFunction',
      'InstallLambdaFunction',
      'KeepaliveLambdaFunction',
      'PollerLambdaFunction',
      'StatsLambdaFunction',
      'WorkerLambdaFunction',
    ]);
    for (const id of functions) {
      for (const metric of ['Errors', 'Throttles']) {
        const alarm = Object.values(alarms).find((a) => a.MetricName === metric && a.Dimensions?.[0]?.Value?.Ref === id);
        expect(alarm, `${metric} alarm of ${id}`).toMatchObject({ Namespace: 'AWS/Lambda', Threshold: 1 });
      }
    }
    expect(alarms['b24-openlines-bot-prod-api-5xx']).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Dimensions: [{ Name: 'ApiId', Value: { Ref: 'HttpApi' } }],
    });
    expect(alarms['b24-openlines-bot-prod-keepalive-failed']).toMatchObject({
      Namespace: METRICS_NAMESPACE,
      MetricName: 'KeepAliveFailed',
      Dimensions: [{ Name: 'Stage', Value: 'prod' }],
    });
    expect(alarms['b24-openlines-bot-prod-keepalive-errors']).toMatchObject({ Period: 86_400 });
    expect(alarms['b24-openlines-bot-prod-client-secret-rejected']).toMatchObject({ Namespace: METRICS_NAMESPACE, MetricName: 'TokenRefreshFailed' });
  });

  it('the table is protected: deletion protection, Retain on removal and replacement; the prod stack has termination protection', () => {
    const table = template.Resources.BotTable!;
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(state.service.provider.deletionProtection).toBe(true);
  });

  it('the HTTP API throttles every route and logs every request; the worker runs at most WORKER_CONCURRENCY, all reserved', () => {
    const stage = template.Resources.HttpApiStage!.Properties;
    expect(stage.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 40, ThrottlingBurstLimit: 80 });
    expect(stage.AccessLogSettings).toMatchObject({
      DestinationArn: { 'Fn::GetAtt': ['HttpApiLogGroup', 'Arn'] },
      Format: expect.stringContaining('$context.status'),
    });
    const [, mapping] = resources('AWS::Lambda::EventSourceMapping').find(([, resource]) =>
      JSON.stringify(resource.Properties.EventSourceArn).includes('JobsQueue'),
    )!;
    expect(mapping.Properties.ScalingConfig).toEqual({ MaximumConcurrency: 12 });
    expect(template.Resources.WorkerLambdaFunction!.Properties.ReservedConcurrentExecutions).toBeGreaterThanOrEqual(12);
  });

  it('logs: JSON format, retention from LOG_RETENTION_DAYS for every log group; tags on the functions and the API', () => {
    const groups = resources('AWS::Logs::LogGroup');
    expect(groups.map(([id]) => id)).toContain('HttpApiLogGroup');
    for (const [, group] of groups) expect(group.Properties.RetentionInDays).toBe(14);
    for (const [, fn] of resources('AWS::Lambda::Function')) {
      expect(fn.Properties.LoggingConfig).toEqual({ LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'INFO' });
      expect(fn.Properties.Tags).toEqual(
        expect.arrayContaining([
          { Key: 'service', Value: 'b24-openlines-bot' },
          { Key: 'stage', Value: 'prod' },
        ]),
      );
    }
    expect(template.Resources.HttpApiStage!.Properties.Tags).toEqual({ service: 'b24-openlines-bot', stage: 'prod' });
  });

  it("every variable of the README's configuration table reaches every function, with lib/config.ts's defaults", () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('Deploy-only settings'));
    const documented = [...table.matchAll(/^\| ((?:`[A-Z0-9_]+`(?:, )?)+) \|/gm)].flatMap((match) =>
      [...match[1]!.matchAll(/`([A-Z0-9_]+)`/g)].map((name) => name[1]!),
    );
    // The local server's own, and the plain secret (AWS reads it from SSM: B24_CLIENT_SECRET_PARAM).
    const localOnly = new Set(['PORT', 'HOST', 'B24_CLIENT_SECRET']);
    const wanted = documented.filter((name) => !localOnly.has(name));
    expect(wanted).toEqual(expect.arrayContaining(['B24_TIMEOUT_MS', 'B24_RETRY_BUDGET_MS', 'B24_RATE_PER_SECOND', 'B24_RATE_BURST', 'MAX_BODY_BYTES']));
    for (const [id, fn] of resources('AWS::Lambda::Function')) {
      const env = fn.Properties.Environment.Variables as Record<string, unknown>;
      for (const name of wanted) expect(env, `${id} ${name}`).toHaveProperty(name);
      expect(env.PUBLIC_URL).toBe('https://bot.example.com');
      expect(env.QUEUE_URL).toEqual({ Ref: 'JobsQueue' });
      expect(env.DLQ_URL).toEqual({ Ref: 'JobsDeadLetterQueue' });
      // The defaults serverless.yml passes are lib/config.ts's own.
      const strings = Object.fromEntries(Object.entries(env).filter(([, value]) => typeof value === 'string')) as Record<string, string>;
      const deployed = loadConfig({ ...strings, B24_RATE_PER_SECOND: '', B24_RATE_BURST: '' });
      const defaults = loadConfig({
        B24_CLIENT_ID: strings.B24_CLIENT_ID,
        B24_CLIENT_SECRET_PARAM: strings.B24_CLIENT_SECRET_PARAM,
        TABLE_NAME: strings.TABLE_NAME,
        STAGE: 'prod',
        PUBLIC_URL: 'https://bot.example.com',
      });
      expect(deployed).toEqual(defaults);
      expect(loadConfig(strings).restRate).toEqual({ perSecond: 5, burst: 250 });
    }
  });

  it('the custom domain: its regional domain name and API mapping, and the URLs to paste into the app', () => {
    expect(template.Resources.ApiDomainName?.Properties).toEqual({
      DomainName: 'bot.example.com',
      DomainNameConfigurations: [{ CertificateArn: CERTIFICATE, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }],
    });
    expect(template.Resources.ApiDomainMapping?.Properties).toEqual({
      ApiId: { Ref: 'HttpApi' },
      DomainName: { Ref: 'ApiDomainName' },
      Stage: { Ref: 'HttpApiStage' },
    });
    expect(template.Outputs.InstallUrl?.Value).toBe('https://bot.example.com/bitrix/install');
    expect(template.Outputs.EventsUrl?.Value).toBe('https://bot.example.com/bitrix/events');
    expect(template.Outputs.ApiDomainTarget?.Value).toEqual({ 'Fn::GetAtt': ['ApiDomainName', 'RegionalDomainName'] });
    for (const name of ['JobsQueueUrl', 'JobsDeadLetterQueueUrl', 'TableName']) expect(template.Outputs).toHaveProperty(name);
  });

  it("a dashboard of the bot's metrics, the queue, the API and the functions", () => {
    const [[, dashboard]] = resources('AWS::CloudWatch::Dashboard') as [[string, Resource]];
    const body = JSON.parse(dashboard.Properties.DashboardBody['Fn::Sub'] as string) as { widgets: { type: string; properties: { metrics?: unknown[][] } }[] };
    const metrics = body.widgets.flatMap((widget) => widget.properties.metrics ?? []).map((metric) => `${metric[0]}/${metric[1]}`);
    for (const name of [
      'EventAccepted',
      'EventRefused',
      'CustomerTurn',
      'ReplyLatency',
      'RestRequest',
      'RestRateLimited',
      'RestRetry',
      'DeadLetter',
      'TokenRefresh',
      'TokenRefreshFailed',
    ]) {
      expect(metrics).toContain(`${METRICS_NAMESPACE}/${name}`);
    }
    expect(metrics).toEqual(expect.arrayContaining(['AWS/SQS/ApproximateAgeOfOldestMessage', 'AWS/ApiGateway/5xx', 'AWS/Lambda/Errors']));
    expect(body.widgets.some((widget) => widget.type === 'alarm')).toBe(true);
  });

  it("statistics from the table's stream: old and new images, dialog items only, a role that only reads the stream and adds", () => {
    const [[, table]] = resources('AWS::DynamoDB::Table') as [[string, Resource]];
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
    const mapping = resources('AWS::Lambda::EventSourceMapping')
      .map(([, resource]) => resource.Properties)
      .find((properties) => JSON.stringify(properties.EventSourceArn).includes('StreamArn'))!;
    expect(mapping).toMatchObject({ FunctionName: { 'Fn::GetAtt': ['StatsLambdaFunction', 'Arn'] }, BisectBatchOnFunctionError: true });
    expect(JSON.parse(mapping.FilterCriteria.Filters[0].Pattern as string)).toEqual({ dynamodb: { Keys: { sk: { S: [{ prefix: 'D#' }] } } } });
    const statements = template.Resources.StatsRole!.Properties.Policies[0].PolicyDocument.Statement as { Action: string[] }[];
    expect(statements.flatMap((statement) => statement.Action).sort()).toEqual(
      [
        'dynamodb:DescribeStream',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:ListStreams',
        'dynamodb:UpdateItem',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
      ].sort(),
    );
  });

  it('bundles stay small (≤ 200 KB zipped)', () => {
    for (const name of ['events', 'install', 'worker', 'keepalive', 'health', 'chatapp', 'stats', 'dashboard']) {
      expect(readFileSync(join(dir, `${name}.zip`)).length).toBeLessThanOrEqual(200 * 1024);
    }
  });
});

describe('npm run invoke: a bundle run locally, as `serverless invoke local` would', () => {
  async function invoke(argv: string[], shell: NodeJS.ProcessEnv = {}) {
    let stdout = '';
    let stderr = '';
    const code = await invokeMain(
      [...argv, '--package', dir],
      { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) },
      { PATH: process.env.PATH, ...shell },
    );
    return { code, stdout, stderr };
  }

  it(
    'runs the health bundle',
    async () => {
      const health = await invoke(['health']);
      expect(health.code).toBe(0);
      expect(JSON.parse(health.stdout)).toMatchObject({ statusCode: 200, body: '{"ok":true}' });
    },
    TIMEOUT,
  );

  it(
    "runs the events bundle with the deployment's environment; the stack's references come from the shell",
    async () => {
      const event = {
        rawPath: '/bitrix/events',
        requestContext: { http: { method: 'POST' } },
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'event=ONIMBOTMESSAGEADD',
        isBase64Encoded: false,
      };
      const withoutQueue = await invoke(['events', '--data', JSON.stringify(event)], { AWS_REGION: 'eu-central-1' });
      expect(withoutQueue).toMatchObject({ code: 1, stderr: expect.stringContaining('QUEUE_URL is not set') });
      const shell = {
        AWS_REGION: 'eu-central-1',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        QUEUE_URL: 'https://sqs.eu-central-1.amazonaws.com/123456789012/b24-openlines-bot-prod-jobs.fifo',
      };
      const refused = await invoke(['events', '--data', JSON.stringify(event)], shell);
      expect(refused.code).toBe(0);
      expect(JSON.parse(refused.stdout)).toMatchObject({ statusCode: 400, body: expect.stringContaining('member_id') });
      // Its log: the JSON line and the EMF metric, with the stage's dimension.
      expect(refused.stderr).toContain('"msg":"request refused"');
      expect(refused.stderr).toMatch(/"Stage":"prod","Reason":"MISSING_FIELD","EventRefused":1/);
    },
    TIMEOUT,
  );

  it(
    'refuses an unknown function',
    async () => {
      expect(await invoke(['nope'])).toMatchObject({ code: 2, stderr: expect.stringContaining('functions: ') });
    },
    TIMEOUT,
  );
});

describe('serverless package: a bad setting', () => {
  it(
    'fails before building anything, listing every problem at once',
    async () => {
      const out = mkdtempSync(join(tmpdir(), 'sls-package-bad-'));
      try {
        const failed = await slsPackage(
          out,
          {
            B24_CLIENT_ID: '',
            B24_TIMEOUT_MS: 'abc',
            LOG_LEVEL: 'loud',
            ALARM_EMAIL: 'nope',
            DOMAIN_NAME: 'bot.example.com',
            QUEUE_URL: 'https://sqs.eu-central-1.amazonaws.com/1/b24-openlines-bot-prod-jobs.fifo',
          },
          'dev',
        ).then(
          () => undefined,
          (error: { code: number; stdout: string; stderr: string }) => error,
        );
        expect(failed?.code).not.toBe(0);
        const output = `${failed?.stdout}${failed?.stderr}`;
        for (const problem of [
          'B24_CLIENT_ID is required',
          'B24_TIMEOUT_MS must be an integer',
          'LOG_LEVEL must be one of',
          'ALARM_EMAIL must be an e-mail address',
          'DOMAIN_NAME and CERTIFICATE_ARN go together',
          'QUEUE_URL is set in the environment to another queue',
        ]) {
          expect(output).toContain(problem);
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    TIMEOUT,
  );
});

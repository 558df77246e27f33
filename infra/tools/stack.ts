/**
 * A deployed stage's resources, for the admin CLIs' --stage/--region (dlq, portal-rate,
 * tokens, repoint). Read from the CloudFormation stack's outputs (JobsQueueUrl,
 * JobsDeadLetterQueueUrl, TableName, PublicUrl) when @aws-sdk/client-cloudformation can
 * be loaded — it is not a dependency of the bot, but osls (a dev dependency) brings it;
 * otherwise found by the names serverless.yml gives them (table
 * b24-openlines-bot-<stage>, queues by name through SQS GetQueueUrl), and PUBLIC_URL
 * must then be given.
 */
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';

export const SERVICE = 'b24-openlines-bot';
/** serverless.yml's default region. */
export const DEFAULT_REGION = 'eu-central-1';

export interface StageResources {
  readonly stage: string;
  readonly region: string;
  readonly tableName: string;
  readonly secretParam: string;
  readonly queueUrl: string;
  readonly dlqUrl: string;
  /** Unknown without the stack's outputs. */
  readonly publicUrl: string | undefined;
  /** Where these came from, for the CLI to say. */
  readonly source: 'stack outputs' | 'naming convention';
}

export const regionOf = (given: string | undefined, env: NodeJS.ProcessEnv): string => given || env.AWS_REGION || env.AWS_DEFAULT_REGION || DEFAULT_REGION;

export const isStageName = (stage: string): boolean => /^[a-zA-Z0-9-]{1,64}$/.test(stage);

interface CloudFormationModule {
  CloudFormationClient: new (config: {
    region: string;
  }) => { send(command: unknown): Promise<{ Stacks?: { Outputs?: { OutputKey?: string; OutputValue?: string }[] }[] }>; destroy(): void };
  DescribeStacksCommand: new (input: { StackName: string }) => unknown;
}

async function stackOutputs(stackName: string, region: string): Promise<Record<string, string> | undefined> {
  let cfn: CloudFormationModule;
  try {
    const name = '@aws-sdk/client-cloudformation'; // not a dependency of ours: optional
    cfn = (await import(name)) as CloudFormationModule;
  } catch {
    return undefined;
  }
  const client = new cfn.CloudFormationClient({ region });
  try {
    const answer = await client.send(new cfn.DescribeStacksCommand({ StackName: stackName }));
    const outputs: Record<string, string> = {};
    for (const output of answer.Stacks?.[0]?.Outputs ?? []) if (output.OutputKey && output.OutputValue) outputs[output.OutputKey] = output.OutputValue;
    return outputs;
  } finally {
    client.destroy();
  }
}

async function queueUrlByName(client: SQSClient, name: string): Promise<string> {
  const { QueueUrl } = await client.send(new GetQueueUrlCommand({ QueueName: name }));
  if (!QueueUrl) throw new Error(`queue ${name} not found`);
  return QueueUrl;
}

export async function stageResources(stage: string, region: string): Promise<StageResources> {
  const prefix = `${SERVICE}-${stage}`;
  const base = { stage, region, tableName: prefix, secretParam: `/${SERVICE}/${stage}/client-secret` };
  const outputs = await stackOutputs(prefix, region);
  if (outputs?.JobsQueueUrl && outputs.JobsDeadLetterQueueUrl) {
    return {
      ...base,
      tableName: outputs.TableName ?? prefix,
      queueUrl: outputs.JobsQueueUrl,
      dlqUrl: outputs.JobsDeadLetterQueueUrl,
      publicUrl: outputs.PublicUrl,
      source: 'stack outputs',
    };
  }
  const sqs = new SQSClient({ region });
  try {
    const [queueUrl, dlqUrl] = await Promise.all([queueUrlByName(sqs, `${prefix}-jobs.fifo`), queueUrlByName(sqs, `${prefix}-jobs-dlq.fifo`)]);
    return { ...base, queueUrl, dlqUrl, publicUrl: undefined, source: 'naming convention' };
  } finally {
    sqs.destroy();
  }
}

/** The options every admin CLI shares: where to act (npm start's stack or a stage) and how to report. */
export const targetOptions = {
  local: { type: 'string' },
  stage: { type: 'string' },
  region: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const isHttpUrl = (value: string): boolean => /^https?:\/\/[^/]/.test(value);

/** What is wrong with the target options, if anything: the same rules and words in every CLI. */
export function targetError(values: { local?: string | undefined; stage?: string | undefined; region?: string | undefined }): string | undefined {
  if (values.local !== undefined && !isHttpUrl(values.local)) return `--local needs an http(s) URL, not ${values.local}`;
  if (values.local !== undefined && (values.stage !== undefined || values.region !== undefined)) return '--local excludes --stage and --region';
  if (values.stage !== undefined && !isStageName(values.stage)) return `--stage: not a stage name: ${values.stage}`;
  if (values.region !== undefined && values.stage === undefined) return '--region goes with --stage';
  return undefined;
}

/**
 * The environment a tool that runs the bot's own code against a stage needs: the stage's
 * table, its client secret's SSM parameter and its region, unless the caller set them.
 */
export function stageEnv(env: NodeJS.ProcessEnv, stage: string | undefined, region: string | undefined): NodeJS.ProcessEnv {
  if (!stage) return env;
  return {
    ...env,
    TABLE_NAME: env.TABLE_NAME || `${SERVICE}-${stage}`,
    AWS_REGION: regionOf(region, env),
    ...(!env.B24_CLIENT_SECRET && !env.B24_CLIENT_SECRET_PARAM ? { B24_CLIENT_SECRET_PARAM: `/${SERVICE}/${stage}/client-secret` } : {}),
  };
}

/** What such a tool still lacks, in words for the admin; undefined when nothing is. */
export function missingAwsEnv(env: NodeJS.ProcessEnv, names: readonly string[]): string | undefined {
  const missing = names.filter((name) => !env[name]);
  if (!env.AWS_REGION && !env.AWS_DEFAULT_REGION) missing.push('AWS_REGION');
  if (!env.B24_CLIENT_SECRET && !env.B24_CLIENT_SECRET_PARAM) missing.push('B24_CLIENT_SECRET_PARAM (or --stage)');
  return missing.length > 0 ? `${missing.join(', ')} not set (or use --local URL for the npm start stack)` : undefined;
}

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

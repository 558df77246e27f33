/**
 * The SQS client for the worker's rare paths (dead-lettering, retry delays), loaded on
 * first use from the SDK the Lambda runtime provides, so it is not in the worker's bundle
 * and costs nothing at cold start (serverless.yml leaves `@aws-sdk/client-sqs` external
 * for the worker).
 */
import { createRequire } from 'node:module';

export type SqsModule = typeof import('@aws-sdk/client-sqs');

export function runtimeSqs(region: string): () => { sqs: SqsModule; client: InstanceType<SqsModule['SQSClient']> } {
  let loaded: { sqs: SqsModule; client: InstanceType<SqsModule['SQSClient']> } | undefined;
  return () => {
    if (!loaded) {
      const moduleName = '@aws-sdk/client-sqs';
      const sqs = createRequire(import.meta.url)(moduleName) as SqsModule;
      loaded = { sqs, client: new sqs.SQSClient({ region }) };
    }
    return loaded;
  };
}

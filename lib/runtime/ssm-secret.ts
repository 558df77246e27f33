/**
 * B24_CLIENT_SECRET from SSM Parameter Store (a SecureString), read at run time so the
 * secret is never in the function's configuration. The SSM client is loaded on first
 * use only (a token refresh), with `require` from the AWS SDK the Lambda runtime
 * provides (on its NODE_PATH); it is not in the bundle and costs nothing at cold start.
 */
import { createRequire } from 'node:module';

type SsmModule = typeof import('@aws-sdk/client-ssm');

export async function ssmSecret(name: string, region: string): Promise<string> {
  const moduleName = '@aws-sdk/client-ssm';
  const { SSMClient, GetParameterCommand } = createRequire(import.meta.url)(moduleName) as SsmModule;
  const client = new SSMClient({ region });
  try {
    const answer = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
    const value = answer.Parameter?.Value;
    if (!value) throw new Error(`SSM parameter ${name} is empty`);
    return value;
  } finally {
    client.destroy();
  }
}

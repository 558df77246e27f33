/**
 * B24_CLIENT_SECRET from SSM Parameter Store (a SecureString), read at run time so the
 * secret is never in the function's configuration. The SSM client is loaded on first
 * use only (a token refresh), from the AWS SDK that the Lambda runtime provides; it is
 * not in the bundle and costs nothing at cold start.
 */
export async function ssmSecret(name: string, region: string): Promise<string> {
  const moduleName = '@aws-sdk/client-ssm';
  const { SSMClient, GetParameterCommand } = (await import(/* @vite-ignore */ moduleName)) as typeof import('@aws-sdk/client-ssm');
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

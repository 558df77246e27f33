/**
 * The DynamoDB document client, created once per process. Region and endpoint come
 * from config (the local stack points the endpoint at dynalite on loopback).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DbOptions {
  readonly region: string;
  readonly endpoint?: string | undefined;
  /** Called once per request on the wire (retries included), with the command's name and input. */
  readonly onCall?: (command: string, input: Readonly<Record<string, unknown>>) => void;
}

export function createDb(options: DbOptions): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: 3,
  });
  if (options.onCall) {
    const onCall = options.onCall;
    // The deserialize step runs once per HTTP attempt: this counts round trips, not API calls.
    client.middlewareStack.add(
      (next, context) => (args) => {
        onCall(context.commandName ?? 'unknown', (args.input ?? {}) as Record<string, unknown>);
        return next(args);
      },
      { step: 'deserialize', name: 'countRoundTrips' },
    );
  }
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

export type Db = DynamoDBDocumentClient;

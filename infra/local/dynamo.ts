/**
 * The embedded DynamoDB for `npm start`, tests and benchmarks: dynalite in memory on a
 * loopback port, speaking the real wire protocol, so the real AWS SDK is exercised.
 * Tables are created from infra/table.yml (keys and indexes), the same definition
 * serverless.yml deploys.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { parse } from 'yaml';

const TABLE_FILE = new URL('../table.yml', import.meta.url);

export interface LocalDynamo {
  readonly endpoint: string;
  createTable(name: string): Promise<string>;
  close(): Promise<void>;
}

/** KeySchema, AttributeDefinitions and indexes exactly as deployed. */
export function tableDefinition(name: string): CreateTableCommandInput {
  const doc = parse(readFileSync(TABLE_FILE, 'utf8'), { logLevel: 'silent' }) as {
    Resources: { BotTable: { Properties: Pick<CreateTableCommandInput, 'AttributeDefinitions' | 'KeySchema' | 'BillingMode' | 'GlobalSecondaryIndexes'> } };
  };
  const properties = doc.Resources.BotTable.Properties;
  return {
    TableName: name,
    AttributeDefinitions: properties.AttributeDefinitions,
    KeySchema: properties.KeySchema,
    BillingMode: properties.BillingMode,
    ...(properties.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: properties.GlobalSecondaryIndexes } : {}),
  };
}

export async function startLocalDynamo(port = 0): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return {
    endpoint,
    async createTable(name) {
      await client.send(new CreateTableCommand(tableDefinition(name)));
      return name;
    },
    async close() {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

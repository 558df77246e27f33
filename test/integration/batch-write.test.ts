/**
 * lib/store/batch-write.ts against real dynalite: more requests than one BatchWriteItem
 * takes (25) are all written, and deletes of the same keys remove them all.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { writeAllInBatches } from '../../lib/store/batch-write.js';
import { useStack } from '../helpers/stack.js';

const t = useStack();

const count = async (pk: string) =>
  (await t.stack.db.send(new QueryCommand({ TableName: t.stack.stats.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } })))
    .Count;

describe('writeAllInBatches', () => {
  it('writes and deletes 61 items, three BatchWriteItem calls each way', async () => {
    const pk = 'P#batch-write-test';
    const keys = Array.from({ length: 61 }, (_, i) => ({ pk, sk: `X#${String(i).padStart(3, '0')}` }));
    const before = t.stack.dbCalls.BatchWriteItemCommand ?? 0;
    await writeAllInBatches(
      t.stack.db,
      t.stack.stats.table,
      keys.map((key) => ({ PutRequest: { Item: { ...key, n: 1 } } })),
    );
    expect(await count(pk)).toBe(61);
    await writeAllInBatches(
      t.stack.db,
      t.stack.stats.table,
      keys.map((key) => ({ DeleteRequest: { Key: key } })),
    );
    expect(await count(pk)).toBe(0);
    expect((t.stack.dbCalls.BatchWriteItemCommand ?? 0) - before).toBe(6);
  });

  it('writes nothing for no requests', async () => {
    const before = t.stack.dbCalls.BatchWriteItemCommand ?? 0;
    await writeAllInBatches(t.stack.db, t.stack.stats.table, []);
    expect((t.stack.dbCalls.BatchWriteItemCommand ?? 0) - before).toBe(0);
  });
});

/**
 * The keep-alive job's view of the table: which portals hold a pair stored before a
 * cutoff (the sparse TokensByAge index, infra/table.yml), and marking a portal whose
 * pair the OAuth server refused. One Query per page, never a Scan: the job reads only
 * the old end of the index, however many portals are installed.
 */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db.js';
import { conditionHeld } from './errors.js';
import { keys, tokenIndex } from './keys.js';
import type { TokenProblem } from './portals.js';

export interface StalePage {
  /** Oldest first. */
  readonly memberIds: readonly string[];
  /** Pass back to get the next page; undefined on the last one. */
  readonly next: Record<string, unknown> | undefined;
}

/**
 * Token ages (DynamoDB: createTokenAgeStore; in memory: lib/store/memory/token-ages.ts; both
 * held to test/contracts/token-ages.ts).
 */
export interface TokenAgeStore {
  /** Active portals whose pair was last stored before `cutoffMs`, oldest first, `limit` at a time. */
  storedBefore(cutoffMs: number, limit: number, start?: Record<string, unknown>): Promise<StalePage>;
  /**
   * Records that the OAuth server refused the pair at `version` and takes the portal out
   * of the index, so it is not asked again every day (a new install or update stores a
   * new pair and puts it back). false when the pair changed meanwhile: not refused then.
   */
  markTokenProblem(memberId: string, version: number, problem: TokenProblem): Promise<boolean>;
}

export function createTokenAgeStore(db: Db, table: string): TokenAgeStore {
  return {
    async storedBefore(cutoffMs, limit, start) {
      const page = await db.send(
        new QueryCommand({
          TableName: table,
          IndexName: tokenIndex.name,
          KeyConditionExpression: 'tokensShard = :shard AND tokensRefreshedAt < :cutoff',
          ExpressionAttributeValues: { ':shard': tokenIndex.shard, ':cutoff': cutoffMs },
          Limit: limit,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      const memberIds = (page.Items ?? []).map((item) => String(item.pk).replace(/^P#/, ''));
      return { memberIds, next: page.LastEvaluatedKey };
    },

    markTokenProblem(memberId, version, problem) {
      return conditionHeld(() =>
        db.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.portal(memberId),
            UpdateExpression: 'SET tokenProblem = :problem REMOVE tokensShard',
            ConditionExpression: 'tokenVersion = :v AND #status = :active',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':problem': problem, ':v': version, ':active': 'active' },
          }),
        ),
      );
    },
  };
}

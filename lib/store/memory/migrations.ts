/**
 * The migration's conditional writes on the portal item, in memory (held to
 * test/contracts/migration-store.ts with the DynamoDB store).
 */
import { keys } from '../keys.js';
import type { MigrationStore } from '../migrations.js';
import type { Item, MemoryTable } from './table.js';

export function createMemoryMigrationStore(table: MemoryTable): MigrationStore {
  /** Applies `change` to the portal item iff `holds`; false (nothing written) otherwise. */
  const conditional = (memberId: string, holds: (found: Item) => boolean, change: (found: Item) => Item): boolean => {
    const { pk, sk } = keys.portal(memberId);
    const found = table.get(pk, sk);
    if (!found || !holds(found)) return false;
    table.put({ ...change(found), pk, sk });
    return true;
  };
  const activeAt = (found: Item, botId: number) => found.status === 'active' && found.botId === botId;

  return {
    async markPending(memberId, v1BotId, pending, now) {
      return conditional(
        memberId,
        (found) => activeAt(found, v1BotId) && (found.botApi === undefined || found.botApi === 'v1'),
        (found) => ({ ...found, migration: pending, updatedAt: now }),
      );
    },

    async switchToV2(memberId, v1BotId, pending, now) {
      return conditional(
        memberId,
        (found) => activeAt(found, v1BotId) && (found.migration as { botId?: unknown } | undefined)?.botId === pending.botId,
        ({ migration: _m, ...found }) => ({ ...found, botApi: 'v2', botId: pending.botId, botCode: pending.botCode, retiredBotId: v1BotId, updatedAt: now }),
      );
    },

    async retire(memberId, v1BotId, now) {
      return conditional(
        memberId,
        (found) => found.retiredBotId === v1BotId,
        ({ retiredBotId: _r, ...found }) => ({ ...found, updatedAt: now }),
      );
    },
  };
}

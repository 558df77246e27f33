/**
 * Moving a V1 portal to Chatbots 2.0 (`npm run migrate-v2`, lib/app/migrate-v2.ts), as
 * conditional writes on the portal item, so a re-install, an uninstall or a second switch in
 * between never gets mixed up with it:
 * - pending: the V2 bot is registered beside the V1 bot, which still serves the portal;
 * - switched: the V2 bot is the portal's bot; the V1 bot (retiredBotId) still answers the
 *   chats it already has, until --finish unregisters it;
 * - finished: retiredBotId is gone.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db.js';
import { conditionHeld } from './errors.js';
import { keys } from './keys.js';

export interface PendingMigration {
  /** The Chatbots 2.0 bot registered beside the V1 one. */
  readonly botId: number;
  readonly botCode: string;
  /** ms */
  readonly startedAt: number;
}

/**
 * The migration's writes on the portal item (DynamoDB: createMigrationStore; in memory:
 * lib/store/memory/migrations.ts; both held to test/contracts/migration-store.ts). Each is
 * conditional; false means the portal is not where the step expects it.
 */
export interface MigrationStore {
  /** false when the portal is not an active V1 portal served by `v1BotId` any more. */
  markPending(memberId: string, v1BotId: number, pending: PendingMigration, now: number): Promise<boolean>;
  /** The switch: the pending V2 bot becomes the portal's bot, the V1 bot is retired. false: already switched (or changed). */
  switchToV2(memberId: string, v1BotId: number, pending: PendingMigration, now: number): Promise<boolean>;
  /** The V1 bot is unregistered: the portal no longer serves its chats. false: it was not the retired bot. */
  retire(memberId: string, v1BotId: number, now: number): Promise<boolean>;
}

export function createMigrationStore(db: Db, table: string): MigrationStore {
  return {
    markPending(memberId, v1BotId, pending, now) {
      return conditionHeld(() =>
        db.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.portal(memberId),
            UpdateExpression: 'SET migration = :pending, updatedAt = :now',
            ConditionExpression: '#status = :active AND botId = :v1 AND (attribute_not_exists(botApi) OR botApi = :api)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pending': pending, ':now': now, ':active': 'active', ':v1': v1BotId, ':api': 'v1' },
          }),
        ),
      );
    },

    switchToV2(memberId, v1BotId, pending, now) {
      return conditionHeld(() =>
        db.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.portal(memberId),
            UpdateExpression: 'SET botApi = :v2, botId = :bot, botCode = :code, retiredBotId = :v1, updatedAt = :now REMOVE migration',
            ConditionExpression: '#status = :active AND botId = :v1 AND migration.botId = :bot',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':v2': 'v2', ':bot': pending.botId, ':code': pending.botCode, ':v1': v1BotId, ':now': now, ':active': 'active' },
          }),
        ),
      );
    },

    retire(memberId, v1BotId, now) {
      return conditionHeld(() =>
        db.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.portal(memberId),
            UpdateExpression: 'SET updatedAt = :now REMOVE retiredBotId',
            ConditionExpression: 'retiredBotId = :v1',
            ExpressionAttributeValues: { ':v1': v1BotId, ':now': now },
          }),
        ),
      );
    },
  };
}

/**
 * A portal's waiting room, in DynamoDB (issue 17): the chats whose claimed outbox waits
 * for the portal's REST budget, one item each next to the portal's other items
 * (pk P#<member_id>, sk W#<botId>#<dialogId>: a dialog has at most one outbox in flight).
 * Whoever gets the portal's next slot — on any worker — takes the waiting chats and sends
 * the next step of each in one shared batch (lib/app/wait-together.ts), instead of every
 * worker spending a slot of its own.
 *
 * An entry moves waiting → taken (one sender at a time: a conditional update) → done |
 * more | failed | yours, written by the sender; its owner (the worker whose job it is)
 * reads it and removes it. Every move is conditional on the state it expects, so an owner
 * that gives up waiting and a sender that takes the entry can't both win.
 */
import { BatchGetCommand, DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { writeAllInBatches } from '../store/batch-write.js';
import type { Db } from '../store/db.js';
import { conditionHeld } from '../store/errors.js';
import { portalPk } from '../store/keys.js';

export type EntryState = 'waiting' | 'taken' | 'done' | 'more' | 'failed' | 'yours';

export interface WaitingChat {
  readonly botId: number;
  readonly dialogId: string;
  readonly jobId: string;
}

export interface WaitingEntry extends WaitingChat {
  readonly state: EntryState;
  readonly takenAt?: number;
  readonly reason?: string;
  readonly permanent?: boolean;
  /** Retryable failures so far: the first one's time, and when the next try may go out (backoff, OPERATION_TIME_LIMIT's release). */
  readonly failures?: number;
  readonly failingSince?: number;
  readonly notBefore?: number;
}

/** The sender's verdict on an entry it took. */
export interface Verdict {
  readonly state: 'waiting' | 'done' | 'more' | 'failed' | 'yours';
  readonly reason?: string;
  readonly permanent?: boolean;
  /** For `waiting` after a retryable failure. */
  readonly retry?: { readonly failingSince: number; readonly notBefore: number; readonly failures: number };
}

export interface WaitingRoom {
  enter(memberId: string, chats: readonly WaitingChat[], now: number): Promise<void>;
  /** Takes up to `limit` waiting entries for one send (oldest first). */
  take(memberId: string, limit: number, now: number): Promise<WaitingEntry[]>;
  /** The sender's verdict on an entry it took. */
  settle(memberId: string, entry: WaitingEntry, outcome: Verdict): Promise<void>;
  read(memberId: string, chats: readonly WaitingChat[]): Promise<(WaitingEntry | undefined)[]>;
  /** `more` → `waiting` again (the chat's next step waits for the next send). */
  requeue(memberId: string, chat: WaitingChat): Promise<boolean>;
  /** Removes the entry if it is still in `state` (and, for `taken`, taken at `takenAt`). */
  leave(memberId: string, chat: WaitingChat, state: EntryState, takenAt?: number): Promise<boolean>;
}

const sk = (chat: Pick<WaitingChat, 'botId' | 'dialogId'>) => `W#${chat.botId}#${chat.dialogId}`;
/** A crashed owner's entry disappears by itself (the table's TTL attribute). */
const TTL_S = 3_600;

export function createWaitingRoom(db: Db, table: string): WaitingRoom {
  const key = (memberId: string, chat: Pick<WaitingChat, 'botId' | 'dialogId'>) => ({ pk: portalPk(memberId), sk: sk(chat) });
  const entryOf = (item: Record<string, unknown>): WaitingEntry => ({
    botId: Number(item.botId),
    dialogId: String(item.dialogId),
    jobId: String(item.jobId),
    state: item.state as EntryState,
    ...(typeof item.takenAt === 'number' ? { takenAt: item.takenAt } : {}),
    ...(typeof item.reason === 'string' ? { reason: item.reason } : {}),
    ...(item.permanent === true ? { permanent: true } : {}),
    ...(typeof item.failures === 'number' ? { failures: item.failures } : {}),
    ...(typeof item.failingSince === 'number' ? { failingSince: item.failingSince } : {}),
    ...(typeof item.notBefore === 'number' ? { notBefore: item.notBefore } : {}),
  });

  return {
    async enter(memberId, chats, now) {
      // One round trip for a worker's chats (at most 10 per invocation; 25 per BatchWrite).
      const requests = chats.map((chat) => ({
        PutRequest: {
          Item: {
            ...key(memberId, chat),
            botId: chat.botId,
            dialogId: chat.dialogId,
            jobId: chat.jobId,
            state: 'waiting',
            at: now,
            ttl: Math.floor(now / 1000) + TTL_S,
          },
        },
      }));
      await writeAllInBatches(db, table, requests);
    },

    async take(memberId, limit, now) {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :w)',
          FilterExpression: '#state = :waiting AND (attribute_not_exists(notBefore) OR notBefore <= :now)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':pk': portalPk(memberId), ':w': 'W#', ':waiting': 'waiting', ':now': now },
          ConsistentRead: true,
        }),
      );
      const oldest = Items.map((item) => ({ entry: entryOf(item), at: Number(item.at) }))
        .sort((a, b) => a.at - b.at)
        .slice(0, limit);
      const taken = await Promise.all(
        oldest.map(async ({ entry }) =>
          (await conditionHeld(() =>
            db.send(
              new UpdateCommand({
                TableName: table,
                Key: key(memberId, entry),
                UpdateExpression: 'SET #state = :taken, takenAt = :now',
                ConditionExpression: '#state = :waiting AND jobId = :job',
                ExpressionAttributeNames: { '#state': 'state' },
                ExpressionAttributeValues: { ':taken': 'taken', ':now': now, ':waiting': 'waiting', ':job': entry.jobId },
              }),
            ),
          ))
            ? ({ ...entry, state: 'taken', takenAt: now } as WaitingEntry)
            : undefined,
        ),
      );
      return taken.filter((entry): entry is WaitingEntry => entry !== undefined);
    },

    async settle(memberId, entry, outcome) {
      const set = ['#state = :state'];
      const values: Record<string, unknown> = { ':state': outcome.state, ':taken': 'taken', ':at': entry.takenAt ?? 0, ':job': entry.jobId };
      if (outcome.reason) set.push('reason = :reason'), (values[':reason'] = outcome.reason.slice(0, 500));
      if (outcome.permanent) set.push('permanent = :yes'), (values[':yes'] = true);
      if (outcome.retry) {
        set.push('failures = :failures', 'failingSince = :since', 'notBefore = :notBefore');
        Object.assign(values, { ':failures': outcome.retry.failures, ':since': outcome.retry.failingSince, ':notBefore': outcome.retry.notBefore });
      }
      await conditionHeld(() =>
        db.send(
          new UpdateCommand({
            TableName: table,
            Key: key(memberId, entry),
            UpdateExpression: `SET ${set.join(', ')} REMOVE takenAt`,
            ConditionExpression: '#state = :taken AND takenAt = :at AND jobId = :job',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: values,
          }),
        ),
      );
    },

    async read(memberId, chats) {
      if (chats.length === 0) return [];
      const { Responses } = await db.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: chats.map((chat) => key(memberId, chat)), ConsistentRead: true } } }),
      );
      const found = new Map((Responses?.[table] ?? []).map((item) => [String(item.sk), entryOf(item)]));
      // An entry of an older job of the same chat is not this one's.
      return chats.map((chat) => {
        const entry = found.get(sk(chat));
        return entry && entry.jobId === chat.jobId ? entry : undefined;
      });
    },

    requeue: (memberId, chat) =>
      conditionHeld(() =>
        db.send(
          new UpdateCommand({
            TableName: table,
            Key: key(memberId, chat),
            UpdateExpression: 'SET #state = :waiting',
            ConditionExpression: '#state = :more AND jobId = :job',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':waiting': 'waiting', ':more': 'more', ':job': chat.jobId },
          }),
        ),
      ),

    leave: (memberId, chat, state, takenAt) =>
      conditionHeld(() =>
        db.send(
          new DeleteCommand({
            TableName: table,
            Key: key(memberId, chat),
            ConditionExpression: `#state = :state AND jobId = :job${takenAt !== undefined ? ' AND takenAt = :at' : ''}`,
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':state': state, ':job': chat.jobId, ...(takenAt !== undefined ? { ':at': takenAt } : {}) },
          }),
        ),
      ),
  };
}

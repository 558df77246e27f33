/**
 * Dialog state items: the menu state, a version for optimistic concurrency, the ids
 * of recently handled messages (de-duplication rides on the same conditional write
 * as the transition, so "handled" and "moved on" can never disagree), and the outbox
 * of REST steps the transition decided on.
 */
import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DialogState } from '../menu/state.js';
import type { Db } from './db.js';
import { ConcurrentUpdateError, isConditionFailure } from './errors.js';
import { keys } from './keys.js';
import { portalFromItem, type PortalRecord } from './portals.js';

/** One REST call the bot decided to make, in order. */
export interface Step {
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface Outbox {
  /** The event (message id or join key) these steps answer. */
  readonly eventId: string;
  /** The job that owns them: only a retry of that job resumes them. */
  readonly jobId: string;
  readonly steps: readonly Step[];
  /** Steps already done (recorded after a partial failure). */
  readonly done: number;
  /** Until then (ms) the owner is presumed to be working on them. */
  readonly claimedUntil: number;
}

export interface DialogRecord {
  readonly state: DialogState | undefined;
  readonly processed: readonly string[];
  readonly outbox: Outbox | undefined;
  /** undefined: no item yet (the next write must create it). */
  readonly version: number | undefined;
  /**
   * The Open Line the dialog came in on (CHAT_ENTITY_ID), once an event said so: the chat
   * app and "give back" jobs know only the dialog, and the statistics count per line.
   */
  readonly lineId?: string | undefined;
}

export interface DialogKey {
  readonly memberId: string;
  readonly botId: number;
  readonly dialogId: string;
}

/** The turn's transition as the worker decided it (lib/app/turn/commit-turn.ts). */
export interface Transition {
  readonly state: DialogState;
  readonly eventId: string;
  readonly outbox: Outbox | undefined;
  /** Unix seconds after which DynamoDB may delete the item. */
  readonly ttlSeconds: number;
  /** The Open Line, once an event named it (kept from `expected` otherwise). */
  readonly lineId?: string | undefined;
}

/**
 * The dialog store (DynamoDB: createDialogStore; in memory: lib/store/memory/dialogs.ts;
 * both held to test/contracts/dialog-store.ts). Every write is conditional on the
 * version read; losing it is ConcurrentUpdateError.
 */
export interface DialogStore {
  /** The dialog as of now (consistent read); an item past its ttl reads as empty but keeps its version. */
  get(key: DialogKey, nowMs: number): Promise<DialogRecord>;
  /** The portal and the dialog in one round trip (BatchGetItem), for a cold portal cache. */
  getWithPortal(key: DialogKey, nowMs: number): Promise<{ portal: PortalRecord | undefined; dialog: DialogRecord }>;
  /**
   * The transition: new state + handled event id + outbox, iff the item is still at
   * `expected.version` (absent when that is undefined).
   */
  save(key: DialogKey, expected: DialogRecord, next: Transition): Promise<DialogRecord>;
  /**
   * The portal refused a step because the chat has moved on: the state says so and the
   * outbox is closed (nothing of it is sent again), iff the item is still at `version`.
   * Returns the new version.
   */
  closeOutbox(key: DialogKey, version: number, outbox: Outbox, state: DialogState): Promise<number>;
  /** Records outbox progress (after a partial failure, or a claim for a retry) iff the item is at `version` and has an outbox; returns the new version. */
  progress(key: DialogKey, version: number, outbox: Outbox, done: number, claimedUntil: number): Promise<number>;
}

/** How many handled event ids a dialog remembers. Bitrix duplicates arrive within seconds. */
export const PROCESSED_LIMIT = 50;

/*
 * Item layout: the state, the outbox and the handled ids are stored as JSON strings, not
 * as nested maps: the dialog is always read and written whole, and one string attribute
 * costs a fraction of the (un)marshalling CPU of dozens of nested attributes, on both
 * sides of the wire (measured by npm run bench).
 */
export const json = (value: unknown): string | undefined => (value === undefined ? undefined : JSON.stringify(value));
function parsed<T>(value: unknown): T | undefined {
  if (typeof value !== 'string') return value as T | undefined; // items written before this layout
  return JSON.parse(value) as T;
}

/** The handled ids after `eventId`: the newest PROCESSED_LIMIT, each once. */
export const handledIds = (expected: DialogRecord, eventId: string): string[] =>
  [...expected.processed.filter((id) => id !== eventId), eventId].slice(-PROCESSED_LIMIT);

const EMPTY: DialogRecord = { state: undefined, processed: [], outbox: undefined, version: undefined };

/** A stored item as a DialogRecord (the in-memory store keeps the same layout). */
export function dialogFromItem(item: Record<string, unknown> | undefined, nowMs: number): DialogRecord {
  if (!item) return EMPTY;
  const version = Number(item.version);
  // DynamoDB deletes expired items lazily (up to days later): an expired item is absent,
  // but its version still guards the next write.
  if (typeof item.ttl === 'number' && item.ttl * 1000 <= nowMs) return { ...EMPTY, version };
  const raw = item.outbox;
  let outbox: Outbox | undefined | null = null;
  return {
    ...(typeof item.line === 'string' ? { lineId: item.line } : {}),
    state: parsed<DialogState>(item.state),
    processed: typeof item.processed === 'string' ? (item.processed ? item.processed.split(',') : []) : ((item.processed as string[] | undefined) ?? []),
    // Needed only when a retry resumes it: parsed on first use, not on every read.
    get outbox() {
      if (outbox === null) outbox = parsed<Outbox>(raw);
      return outbox;
    },
    version,
  };
}

export function createDialogStore(db: Db, table: string): DialogStore {
  return {
    async get(key, nowMs) {
      const { Item } = await db.send(new GetCommand({ TableName: table, Key: keys.dialog(key.memberId, key.botId, key.dialogId), ConsistentRead: true }));
      return dialogFromItem(Item, nowMs);
    },

    async getWithPortal(key, nowMs) {
      const wanted = [keys.portal(key.memberId), keys.dialog(key.memberId, key.botId, key.dialogId)];
      const found: Record<string, unknown>[] = [];
      let request: Record<string, unknown>[] = wanted;
      for (let attempt = 0; request.length > 0; attempt++) {
        if (attempt > 6) throw new Error('DynamoDB kept keys unprocessed');
        const result = await db.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: request, ConsistentRead: true } } }));
        found.push(...(result.Responses?.[table] ?? []));
        request = (result.UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, unknown>[];
        if (request.length > 0) await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
      }
      const portalItem = found.find((item) => item.sk === 'PORTAL');
      const dialogItem = found.find((item) => item.sk !== 'PORTAL');
      return { portal: portalItem ? portalFromItem(portalItem) : undefined, dialog: dialogFromItem(dialogItem, nowMs) };
    },

    async save(key, expected, next) {
      const lineId = next.lineId ?? expected.lineId;
      const processed = handledIds(expected, next.eventId);
      const version = (expected.version ?? 0) + 1;
      try {
        await db.send(
          new PutCommand({
            TableName: table,
            Item: {
              ...keys.dialog(key.memberId, key.botId, key.dialogId),
              state: json(next.state),
              processed: processed.join(','), // event ids have no commas (m<MESSAGE_ID>, j<ts>-<digest>)
              ...(next.outbox ? { outbox: json(next.outbox) } : {}),
              ...(lineId ? { line: lineId } : {}),
              version,
              ttl: next.ttlSeconds,
            },
            ConditionExpression: expected.version === undefined ? 'attribute_not_exists(pk)' : 'version = :v',
            ...(expected.version === undefined ? {} : { ExpressionAttributeValues: { ':v': expected.version } }),
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new ConcurrentUpdateError(`dialog ${key.dialogId}`, { cause: error });
        throw error;
      }
      return { state: next.state, processed, outbox: next.outbox, version, ...(lineId ? { lineId } : {}) };
    },

    async closeOutbox(key, version, outbox, state) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.dialog(key.memberId, key.botId, key.dialogId),
            UpdateExpression: 'SET outbox = :o, #state = :s, version = :next',
            ConditionExpression: 'version = :v',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: {
              ':o': json({ ...outbox, done: outbox.steps.length, claimedUntil: 0 }),
              ':s': json(state),
              ':v': version,
              ':next': version + 1,
            },
          }),
        );
        return version + 1;
      } catch (error) {
        if (isConditionFailure(error)) throw new ConcurrentUpdateError(`dialog ${key.dialogId}`, { cause: error });
        throw error;
      }
    },

    async progress(key, version, outbox, done, claimedUntil) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.dialog(key.memberId, key.botId, key.dialogId),
            UpdateExpression: 'SET outbox = :o, version = :next',
            ConditionExpression: 'version = :v AND attribute_exists(outbox)',
            ExpressionAttributeValues: { ':o': json({ ...outbox, done, claimedUntil }), ':v': version, ':next': version + 1 },
          }),
        );
        return version + 1;
      } catch (error) {
        if (isConditionFailure(error)) throw new ConcurrentUpdateError(`outbox of ${key.dialogId}`, { cause: error });
        throw error;
      }
    },
  };
}

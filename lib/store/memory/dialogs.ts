/**
 * The dialog store in memory: the same item layout and reader as the DynamoDB store, the
 * same version conditions (held to the same contract: test/contracts/dialog-store.ts).
 */
import { type DialogKey, type DialogStore, dialogFromItem, handledIds, json, type Outbox } from '../dialogs.js';
import { ConcurrentUpdateError } from '../errors.js';
import { keys } from '../keys.js';
import { portalFromItem } from '../portals.js';
import type { Item, MemoryTable } from './table.js';

export function createMemoryDialogStore(table: MemoryTable): DialogStore {
  const keyOf = (key: DialogKey) => keys.dialog(key.memberId, key.botId, key.dialogId);
  const item = (key: DialogKey): Item | undefined => {
    const { pk, sk } = keyOf(key);
    return table.get(pk, sk);
  };
  /** The item iff it is at `version` (and, for progress, still has an outbox). */
  const at = (key: DialogKey, version: number, what: string, needsOutbox = false): Item => {
    const found = item(key);
    if (!found || found.version !== version || (needsOutbox && found.outbox === undefined)) throw new ConcurrentUpdateError(what);
    return found;
  };
  const progressed = (outbox: Outbox, done: number, claimedUntil: number) => json({ ...outbox, done, claimedUntil });

  return {
    async get(key, nowMs) {
      return dialogFromItem(item(key), nowMs);
    },

    async getWithPortal(key, nowMs) {
      const portal = table.get(keys.portal(key.memberId).pk, 'PORTAL');
      return { portal: portal ? portalFromItem(portal) : undefined, dialog: dialogFromItem(item(key), nowMs) };
    },

    async save(key, expected, next) {
      const found = item(key);
      const holds = expected.version === undefined ? found === undefined : found?.version === expected.version;
      if (!holds) throw new ConcurrentUpdateError(`dialog ${key.dialogId}`);
      const lineId = next.lineId ?? expected.lineId;
      const processed = handledIds(expected, next.eventId);
      const version = (expected.version ?? 0) + 1;
      table.put({
        ...keyOf(key),
        state: json(next.state),
        processed: processed.join(','),
        outbox: json(next.outbox),
        line: lineId,
        version,
        ttl: next.ttlSeconds,
      });
      return { state: next.state, processed, outbox: next.outbox, version, ...(lineId ? { lineId } : {}) };
    },

    async closeOutbox(key, version, outbox, state) {
      const found = at(key, version, `dialog ${key.dialogId}`);
      table.put({ ...found, ...keyOf(key), outbox: progressed(outbox, outbox.steps.length, 0), state: json(state), version: version + 1 });
      return version + 1;
    },

    async progress(key, version, outbox, done, claimedUntil) {
      const found = at(key, version, `outbox of ${key.dialogId}`, true);
      table.put({ ...found, ...keyOf(key), outbox: progressed(outbox, done, claimedUntil), version: version + 1 });
      return version + 1;
    },
  };
}

/**
 * The local stack's stand-in for DynamoDB Streams (issue 19): every successful write of a
 * dialog item by the bot's DynamoDB client becomes a change (old image, new image) for the
 * same aggregator the stream's Lambda runs (lib/app/stats/aggregate.ts). dynalite has no
 * streams, and the local stack is its table's only writer, so the last image written is
 * the old image of the next write.
 *
 * It adds nothing to a reply's cost: the new image of a Put is its input, of an Update the
 * write's own answer (ReturnValues ALL_NEW, same round trip), and the counters are written
 * after the write, through a separate client the round-trip count (LocalStack.dbCalls)
 * does not see.
 */
import type { Db } from '../../lib/store/db.js';
import type { DialogChange } from '../../lib/stats/dialog-change.js';
import { isDialogSk } from '../../lib/stats/dialog-change.js';

export interface ChangeFeed {
  /** Resolves when every change so far has been handed to the consumer (and it finished). */
  flush(): Promise<void>;
}

type Command = { constructor: { name: string }; input: Record<string, unknown> };

const keyOf = (key: Record<string, unknown> | undefined): string | undefined =>
  key && isDialogSk(key.sk) ? `${String(key.pk)}\u0000${String(key.sk)}` : undefined;

export function feedChanges(db: Db, consume: (change: DialogChange) => Promise<void>, onError: (error: unknown) => void): ChangeFeed {
  const images = new Map<string, Record<string, unknown>>();
  let chain: Promise<void> = Promise.resolve();
  const emit = (change: DialogChange) => {
    chain = chain.then(() => consume(change)).catch(onError);
  };
  const send = db.send.bind(db) as (command: Command, ...rest: unknown[]) => Promise<Record<string, unknown>>;
  (db as unknown as { send: typeof send }).send = async (command: Command, ...rest: unknown[]) => {
    const name = command.constructor.name;
    const input = command.input;
    if (name === 'PutCommand') {
      const item = input.Item as Record<string, unknown> | undefined;
      const key = keyOf(item);
      const result = await send(command, ...rest);
      if (key && item) {
        emit({ old: images.get(key), new: item, expired: false });
        images.set(key, item);
      }
      return result;
    }
    if (name === 'UpdateCommand' && keyOf(input.Key as Record<string, unknown>) && input.ReturnValues === undefined) {
      const key = keyOf(input.Key as Record<string, unknown>)!;
      input.ReturnValues = 'ALL_NEW'; // the store's own command, built for this one call
      const result = await send(command, ...rest);
      const item = result.Attributes as Record<string, unknown> | undefined;
      if (item) {
        emit({ old: images.get(key), new: item, expired: false });
        images.set(key, item);
      }
      const { Attributes: _attributes, ...answer } = result;
      return answer;
    }
    if (name === 'DeleteCommand') {
      const key = keyOf(input.Key as Record<string, unknown>);
      if (key) images.delete(key);
    }
    return send(command, ...rest);
  };
  return {
    async flush() {
      // A consumer may be handed more while we wait: until the chain stops growing.
      for (let seen: Promise<void> | undefined; seen !== chain; ) {
        seen = chain;
        await chain;
      }
    },
  };
}

/**
 * Every store in memory over one table, as the DynamoDB stores share one: for unit tests and
 * the contract test (test/integration/store-contract.test.ts), never for a Lambda bundle.
 */
import type { StoreSet } from '../store-set.js';
import { createMemoryDialogStore } from './dialogs.js';
import { createMemoryFeedStore } from './feeds.js';
import { createMemoryJobFailureStore } from './job-failures.js';
import { createMemoryMigrationStore } from './migrations.js';
import { createMemoryPortalStore } from './portals.js';
import { createMemoryStatsStore } from './stats.js';
import { createMemoryTable, type MemoryTable } from './table.js';
import { createMemoryTokenAgeStore } from './token-ages.js';

export interface MemoryStores extends StoreSet {
  /** The one table they share (a test may look at the items, as it would in dynalite). */
  readonly table: MemoryTable;
}

export function createMemoryStores(table: MemoryTable = createMemoryTable()): MemoryStores {
  return {
    table,
    portals: createMemoryPortalStore(table),
    dialogs: createMemoryDialogStore(table),
    jobFailures: createMemoryJobFailureStore(table),
    ages: createMemoryTokenAgeStore(table),
    feeds: createMemoryFeedStore(table),
    migrations: createMemoryMigrationStore(table),
    stats: createMemoryStatsStore(table),
  };
}

/**
 * Every store of the one table, as the interfaces they promise: what the DynamoDB stores and
 * their in-memory twins (lib/store/memory) both are, and what the store contracts run against.
 */
import type { DialogStore } from './dialogs.js';
import type { FeedStore } from './feeds.js';
import type { JobFailureStore } from './job-failures.js';
import type { MigrationStore } from './migrations.js';
import type { PortalStore } from './portals.js';
import type { StatsStore } from './stats.js';
import type { TokenAgeStore } from './token-ages.js';

export interface StoreSet {
  readonly portals: PortalStore;
  readonly dialogs: DialogStore;
  readonly jobFailures: JobFailureStore;
  readonly ages: TokenAgeStore;
  readonly feeds: FeedStore;
  readonly migrations: MigrationStore;
  readonly stats: StatsStore;
}

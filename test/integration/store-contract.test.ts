/**
 * Every store port against both of its implementations: DynamoDB (dynalite through the
 * real AWS SDK) and lib/store/memory. The same cases, so the in-memory stores that unit
 * tests use keep the conditions the real ones have.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { type LocalDynamo, startLocalDynamo } from '../../infra/local/dynamo.js';
import { createDb, type Db } from '../../lib/store/db.js';
import { createDialogStore } from '../../lib/store/dialogs.js';
import { createFeedStore } from '../../lib/store/feeds.js';
import { createJobFailureStore } from '../../lib/store/job-failures.js';
import { createMemoryStores } from '../../lib/store/memory/index.js';
import { createMigrationStore } from '../../lib/store/migrations.js';
import { createPortalStore } from '../../lib/store/portals.js';
import { createStatsStore } from '../../lib/store/stats.js';
import { createTokenAgeStore } from '../../lib/store/token-ages.js';
import { dialogStoreContract } from '../contracts/dialog-store.js';
import { feedStoreContract } from '../contracts/feed-store.js';
import { jobFailureContract } from '../contracts/job-failures.js';
import { migrationStoreContract } from '../contracts/migration-store.js';
import { portalStoreContract } from '../contracts/portal-store.js';
import { statsStoreContract } from '../contracts/stats-store.js';
import type { MakeStores } from '../contracts/stores.js';
import { tokenAgesContract } from '../contracts/token-ages.js';

const CONTRACTS = [
  portalStoreContract,
  dialogStoreContract,
  jobFailureContract,
  tokenAgesContract,
  feedStoreContract,
  migrationStoreContract,
  statsStoreContract,
];

describe('DynamoDB (dynalite)', () => {
  let dynamo: LocalDynamo;
  let db: Db;
  let table: string;
  beforeAll(async () => {
    dynamo = await startLocalDynamo();
    table = await dynamo.createTable(`contract-${process.pid}`);
    db = createDb({ region: 'local', endpoint: dynamo.endpoint });
  });
  afterAll(async () => {
    db.destroy();
    await dynamo.close();
  });
  const make: MakeStores = () => ({
    portals: createPortalStore(db, table),
    dialogs: createDialogStore(db, table),
    jobFailures: createJobFailureStore(db, table),
    ages: createTokenAgeStore(db, table),
    feeds: createFeedStore(db, table),
    migrations: createMigrationStore(db, table),
    stats: createStatsStore(db, table),
  });
  for (const contract of CONTRACTS) contract('DynamoDB', make);
});

describe('in memory', () => {
  const stores = createMemoryStores();
  for (const contract of CONTRACTS) contract('memory', () => stores);
});

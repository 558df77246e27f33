/** Job failure counts in memory (held to test/contracts/job-failures.ts with the DynamoDB store). */
import type { JobFailureStore } from '../job-failures.js';
import { portalPk } from '../keys.js';
import type { MemoryTable } from './table.js';

export function createMemoryJobFailureStore(table: MemoryTable): JobFailureStore {
  return {
    async record(memberId, jobId, nowMs) {
      const key = { pk: portalPk(memberId), sk: `J#${jobId}` };
      const failures = Number(table.get(key.pk, key.sk)?.failures ?? 0) + 1;
      table.put({ ...key, failures, ttl: Math.floor(nowMs / 1000) + 86_400 });
      return failures;
    },
  };
}

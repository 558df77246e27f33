/** The JobFailureStore contract: a count per job, per portal. */
import { describe, expect, it } from 'vitest';
import { memberId, type MakeStores } from './stores.js';

export function jobFailureContract(name: string, make: MakeStores): void {
  describe(`JobFailureStore contract: ${name}`, () => {
    it("counts each job's failures on its own", async () => {
      const { jobFailures } = make();
      const id = memberId();
      expect(await jobFailures.record(id, 'job-1', 1_000)).toBe(1);
      expect(await jobFailures.record(id, 'job-1', 2_000)).toBe(2);
      expect(await jobFailures.record(id, 'job-2', 2_000)).toBe(1);
      expect(await jobFailures.record(memberId(), 'job-1', 2_000)).toBe(1);
    });
  });
}

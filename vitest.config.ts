import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure code: no dynalite, no sockets; seconds), `integration`
 * (the HTTP handlers, dynalite and the simulator as real servers), `browser` (the
 * playground in Debian's Chromium). `npm test` runs them all after the type check;
 * `npm run test:unit` alone.
 *
 * `isolate: false`: a fresh module graph per file cost more than the tests themselves
 * (the AWS SDK, the menu compiler and the corpus imported again for each of ~70 files:
 * unit 35 s → 7 s). It is safe because no test mocks modules, stubs globals or sets
 * process.env, and each integration file starts its own stack and log sink in beforeAll.
 * Unit tests run in threads (cheaper to start than forks; they open nothing); the others
 * in forks, where a crashed or killed worker cannot take the runner with it.
 */
export default defineConfig({
  test: {
    env: {
      LOG_LEVEL: 'warn',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    setupFiles: ['test/helpers/log-level.ts'],
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], pool: 'threads', isolate: false } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], isolate: false, testTimeout: 30_000, hookTimeout: 30_000 },
      },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
    ],
  },
});

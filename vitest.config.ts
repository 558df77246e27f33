import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure code: no dynalite, no sockets; seconds), `integration`
 * (the HTTP handlers, dynalite and the simulator as real servers), `browser` (the
 * playground in Debian's Chromium). `npm test` runs them all after the type check;
 * `npm run test:unit` alone.
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
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 } },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
    ],
  },
});

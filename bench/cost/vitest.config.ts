import { defineConfig } from 'vitest/config';

/**
 * The bench's cost phase (bench/cost/measure.ts) under vitest, with the tests' global setup (one
 * DynamoDB Local in memory on a free port) and per-file setup (a stage of its own): not part of
 * `npm test`, which includes only `*.test.ts`.
 */
export default defineConfig({
  test: {
    include: ['bench/cost/measure.ts'],
    globalSetup: ['test/setup/global.ts'],
    setupFiles: ['test/setup/env.ts'],
    pool: 'forks',
    testTimeout: 3_600_000,
    hookTimeout: 120_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    },
  },
});

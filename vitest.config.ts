import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The files that load DynamoDB Local hardest: thousands of writes, or hundreds of fast-check runs.
 * Beside each other and the rest on a 2-core machine they starve each other (a delegation of 50,000
 * grants then outlives its function's timeout), so they run after the others, one at a time.
 */
const HEAVY = [
  'test/funding-model.test.ts',
  'test/authority-scale.test.ts',
  'test/recruitment-board-scale.test.ts',
  'test/coordination-scorecard.test.ts',
  'test/coordination-rankings-property.test.ts',
];

/**
 * One DynamoDB Local per group of files (test/setup/global.ts); each test file gets its own stage,
 * so its own five tables, before any handler module is imported (test/setup/env.ts).
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['services/**/*.test.ts', 'kernel/**/*.test.ts', 'infra/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...HEAVY, '**/node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      // Each heavy file alone, one after another, on a DynamoDB Local of its own: in-memory DynamoDB
      // Local slows as it fills, and 150,000 grants or 5,000 positions left by one file made the
      // next one's work several times slower (the scorecard property test: 12 s alone, 90 s after them).
      ...HEAVY.map((file, n) => ({
        extends: true as const,
        test: { name: `heavy-${n + 1}`, include: [file], sequence: { groupOrder: n + 1 } },
      })),
    ],
    globalSetup: ['test/setup/global.ts'],
    setupFiles: ['test/setup/env.ts'],
    // Each file in its own process: its environment (stage, table variables) is its own.
    pool: 'forks',
    // DynamoDB Local's JVM needs a core too; on a 2-core machine two workers keep both busy.
    maxWorkers: Math.max(2, Math.min(4, availableParallelism() - 1)),
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    env: {
      // The SDK's notice about Node 22 is printed once per worker; it says nothing about the tests.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // The handlers' structured logs drown the report; POWERTOOLS_LOG_LEVEL=INFO npx vitest shows them.
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'SILENT',
    },
  },
});

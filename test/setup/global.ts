import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureDynamoDbLocal, startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The DynamoDB Local every test file of this run talks to (each on its own stage's tables). */
    dynamoEndpoint: string;
    /** A folder where each worker notes the success answers the response guard checked (test/support/response-guard.ts). */
    responseLog: string;
  }
}

/**
 * Once per run: one DynamoDB Local in memory on a free port, handed to the test files with
 * `provide`. `FIVE_HAVES_TEST_DYNAMODB=http://127.0.0.1:8000` reuses a running one instead
 * (quicker when iterating; each file still gets its own tables).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const responseLog = mkdtempSync(join(tmpdir(), 'five-haves-responses-'));
  project.provide('responseLog', responseLog);
  const reuse = process.env.FIVE_HAVES_TEST_DYNAMODB;
  if (reuse) {
    project.provide('dynamoEndpoint', reuse);
    return async () => reportResponses(project.name, responseLog);
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  await ensureDynamoDbLocal();
  const dynamo = await startDynamoDbLocal({ inMemory: true });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    reportResponses(project.name, responseLog);
    await dynamo.stop();
  };
}

/** One line: how many success answers the response guard held to their schemas, of how many routes. */
function reportResponses(project: string, dir: string): void {
  const keys = readdirSync(dir).flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean));
  rmSync(dir, { recursive: true, force: true });
  if (keys.length === 0) return;
  console.log(`response guard (${project || 'tests'}): ${keys.length} success answers of ${new Set(keys).size} routes fitted their declared response schemas, closed`);
}

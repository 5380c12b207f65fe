import type { TestProject } from 'vitest/node';
import { ensureDynamoDbLocal, startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The DynamoDB Local every test file of this run talks to (each on its own stage's tables). */
    dynamoEndpoint: string;
  }
}

/**
 * Once per run: one DynamoDB Local in memory on a free port, handed to the test files with
 * `provide`. `FIVE_HAVES_TEST_DYNAMODB=http://127.0.0.1:8000` reuses a running one instead
 * (quicker when iterating; each file still gets its own tables).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reuse = process.env.FIVE_HAVES_TEST_DYNAMODB;
  if (reuse) {
    project.provide('dynamoEndpoint', reuse);
    return async () => undefined;
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  await ensureDynamoDbLocal();
  const dynamo = await startDynamoDbLocal({ inMemory: true });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}

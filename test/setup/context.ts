import { inject } from 'vitest';
import { tableName, type ServiceName } from '../../kernel/table.ts';

/** The variable test/setup/env.ts leaves the test file's stage in. */
export const TEST_STAGE_VAR = 'FIVE_HAVES_TEST_STAGE';

/** This test file's stage: its tables are `five-haves-<stage>-<service>`, seen by no other file. */
export function testStage(): string {
  const stage = process.env[TEST_STAGE_VAR];
  if (!stage) throw new Error(`${TEST_STAGE_VAR} is not set: is test/setup/env.ts in vitest's setupFiles?`);
  return stage;
}

/** This test file's table of a service (the one its handlers use). */
export function testTable(service: ServiceName): string {
  return tableName(testStage(), service);
}

/** The run's DynamoDB Local, e.g. to hand to `startLocalCloud({ dynamoEndpoint })`. */
export function testDynamoEndpoint(): string {
  return inject('dynamoEndpoint');
}

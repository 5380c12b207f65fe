import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { localAwsEnv } from '../../infra/local/dynamodb-local.ts';
import { createServiceTables } from '../../infra/local/tables.ts';
import { SERVICES, tableEnvVar, tableName } from '../../kernel/table.ts';
import { TEST_STAGE_VAR } from './context.ts';

/**
 * Runs in each test file's worker before the file is imported: the SDK's standard variables point
 * at the run's DynamoDB Local, the file gets a stage of its own (so files never see each other's
 * data), and each service's table variable names that stage's table before any handler module
 * reads it. Then the five tables are created.
 */
const endpoint = inject('dynamoEndpoint');
if (!endpoint) throw new Error("No DynamoDB Local endpoint was provided: is test/setup/global.ts in vitest's globalSetup?");
const stage = `t${randomBytes(5).toString('hex')}`;
Object.assign(process.env, localAwsEnv(endpoint));
process.env[TEST_STAGE_VAR] = stage;
for (const service of SERVICES) process.env[tableEnvVar(service)] = tableName(stage, service);

const client = new DynamoDBClient({});
try {
  await createServiceTables(client, stage);
} finally {
  client.destroy();
}

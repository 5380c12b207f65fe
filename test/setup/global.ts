import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureDynamoDbLocal, startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';
import { routeKey } from '../../kernel/routes.ts';
import { services } from '../../services/index.ts';

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

/**
 * How many success answers the response guard held to their schemas, of how many routes; for the
 * main group (every file but the heavy few), also the routes with a JSON answer it never saw.
 */
function reportResponses(project: string, dir: string): void {
  const keys = readdirSync(dir).flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean));
  rmSync(dir, { recursive: true, force: true });
  if (keys.length === 0) return;
  const seen = new Set(keys);
  console.log(`response guard (${project || 'tests'}): ${keys.length} success answers of ${seen.size} routes fitted their declared response schemas, closed`);
  if (project !== 'main') return;
  const json = services.flatMap((service) => Object.values(service.routes)).filter((route) => route.status !== 204 && !route.produces);
  const unseen = json.map(routeKey).filter((key) => !seen.has(key));
  // A run of a few files leaves most routes unseen: their names only when few are missing.
  const names = unseen.length > 0 && unseen.length <= 10 ? `; not: ${unseen.join(', ')}` : '';
  console.log(`response guard (main): ${json.length - unseen.length} of the ${json.length} routes that answer JSON were checked${names}`);
}

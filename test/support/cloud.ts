import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { BusEvent } from '../../kernel/events.ts';
import type { TokenClaims } from '../../infra/local/issuer.ts';
import { testDynamoEndpoint, testStage } from '../setup/context.ts';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../infra/local/runtime.ts';
import { checkResponse } from './response-guard.ts';

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Record<string, any>;
  /** The body of a text answer (a calendar), which is not JSON. */
  text?: string;
}

export interface TestCloud {
  cloud: LocalCloud;
  /** Every event the bus accepted since the cloud started. */
  published: BusEvent[];
  token(claims: TokenClaims): Promise<string>;
  api(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<ApiResponse>;
  /** How many items a table holds (a test may scan; the services never do). */
  count(service: string): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The local cloud for one test file, on the DynamoDB Local the global setup started: the same
 * runtime `npm start` runs (gateway, relay, bus), on a free port, with quick retries.
 */
export async function startTestCloud(options: Partial<LocalCloudOptions> = {}): Promise<TestCloud> {
  const cloud = await startLocalCloud({
    dynamoEndpoint: testDynamoEndpoint(),
    stage: testStage(),
    port: 0,
    inMemory: true,
    dataDir: await mkdtemp(join(tmpdir(), 'five-haves-test-')),
    retryDelayMs: () => 20,
    ...options,
  });
  const published: BusEvent[] = [];
  cloud.bus.onPublish((event) => published.push(event));
  const client = new DynamoDBClient({});
  return {
    cloud,
    published,
    token: (claims) => cloud.issuer.sign(claims),
    async api(method, path, { token, body, rawBody, headers } = {}) {
      const response = await fetch(cloud.url + path, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined || rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(rawBody !== undefined ? { body: rawBody } : body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      // A route's CSV form (kernel/routes.ts `csv`) is text; the response guard holds JSON answers.
      if (/^text\/csv/.test(response.headers.get('content-type') ?? '')) return { status: response.status, headers: response.headers, body: text };
      // A calendar (text/calendar) is text, not JSON: its body is kept as `text`.
      const isText = (response.headers.get('content-type') ?? '').startsWith('text/');
      const parsed = isText ? {} : text ? JSON.parse(text) : {};
      // Every success answer is held to its route's declared response schema, closed (response-guard.ts).
      if (!isText) checkResponse(method, path, response.status, parsed);
      return { status: response.status, headers: response.headers, body: parsed, ...(isText ? { text } : {}) };
    },
    async count(service) {
      const out = await client.send(new ScanCommand({ TableName: cloud.tables[service], Select: 'COUNT', ConsistentRead: true }));
      return out.Count ?? 0;
    },
    stop: () => cloud.stop(),
  };
}

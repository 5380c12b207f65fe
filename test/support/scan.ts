import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';

export type ScannedItem = Record<string, any> & { pk: string; sk: string };

const testDoc = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/**
 * Every item of a table, read consistently (a test may scan to check what was written; the services
 * never do). For the checks that look at the whole outcome: history items, inbox items, idempotency
 * records. By default the client finds the run's DynamoDB Local through the SDK's variables
 * (test/setup/env.ts); the chaos run, which starts its own, passes its client.
 */
export async function scanTable(tableName: string, doc: DynamoDBDocumentClient = testDoc): Promise<ScannedItem[]> {
  const items: ScannedItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...((out.Items ?? []) as ScannedItem[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The history items (the outbox: one per domain event) among scanned items. */
export const historyItems = (items: readonly ScannedItem[]) => items.filter((item) => item.itemType === 'history');

/** The inbox items (one per event a consumer applied) among scanned items. */
export const inboxItems = (items: readonly ScannedItem[]) => items.filter((item) => item.itemType === 'inbox');

import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BadRequestError } from './errors.ts';

/** An item of a service's table: its keys and whatever else it holds. */
export type Item = Record<string, unknown> & { pk: string; sk: string };

/** One page of a list, and where the next one starts (absent on the last page). */
export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** What a read of one table needs: its name and a document client (a Store is one). */
export interface TableAccess {
  readonly tableName: string;
  readonly doc: DynamoDBDocumentClient;
}

export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** A cursor is opaque to clients but checked here: it must be a key of the partition being listed. */
export function decodeCursor(cursor: string, partitionKey: string, partition: string): Record<string, string> {
  const invalid = new BadRequestError('The cursor is not one this list returned.', [
    { field: 'query.cursor', message: 'not a cursor of this list' },
  ]);
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw invalid;
  const entries = Object.entries(key);
  const allowed = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk']);
  if (entries.length > 4 || entries.some(([name, value]) => !allowed.has(name) || typeof value !== 'string')) {
    throw invalid;
  }
  if ((key as Record<string, string>)[partitionKey] !== partition) throw invalid;
  return key as Record<string, string>;
}

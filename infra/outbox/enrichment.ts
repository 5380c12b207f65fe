import type { DynamoDBRecord } from 'aws-lambda';
import { toBusEntries, type BusEntry } from '../../kernel/outbox.ts';

/** The Pipe's enrichment: the batch of filtered stream records in, one bus entry per record out. */
export async function handler(records: DynamoDBRecord[]): Promise<BusEntry[]> {
  return toBusEntries(records as Parameters<typeof toBusEntries>[0]);
}

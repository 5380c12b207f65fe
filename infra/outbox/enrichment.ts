import type { DynamoDBRecord } from 'aws-lambda';
import { logger } from '../../kernel/logger.ts';
import { toBusEntries, type BusEntry } from '../../kernel/outbox.ts';

/** The Pipe's enrichment: the batch of filtered stream records in, one bus entry per record out. */
export async function handler(records: DynamoDBRecord[]): Promise<BusEntry[]> {
  const entries = toBusEntries(records as Parameters<typeof toBusEntries>[0]);
  for (const entry of entries) {
    const metadata = (entry.detail as { metadata?: { correlationId?: string; eventId?: string } }).metadata ?? {};
    logger.info('history item to the bus', {
      correlationId: metadata.correlationId,
      eventId: metadata.eventId,
      source: entry.source,
      detailType: entry.detailType,
    });
  }
  return entries;
}

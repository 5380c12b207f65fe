import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '../../../kernel/logger.ts';
import { suppressionsOf } from '../bounces.ts';
import { suppress } from '../handlers.ts';
import { notificationsTable } from '../table.ts';

/**
 * SES's bounces and complaints, from the configuration set's EventBridge destination through a
 * queue: each permanent bounce or complaint puts its address on the suppression list the sender
 * honours. Writing an address twice changes nothing, so redeliveries need no inbox.
 */
async function record(record: SQSRecord): Promise<void> {
  for (const entry of suppressionsOf(JSON.parse(record.body) as unknown)) {
    const added = await suppress(notificationsTable, entry.email, entry.reason, entry.at);
    logger.info('address suppressed', { reason: entry.reason, added });
  }
}

export const handler = middy<SQSEvent, SQSBatchResponse, Error, Context>().handler((event, context) =>
  processPartialResponse(event, record, new BatchProcessor(EventType.SQS), { context }),
);

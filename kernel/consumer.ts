import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type * as z from 'zod/mini';
import { BusEventSchema, type BusEvent, type Cause, type EventDefinition, type Metadata } from './events.ts';
import { logger } from './logger.ts';
import { retryingConflicts } from './retry.ts';
import type { ConsumedEvent, Consumers } from './service.ts';
import { DuplicateDeliveryError, type Commit, type Store } from './store.ts';

/** What a consumer decided: the change to commit (possibly none), and why, for the inbox record. */
export interface Reaction extends Commit {
  note?: string;
}

/** What a reaction is given besides the event's data: its metadata, the cause to commit with, the contract. */
export interface ReactionContext<D extends EventDefinition = EventDefinition> {
  metadata: Metadata;
  cause: Cause;
  event: D;
}

/** The reaction to one event contract. */
export type ReactionTo<D extends EventDefinition> = (data: z.output<D['data']>, context: ReactionContext<D>) => Promise<Reaction>;

/**
 * One reaction per event a service's consumer table declares, by event name: an event without a
 * reaction, or a reaction to an event the table does not declare, does not compile.
 */
export type Reactions<C extends Consumers> = {
  [D in ConsumedEvent<C> as D['detailType']]: ReactionTo<D>;
};

/**
 * The events entry of a service: an SQS batch from its subscription queues, each record one
 * EventBridge event. Each event is applied at most once: the inbox is checked first (a redelivery
 * changes nothing and emits nothing), and `INBOX#<eventId>` is committed with the change, so a
 * concurrent duplicate loses the transaction. A failed record is reported back (partial batch
 * failure) and retried by the queue, then dead-lettered.
 */
export function eventsHandler<C extends Consumers>(options: { service: string; store: Store; consumers: C; reactions: NoInfer<Reactions<C>> }) {
  const reactions = options.reactions as unknown as Record<string, ReactionTo<EventDefinition>>;
  const declared = new Set(options.consumers.events.map((d) => d.detailType));
  const undeclared = Object.keys(reactions).filter((name) => !declared.has(name));
  const missing = [...declared].filter((name) => typeof reactions[name] !== 'function');
  if (undeclared.length > 0 || missing.length > 0) {
    throw new Error(`${options.service}'s reactions do not match its consumers: ${[...missing.map((m) => `none to ${m}`), ...undeclared.map((u) => `${u} is not consumed`)].join(', ')}`);
  }
  interface EventConsumer {
    definition: EventDefinition;
    apply: ReactionTo<EventDefinition>;
  }
  const byType = new Map<string, EventConsumer>(
    options.consumers.events.map((definition) => [`${definition.source} ${definition.detailType}`, { definition, apply: reactions[definition.detailType]! }]),
  );

  async function applyRecord(record: SQSRecord): Promise<void> {
    const busEvent = BusEventSchema.parse(JSON.parse(record.body));
    const consumer = byType.get(`${busEvent.source} ${busEvent['detail-type']}`);
    if (!consumer) throw new Error(`${options.service} has no consumer for ${busEvent.source} ${busEvent['detail-type']}`);
    const detail = consumer.definition.detail.parse(busEvent.detail);
    const { eventId, correlationId } = detail.metadata;
    const log = { correlationId, eventId, detailType: busEvent['detail-type'], consumer: options.service };
    try {
      // Check, apply and commit are one unit of work: a conflict cancels the commit, and all three run again.
      await retryingConflicts(() => applyOnce(consumer, busEvent, detail, log));
    } catch (error) {
      logger.error('event not applied; the queue will retry it', { ...log, error });
      throw error;
    }
  }

  async function applyOnce(consumer: EventConsumer, busEvent: BusEvent, detail: { metadata: Metadata; data: unknown }, log: Record<string, string>): Promise<void> {
    const { eventId, correlationId } = detail.metadata;
    if (await options.store.hasApplied(eventId)) {
      logger.info('redelivered event absorbed', log);
      return;
    }
    const cause: Cause = {
      correlationId,
      causationId: eventId,
      now: new Date().toISOString(),
      actor: { sub: `five-haves.${options.service}`, roles: ['service'] },
    };
    try {
      const reaction = await consumer.apply(detail.data, { metadata: detail.metadata, cause, event: consumer.definition });
      await options.store.commit(reaction, {
        inbox: { eventId, source: busEvent.source, detailType: busEvent['detail-type'], now: cause.now },
      });
      logger.info('event applied', {
        ...log,
        events: (reaction.events ?? []).map((e) => e.detailType),
        ...(reaction.note ? { note: reaction.note } : {}),
      });
    } catch (error) {
      if (!(error instanceof DuplicateDeliveryError)) throw error;
      logger.info('concurrent duplicate absorbed', log);
    }
  }

  // A processor per invocation: it holds the batch's records and failures, so one shared by two
  // invocations in flight at once (the local bus runs a pump per rule) would mix their answers.
  return middy<SQSEvent, SQSBatchResponse, Error, Context>().handler((event, context) =>
    processPartialResponse(event, applyRecord, new BatchProcessor(EventType.SQS), { context }),
  );
}

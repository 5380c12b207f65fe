import * as z from 'zod/mini';
import './zod-messages.ts';
import { ulid } from 'ulid';

/**
 * Events on the `five-haves` bus. EventBridge `source` = `five-haves.<service>`, `detail-type` = the
 * event's name; `detail` = `{ metadata, data }`. Each event is defined once here-style, in its
 * producing service's `events.ts`, with its schema; consumers import the definition (the contract),
 * never the producer's code or table.
 */
export const ActorSchema = z.object({
  sub: z.string(),
  roles: z.array(z.string()),
  jurisdiction: z.optional(z.string()),
  department: z.optional(z.string()),
});
export type Actor = z.infer<typeof ActorSchema>;

export const MetadataSchema = z.object({
  eventId: z.string().check(z.minLength(1)),
  schemaVersion: z.number().check(z.int(), z.positive()),
  occurredAt: z.iso.datetime(),
  correlationId: z.string().check(z.minLength(1)),
  causationId: z.optional(z.string().check(z.minLength(1))),
  actor: ActorSchema,
});
export type Metadata = z.infer<typeof MetadataSchema>;

export interface EventDefinition<Name extends string = string, Data extends z.ZodMiniType = z.ZodMiniType> {
  source: `five-haves.${string}`;
  detailType: Name;
  schemaVersion: number;
  data: Data;
  /** The detail schema subscribers validate against (and the event catalog publishes). */
  detail: z.ZodMiniObject<{ metadata: typeof MetadataSchema; data: Data }>;
}

/**
 * An event's definition. Its data schema is given as a function and built on first use (an emit, a
 * consumer's parse, the catalog), not when the contract loads: a function imports the contracts of
 * every event it emits or takes, and building all their schemas at import was a measurable part of
 * its cold start. The definition reads as before (`definition.data`, `definition.detail`).
 */
export function defineEvent<Name extends string, Data extends z.ZodMiniType>(spec: {
  source: `five-haves.${string}`;
  detailType: Name;
  schemaVersion: number;
  data: () => Data;
}): EventDefinition<Name, Data> {
  let data: Data | undefined;
  let detail: EventDefinition<Name, Data>['detail'] | undefined;
  return {
    source: spec.source,
    detailType: spec.detailType,
    schemaVersion: spec.schemaVersion,
    get data() {
      return (data ??= spec.data());
    },
    get detail() {
      return (detail ??= z.object({ metadata: MetadataSchema, data: this.data }));
    },
  };
}

/** A domain event ready to be written as a history item (and so to reach the bus). */
export interface DomainEvent<Data = unknown> {
  source: string;
  detailType: string;
  /** The aggregate's partition key: the history item lives beside the state it changed. */
  aggregate: string;
  detail: { metadata: Metadata; data: Data };
}

/** What caused a change: the HTTP request's correlation, or the event being consumed. */
export interface Cause {
  correlationId: string;
  causationId?: string;
  actor: Actor;
  /** ISO time of the change; one clock reading per command so state and events agree. */
  now: string;
}

export function newEvent<Name extends string, Data extends z.ZodMiniType>(
  definition: EventDefinition<Name, Data>,
  aggregate: string,
  data: z.input<Data>,
  cause: Cause,
): DomainEvent<z.output<Data>> {
  return {
    source: definition.source,
    detailType: definition.detailType,
    aggregate,
    detail: {
      metadata: {
        eventId: ulid(),
        schemaVersion: definition.schemaVersion,
        occurredAt: cause.now,
        correlationId: cause.correlationId,
        ...(cause.causationId ? { causationId: cause.causationId } : {}),
        actor: cause.actor,
      },
      // Parsing on the way out: an event that breaks its own contract never reaches the table.
      data: definition.data.parse(data),
    },
  };
}

/** The EventBridge event as a rule delivers it to an SQS target (the message body). */
export const BusEventSchema = z.object({
  version: z.string(),
  id: z.string(),
  'detail-type': z.string(),
  source: z.string(),
  account: z.string(),
  time: z.string(),
  region: z.string(),
  resources: z.array(z.string()),
  detail: z.unknown(),
});
export type BusEvent = z.infer<typeof BusEventSchema>;

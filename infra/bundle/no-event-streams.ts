/**
 * Stands in for `@smithy/core/event-streams` in the Lambda bundles (an esbuild alias, see
 * `infra/bundle/options.ts`). The SDK's HTTP protocol loads event-stream support with a dynamic
 * `import()`, only for operations whose input or output is an event stream. DynamoDB has none, but a
 * single-file bundle inlines every dynamic import: about 15 KB of message codecs, CRC and header
 * marshalling that no function of ours can reach. Should a client ever reach it, it fails loudly.
 */
function unbundled(): never {
  throw new Error('event streams are left out of this bundle (infra/bundle/no-event-streams.ts): no DynamoDB operation streams events');
}

export const eventStreamSerdeProvider = unbundled;

export class EventStreamSerde {
  constructor() {
    unbundled();
  }
}

/**
 * The S3 client (the open-data jobs) resolves an event-stream marshaller when it is made, for
 * SelectObjectContent alone, which no function of ours calls: it gets none, and that operation would
 * fail for want of it.
 */
export const resolveEventStreamSerdeConfig = <T extends object>(input: T): T => input;

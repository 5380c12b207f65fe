/**
 * From a table's stream to the bus: the EventBridge Pipe's filter and its enrichment, declared
 * once. The CDK stack puts `pipeFilterPattern` into the Pipe's FilterCriteria and deploys
 * `toBusEntries` as the Pipe's enrichment function; the local stream relay applies the same
 * pattern and calls the same function.
 *
 * Why an enrichment and not only an InputTemplate: a Pipe's InputTemplate can place the history
 * item's string attributes but cannot turn the stored JSON text of `detail` back into an object, so
 * subscribers would get a string (or DynamoDB-typed JSON). The enrichment returns the event as
 * `{ source, detailType, detail }` and the target takes Source, DetailType and Detail from it.
 */

/** Only history items (the outbox), only when written (never updated or deleted). */
export const pipeFilterPattern = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { itemType: { S: ['history'] } } },
} as const;

/** The Pipe target's parameters, as paths into what `toBusEntries` returns. */
export const pipeTarget = {
  source: '$.source',
  detailType: '$.detailType',
  inputTemplate: '<$.detail>',
} as const;

interface StreamRecordLike {
  eventName?: string;
  dynamodb?: { NewImage?: Record<string, { S?: string } | undefined> };
}

export interface BusEntry {
  source: string;
  detailType: string;
  detail: unknown;
}

export function toBusEntries(records: readonly StreamRecordLike[]): BusEntry[] {
  return records.map((record) => {
    const image = record.dynamodb?.NewImage;
    const source = image?.eventSource?.S;
    const detailType = image?.detailType?.S;
    const detail = image?.detail?.S;
    if (!source || !detailType || !detail) {
      // A history item without its event is corrupt: fail the batch so the Pipe retries and alarms,
      // rather than dropping an event silently.
      throw new Error(`history item without eventSource, detailType or detail: ${JSON.stringify(record.dynamodb)}`);
    }
    return { source, detailType, detail: JSON.parse(detail) as unknown };
  });
}

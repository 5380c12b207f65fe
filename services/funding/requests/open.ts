import type { Reaction } from '../../../kernel/consumer.ts';
import type { Cause, Metadata } from '../../../kernel/events.ts';
import type { Store } from '../../../kernel/store.ts';
import { openFundingRequest, type AskedFor } from './domain.ts';
import { RequestStore } from './store.ts';

/**
 * Opens a funding request for an asking event. The inbox guard (kernel/consumer.ts) absorbs a
 * redelivery of the same event; the origin guard here absorbs the same decision or plan asked again
 * under another event id: one request per `decisionId` / `remediationId`.
 */
export class RequestOpener {
  private readonly requests: RequestStore;

  constructor(table: Store) {
    this.requests = new RequestStore(table);
  }

  async open(id: string, asked: AskedFor, context: { metadata: Metadata; source: string; cause: Cause }): Promise<Reaction> {
    const already = await this.requests.openedFor(asked.kind, asked.ref);
    if (already) return { writes: [], events: [], note: `${asked.kind} ${asked.ref} already opened request ${already}` };
    return this.requests.openCommit(openFundingRequest(id, asked, context.metadata, context.source, context.cause));
  }
}

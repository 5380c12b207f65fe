import { putNew, putVersioned, type Commit, type Page, type Store } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';
import { PoolStore } from '../pools/store.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import { indexPage } from '../index-page.ts';
import type { AllocationChange } from '../pools/domain.ts';
import type { FundingRequest, RequestChange, RequestStatus } from './domain.ts';

function requestItem(request: FundingRequest) {
  return {
    ...keys.request(request.id),
    itemType: 'funding-request',
    gsi1pk: keys.requestsOfDistrict(request.district, request.status),
    gsi1sk: `${request.receivedAt}#${request.id}`,
    ...request,
  };
}

/** Funding requests, and the guard that opens one per asking decision or plan. */
export class RequestStore {
  private readonly pools: PoolStore;

  constructor(readonly table: Store) {
    this.pools = new PoolStore(table);
  }

  async request(id: string): Promise<FundingRequest | undefined> {
    const item = await this.table.get<Stored<FundingRequest>>(keys.request(id));
    return item && strip(item);
  }

  /** The request already opened for this decision or plan, if any. */
  async openedFor(kind: string, ref: string): Promise<string | undefined> {
    const item = await this.table.get<Stored<{ requestId: string }>>(keys.requestOrigin(kind, ref));
    return item?.requestId;
  }

  requests(district: string, status: RequestStatus, page: { limit: number; cursor?: string }): Promise<Page<FundingRequest>> {
    return indexPage<FundingRequest>(this.table, keys.requestsOfDistrict(district, status), page);
  }

  openCommit({ request, events }: RequestChange): Commit {
    return {
      writes: [
        putNew(requestItem(request), `Funding request ${request.id} already exists.`),
        putNew(
          { ...keys.requestOrigin(request.kind, request.ref), itemType: 'request-origin', requestId: request.id },
          `A funding request for ${request.kind} ${request.ref} is already open.`,
        ),
      ],
      events,
    };
  }

  /** Decided: the request, and for an approval its allocation drawn from the pool, in one transaction. */
  decisionCommit({ request, events }: RequestChange, allocation?: AllocationChange): Commit {
    const decided = putVersioned(requestItem(request), `Funding request ${request.id} was decided meanwhile.`);
    if (!allocation) return { writes: [decided], events };
    const drawn = this.pools.allocationCommit(allocation);
    return { writes: [decided, ...drawn.writes], events: [...events, ...drawn.events] };
  }
}

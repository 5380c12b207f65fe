import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { ulid } from 'ulid';
import { lambdaContext } from '../../infra/local/lambda-context.ts';
import type { BusEvent, Cause } from '../../kernel/events.ts';
import type { Store } from '../../kernel/store.ts';
import { DEFAULT_DEADLINES } from '../../services/coordination/issues/deadlines.ts';
import { raiseIssue, type Issue, type IssueRequest } from '../../services/coordination/issues/domain.ts';
import { IssueStore } from '../../services/coordination/issues/store.ts';
import type { TestCloud } from './cloud.ts';

/** The callers of the coordination service, as real signed tokens from the local issuer. */
export async function coordinationTokens(t: TestCloud) {
  const department = (department: string, jurisdiction = 'D01') =>
    t.token({ sub: `${department}-${jurisdiction}`, roles: ['department'], jurisdiction, department });
  return {
    admin: await t.token({ sub: 'd01-joint-office', roles: ['district-admin'], jurisdiction: 'D01' }),
    otherAdmin: await t.token({ sub: 'd02-joint-office', roles: ['district-admin'], jurisdiction: 'D02' }),
    s03: await t.token({ sub: 'official-s03', roles: ['street-official'], jurisdiction: 'D01/S03' }),
    s04: await t.token({ sub: 'official-s04', roles: ['street-official'], jurisdiction: 'D01/S04' }),
    c07: await t.token({ sub: 'worker-c07', roles: ['community-worker'], jurisdiction: 'D01/S03/C07' }),
    c08: await t.token({ sub: 'worker-c08', roles: ['community-worker'], jurisdiction: 'D01/S03/C08' }),
    market: await department('market-supervision'),
    sanitation: await department('sanitation'),
    housing: await department('housing'),
    otherDistrictMarket: await department('market-supervision', 'D02'),
    noDepartmentClaim: await t.token({ sub: 'dept-without-claim', roles: ['department'], jurisdiction: 'D01' }),
    resident: await t.token({ sub: 'resident-1', roles: ['resident'], jurisdiction: 'D01/S03/C07' }),
    committee: await t.token({ sub: 'committee-s03', roles: ['street-committee'], jurisdiction: 'D01/S03' }),
    finance: await t.token({ sub: 'finance-d01', roles: ['finance'], jurisdiction: 'D01' }),
    operator: await t.token({ sub: 'operator', roles: ['operator'], jurisdiction: 'D01' }),
  };
}
export type CoordinationTokens = Awaited<ReturnType<typeof coordinationTokens>>;

export const whistle = (overrides: Record<string, unknown> = {}) => ({
  category: 'production-safety',
  urgency: 'emergency',
  departments: ['market-supervision'],
  description: 'Gas cylinders stored in the basement of a restaurant.',
  location: 'No. 12 Xinjiekou Street',
  ...overrides,
});

export const causeAt = (now: string, sub = 'official-s03', roles = ['street-official'], extra: Partial<Cause['actor']> = {}): Cause => ({
  correlationId: `corr-${ulid()}`,
  now,
  actor: { sub, roles, jurisdiction: 'D01/S03', ...extra },
});

/**
 * An issue raised at a chosen moment, through the service's own domain and store: the way a test sets
 * the clock of a request it cannot make in the past (the deadlines run from `raisedAt`).
 */
export async function issueRaisedAt(table: Store, raisedAt: string, request: Partial<IssueRequest> = {}): Promise<Issue> {
  const change = raiseIssue(
    {
      id: ulid(),
      street: 'D01/S03',
      category: 'production-safety',
      urgency: 'emergency',
      departments: ['market-supervision'],
      description: 'Blocked fire exit',
      location: 'Block 4',
      ...request,
    },
    DEFAULT_DEADLINES,
    causeAt(raisedAt),
  );
  await table.commit(new IssueStore(table).issueCommit(change, raisedAt));
  return change.issue;
}

export const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();


type EventsFunction = (event: SQSEvent, context: ReturnType<typeof lambdaContext>) => Promise<{ batchItemFailures: Array<{ itemIdentifier: string }> }>;

/**
 * Delivers bus events to an events handler the way a subscription queue does: in batches of 10, each
 * failed record (a partial batch failure) delivered again until none fails; `maxRounds` bounds it.
 * Returns how many deliveries it took.
 */
export async function deliver(handler: EventsFunction, events: readonly BusEvent[], options: { batchSize?: number; maxRounds?: number } = {}) {
  let pending = events.map((event) => ({ id: ulid(), event }));
  let deliveries = 0;
  let redeliveries = 0;
  for (let round = 0; pending.length > 0; round += 1) {
    if (round >= (options.maxRounds ?? 20)) throw new Error(`${pending.length} events still failing after ${round} rounds`);
    const failed: typeof pending = [];
    const size = options.batchSize ?? 10;
    for (let start = 0; start < pending.length; start += size) {
      const batch = pending.slice(start, start + size);
      const records = batch.map(({ id, event }) => ({ messageId: id, body: JSON.stringify(event), eventSource: 'aws:sqs' }) as SQSRecord);
      const result = await handler({ Records: records }, lambdaContext('five-haves-coordination-events'));
      const failures = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      failed.push(...batch.filter((m) => failures.has(m.id)));
      deliveries += batch.length;
    }
    redeliveries += failed.length;
    pending = failed;
  }
  return { deliveries, redeliveries };
}

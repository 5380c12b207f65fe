import type { Metadata } from '../../../kernel/events.ts';
import { rate } from '../../../kernel/counters.ts';

/**
 * The five-haves scorecard of a street, kept from the events of all five services.
 *
 * Every figure is a sum, so that events may arrive in any order, twice, or concurrently:
 * - most events add a fixed amount (DynamoDB ADD, commutative): a hire adds 1 to `hired`;
 * - a fact that a later event *replaces* (a community's compliance, a budget's total) or *completes*
 *   (a delegation, then its revocation) is kept in a register per key. A register merges what it
 *   holds with what arrives by a rule that ignores order (the later `assessedAt` wins; "revoked"
 *   once seen stays), and the figures move by the difference between what the register contributed
 *   before and after. So the result is that of the merged registers, whatever the arrival order.
 */
export const FIGURES = [
  'eventsApplied',
  // staffing
  'posts',
  'hired',
  'flaggedSecondments',
  // money (fen)
  'budgetedFen',
  'allocatedFen',
  'disbursedFen',
  // place
  'communitiesAssessed',
  'communitiesCompliant',
  // power
  'powersHeld',
  'consentsDecided',
  'consentsInTime',
  'opinionsGiven',
  // coordination
  'issuesRaised',
  'responses',
  'responsesOnTime',
  'issuesClosed',
  'issuesClosedOnTime',
  'ratings',
  'ratingSum',
  'issuesEscalated',
  'workItemsAccepted',
  'workItemsBlocked',
] as const;
export type Figure = (typeof FIGURES)[number];
export type Figures = Record<Figure, number>;

export type RegisterValue = Record<string, string | number | boolean>;

/** A kind of register: how two values of one key merge (commutative, idempotent), and what a value adds to the figures. */
interface RegisterKind {
  merge(current: RegisterValue | undefined, incoming: RegisterValue): RegisterValue;
  contribution(value: RegisterValue | undefined): Partial<Figures>;
}

/** The value with the higher `order` (an event time, then the event id for ties) replaces the other. */
const latestWins = (current: RegisterValue | undefined, incoming: RegisterValue) =>
  current && String(current.order) >= String(incoming.order) ? current : incoming;

export const REGISTERS = {
  /** A community's compliance: its latest assessment (by `assessedAt`) stands. */
  compliance: {
    merge: latestWins,
    contribution: (v) => (v ? { communitiesAssessed: 1, communitiesCompliant: v.compliant ? 1 : 0 } : {}),
  },
  /** A budget's total: its latest approval stands (adjustments are added on top, as plain counts). */
  budget: {
    merge: latestWins,
    contribution: (v) => (v ? { budgetedFen: Number(v.totalFen) } : {}),
  },
  /**
   * A delegation's grants to this street: held once delegated, until revoked. Both facts are kept
   * as they arrive (a revocation seen first stays), so a revocation before its delegation holds nothing.
   */
  delegation: {
    merge: (current, incoming) => ({
      codes: Number(incoming.codes ?? current?.codes ?? 0),
      delegated: Boolean(current?.delegated) || Boolean(incoming.delegated),
      revoked: Boolean(current?.revoked) || Boolean(incoming.revoked),
    }),
    contribution: (v) => (v?.delegated && !v.revoked ? { powersHeld: Number(v.codes) } : {}),
  },
} satisfies Record<string, RegisterKind>;
export type RegisterName = keyof typeof REGISTERS;

export interface RegisterUpdate {
  kind: RegisterName;
  key: string;
  incoming: RegisterValue;
}

/** What one event does to one street's scorecard. */
export interface StreetPart {
  street: string;
  counts: Partial<Figures>;
  registers: RegisterUpdate[];
}

const order = (at: string, metadata: Metadata) => `${at}#${metadata.eventId}`;
const part = (street: string, counts: Partial<Figures>, registers: RegisterUpdate[] = []): StreetPart[] => [{ street, counts, registers }];

type Data = Record<string, any>;

/**
 * The scorecard parts of an event, by its type. An event of a type not listed here has none.
 * `data` has passed the event's contract.
 */
export function scorecardParts(detailType: string, data: Data, metadata: Metadata): StreetPart[] {
  switch (detailType) {
    // recruitment: someone in charge
    case 'PositionPublished':
      return part(data.street, { posts: data.quota });
    case 'StaffHired':
      return part(data.street, { hired: 1 });
    case 'SecondmentFlagged':
      return part(data.street, { flaggedSecondments: 1 });
    case 'SecondmentApproved':
      return part(data.street, { flaggedSecondments: data.unflagged ? -1 : 0 });
    case 'SecondmentEnded':
      return part(data.street, { flaggedSecondments: data.wasFlagged ? -1 : 0 });
    // funding: money
    case 'BudgetApproved':
      return part(data.street, {}, [{ kind: 'budget', key: data.budgetId, incoming: { totalFen: data.totalFen, order: order(metadata.occurredAt, metadata) } }]);
    case 'BudgetAdjusted':
      return part(data.street, { budgetedFen: data.deltaFen });
    case 'FundsAllocated':
      return part(data.street, { allocatedFen: data.amountFen });
    case 'DisbursementRecorded':
      return part(data.street, { disbursedFen: data.amountFen });
    // premises: a place
    case 'ComplianceAssessed':
      return part(data.street, {}, [
        { kind: 'compliance', key: data.community, incoming: { compliant: data.compliant, order: order(data.assessedAt, metadata) } },
      ]);
    // authority: the power to manage
    case 'PowersDelegated':
    case 'DelegationRevoked': {
      const streets = [...new Set(data.streets as string[])];
      const codes = new Set(data.codes as string[]).size;
      const fact: RegisterValue = detailType === 'PowersDelegated' ? { delegated: true } : { revoked: true };
      return streets.map((street) => ({ street, counts: {}, registers: [{ kind: 'delegation' as const, key: data.delegationId, incoming: { codes, ...fact } }] }));
    }
    case 'ConsentRecorded':
      return part(data.street, { consentsDecided: 1, consentsInTime: data.late ? 0 : 1 });
    case 'OpinionRecorded':
      return part(data.street, { opinionsGiven: 1 });
    // coordination: a mechanism
    case 'IssueRaised':
      return part(data.street, { issuesRaised: 1 });
    case 'IssueAcknowledged':
      return part(data.street, { responses: 1, responsesOnTime: data.late ? 0 : 1 });
    case 'IssueResolved':
      return part(data.street, { issuesClosed: data.issueClosed ? 1 : 0, issuesClosedOnTime: data.issueClosed && data.issueOnTime ? 1 : 0 });
    case 'IssueRated':
      return part(data.street, { ratings: 1, ratingSum: data.score });
    case 'IssueEscalated':
      return part(data.street, { issuesEscalated: 1 });
    case 'WorkItemAccepted':
      return part(data.street, { workItemsAccepted: 1 });
    case 'WorkItemBlocked':
      return part(data.street, { workItemsBlocked: 1 });
    default:
      return [];
  }
}

/** What merging `incoming` into a register changes: its new value and the figures' difference; undefined if nothing. */
export function mergeRegister(update: RegisterUpdate, current: RegisterValue | undefined): { value: RegisterValue; delta: Partial<Figures> } | undefined {
  const kind: RegisterKind = REGISTERS[update.kind];
  const value = kind.merge(current, update.incoming);
  if (current && JSON.stringify(sorted(value)) === JSON.stringify(sorted(current))) return undefined;
  const before = kind.contribution(current);
  const after = kind.contribution(value);
  const delta: Partial<Figures> = {};
  for (const figure of new Set([...Object.keys(before), ...Object.keys(after)]) as Set<Figure>) {
    const d = (after[figure] ?? 0) - (before[figure] ?? 0);
    if (d !== 0) delta[figure] = d;
  }
  return { value, delta };
}

const sorted = (value: RegisterValue) => Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));

export function addFigures(into: Partial<Figures>, more: Partial<Figures>): Partial<Figures> {
  for (const [figure, n] of Object.entries(more) as Array<[Figure, number]>) into[figure] = (into[figure] ?? 0) + n;
  return into;
}

/** The figures as a street office reads them, with the rates worked out. */
export function scorecardView(street: string, stored: (Partial<Figures> & { changedAt?: string }) | undefined) {
  const n = (figure: Figure) => stored?.[figure] ?? 0;
  const vacancies = Math.max(0, n('posts') - n('hired'));
  return {
    street,
    /** When the scorecard last changed (null: no event about the street yet). */
    changedAt: stored?.changedAt ?? null,
    eventsApplied: n('eventsApplied'),
    staffing: { posts: n('posts'), hired: n('hired'), vacancies, vacancyRate: rate(vacancies, n('posts')), flaggedSecondments: n('flaggedSecondments') },
    money: { budgetedFen: n('budgetedFen'), allocatedFen: n('allocatedFen'), disbursedFen: n('disbursedFen') },
    place: {
      communitiesCompliant: n('communitiesCompliant'),
      communitiesAssessed: n('communitiesAssessed'),
      complianceRate: rate(n('communitiesCompliant'), n('communitiesAssessed')),
    },
    power: {
      powersHeld: n('powersHeld'),
      consentsDecided: n('consentsDecided'),
      consentsDecidedInTime: n('consentsInTime'),
      opinionsGiven: n('opinionsGiven'),
    },
    coordination: {
      issuesRaised: n('issuesRaised'),
      responses: n('responses'),
      responsesOnTime: n('responsesOnTime'),
      issuesClosed: n('issuesClosed'),
      issuesClosedOnTime: n('issuesClosedOnTime'),
      onTimeRate: rate(n('issuesClosedOnTime'), n('issuesClosed')),
      ratings: n('ratings'),
      averageRating: n('ratings') > 0 ? Math.round((n('ratingSum') / n('ratings')) * 100) / 100 : null,
      issuesEscalated: n('issuesEscalated'),
      workItemsAccepted: n('workItemsAccepted'),
      workItemsBlocked: n('workItemsBlocked'),
    },
  };
}

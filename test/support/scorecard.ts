import { FIGURES } from '../../services/coordination/scorecard/domain.ts';

/**
 * The five-haves scorecard recomputed from the events, sharing no code with the service but the list
 * of its figures: the property test of the scorecard (test/coordination-scorecard.test.ts) and the
 * chaos run (chaos/checks.ts) compare the service's figures with this.
 */
type Data = Record<string, any>;

/** An event as the bus carried it: its type, and its detail (metadata and data). */
export interface ScorecardEvent {
  detailType: string;
  detail: { metadata: { eventId: string; occurredAt: string }; data: unknown };
}

/** The event types the scorecard is built from (coordination subscribes to a few more, for other reasons). */
export const SCORECARD_EVENTS: ReadonlySet<string> = new Set([
  'PositionPublished', 'StaffHired', 'SecondmentFlagged', 'SecondmentApproved', 'SecondmentEnded',
  'BudgetApproved', 'BudgetAdjusted', 'FundsAllocated', 'DisbursementRecorded',
  'ComplianceAssessed', 'PowersDelegated', 'DelegationRevoked', 'ConsentRecorded', 'OpinionRecorded',
  'IssueRaised', 'IssueAcknowledged', 'IssueResolved', 'IssueRated', 'IssueEscalated', 'WorkItemAccepted', 'WorkItemBlocked',
]);

/** The streets an event counts for. */
export function streetsOf(event: ScorecardEvent): string[] {
  const data = event.detail.data as Data;
  return event.detailType === 'PowersDelegated' || event.detailType === 'DelegationRevoked' ? [...new Set<string>(data.streets)] : [data.street as string];
}

/**
 * The scorecards by plain recomputation over the distinct events (no registers, no deltas): what the
 * coordination service's scorecard must equal. Pass only events of `SCORECARD_EVENTS`, each once.
 */
export function recomputeScorecards(events: readonly ScorecardEvent[], streets: readonly string[]) {
  const figures = new Map([...new Set(streets)].map((s) => [s, Object.fromEntries(FIGURES.map((f) => [f, 0])) as Record<string, number>]));
  const add = (street: string, figure: string, n: number) => (figures.get(street)![figure]! += n);
  const compliance = new Map<string, { street: string; order: string; compliant: boolean }>();
  const budgets = new Map<string, { street: string; order: string; total: number }>();
  const delegations = new Map<string, { codes: number; streets: string[]; delegated: boolean; revoked: boolean }>();
  for (const event of events) {
    const data = event.detail.data as Data;
    const { eventId, occurredAt } = event.detail.metadata;
    if (!SCORECARD_EVENTS.has(event.detailType)) throw new Error(`${event.detailType} does not feed the scorecard`);
    for (const street of streetsOf(event)) add(street, 'eventsApplied', 1);
    switch (event.detailType) {
      case 'PositionPublished': add(data.street, 'posts', data.quota); break;
      case 'StaffHired': add(data.street, 'hired', 1); break;
      case 'SecondmentFlagged': add(data.street, 'flaggedSecondments', 1); break;
      case 'SecondmentApproved': if (data.unflagged) add(data.street, 'flaggedSecondments', -1); break;
      case 'SecondmentEnded': if (data.wasFlagged) add(data.street, 'flaggedSecondments', -1); break;
      case 'BudgetAdjusted': add(data.street, 'budgetedFen', data.deltaFen); break;
      case 'FundsAllocated': add(data.street, 'allocatedFen', data.amountFen); break;
      case 'DisbursementRecorded': add(data.street, 'disbursedFen', data.amountFen); break;
      case 'ConsentRecorded': add(data.street, 'consentsDecided', 1); if (!data.late) add(data.street, 'consentsInTime', 1); break;
      case 'OpinionRecorded': add(data.street, 'opinionsGiven', 1); break;
      case 'IssueRaised': add(data.street, 'issuesRaised', 1); break;
      case 'IssueAcknowledged': add(data.street, 'responses', 1); if (!data.late) add(data.street, 'responsesOnTime', 1); break;
      case 'IssueResolved': if (data.issueClosed) { add(data.street, 'issuesClosed', 1); if (data.issueOnTime) add(data.street, 'issuesClosedOnTime', 1); } break;
      case 'IssueRated': add(data.street, 'ratings', 1); add(data.street, 'ratingSum', data.score); break;
      case 'IssueEscalated': add(data.street, 'issuesEscalated', 1); break;
      case 'WorkItemAccepted': add(data.street, 'workItemsAccepted', 1); break;
      case 'WorkItemBlocked': add(data.street, 'workItemsBlocked', 1); break;
      case 'ComplianceAssessed': {
        const order = `${data.assessedAt}#${eventId}`;
        const seen = compliance.get(data.community);
        if (!seen || seen.order < order) compliance.set(data.community, { street: data.street, order, compliant: data.compliant });
        break;
      }
      case 'BudgetApproved': {
        const order = `${occurredAt}#${eventId}`;
        const seen = budgets.get(data.budgetId);
        if (!seen || seen.order < order) budgets.set(data.budgetId, { street: data.street, order, total: data.totalFen });
        break;
      }
      case 'PowersDelegated':
      case 'DelegationRevoked': {
        const seen = delegations.get(data.delegationId) ?? { codes: new Set(data.codes).size, streets: [...new Set<string>(data.streets)], delegated: false, revoked: false };
        if (event.detailType === 'PowersDelegated') seen.delegated = true;
        else seen.revoked = true;
        delegations.set(data.delegationId, seen);
        break;
      }
    }
  }
  for (const c of compliance.values()) {
    add(c.street, 'communitiesAssessed', 1);
    if (c.compliant) add(c.street, 'communitiesCompliant', 1);
  }
  for (const b of budgets.values()) add(b.street, 'budgetedFen', b.total);
  for (const g of delegations.values()) if (g.delegated && !g.revoked) for (const s of g.streets) add(s, 'powersHeld', g.codes);
  return figures;
}

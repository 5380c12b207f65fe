import type { Subscription } from '../../kernel/service.ts';
import { ConsentRecorded, DelegationRevoked, OpinionRecorded, PowersDelegated } from '../../contracts/authority.ts';
import { BudgetAdjusted, BudgetApproved, DisbursementRecorded, FundingDeclined, FundsAllocated } from '../../contracts/funding.ts';
import { ComplianceAssessed, VenueBooked, VenueUnavailable } from '../../contracts/premises.ts';
import { PositionPublished, SecondmentEnded, SecondmentFlagged, StaffHired } from '../../contracts/recruitment.ts';
import {
  IssueAcknowledged,
  IssueEscalated,
  IssueRaised,
  IssueRated,
  IssueResolved,
  WorkItemAccepted,
  WorkItemBlocked,
} from '../../contracts/coordination.ts';

const of = (name: string, definitions: Array<{ source: string; detailType: string }>): Subscription => ({
  name,
  source: definitions[0]!.source,
  detailTypes: definitions.map((d) => d.detailType),
});

/**
 * Venue answers from premises and money answers from funding update meetings and decisions; the
 * scorecard reads events of all five services, coordination's own included (from the bus, like
 * everyone else's, so that it is one read model built one way).
 */
export const subscriptions: Subscription[] = [
  of('coordination-recruitment', [PositionPublished, StaffHired, SecondmentFlagged, SecondmentEnded]),
  of('coordination-funding', [BudgetApproved, BudgetAdjusted, FundsAllocated, FundingDeclined, DisbursementRecorded]),
  of('coordination-premises', [ComplianceAssessed, VenueBooked, VenueUnavailable]),
  of('coordination-authority', [PowersDelegated, DelegationRevoked, ConsentRecorded, OpinionRecorded]),
  of('coordination-own', [IssueRaised, IssueAcknowledged, IssueResolved, IssueRated, IssueEscalated, WorkItemAccepted, WorkItemBlocked]),
];

import { ConsentRecorded, DelegationRevoked, OpinionRecorded, PowersDelegated } from '../../contracts/authority.ts';
import {
  IssueAcknowledged,
  IssueEscalated,
  IssueRaised,
  IssueRated,
  IssueResolved,
  WorkItemAccepted,
  WorkItemBlocked,
} from '../../contracts/coordination.ts';
import { BudgetAdjusted, BudgetApproved, DisbursementRecorded, FundingDeclined, FundsAllocated } from '../../contracts/funding.ts';
import { ComplianceAssessed, VenueBooked, VenueUnavailable } from '../../contracts/premises.ts';
import { PositionPublished, SecondmentApproved, SecondmentEnded, SecondmentFlagged, StaffHired } from '../../contracts/recruitment.ts';
import { defineConsumers } from '../../kernel/service.ts';

/**
 * What coordination consumes, by queue (one queue per producer). Venue answers from premises and
 * money answers from funding update meetings and decisions; the scorecard reads events of all five
 * services, coordination's own included (from the bus, like everyone else's, so that it is one read
 * model built one way). The reactions: handlers/events.ts.
 */
export const consumers = defineConsumers({
  'coordination-recruitment': [PositionPublished, StaffHired, SecondmentFlagged, SecondmentApproved, SecondmentEnded],
  'coordination-funding': [BudgetApproved, BudgetAdjusted, FundsAllocated, FundingDeclined, DisbursementRecorded],
  'coordination-premises': [ComplianceAssessed, VenueBooked, VenueUnavailable],
  'coordination-authority': [PowersDelegated, DelegationRevoked, ConsentRecorded, OpinionRecorded],
  'coordination-own': [IssueRaised, IssueAcknowledged, IssueResolved, IssueRated, IssueEscalated, WorkItemAccepted, WorkItemBlocked],
});

import { ConsentCaseOpened, ConsentRecorded } from '../../contracts/authority.ts';
import {
  DecisionRecorded,
  IssueAcknowledged,
  IssueEscalated,
  IssueRaised,
  IssueResolved,
  MeetingConvened,
  MeetingVenueSettled,
} from '../../contracts/coordination.ts';
import { FundingRequestOpened } from '../../contracts/funding.ts';
import { BookingCancelled, BookingMade } from '../../contracts/premises.ts';
import { ApplicationSubmitted, PositionClosed, StaffHired } from '../../contracts/recruitment.ts';
import { defineConsumers } from '../../kernel/service.ts';

/**
 * What notifications consumes, by queue (one queue per producer): the events that tell someone
 * something or set a reminder of a deadline. What each tells whom: reactions.ts.
 */
export const consumers = defineConsumers({
  'notifications-coordination': [IssueRaised, IssueAcknowledged, IssueResolved, IssueEscalated, MeetingConvened, MeetingVenueSettled, DecisionRecorded],
  'notifications-authority': [ConsentCaseOpened, ConsentRecorded],
  'notifications-recruitment': [ApplicationSubmitted, StaffHired, PositionClosed],
  'notifications-premises': [BookingMade, BookingCancelled],
  'notifications-funding': [FundingRequestOpened],
});

import type { Subscription } from '../../kernel/service.ts';
import {
  ApplicationSubmitted,
  BookingCancelled,
  BookingMade,
  ConsentCaseOpened,
  ConsentRecorded,
  DecisionRecorded,
  FundingRequestOpened,
  IssueAcknowledged,
  IssueEscalated,
  IssueRaised,
  IssueResolved,
  MeetingConvened,
  MeetingVenueSettled,
  PositionClosed,
  StaffHired,
} from './sources.ts';

/** One rule and queue per producer: what each service's events tell whom is in consumers.ts. */
export const subscriptions: Subscription[] = [
  {
    name: 'notifications-coordination',
    source: IssueRaised.source,
    detailTypes: [IssueRaised, IssueAcknowledged, IssueResolved, IssueEscalated, MeetingConvened, MeetingVenueSettled, DecisionRecorded].map((e) => e.detailType),
  },
  { name: 'notifications-authority', source: ConsentCaseOpened.source, detailTypes: [ConsentCaseOpened.detailType, ConsentRecorded.detailType] },
  { name: 'notifications-recruitment', source: ApplicationSubmitted.source, detailTypes: [ApplicationSubmitted, StaffHired, PositionClosed].map((e) => e.detailType) },
  { name: 'notifications-premises', source: BookingMade.source, detailTypes: [BookingMade.detailType, BookingCancelled.detailType] },
  { name: 'notifications-funding', source: FundingRequestOpened.source, detailTypes: [FundingRequestOpened.detailType] },
];

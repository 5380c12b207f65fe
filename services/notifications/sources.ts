/**
 * Everything the notifications service takes from the other services, in one module: the event
 * contracts it consumes and the offices' working-day calendar. When the contracts move (issue 18:
 * `contracts/<service>.ts`), this is the one file to re-point.
 */
export { ConsentCaseOpened, ConsentRecorded } from '../authority/events.ts';
export { addWorkingDays, endOfOfficeDay, isWorkingDay, officeDate, OFFICE_UTC_OFFSET_MINUTES } from '../authority/calendar.ts';
export {
  DecisionRecorded,
  IssueAcknowledged,
  IssueEscalated,
  IssueRaised,
  IssueResolved,
  MeetingConvened,
  MeetingVenueSettled,
} from '../coordination/events.ts';
export { FundingRequestOpened } from '../funding/events.ts';
export { BookingCancelled, BookingMade } from '../premises/events.ts';
export { ApplicationSubmitted, PositionClosed, StaffHired } from '../recruitment/events.ts';

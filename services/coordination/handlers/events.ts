import { consume, eventsHandler, type Reaction } from '../../../kernel/consumer.ts';
import { ConsentRecorded, DelegationRevoked, OpinionRecorded, PowersDelegated } from '../../authority/events.ts';
import { BudgetAdjusted, BudgetApproved, DisbursementRecorded, FundingDeclined, FundsAllocated } from '../../funding/events.ts';
import { ComplianceAssessed, VenueBooked, VenueUnavailable } from '../../premises/events.ts';
import { PositionPublished, SecondmentEnded, SecondmentFlagged, StaffHired } from '../../recruitment/events.ts';
import { IssueAcknowledged, IssueEscalated, IssueRaised, IssueRated, IssueResolved, WorkItemAccepted, WorkItemBlocked } from '../events.ts';
import { settleFunding, settleVenue } from '../meetings/domain.ts';
import { MeetingStore } from '../meetings/store.ts';
import { RankingStore } from '../rankings/store.ts';
import { both, scorecardConsumer, scorecardReaction } from '../scorecard/consumers.ts';
import { coordinationTable as table } from '../table.ts';

const meetings = new MeetingStore(table);
const rankings = new RankingStore(table);
const nothing = (note: string): Reaction => ({ writes: [], events: [], note });

/** Premises' answer settles the meeting's venue (the first answer stands). */
async function venueAnswer(meetingId: string, answer: Parameters<typeof settleVenue>[1], cause: Parameters<typeof settleVenue>[2]): Promise<Reaction> {
  const meeting = await meetings.meeting(meetingId);
  if (!meeting) return nothing(`no meeting ${meetingId}; venue answer not applied`);
  const change = settleVenue(meeting, answer, cause);
  return 'ignored' in change ? nothing(change.ignored) : meetings.meetingCommit(change);
}

/** Funding's answer to a decision's request settles the decision's money (the first answer stands). */
async function fundingAnswer(
  request: { kind: string; ref: string } | undefined,
  answer: Parameters<typeof settleFunding>[1],
  cause: Parameters<typeof settleFunding>[2],
): Promise<Reaction> {
  if (!request || request.kind !== 'FundingRequested') return nothing('not an answer to a joint-meeting decision');
  const decision = await meetings.decision(request.ref);
  if (!decision) return nothing(`no decision ${request.ref}; funding answer not applied`);
  const change = settleFunding(decision, answer, cause);
  return 'ignored' in change ? nothing(change.ignored) : meetings.decisionCommit(change);
}

export const handler = eventsHandler({
  service: 'coordination',
  store: table,
  consumers: [
    ...[PositionPublished, StaffHired, SecondmentFlagged, SecondmentEnded].map((d) => scorecardConsumer(table, d)),
    ...[BudgetApproved, BudgetAdjusted, DisbursementRecorded].map((d) => scorecardConsumer(table, d)),
    ...[ComplianceAssessed, PowersDelegated, DelegationRevoked, ConsentRecorded, OpinionRecorded].map((d) => scorecardConsumer(table, d)),
    scorecardConsumer(table, WorkItemAccepted),
    // Coordination's own events of the issues and work items feed the scorecard and the monthly rankings, in one commit.
    ...[IssueRaised, IssueAcknowledged, IssueResolved, IssueRated, IssueEscalated, WorkItemBlocked].map((d) =>
      consume(d, async (data, { metadata, cause }) =>
        both(await scorecardReaction(table, d.detailType, data, metadata, cause), {
          writes: await rankings.eventWrites(d.detailType, data as Record<string, unknown>, metadata, cause.now),
          events: [],
        }),
      ),
    ),

    consume(FundsAllocated, async (allocation, { metadata, cause }) =>
      both(
        await scorecardReaction(table, FundsAllocated.detailType, allocation, metadata, cause),
        await fundingAnswer(allocation.request, { status: 'allocated', allocationId: allocation.allocationId, amountFen: allocation.amountFen }, cause),
      ),
    ),
    consume(FundingDeclined, (declined, { cause }) => fundingAnswer(declined.request, { status: 'declined', reason: declined.reason }, cause)),

    consume(VenueBooked, (booked, { cause }) =>
      venueAnswer(
        booked.meetingId,
        { status: 'booked', bookingId: booked.bookingId, roomName: booked.roomName, address: booked.address, community: booked.community },
        cause,
      ),
    ),
    consume(VenueUnavailable, (unavailable, { cause }) => venueAnswer(unavailable.meetingId, { status: 'unavailable', reason: unavailable.reason }, cause)),
  ],
});

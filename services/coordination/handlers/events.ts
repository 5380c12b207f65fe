import { eventsHandler, type Reaction } from '../../../kernel/consumer.ts';
import { consumers } from '../consumers.ts';
import { settleFunding, settleVenue } from '../meetings/domain.ts';
import { MeetingStore } from '../meetings/store.ts';
import { RankingStore } from '../rankings/store.ts';
import { both, toScorecard } from '../scorecard/reactions.ts';
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

const scorecard = toScorecard(table);

/** Coordination's own events of the issues and work items feed the scorecard and the monthly rankings, in one commit. */
const scorecardAndRankings: typeof scorecard = async (data, context) =>
  both(await scorecard(data, context), {
    writes: await rankings.eventWrites(context.event.detailType, data as Record<string, unknown>, context.metadata, context.cause.now),
    events: [],
  });

/** The reactions to what coordination consumes (consumers.ts): most feed the scorecard alone. */
export const handler = eventsHandler({
  service: 'coordination',
  store: table,
  consumers,
  reactions: {
    PositionPublished: scorecard,
    StaffHired: scorecard,
    SecondmentFlagged: scorecard,
    SecondmentApproved: scorecard,
    SecondmentEnded: scorecard,
    BudgetApproved: scorecard,
    BudgetAdjusted: scorecard,
    DisbursementRecorded: scorecard,
    ComplianceAssessed: scorecard,
    PowersDelegated: scorecard,
    DelegationRevoked: scorecard,
    ConsentRecorded: scorecard,
    OpinionRecorded: scorecard,
    IssueRaised: scorecardAndRankings,
    IssueAcknowledged: scorecardAndRankings,
    IssueResolved: scorecardAndRankings,
    IssueRated: scorecardAndRankings,
    IssueEscalated: scorecardAndRankings,
    WorkItemAccepted: scorecard,
    WorkItemBlocked: scorecardAndRankings,
    FundsAllocated: async (allocation, context) =>
      both(
        await scorecard(allocation, context),
        await fundingAnswer(allocation.request, { status: 'allocated', allocationId: allocation.allocationId, amountFen: allocation.amountFen }, context.cause),
      ),
    FundingDeclined: (declined, { cause }) => fundingAnswer(declined.request, { status: 'declined', reason: declined.reason }, cause),
    VenueBooked: (booked, { cause }) =>
      venueAnswer(
        booked.meetingId,
        { status: 'booked', bookingId: booked.bookingId, roomName: booked.roomName, address: booked.address, community: booked.community },
        cause,
      ),
    VenueUnavailable: (unavailable, { cause }) => venueAnswer(unavailable.meetingId, { status: 'unavailable', reason: unavailable.reason }, cause),
  },
});

import { eventsHandler } from '../../../kernel/consumer.ts';
import { FundingAnswers } from '../compliance/funding-answers.ts';
import { RemediationStore } from '../compliance/store.ts';
import { consumers } from '../consumers.ts';
import { RoomStore } from '../rooms/store.ts';
import { premisesTable } from '../table.ts';
import { VenueFinder } from '../venues/finder.ts';

const venues = new VenueFinder(new RoomStore(premisesTable));
const funding = new FundingAnswers(new RemediationStore(premisesTable));

/** The reactions to what premises consumes (consumers.ts). */
export const handler = eventsHandler({
  service: 'premises',
  store: premisesTable,
  consumers,
  reactions: {
    VenueRequested: (request, { cause }) => venues.answer(request, cause),
    FundsAllocated: (allocation, { cause }) => funding.allocated(allocation, cause),
    FundingDeclined: (decline, { cause }) => funding.declined(decline, cause),
  },
});

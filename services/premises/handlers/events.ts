import { consume, eventsHandler } from '../../../kernel/consumer.ts';
import { VenueRequested } from '../../../contracts/coordination.ts';
import { FundingDeclined, FundsAllocated } from '../../../contracts/funding.ts';
import { FundingAnswers } from '../compliance/funding-answers.ts';
import { RemediationStore } from '../compliance/store.ts';
import { RoomStore } from '../rooms/store.ts';
import { premisesTable } from '../table.ts';
import { VenueFinder } from '../venues/finder.ts';

const venues = new VenueFinder(new RoomStore(premisesTable));
const funding = new FundingAnswers(new RemediationStore(premisesTable));

export const handler = eventsHandler({
  service: 'premises',
  store: premisesTable,
  consumers: [
    consume(VenueRequested, (request, { cause }) => venues.answer(request, cause)),
    consume(FundsAllocated, (allocation, { cause }) => funding.allocated(allocation, cause)),
    consume(FundingDeclined, (decline, { cause }) => funding.declined(decline, cause)),
  ],
});

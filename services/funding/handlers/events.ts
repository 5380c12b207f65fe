import { ulid } from 'ulid';
import { consume, eventsHandler } from '../../../kernel/consumer.ts';
import { Store } from '../../../kernel/store.ts';
import { tableNameFromEnv } from '../../../kernel/table.ts';
import { FundingRequested } from '../../../contracts/coordination.ts';
import { RemediationFundingRequested } from '../../../contracts/premises.ts';
import { RequestOpener } from '../requests/open.ts';

const table = new Store(tableNameFromEnv('funding'));
const opener = new RequestOpener(table);

export const handler = eventsHandler({
  service: 'funding',
  store: table,
  consumers: [
    consume(FundingRequested, (asked, { metadata, cause }) =>
      opener.open(
        ulid(),
        {
          kind: 'FundingRequested',
          ref: asked.decisionId,
          street: asked.street,
          amountFen: asked.amountFen,
          purpose: asked.purpose,
          details: { meetingId: asked.meetingId, ownerDepartment: asked.ownerDepartment },
        },
        { metadata, source: FundingRequested.source, cause },
      ),
    ),
    consume(RemediationFundingRequested, (asked, { metadata, cause }) =>
      opener.open(
        ulid(),
        {
          kind: 'RemediationFundingRequested',
          ref: asked.remediationId,
          street: asked.street,
          community: asked.community,
          amountFen: asked.amountFen,
          purpose: asked.purpose,
          details: { shortfallM2: asked.shortfallM2 },
        },
        { metadata, source: RemediationFundingRequested.source, cause },
      ),
    ),
  ],
});

import { ulid } from 'ulid';
import { eventsHandler } from '../../../kernel/consumer.ts';
import { consumers } from '../consumers.ts';
import { RequestOpener } from '../requests/open.ts';
import { fundingTable as table } from '../table.ts';

const opener = new RequestOpener(table);

export const handler = eventsHandler({
  service: 'funding',
  store: table,
  consumers,
  reactions: {
    FundingRequested: (asked, { metadata, cause, event }) =>
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
        { metadata, source: event.source, cause },
      ),
    RemediationFundingRequested: (asked, { metadata, cause, event }) =>
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
        { metadata, source: event.source, cause },
      ),
  },
});

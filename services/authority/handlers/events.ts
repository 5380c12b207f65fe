import { ulid } from 'ulid';
import { eventsHandler, type Reaction } from '../../../kernel/consumer.ts';
import type { Cause } from '../../../kernel/events.ts';
import { consumers } from '../consumers.ts';
import { openConsentCase } from '../consents/domain.ts';
import { ConsentStore } from '../consents/store.ts';
import { grantStep } from '../delegations/domain.ts';
import { DelegationStore } from '../delegations/store.ts';
import { authorityTable as table } from '../table.ts';

const consents = new ConsentStore(table);
const delegations = new DelegationStore(table);

/** The next step of writing a delegation's grants, from the progress the delegation itself records. */
async function nextGrantStep(delegationId: string, cause: Cause): Promise<Reaction> {
  const delegation = await delegations.delegation(delegationId);
  if (!delegation) throw new Error(`delegation ${delegationId} is missing`);
  const step = grantStep(delegation, cause);
  if ('ignored' in step) return { writes: [], events: [], note: step.ignored };
  return { ...delegations.grantStepCommit(step), note: `${step.delegation.grants.written} of ${step.delegation.grants.items} grant items` };
}

export const handler = eventsHandler({
  service: 'authority',
  store: table,
  consumers,
  reactions: {
    AppointmentRequested: async (request, { cause }) => consents.consentCommit(openConsentCase(ulid(), request, cause)),
    // Authority's own events: each step of granting a delegation is one delivery, bounded in work.
    DelegationAccepted: (accepted, { cause }) => nextGrantStep(accepted.delegationId, cause),
    DelegationGrantsWritten: (progress, { cause }) => nextGrantStep(progress.delegationId, cause),
  },
});

import { ulid } from 'ulid';
import { consume, eventsHandler } from '../../../kernel/consumer.ts';
import { AppointmentRequested } from '../../recruitment/events.ts';
import { openConsentCase } from '../domain/consent.ts';
import { AuthorityStore } from '../store.ts';

const authority = new AuthorityStore();

export const handler = eventsHandler({
  service: 'authority',
  store: authority.store,
  consumers: [
    consume(AppointmentRequested, async (request, { cause }) =>
      authority.consentCommit(openConsentCase(ulid(), request, cause)),
    ),
  ],
});

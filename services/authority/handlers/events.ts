import { ulid } from 'ulid';
import { consume, eventsHandler } from '../../../kernel/consumer.ts';
import { Store } from '../../../kernel/store.ts';
import { tableNameFromEnv } from '../../../kernel/table.ts';
import { AppointmentRequested } from '../../recruitment/events.ts';
import { openConsentCase } from '../consents/domain.ts';
import { ConsentStore } from '../consents/store.ts';

const table = new Store(tableNameFromEnv('authority'));
const consents = new ConsentStore(table);

export const handler = eventsHandler({
  service: 'authority',
  store: table,
  consumers: [
    consume(AppointmentRequested, async (request, { cause }) =>
      consents.consentCommit(openConsentCase(ulid(), request, cause)),
    ),
  ],
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { consentCaseFor, drained, nominate, published, sagaTokens, settledAppointment } from './support/saga.ts';

/** The bus puts every event in every matching queue twice, so each consumer gets every event twice. */
let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({ deliveryCopies: 2 });
});
afterAll(() => t?.stop());

it('every event delivered twice: no state changes twice and no event is emitted twice', async () => {
  const { department, committee } = await sagaTokens(t);
  const appointmentId = (await nominate(t, department)).body.id as string;
  const consentCase = await consentCaseFor(t, committee, appointmentId);
  await t.api('POST', `/authority/consents/${consentCase.id}/decision`, {
    token: committee,
    body: { decision: 'granted', writtenOpinion: 'Agreed in writing.' },
  });
  const final = await settledAppointment(t, department, appointmentId);
  expect(final.status).toBe('confirmed');
  // The saga's last event reaches the bus after the state it records; then every copy is delivered.
  await published(t, 'AppointmentConfirmed', appointmentId);
  await drained(t);

  // One consent case for the appointment, though AppointmentRequested arrived twice.
  const cases = await t.api('GET', '/authority/consents?status=granted&limit=100', { token: committee });
  expect((cases.body.items as Array<{ appointmentId: string }>).filter((c) => c.appointmentId === appointmentId)).toHaveLength(1);
  // Each event reached the bus once: the duplicates were absorbed, not re-emitted.
  const about = (type: string) =>
    t.published.filter((e) => e['detail-type'] === type && JSON.stringify(e.detail).includes(appointmentId));
  for (const type of ['AppointmentRequested', 'ConsentCaseOpened', 'ConsentRecorded', 'AppointmentConfirmed']) {
    expect(about(type), type).toHaveLength(1);
  }
  // ConsentCaseOpened came twice too: the case is noted on the appointment once. (Each change of the
  // appointment writes one event, so each event once is each change once.)
  await published(t, 'AppointmentConsentCaseNoted', appointmentId);
  await drained(t);
  expect(about('AppointmentConsentCaseNoted')).toHaveLength(1);
});

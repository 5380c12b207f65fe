import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '../infra/local/wait.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';

/** The bus puts every event in every matching queue twice, so each consumer gets every event twice. */
let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({ deliveryCopies: 2 });
});
afterAll(() => t?.stop());

it('every event delivered twice: no state changes twice and no event is emitted twice', async () => {
  const department = await t.token({ roles: ['department'], jurisdiction: 'D01', department: 'market-supervision' });
  const committee = await t.token({ roles: ['street-committee'], jurisdiction: 'D01/S03' });
  const requested = await t.api('POST', '/recruitment/appointments', {
    token: department,
    body: { street: 'D01/S03', agency: 'Market supervision station S03', nominee: { name: 'Wang Li' }, reason: 'Retirement.' },
  });
  const appointmentId = requested.body.id as string;
  const consentCase = await waitFor('the consent case', async () => {
    const list = await t.api('GET', '/authority/consents', { token: committee });
    return (list.body.items as Array<Record<string, any>>).find((c) => c.appointmentId === appointmentId);
  });
  await t.api('POST', `/authority/consents/${consentCase.id}/decision`, {
    token: committee,
    body: { decision: 'granted', writtenOpinion: 'Agreed in writing.' },
  });
  const final = await waitFor('the appointment to settle', async () => {
    const current = await t.api('GET', `/recruitment/appointments/${appointmentId}`, { token: department });
    return current.body.status === 'awaiting-consent' ? undefined : current.body;
  });
  expect(final.status).toBe('confirmed');
  // The last event of the saga reaches the bus after the state it records; wait for it, then for
  // every queued copy to be delivered.
  await waitFor('AppointmentConfirmed on the bus', async () =>
    t.published.some((e) => e['detail-type'] === 'AppointmentConfirmed' && JSON.stringify(e).includes(appointmentId))
      ? true
      : undefined,
  );
  await waitFor('the bus to drain', async () => ((await t.cloud.bus.isDrained()) ? true : undefined));

  // One consent case for the appointment, though AppointmentRequested arrived twice.
  const cases = await t.api('GET', '/authority/consents?status=granted&limit=100', { token: committee });
  expect((cases.body.items as Array<{ appointmentId: string }>).filter((c) => c.appointmentId === appointmentId)).toHaveLength(1);
  // Each event reached the bus once: the duplicates were absorbed, not re-emitted.
  const about = (type: string) =>
    t.published.filter((e) => e['detail-type'] === type && JSON.stringify(e.detail).includes(appointmentId));
  expect(about('AppointmentRequested')).toHaveLength(1);
  expect(about('ConsentCaseOpened')).toHaveLength(1);
  expect(about('ConsentRecorded')).toHaveLength(1);
  expect(about('AppointmentConfirmed')).toHaveLength(1);
  // The appointment was written twice (requested, confirmed), not three times.
  expect(final.version).toBe(2);
});

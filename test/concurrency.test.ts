import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '../infra/local/wait.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t?.stop());

it('50 concurrent decisions on one consent case: exactly one 200, the rest 409, one ConsentRecorded', async () => {
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

  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      t.api('POST', `/authority/consents/${consentCase.id}/decision`, {
        token: committee,
        body: { decision: i % 2 ? 'refused' : 'granted', writtenOpinion: `Opinion number ${i}.` },
      }),
    ),
  );
  const statuses = responses.map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(49);

  const winner = responses.find((r) => r.status === 200)!.body;
  const final = await waitFor('the appointment to settle', async () => {
    const current = await t.api('GET', `/recruitment/appointments/${appointmentId}`, { token: department });
    return current.body.status === 'awaiting-consent' ? undefined : current.body;
  });
  expect(final.status).toBe(winner.status === 'granted' ? 'confirmed' : 'rejected');
  await waitFor('the bus to drain', async () => ((await t.cloud.bus.isDrained()) ? true : undefined));
  const recorded = t.published.filter(
    (e) => e['detail-type'] === 'ConsentRecorded' && (e.detail as any).data.caseId === consentCase.id,
  );
  expect(recorded).toHaveLength(1);
  expect((recorded[0]!.detail as any).data.writtenOpinion).toBe(winner.writtenOpinion);
});

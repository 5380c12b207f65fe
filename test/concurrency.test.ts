import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { consentCaseFor, drained, nominate, sagaTokens, settledAppointment } from './support/saga.ts';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t?.stop());

it('50 concurrent decisions on one consent case: exactly one 200, the rest 409, one ConsentRecorded', async () => {
  const { department, committee } = await sagaTokens(t);
  const appointmentId = (await nominate(t, department)).body.id as string;
  const consentCase = await consentCaseFor(t, committee, appointmentId);

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
  const final = await settledAppointment(t, department, appointmentId);
  expect(final.status).toBe(winner.status === 'granted' ? 'confirmed' : 'rejected');
  await drained(t);
  const recorded = t.published.filter(
    (e) => e['detail-type'] === 'ConsentRecorded' && (e.detail as any).data.caseId === consentCase.id,
  );
  expect(recorded).toHaveLength(1);
  expect((recorded[0]!.detail as any).data.writtenOpinion).toBe(winner.writtenOpinion);
});

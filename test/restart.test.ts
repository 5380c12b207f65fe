import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { waitFor } from '../infra/local/wait.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';

let running: TestCloud | undefined;
afterAll(() => running?.stop());

async function saga(t: TestCloud, name: string): Promise<string> {
  const department = await t.token({ roles: ['department'], jurisdiction: 'D01', department: 'market-supervision' });
  const committee = await t.token({ roles: ['street-committee'], jurisdiction: 'D01/S03' });
  const requested = await t.api('POST', '/recruitment/appointments', {
    token: department,
    body: { street: 'D01/S03', agency: `Station for ${name}`, nominee: { name }, reason: 'New post.' },
  });
  const id = requested.body.id as string;
  const consentCase = await waitFor('the consent case', async () => {
    const list = await t.api('GET', '/authority/consents?limit=100', { token: committee });
    return (list.body.items as Array<Record<string, any>>).find((c) => c.appointmentId === id);
  });
  await t.api('POST', `/authority/consents/${consentCase.id}/decision`, {
    token: committee,
    body: { decision: 'granted', writtenOpinion: 'Agreed.' },
  });
  await waitFor('the appointment to settle', async () => {
    const current = await t.api('GET', `/recruitment/appointments/${id}`, { token: department });
    return current.body.status === 'confirmed' ? true : undefined;
  });
  return id;
}

it('after a restart the relay resumes from its saved positions: nothing is lost and nothing is re-published', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'five-haves-restart-'));
  running = await startTestCloud({ dataDir, inMemory: false });
  const before = await saga(running, 'Before Restart');
  const first = running;
  await waitFor('the last event of the first saga to reach the bus', async () =>
    first.published.some((e) => e['detail-type'] === 'AppointmentConfirmed' && JSON.stringify(e).includes(before))
      ? true
      : undefined,
  );
  await running.stop();

  running = await startTestCloud({ dataDir, inMemory: false });
  const after = await saga(running, 'After Restart');
  const ids = JSON.stringify(running.published);
  expect(ids).toContain(after);
  expect(ids).not.toContain(before);

  // What was written before the restart is still there.
  const department = await running.token({ roles: ['department'], jurisdiction: 'D01', department: 'market-supervision' });
  const old = await running.api('GET', `/recruitment/appointments/${before}`, { token: department });
  expect(old.body.status).toBe('confirmed');
});

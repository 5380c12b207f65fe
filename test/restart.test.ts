import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { consentCaseFor, nominate, published, sagaTokens, settledAppointment } from './support/saga.ts';

let running: TestCloud | undefined;
afterAll(() => running?.stop());

async function saga(t: TestCloud, name: string): Promise<string> {
  const { department, committee } = await sagaTokens(t);
  const id = (await nominate(t, department, { street: 'D01/S03', agency: `Station for ${name}`, nominee: { name }, reason: 'New post.' })).body
    .id as string;
  const consentCase = await consentCaseFor(t, committee, id);
  await t.api('POST', `/authority/consents/${consentCase.id}/decision`, {
    token: committee,
    body: { decision: 'granted', writtenOpinion: 'Agreed.' },
  });
  await settledAppointment(t, department, id);
  return id;
}

it('after a restart the relay resumes from its saved positions: nothing is lost and nothing is re-published', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'five-haves-restart-'));
  running = await startTestCloud({ dataDir, inMemory: false });
  const before = await saga(running, 'Before Restart');
  await published(running, 'AppointmentConfirmed', before);
  await running.stop();

  running = await startTestCloud({ dataDir, inMemory: false });
  const after = await saga(running, 'After Restart');
  const ids = JSON.stringify(running.published);
  expect(ids).toContain(after);
  expect(ids).not.toContain(before);

  // What was written before the restart is still there.
  const { department } = await sagaTokens(running);
  const old = await running.api('GET', `/recruitment/appointments/${before}`, { token: department });
  expect(old.body.status).toBe('confirmed');
});

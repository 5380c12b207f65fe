import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadIssuer } from './issuer.ts';
import { REPO_ROOT } from '../paths.ts';
import { waitFor } from './wait.ts';

/**
 * The first saga, step by step, against a running `npm start`: a department nominates the head of
 * its agency in street D01/S03, the street committee finds the consent case and decides in writing,
 * and the appointment settles. It does exactly what the README's curl walk-through does.
 */
const { values } = parseArgs({
  options: {
    refuse: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'data-dir': { type: 'string' },
  },
});
const base = `http://localhost:${values.port}`;
const issuer = await loadIssuer(values['data-dir'] ?? join(REPO_ROOT, '.data'));
const department = await issuer.sign({ roles: ['department'], jurisdiction: 'D01', department: 'market-supervision' });
const committee = await issuer.sign({ roles: ['street-committee'], jurisdiction: 'D01/S03' });
const otherCommittee = await issuer.sign({ roles: ['street-committee'], jurisdiction: 'D01/S04' });

async function call(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

function show(step: string, result: { status: number; body: unknown }) {
  console.log(`\n${step}\n  → ${result.status} ${JSON.stringify(result.body, null, 2).replaceAll('\n', '\n    ')}`);
}

try {
  const nominee = { name: `Wang Li ${new Date().toISOString().slice(11, 19)}` };
  const requested = await call('POST', '/recruitment/appointments', department, {
    street: 'D01/S03',
    agency: 'Market supervision station of street S03',
    nominee,
    reason: 'The former head retired; Wang Li has led the station’s inspections for six years.',
  });
  show('1. market-supervision nominates the head of its station in D01/S03: POST /recruitment/appointments', requested);
  if (requested.status !== 202) throw new Error('the nomination was not accepted');
  const appointmentId = requested.body.id as string;

  const consentCase = await waitFor('the consent case to reach the street committee', async () => {
    const list = await call('GET', '/authority/consents?status=pending', committee);
    const items = (list.body.items ?? []) as Array<Record<string, unknown>>;
    return items.find((c) => c.appointmentId === appointmentId);
  });
  show('2. the D01/S03 committee sees the case (via AppointmentRequested): GET /authority/consents?status=pending', {
    status: 200,
    body: consentCase,
  });

  const decision = { decision: values.refuse ? 'refused' : 'granted', writtenOpinion: 'The committee met on the nomination and records its written opinion.' };
  const intruder = await call('POST', `/authority/consents/${consentCase.id}/decision`, otherCommittee, decision);
  show("   a committee of another street (D01/S04) tries to decide: refused", intruder);
  const decided = await call('POST', `/authority/consents/${consentCase.id}/decision`, committee, decision);
  show(`3. the committee records its written decision (${decision.decision}): POST /authority/consents/{id}/decision`, decided);
  const again = await call('POST', `/authority/consents/${consentCase.id}/decision`, committee, decision);
  show('   a second decision on the same case: conflict', again);

  const settled = await waitFor('the appointment to settle', async () => {
    const current = await call('GET', `/recruitment/appointments/${appointmentId}`, department);
    return current.body.status !== 'awaiting-consent' ? current : undefined;
  });
  show('4. the appointment settles (via ConsentRecorded): GET /recruitment/appointments/{id}', settled);
} catch (error) {
  const refused = (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
  console.error(refused ? `Nothing answers on ${base}: start the platform with npm start first.` : String(error));
  process.exit(1);
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { consentCaseFor, settledAppointment } from './support/saga.ts';

/**
 * The first saga end to end, through the local gateway (real signed JWTs), the stream relay and the
 * bus: a department nominates, the street committee consents in writing, the appointment settles.
 */
let t: TestCloud;
let department: string;
let committee: string;
let otherCommittee: string;

beforeAll(async () => {
  t = await startTestCloud();
  department = await t.token({ roles: ['department'], jurisdiction: 'D01', department: 'market-supervision' });
  committee = await t.token({ roles: ['street-committee'], jurisdiction: 'D01/S03' });
  otherCommittee = await t.token({ roles: ['street-committee'], jurisdiction: 'D01/S04' });
});
afterAll(() => t?.stop());

/** Each department stations one agency in a street, so each test nominates for its own department. */
async function nominate(departmentName: string, nominee = 'Wang Li') {
  const token =
    departmentName === 'market-supervision'
      ? department
      : await t.token({ roles: ['department'], jurisdiction: 'D01', department: departmentName });
  const response = await t.api('POST', '/recruitment/appointments', {
    token,
    body: { street: 'D01/S03', agency: `${departmentName} station of S03`, nominee: { name: nominee }, reason: 'The former head retired.' },
  });
  expect(response.status).toBe(202);
  return response.body;
}

const pendingCaseFor = (appointmentId: string) => consentCaseFor(t, committee, appointmentId);

async function settled(appointmentId: string) {
  const reader = await t.token({ roles: ['street-official'], jurisdiction: 'D01/S03' });
  return settledAppointment(t, reader, appointmentId);
}

describe('appointment of an agency head needs the street committee’s written consent', () => {
  it('a second nomination while one awaits consent is 409', async () => {
    const water = await t.token({ roles: ['department'], jurisdiction: 'D01', department: 'water' });
    const body = { street: 'D01/S03', agency: 'Water station S03', nominee: { name: 'Ma Jun' }, reason: 'New post.' };
    expect((await t.api('POST', '/recruitment/appointments', { token: water, body })).status).toBe(202);
    const second = await t.api('POST', '/recruitment/appointments', { token: water, body: { ...body, nominee: { name: 'Other' } } });
    expect(second.status).toBe(409);
  });

  it('a granted consent confirms the appointment', async () => {
    const appointment = await nominate('market-supervision');
    expect(appointment.status).toBe('awaiting-consent');

    const consentCase = await pendingCaseFor(appointment.id);
    expect(consentCase).toMatchObject({ street: 'D01/S03', department: 'market-supervision', status: 'pending' });

    // Nothing about the appointment is final before the consent.
    const before = await t.api('GET', `/recruitment/appointments/${appointment.id}`, { token: department });
    expect(before.body.status).toBe('awaiting-consent');

    const decided = await t.api('POST', `/authority/consents/${consentCase.id}/decision`, {
      token: committee,
      body: { decision: 'granted', writtenOpinion: 'The committee agrees: six years of good work.' },
    });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('granted');

    const final = await settled(appointment.id);
    expect(final).toMatchObject({ status: 'confirmed', consentCaseId: consentCase.id });
  });

  it('a refused consent rejects the appointment, with the written opinion', async () => {
    const appointment = await nominate('food-and-drug', 'Zhao Min');
    const consentCase = await pendingCaseFor(appointment.id);
    const decided = await t.api('POST', `/authority/consents/${consentCase.id}/decision`, {
      token: committee,
      body: { decision: 'refused', writtenOpinion: 'The nominee has not worked in this street.' },
    });
    expect(decided.status).toBe(200);
    const final = await settled(appointment.id);
    expect(final).toMatchObject({ status: 'rejected', writtenOpinion: 'The nominee has not worked in this street.' });
  });

  it('a second decision on the same case is 409 and a committee of another street gets 403', async () => {
    const appointment = await nominate('sanitation', 'Li Qiang');
    const consentCase = await pendingCaseFor(appointment.id);
    const body = { decision: 'granted', writtenOpinion: 'Agreed.' };

    const intruder = await t.api('POST', `/authority/consents/${consentCase.id}/decision`, { token: otherCommittee, body });
    expect(intruder.status).toBe(403);
    expect(intruder.headers.get('content-type')).toBe('application/problem+json');

    const first = await t.api('POST', `/authority/consents/${consentCase.id}/decision`, { token: committee, body });
    expect(first.status).toBe(200);
    const second = await t.api('POST', `/authority/consents/${consentCase.id}/decision`, {
      token: committee,
      body: { decision: 'refused', writtenOpinion: 'Changed our mind.' },
    });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ status: 409, title: expect.any(String), detail: expect.stringContaining('already decided') });
    expect((await settled(appointment.id)).status).toBe('confirmed');
  });

  it('the committee of another street does not see the case in its list', async () => {
    const appointment = await nominate('urban-management', 'Sun Hui');
    await pendingCaseFor(appointment.id);
    const theirs = await t.api('GET', '/authority/consents?status=pending', { token: otherCommittee });
    expect(theirs.status).toBe(200);
    expect((theirs.body.items as Array<{ appointmentId: string }>).map((c) => c.appointmentId)).not.toContain(appointment.id);
    const explicit = await t.api('GET', '/authority/consents?street=D01/S03', { token: otherCommittee });
    expect(explicit.status).toBe(403);
  });

  it('a department cannot nominate for another department nor outside its district', async () => {
    const elsewhere = await t.api('POST', '/recruitment/appointments', {
      token: department,
      body: { street: 'D02/S01', agency: 'Station', nominee: { name: 'A B' }, reason: 'x' },
    });
    expect(elsewhere.status).toBe(403);
    const appointment = await nominate('transport', 'Zhou Ping');
    const otherDepartment = await t.token({ roles: ['department'], jurisdiction: 'D01', department: 'sanitation' });
    const peek = await t.api('GET', `/recruitment/appointments/${appointment.id}`, { token: otherDepartment });
    expect(peek.status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../infra/local/wait.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { consentCaseFor, drained, published, settledAppointment } from './support/saga.ts';

/**
 * The first saga end to end, through the local gateway (real signed JWTs), the stream relay and the
 * bus: a department nominates, the street committee consents in writing, the appointment settles.
 */
let t: TestCloud;
let department: string;
let committee: string;
let otherCommittee: string;

/** ConsentCaseOpened about this department's nominations waits here, to arrive after the decision. */
const LATE_NOTICE = 'parks-and-gardens';
let letNoticeOn!: () => void;
const noticeHeld = new Promise<void>((resolve) => (letNoticeOn = resolve));

beforeAll(async () => {
  t = await startTestCloud({
    deliveryGate: async ({ queue, events }) => {
      const late = events.some((e) => e['detail-type'] === 'ConsentCaseOpened' && (e.detail as any).data.department === LATE_NOTICE);
      if (queue === 'recruitment-consent-cases' && late) await noticeHeld;
    },
  });
  department = await t.token({ roles: ['department'], jurisdiction: 'D01', department: 'market-supervision' });
  committee = await t.token({ roles: ['street-committee'], jurisdiction: 'D01/S03' });
  otherCommittee = await t.token({ roles: ['street-committee'], jurisdiction: 'D01/S04' });
});
afterAll(() => {
  letNoticeOn?.();
  return t?.stop();
});

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

  it('an appointment that awaits consent names its consent case, and when it is due, as soon as the case is open', async () => {
    const appointment = await nominate('civil-affairs', 'Qian Lu');
    expect(appointment).not.toHaveProperty('consentCaseId');

    const consentCase = await pendingCaseFor(appointment.id);
    const reader = await t.token({ roles: ['street-official'], jurisdiction: 'D01/S03' });
    const noted = await waitFor('the consent case on the appointment', async () => {
      const current = await t.api('GET', `/recruitment/appointments/${appointment.id}`, { token: reader });
      return current.body.consentCaseId ? current.body : undefined;
    });

    expect(noted).toMatchObject({ status: 'awaiting-consent', consentCaseId: consentCase.id, consentDueBy: consentCase.dueBy });
    const event = await published(t, 'AppointmentConsentCaseNoted', appointment.id);
    expect(event.detail).toMatchObject({ data: { appointmentId: appointment.id, consentCaseId: consentCase.id } });
  });

  it('the case opened, delivered twice, is noted once', async () => {
    const appointment = await nominate('statistics', 'Shen Yi');
    await pendingCaseFor(appointment.id);
    const opened = await published(t, 'ConsentCaseOpened', appointment.id);
    await published(t, 'AppointmentConsentCaseNoted', appointment.id);

    await t.cloud.bus.putEvents([opened, opened].map((e) => ({ source: e.source, detailType: e['detail-type'], detail: e.detail })));
    await drained(t);

    const notices = t.published.filter((e) => e['detail-type'] === 'AppointmentConsentCaseNoted' && (e.detail as any).data.appointmentId === appointment.id);
    expect(notices).toHaveLength(1);
  });

  it('the case opened, arriving after the decision, is noted all the same: the appointment ends as in the usual order', async () => {
    const appointment = await nominate(LATE_NOTICE, 'Fang Hua');
    const consentCase = await pendingCaseFor(appointment.id);
    await t.api('POST', `/authority/consents/${consentCase.id}/decision`, { token: committee, body: { decision: 'granted', writtenOpinion: 'Agreed.' } });
    const settledFirst = await settled(appointment.id);
    expect(settledFirst).toMatchObject({ status: 'confirmed', consentCaseId: consentCase.id });
    expect(settledFirst).not.toHaveProperty('consentDueBy');

    letNoticeOn();
    // The noted case reaches the table first and the bus through the stream relay after it: wait for
    // the event, then for every queue to be empty, before counting.
    await published(t, 'AppointmentConsentCaseNoted', appointment.id);
    await drained(t);

    const reader = await t.token({ roles: ['street-official'], jurisdiction: 'D01/S03' });
    const after = await t.api('GET', `/recruitment/appointments/${appointment.id}`, { token: reader });
    expect(after.body).toEqual({ ...settledFirst, consentDueBy: consentCase.dueBy });
    const notices = t.published.filter((e) => e['detail-type'] === 'AppointmentConsentCaseNoted' && (e.detail as any).data.appointmentId === appointment.id);
    expect(notices).toHaveLength(1);
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

import { describe, expect, it } from 'vitest';
import { ConflictError, UnprocessableError } from '../../../kernel/errors.ts';
import type { Cause } from '../../../kernel/events.ts';
import {
  noteConsentCase,
  requestAppointment,
  settleAppointment,
  type AgencyPost,
  type Appointment,
  type ConsentOutcome,
} from './domain.ts';

const street = 'D01/S03';
const department = 'market-supervision';
const agency = 'Market supervision station of S03';
const zhang = { name: 'Zhang Wei', personId: 'P-1001' };
const li = { name: 'Li Na', personId: 'P-2002' };

const cause = (now = '2025-03-01T08:00:00.000Z'): Cause => ({
  correlationId: 'corr-1',
  now,
  actor: { sub: 'dept-user-1', roles: ['department'], jurisdiction: 'D01', department },
});

const request = (overrides: Partial<Parameters<typeof requestAppointment>[0]> = {}) => ({
  id: '01JAPPOINTMENT0000000000001',
  street,
  department,
  agency,
  action: 'appoint' as const,
  nominee: zhang,
  reason: 'The station has had no head since January.',
  ...overrides,
});

const postHeadedBy = (head: AgencyPost['head'], extra: Partial<AgencyPost> = {}): AgencyPost => ({
  street,
  department,
  agency,
  ...(head ? { head } : {}),
  version: 3,
  ...extra,
});

const awaiting = (overrides: Partial<Appointment> = {}): Appointment => ({
  ...request(),
  status: 'awaiting-consent',
  requestedAt: '2025-03-01T08:00:00.000Z',
  requestedBy: 'dept-user-1',
  version: 1,
  ...overrides,
});

const consent = (decision: ConsentOutcome['decision']): ConsentOutcome => ({
  caseId: '01JCONSENTCASE0000000000001',
  decision,
  writtenOpinion: decision === 'granted' ? 'The committee agrees.' : 'The nominee lacks grass-roots experience.',
  decidedAt: '2025-03-05T10:00:00.000Z',
});

const settleCause = cause('2025-03-05T10:00:01.000Z');

describe('requesting an appointment', () => {
  it('a first nomination for an agency awaits the street’s consent and opens the post at version 1', () => {
    const change = requestAppointment(request(), undefined, cause());

    expect(change.appointment).toMatchObject({
      status: 'awaiting-consent',
      version: 1,
      requestedAt: '2025-03-01T08:00:00.000Z',
      requestedBy: 'dept-user-1',
    });
    expect(change.post).toEqual({
      street,
      department,
      agency,
      pendingAppointmentId: '01JAPPOINTMENT0000000000001',
      version: 1,
    });
  });

  it('a nomination emits one AppointmentRequested on the appointment, with the cause’s correlation', () => {
    const change = requestAppointment(request(), undefined, cause());

    expect(change.events).toHaveLength(1);
    const [event] = change.events;
    expect(event).toMatchObject({
      source: 'five-haves.recruitment',
      detailType: 'AppointmentRequested',
      aggregate: 'APPOINTMENT#01JAPPOINTMENT0000000000001',
      detail: {
        metadata: { schemaVersion: 1, occurredAt: '2025-03-01T08:00:00.000Z', correlationId: 'corr-1' },
        data: { appointmentId: '01JAPPOINTMENT0000000000001', street, department, action: 'appoint', nominee: zhang },
      },
    });
  });

  it('a nomination to a post that has a head keeps the head until consent and advances the post’s version', () => {
    const change = requestAppointment(request({ nominee: li }), postHeadedBy(zhang), cause());

    expect(change.post.head).toEqual(zhang);
    expect(change.post.version).toBe(4);
  });

  it('a second request for the same agency while one awaits consent is refused (409)', () => {
    const post = postHeadedBy(zhang, { pendingAppointmentId: '01JEARLIER00000000000000001' });

    expect(() => requestAppointment(request({ nominee: li }), post, cause())).toThrow(ConflictError);
    expect(() => requestAppointment(request({ nominee: li }), post, cause())).toThrow(/01JEARLIER00000000000000001/);
  });

  it('a removal request while another request awaits consent is refused too (409)', () => {
    const post = postHeadedBy(zhang, { pendingAppointmentId: '01JEARLIER00000000000000001' });

    expect(() => requestAppointment(request({ action: 'remove', nominee: zhang }), post, cause())).toThrow(
      ConflictError,
    );
  });

  it('a removal of someone who is not the head is refused (422)', () => {
    const attempt = () => requestAppointment(request({ action: 'remove', nominee: li }), postHeadedBy(zhang), cause());

    expect(attempt).toThrow(UnprocessableError);
    expect(attempt).toThrow('Li Na is not the head of this agency in D01/S03.');
  });

  it('a removal where the post has no head at all is refused (422)', () => {
    expect(() => requestAppointment(request({ action: 'remove', nominee: zhang }), undefined, cause())).toThrow(
      UnprocessableError,
    );
  });

  it('appointing the person who already heads the agency is refused (422)', () => {
    expect(() => requestAppointment(request({ nominee: zhang }), postHeadedBy(zhang), cause())).toThrow(
      'Zhang Wei already heads this agency in D01/S03.',
    );
  });

  it('the person is matched by personId when both sides have one, whatever the spelling of the name', () => {
    const change = requestAppointment(
      request({ action: 'remove', nominee: { name: 'ZHANG Wei', personId: 'P-1001' } }),
      postHeadedBy(zhang),
      cause(),
    );

    expect(change.appointment.status).toBe('awaiting-consent');
  });

  it('two people of the same name with different personIds are different people', () => {
    const namesake = { name: 'Zhang Wei', personId: 'P-9999' };

    expect(() => requestAppointment(request({ action: 'remove', nominee: namesake }), postHeadedBy(zhang), cause())).toThrow(
      UnprocessableError,
    );
  });

  it('without personIds the person is matched by name', () => {
    const change = requestAppointment(
      request({ action: 'remove', nominee: { name: 'Zhang Wei' } }),
      postHeadedBy({ name: 'Zhang Wei' }),
      cause(),
    );

    expect(change.post.pendingAppointmentId).toBe('01JAPPOINTMENT0000000000001');
  });
});

describe('settling an appointment on the street’s consent', () => {
  it('consent to an appointment confirms it and makes the nominee the head', () => {
    const change = settleAppointment(awaiting({ nominee: li }), postHeadedBy(zhang, { pendingAppointmentId: awaiting().id }), consent('granted'), settleCause);
    if ('ignored' in change) throw new Error(change.ignored);

    expect(change.appointment).toMatchObject({
      status: 'confirmed',
      consentCaseId: '01JCONSENTCASE0000000000001',
      decidedAt: '2025-03-05T10:00:00.000Z',
      version: 2,
    });
    expect(change.post).toEqual({ street, department, agency, head: li, version: 4 });
  });

  it('consent emits AppointmentConfirmed with the consent case', () => {
    const change = settleAppointment(awaiting(), postHeadedBy(undefined, { pendingAppointmentId: awaiting().id }), consent('granted'), settleCause);
    if ('ignored' in change) throw new Error(change.ignored);

    expect(change.events.map((e) => e.detailType)).toEqual(['AppointmentConfirmed']);
    expect(change.events[0]!.detail.data).toMatchObject({
      appointmentId: '01JAPPOINTMENT0000000000001',
      consentCaseId: '01JCONSENTCASE0000000000001',
    });
  });

  it('refusal rejects the appointment, records the written opinion and emits AppointmentRejected', () => {
    const change = settleAppointment(awaiting({ nominee: li }), postHeadedBy(zhang, { pendingAppointmentId: awaiting().id }), consent('refused'), settleCause);
    if ('ignored' in change) throw new Error(change.ignored);

    expect(change.appointment.status).toBe('rejected');
    expect(change.appointment.writtenOpinion).toBe('The nominee lacks grass-roots experience.');
    expect(change.events[0]).toMatchObject({
      detailType: 'AppointmentRejected',
      detail: { data: { writtenOpinion: 'The nominee lacks grass-roots experience.' } },
    });
  });

  it('refusal leaves the head unchanged and frees the post for a new request', () => {
    const change = settleAppointment(awaiting({ nominee: li }), postHeadedBy(zhang, { pendingAppointmentId: awaiting().id }), consent('refused'), settleCause);
    if ('ignored' in change) throw new Error(change.ignored);

    expect(change.post).toEqual({ street, department, agency, head: zhang, version: 4 });
  });

  it('consent to a removal leaves the post without a head', () => {
    const removal = awaiting({ action: 'remove', nominee: zhang });
    const change = settleAppointment(removal, postHeadedBy(zhang, { pendingAppointmentId: removal.id }), consent('granted'), settleCause);
    if ('ignored' in change) throw new Error(change.ignored);

    expect(change.appointment.status).toBe('confirmed');
    expect(change.post.head).toBeUndefined();
  });

  it('refusal of a removal keeps the head in post', () => {
    const removal = awaiting({ action: 'remove', nominee: zhang });
    const change = settleAppointment(removal, postHeadedBy(zhang, { pendingAppointmentId: removal.id }), consent('refused'), settleCause);
    if ('ignored' in change) throw new Error(change.ignored);

    expect(change.post.head).toEqual(zhang);
  });

  it('a decision for an appointment no longer awaiting consent changes nothing', () => {
    const confirmed = awaiting({ status: 'confirmed', version: 2 });
    const outcome = settleAppointment(confirmed, postHeadedBy(zhang), consent('refused'), settleCause);

    expect(outcome).toEqual({ ignored: 'appointment 01JAPPOINTMENT0000000000001 is already confirmed' });
  });

  it('settling keeps a pending request that is not this appointment’s', () => {
    const other = '01JOTHER0000000000000000001';
    const change = settleAppointment(awaiting(), postHeadedBy(undefined, { pendingAppointmentId: other }), consent('granted'), settleCause);
    if ('ignored' in change) throw new Error(change.ignored);

    expect(change.post.pendingAppointmentId).toBe(other);
  });
});

describe('noting the consent case on the appointment', () => {
  const opened = { caseId: '01JCONSENTCASE0000000000001', dueBy: '2025-03-21T15:59:59.999Z' };

  it('an appointment awaiting consent names its case and when the decision is due, and emits AppointmentConsentCaseNoted', () => {
    const change = noteConsentCase(awaiting(), opened, settleCause);
    if ('ignored' in change) throw new Error(change.ignored);

    expect(change.appointment).toMatchObject({
      status: 'awaiting-consent',
      consentCaseId: '01JCONSENTCASE0000000000001',
      consentDueBy: '2025-03-21T15:59:59.999Z',
      version: 2,
    });
    expect(change.events.map((e) => e.detailType)).toEqual(['AppointmentConsentCaseNoted']);
    expect(change.events[0]!.detail.data).toMatchObject({ appointmentId: awaiting().id, consentCaseId: opened.caseId, consentDueBy: opened.dueBy });
  });

  it('noted before or after the decision, the appointment ends the same', () => {
    const post = postHeadedBy(undefined, { pendingAppointmentId: awaiting().id });
    const settle = (a: Appointment) => {
      const change = settleAppointment(a, post, consent('granted'), settleCause);
      if ('ignored' in change) throw new Error(change.ignored);
      return change.appointment;
    };
    const note = (a: Appointment) => {
      const change = noteConsentCase(a, opened, settleCause);
      if ('ignored' in change) throw new Error(change.ignored);
      return change.appointment;
    };

    expect(note(settle(awaiting()))).toEqual(settle(note(awaiting())));
    expect(note(settle(awaiting()))).toMatchObject({ status: 'confirmed', consentCaseId: opened.caseId, consentDueBy: opened.dueBy, version: 3 });
  });

  it('a second notice changes nothing', () => {
    const noted = awaiting({ consentCaseId: opened.caseId, consentDueBy: opened.dueBy, version: 2 });

    expect(noteConsentCase(noted, opened, settleCause)).toEqual({
      ignored: `appointment ${noted.id} already noted consent case ${opened.caseId}`,
    });
  });

  it('a notice of a case other than the one the decision named changes nothing', () => {
    const decided = awaiting({ status: 'confirmed', consentCaseId: '01JOTHERCASE00000000000001', version: 2 });

    expect(noteConsentCase(decided, opened, settleCause)).toEqual({
      ignored: `appointment ${decided.id} was decided in consent case 01JOTHERCASE00000000000001, not ${opened.caseId}`,
    });
  });
});

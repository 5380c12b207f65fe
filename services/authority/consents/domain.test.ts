import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../kernel/errors.ts';
import type { Cause } from '../../../kernel/events.ts';
import { CONSENT_DEADLINE_WORKING_DAYS, consentView, openConsentCase, recordDecision, type ConsentCase } from './domain.ts';

/** A Saturday: 15 working days later is the end of Friday 21 March in the offices (UTC+8). */
const opened = '2025-03-01T08:00:00.000Z';
const dueBy = '2025-03-21T15:59:59.999Z';

const serviceCause: Cause = {
  correlationId: 'corr-1',
  causationId: 'evt-appointment-requested',
  now: opened,
  actor: { sub: 'five-haves.authority', roles: ['service'] },
};

const committee = (now: string): Cause => ({
  correlationId: 'corr-2',
  now,
  actor: { sub: 'committee-secretary', roles: ['street-committee'], jurisdiction: 'D01/S03' },
});

const requested = {
  appointmentId: '01JAPPOINTMENT0000000000001',
  street: 'D01/S03',
  department: 'market-supervision',
  agency: 'Market supervision station of S03',
  action: 'appoint' as const,
  nominee: { name: 'Li Na', personId: 'P-2002' },
  reason: 'The station has had no head since January.',
  requestedAt: '2025-03-01T07:59:59.000Z',
};

const pending = (): ConsentCase => openConsentCase('01JCONSENTCASE0000000000001', requested, serviceCause).consentCase;

const decide = (consentCase: ConsentCase, decision: 'granted' | 'refused', now = '2025-03-05T10:00:00.000Z') =>
  recordDecision(consentCase, { decision, writtenOpinion: `Written opinion: ${decision}.` }, committee(now));

describe('opening a consent case', () => {
  it(`an appointment request opens a pending case due ${CONSENT_DEADLINE_WORKING_DAYS} working days later`, () => {
    const { consentCase } = openConsentCase('01JCONSENTCASE0000000000001', requested, serviceCause);

    expect(consentCase).toEqual({
      id: '01JCONSENTCASE0000000000001',
      appointmentId: '01JAPPOINTMENT0000000000001',
      street: 'D01/S03',
      department: 'market-supervision',
      agency: 'Market supervision station of S03',
      action: 'appoint',
      nominee: { name: 'Li Na', personId: 'P-2002' },
      reason: 'The station has had no head since January.',
      status: 'pending',
      openedAt: opened,
      dueBy,
      version: 1,
    });
  });

  it('opening a case emits ConsentCaseOpened with the deadline, caused by the request', () => {
    const { events } = openConsentCase('01JCONSENTCASE0000000000001', requested, serviceCause);

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      source: 'five-haves.authority',
      detailType: 'ConsentCaseOpened',
      aggregate: 'CONSENT#01JCONSENTCASE0000000000001',
      detail: {
        metadata: { causationId: 'evt-appointment-requested', correlationId: 'corr-1' },
        data: { caseId: '01JCONSENTCASE0000000000001', appointmentId: '01JAPPOINTMENT0000000000001', dueBy },
      },
    });
  });
});

describe('recording the street committee’s decision', () => {
  it('written consent grants the case and records who decided, when and in what words', () => {
    const { consentCase } = decide(pending(), 'granted');

    expect(consentCase).toMatchObject({
      status: 'granted',
      decidedAt: '2025-03-05T10:00:00.000Z',
      decidedBy: 'committee-secretary',
      writtenOpinion: 'Written opinion: granted.',
      late: false,
      version: 2,
    });
  });

  it('a refusal refuses the case with its written opinion', () => {
    const { consentCase } = decide(pending(), 'refused');

    expect(consentCase.status).toBe('refused');
    expect(consentCase.writtenOpinion).toBe('Written opinion: refused.');
  });

  it('a decision emits ConsentRecorded naming the appointment it settles', () => {
    const { events } = decide(pending(), 'refused');

    expect(events.map((e) => e.detailType)).toEqual(['ConsentRecorded']);
    expect(events[0]!.detail.data).toEqual({
      caseId: '01JCONSENTCASE0000000000001',
      appointmentId: '01JAPPOINTMENT0000000000001',
      street: 'D01/S03',
      department: 'market-supervision',
      decision: 'refused',
      writtenOpinion: 'Written opinion: refused.',
      decidedBy: 'committee-secretary',
      decidedAt: '2025-03-05T10:00:00.000Z',
      late: false,
    });
  });

  it('a second decision on a case is 409 (ConflictError)', () => {
    const { consentCase: granted } = decide(pending(), 'granted');

    expect(() => decide(granted, 'refused')).toThrow(ConflictError);
    expect(() => decide(granted, 'refused')).toThrow('Consent case 01JCONSENTCASE0000000000001 was already decided: granted.');
  });

  it('a refused case cannot be granted afterwards (409)', () => {
    const { consentCase: refused } = decide(pending(), 'refused');

    expect(() => decide(refused, 'granted')).toThrow(ConflictError);
  });

  it('a late decision is marked late, on the case and on the event', () => {
    const { consentCase, events } = decide(pending(), 'granted', '2025-03-21T16:00:00.000Z');

    expect(consentCase.late).toBe(true);
    expect(events[0]!.detail.data).toMatchObject({ late: true });
  });

  it('a decision at the deadline itself is on time', () => {
    const { consentCase } = decide(pending(), 'granted', dueBy);

    expect(consentCase.late).toBe(false);
  });
});

describe('the deadline, as readers see it', () => {
  it('a pending case is not overdue at its deadline', () => {
    expect(consentView(pending(), dueBy).overdue).toBe(false);
  });

  it('a pending case is overdue one millisecond after its deadline', () => {
    expect(consentView(pending(), '2025-03-21T16:00:00.000Z').overdue).toBe(true);
  });

  it('a decided case is never overdue, even if it was decided late', () => {
    const { consentCase } = decide(pending(), 'granted', '2025-04-01T00:00:00.000Z');

    expect(consentView(consentCase, '2025-05-01T00:00:00.000Z')).toMatchObject({ overdue: false, late: true });
  });
});

import { ConflictError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import type { AppointmentRequested } from '../../../contracts/recruitment.ts';
import { ConsentCaseOpened, ConsentRecorded } from '../../../contracts/authority.ts';
import { workingDaysDeadline } from '../../../kernel/calendar.ts';
import { keys } from '../keys.ts';
import type * as z from 'zod/mini';

/**
 * How long a street committee has to give its written decision: working days (Monday to Friday in
 * the offices' calendar), counted from the day after the case was opened, to the end of the last one.
 */
export const CONSENT_DEADLINE_WORKING_DAYS = 15;

export type ConsentStatus = 'pending' | 'granted' | 'refused';

/**
 * A request for the street party committee's written consent to appoint or remove the head of an
 * agency a department stations in the street. One decision per case.
 */
export interface ConsentCase {
  id: string;
  appointmentId: string;
  street: string;
  department: string;
  agency: string;
  action: 'appoint' | 'remove';
  nominee: { name: string; personId?: string };
  reason: string;
  status: ConsentStatus;
  openedAt: string;
  dueBy: string;
  decidedAt?: string;
  decidedBy?: string;
  writtenOpinion?: string;
  late?: boolean;
  version: number;
}

export interface ConsentChange {
  consentCase: ConsentCase;
  events: DomainEvent[];
}

/** A case as its readers see it: `overdue` while it waits past its deadline; not the store's version. */
export type ConsentCaseView = Omit<ConsentCase, 'version'> & { overdue: boolean };

export function consentView(consentCase: ConsentCase, now: string): ConsentCaseView {
  const { version: _version, ...view } = consentCase;
  return { ...view, overdue: consentCase.status === 'pending' && Date.parse(now) > Date.parse(consentCase.dueBy) };
}

export function openConsentCase(
  id: string,
  request: z.output<(typeof AppointmentRequested)['data']>,
  cause: Cause,
): ConsentChange {
  const dueBy = workingDaysDeadline(cause.now, CONSENT_DEADLINE_WORKING_DAYS);
  const consentCase: ConsentCase = {
    id,
    appointmentId: request.appointmentId,
    street: request.street,
    department: request.department,
    agency: request.agency,
    action: request.action,
    nominee: request.nominee,
    reason: request.reason,
    status: 'pending',
    openedAt: cause.now,
    dueBy,
    version: 1,
  };
  const event = newEvent(
    ConsentCaseOpened,
    keys.consentCase(id).pk,
    { caseId: id, appointmentId: request.appointmentId, street: request.street, department: request.department, dueBy },
    cause,
  );
  return { consentCase, events: [event] };
}

export function recordDecision(
  consentCase: ConsentCase,
  decision: { decision: 'granted' | 'refused'; writtenOpinion: string },
  cause: Cause,
): ConsentChange {
  if (consentCase.status !== 'pending') {
    throw new ConflictError(`Consent case ${consentCase.id} was already decided: ${consentCase.status}.`);
  }
  const late = Date.parse(cause.now) > Date.parse(consentCase.dueBy);
  const decided: ConsentCase = {
    ...consentCase,
    status: decision.decision,
    decidedAt: cause.now,
    decidedBy: cause.actor.sub,
    writtenOpinion: decision.writtenOpinion,
    late,
    version: consentCase.version + 1,
  };
  const event = newEvent(
    ConsentRecorded,
    keys.consentCase(consentCase.id).pk,
    {
      caseId: consentCase.id,
      appointmentId: consentCase.appointmentId,
      street: consentCase.street,
      department: consentCase.department,
      decision: decision.decision,
      writtenOpinion: decision.writtenOpinion,
      decidedBy: cause.actor.sub,
      decidedAt: cause.now,
      late,
    },
    cause,
  );
  return { consentCase: decided, events: [event] };
}

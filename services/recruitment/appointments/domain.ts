import type * as z from 'zod/mini';
import { ConflictError, UnprocessableError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import {
  AppointmentConsentCaseNoted,
  AppointmentConfirmed,
  AppointmentRejected,
  AppointmentRequested,
  type AppointmentAction,
  type Nominee,
} from '../../../contracts/recruitment.ts';
import { keys } from '../keys.ts';

export type AppointmentStatus = 'awaiting-consent' | 'confirmed' | 'rejected';

/**
 * A department's request to appoint or remove the head of its agency stationed in a street.
 * Nothing about it is final before the street committee's written consent.
 */
export interface Appointment {
  id: string;
  street: string;
  department: string;
  agency: string;
  action: z.output<typeof AppointmentAction>;
  nominee: z.output<typeof Nominee>;
  reason: string;
  status: AppointmentStatus;
  requestedAt: string;
  requestedBy: string;
  /** The street's consent case, as soon as authority has opened it. */
  consentCaseId?: string;
  /** When the street committee's decision is due (known once the case is open). */
  consentDueBy?: string;
  decidedAt?: string;
  writtenOpinion?: string;
  version: number;
}

/** The post itself: who heads the department's agency in the street, and what request is open. */
export interface AgencyPost {
  street: string;
  department: string;
  agency: string;
  head?: z.output<typeof Nominee>;
  pendingAppointmentId?: string;
  version: number;
}

export interface AppointmentChange {
  appointment: Appointment;
  post: AgencyPost;
  events: DomainEvent[];
}

function samePerson(a: z.output<typeof Nominee>, b: z.output<typeof Nominee>): boolean {
  if (a.personId && b.personId) return a.personId === b.personId;
  return a.name === b.name;
}

export function requestAppointment(
  request: Pick<Appointment, 'id' | 'street' | 'department' | 'agency' | 'action' | 'nominee' | 'reason'>,
  post: AgencyPost | undefined,
  cause: Cause,
): AppointmentChange {
  if (post?.pendingAppointmentId) {
    throw new ConflictError(
      `Appointment ${post.pendingAppointmentId} for this agency in ${request.street} is still awaiting consent.`,
    );
  }
  if (request.action === 'remove' && !(post?.head && samePerson(post.head, request.nominee))) {
    throw new UnprocessableError(`${request.nominee.name} is not the head of this agency in ${request.street}.`, [
      { field: 'body.nominee', message: 'not the current head' },
    ]);
  }
  if (request.action === 'appoint' && post?.head && samePerson(post.head, request.nominee)) {
    throw new UnprocessableError(`${request.nominee.name} already heads this agency in ${request.street}.`, [
      { field: 'body.nominee', message: 'already the head' },
    ]);
  }
  const appointment: Appointment = {
    ...request,
    status: 'awaiting-consent',
    requestedAt: cause.now,
    requestedBy: cause.actor.sub,
    version: 1,
  };
  const nextPost: AgencyPost = {
    street: request.street,
    department: request.department,
    agency: request.agency,
    ...(post?.head ? { head: post.head } : {}),
    pendingAppointmentId: request.id,
    version: (post?.version ?? 0) + 1,
  };
  const event = newEvent(
    AppointmentRequested,
    keys.appointment(request.id).pk,
    {
      appointmentId: request.id,
      street: request.street,
      department: request.department,
      agency: request.agency,
      action: request.action,
      nominee: request.nominee,
      reason: request.reason,
      requestedAt: cause.now,
    },
    cause,
  );
  return { appointment, post: nextPost, events: [event] };
}

/** What authority says of the case it opened for an appointment (ConsentCaseOpened). */
export interface OpenedCase {
  caseId: string;
  dueBy: string;
}

/**
 * The consent case is open: the appointment names it and when its decision is due, once. The notice
 * and the decision travel apart, so the notice may come after the decision (which already named the
 * case): the due date is noted all the same, and either order ends in the same appointment. A second
 * notice, or one about a case other than the one the decision named, changes nothing.
 */
export function noteConsentCase(
  appointment: Appointment,
  opened: OpenedCase,
  cause: Cause,
): { appointment: Appointment; events: DomainEvent[] } | { ignored: string } {
  if (appointment.consentDueBy) {
    return { ignored: `appointment ${appointment.id} already noted consent case ${appointment.consentCaseId}` };
  }
  if (appointment.consentCaseId && appointment.consentCaseId !== opened.caseId) {
    return { ignored: `appointment ${appointment.id} was decided in consent case ${appointment.consentCaseId}, not ${opened.caseId}` };
  }
  const noted: Appointment = {
    ...appointment,
    consentCaseId: opened.caseId,
    consentDueBy: opened.dueBy,
    version: appointment.version + 1,
  };
  const event = newEvent(
    AppointmentConsentCaseNoted,
    keys.appointment(appointment.id).pk,
    {
      appointmentId: appointment.id,
      street: appointment.street,
      department: appointment.department,
      agency: appointment.agency,
      action: appointment.action,
      nominee: appointment.nominee,
      consentCaseId: opened.caseId,
      consentDueBy: opened.dueBy,
    },
    cause,
  );
  return { appointment: noted, events: [event] };
}

export interface ConsentOutcome {
  caseId: string;
  decision: 'granted' | 'refused';
  writtenOpinion: string;
  decidedAt: string;
}

/**
 * The street's decision settles the request: granted confirms it (and changes the post's head),
 * refused rejects it. A decision for a request that is no longer awaiting consent changes nothing.
 */
export function settleAppointment(
  appointment: Appointment,
  post: AgencyPost,
  consent: ConsentOutcome,
  cause: Cause,
): AppointmentChange | { ignored: string } {
  if (appointment.status !== 'awaiting-consent') {
    return { ignored: `appointment ${appointment.id} is already ${appointment.status}` };
  }
  const granted = consent.decision === 'granted';
  const settled: Appointment = {
    ...appointment,
    status: granted ? 'confirmed' : 'rejected',
    consentCaseId: consent.caseId,
    decidedAt: consent.decidedAt,
    writtenOpinion: consent.writtenOpinion,
    version: appointment.version + 1,
  };
  const { pendingAppointmentId: _settled, head, ...rest } = post;
  const nextHead = granted ? (appointment.action === 'appoint' ? appointment.nominee : undefined) : head;
  const nextPost: AgencyPost = {
    ...rest,
    ...(post.pendingAppointmentId && post.pendingAppointmentId !== appointment.id
      ? { pendingAppointmentId: post.pendingAppointmentId }
      : {}),
    ...(nextHead ? { head: nextHead } : {}),
    version: post.version + 1,
  };
  const facts = {
    appointmentId: appointment.id,
    street: appointment.street,
    department: appointment.department,
    agency: appointment.agency,
    action: appointment.action,
    nominee: appointment.nominee,
    consentCaseId: consent.caseId,
    decidedAt: consent.decidedAt,
  };
  const event = granted
    ? newEvent(AppointmentConfirmed, keys.appointment(appointment.id).pk, facts, cause)
    : newEvent(
        AppointmentRejected,
        keys.appointment(appointment.id).pk,
        { ...facts, writtenOpinion: consent.writtenOpinion },
        cause,
      );
  return { appointment: settled, post: nextPost, events: [event] };
}

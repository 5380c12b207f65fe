import { ConflictError, ForbiddenError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { workingDaysDeadline } from '../../../kernel/calendar.ts';
import { EvaluationFinalized, OpinionRecorded, OpinionRequested } from '../../../contracts/authority.ts';
import { keys } from '../keys.ts';

/** How long a street committee has for its written opinion, in working days. */
export const OPINION_DEADLINE_WORKING_DAYS = 10;
/**
 * Streets one evaluation may ask: each costs an opinion request and its history item, and the whole
 * request is one transaction of at most 100 items.
 */
export const MAX_EVALUATION_STREETS = 40;

export type Rating = 'excellent' | 'good' | 'fair' | 'poor';

export interface Unit {
  street: string;
  name: string;
}

/**
 * A department's evaluation of units (its stations, offices, teams) in one or more streets for a
 * period. It asks each street for a written opinion first and cannot be made final before all are in.
 */
export interface Evaluation {
  id: string;
  department: string;
  title: string;
  period: string;
  description?: string;
  units: Unit[];
  streets: string[];
  status: 'awaiting-opinions' | 'final';
  requestedAt: string;
  requestedBy: string;
  conclusion?: string;
  finalizedAt?: string;
  finalizedBy?: string;
  version: number;
}

export interface Opinion {
  rating: Rating;
  text: string;
  givenBy: string;
  givenAt: string;
  /** Given after the request's deadline. */
  late: boolean;
}

/** What one street is asked for; `given` once its committee wrote its opinion (once only). */
export interface OpinionRequest {
  evaluationId: string;
  street: string;
  department: string;
  title: string;
  period: string;
  units: string[];
  status: 'waiting' | 'given';
  requestedAt: string;
  dueBy: string;
  opinion?: Opinion;
  version: number;
}

export interface EvaluationRequested {
  evaluation: Evaluation;
  requests: OpinionRequest[];
  events: DomainEvent[];
}

export function requestEvaluation(
  id: string,
  input: { department: string; title: string; period: string; description?: string | undefined; units: Unit[] },
  cause: Cause,
): EvaluationRequested {
  const streets = [...new Set(input.units.map((u) => u.street))].sort();
  const evaluation: Evaluation = {
    id,
    department: input.department,
    title: input.title,
    period: input.period,
    ...(input.description ? { description: input.description } : {}),
    units: input.units,
    streets,
    status: 'awaiting-opinions',
    requestedAt: cause.now,
    requestedBy: cause.actor.sub,
    version: 1,
  };
  const dueBy = workingDaysDeadline(cause.now, OPINION_DEADLINE_WORKING_DAYS);
  const requests = streets.map(
    (street): OpinionRequest => ({
      evaluationId: id,
      street,
      department: input.department,
      title: input.title,
      period: input.period,
      units: input.units.filter((u) => u.street === street).map((u) => u.name),
      status: 'waiting',
      requestedAt: cause.now,
      dueBy,
      version: 1,
    }),
  );
  const events = requests.map((r) =>
    newEvent(
      OpinionRequested,
      keys.evaluation(id).pk,
      { evaluationId: id, street: r.street, department: r.department, title: r.title, period: r.period, units: r.units, dueBy },
      cause,
    ),
  );
  return { evaluation, requests, events };
}

/**
 * The street committee's written opinion. A street the evaluation does not ask has no say in it
 * (403); a street that already gave its opinion cannot give a second (409).
 */
export function giveOpinion(
  request: OpinionRequest | undefined,
  target: { evaluationId: string; street: string },
  opinion: { rating: Rating; text: string },
  cause: Cause,
): { request: OpinionRequest; events: DomainEvent[] } {
  if (!request) {
    throw new ForbiddenError(`Evaluation ${target.evaluationId} asks no opinion of ${target.street}.`);
  }
  if (request.status === 'given') {
    throw new ConflictError(`${request.street} already gave its opinion on evaluation ${request.evaluationId}.`);
  }
  const given: Opinion = {
    rating: opinion.rating,
    text: opinion.text,
    givenBy: cause.actor.sub,
    givenAt: cause.now,
    late: Date.parse(cause.now) > Date.parse(request.dueBy),
  };
  const answered: OpinionRequest = { ...request, status: 'given', opinion: given, version: request.version + 1 };
  const event = newEvent(
    OpinionRecorded,
    keys.evaluation(request.evaluationId).pk,
    { evaluationId: request.evaluationId, street: request.street, department: request.department, ...given },
    cause,
  );
  return { request: answered, events: [event] };
}

/**
 * Make the evaluation final with the streets' opinions attached. Opinion first: while any street's
 * opinion is missing this is a conflict (409), and an evaluation is made final once only.
 */
export function finalizeEvaluation(
  evaluation: Evaluation,
  requests: readonly OpinionRequest[],
  input: { conclusion: string },
  cause: Cause,
): { evaluation: Evaluation; events: DomainEvent[] } {
  if (evaluation.status === 'final') {
    throw new ConflictError(`Evaluation ${evaluation.id} is already final (${evaluation.finalizedAt}).`);
  }
  const given = new Map(requests.filter((r) => r.status === 'given' && r.opinion).map((r) => [r.street, r.opinion!]));
  const waiting = evaluation.streets.filter((street) => !given.has(street));
  if (waiting.length > 0) {
    throw new ConflictError(
      `Evaluation ${evaluation.id} waits for the written opinion of ${waiting.join(', ')} (${given.size} of ${evaluation.streets.length} given).`,
    );
  }
  const final: Evaluation = {
    ...evaluation,
    status: 'final',
    conclusion: input.conclusion,
    finalizedAt: cause.now,
    finalizedBy: cause.actor.sub,
    version: evaluation.version + 1,
  };
  const event = newEvent(
    EvaluationFinalized,
    keys.evaluation(evaluation.id).pk,
    {
      evaluationId: evaluation.id,
      department: evaluation.department,
      title: evaluation.title,
      period: evaluation.period,
      conclusion: input.conclusion,
      opinions: evaluation.streets.map((street) => ({ street, rating: given.get(street)!.rating, givenAt: given.get(street)!.givenAt })),
      finalizedBy: cause.actor.sub,
      finalizedAt: cause.now,
    },
    cause,
  );
  return { evaluation: final, events: [event] };
}

/** A request as its readers see it: `overdue` while it waits past its deadline; not the store's version. */
export function opinionRequestView(request: OpinionRequest, now: string): Omit<OpinionRequest, 'version'> & { overdue: boolean } {
  const { version: _version, ...view } = request;
  return { ...view, overdue: request.status === 'waiting' && Date.parse(now) > Date.parse(request.dueBy) };
}

/** An evaluation with the streets' opinion requests (as given so far). */
export function evaluationView(evaluation: Evaluation, requests: readonly OpinionRequest[], now: string) {
  const { version: _version, ...view } = evaluation;
  return { ...view, opinions: requests.map((r) => opinionRequestView(r, now)) };
}

import type * as z from 'zod/mini';
import { ConflictError, UnprocessableError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import {
  IssueAcknowledged,
  IssueEscalated,
  IssueRaised,
  IssueRated,
  IssueResolved,
  type IssueCategory,
  type IssueUrgency,
} from '../../../contracts/coordination.ts';
import { keys } from '../keys.ts';
import type { IssueStatus } from '../vocabulary.ts';
import { deadlinesOf, type DeadlinePolicy } from './deadlines.ts';

/** One named department's part in an issue: report in, resolve, and the street's rating of it. */
export interface DepartmentResponse {
  status: IssueStatus;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  acknowledgedLate?: boolean;
  resolvedAt?: string;
  resolvedBy?: string;
  note?: string;
  resolvedLate?: boolean;
  rating?: number;
  /** The street's words with its rating, if it gave any. */
  ratingComment?: string;
  ratedAt?: string;
}

export interface Escalation {
  reason: 'response-overdue' | 'resolution-overdue';
  departments: string[];
  dueBy: string;
  escalatedAt: string;
  /** The meeting whose agenda it joined; absent while it waits for the next one to be convened. */
  meetingId?: string;
}

/** A "whistle": a street (or a community in it) calls named departments to a problem. */
export interface Issue {
  id: string;
  street: string;
  district: string;
  community?: string;
  category: z.output<typeof IssueCategory>;
  urgency: z.output<typeof IssueUrgency>;
  departments: string[];
  description: string;
  location: string;
  propertyCompanyId?: string;
  raisedAt: string;
  raisedBy: string;
  responseDueBy: string;
  resolutionDueBy: string;
  status: IssueStatus;
  responses: Record<string, DepartmentResponse>;
  escalation?: Escalation;
  version: number;
}

/** What a change does to a department's running counts (see performance/). */
export type PerformanceDeltas = Record<string, Record<string, number>>;

export interface IssueChange {
  issue: Issue;
  /** The issue before the change; undefined for a new one. */
  previous?: Issue;
  events: DomainEvent[];
  performance: PerformanceDeltas;
  /** The rating to add to the property company's average. */
  companyRating?: { companyId: string; score: number };
}

export type IssueRequest = Pick<Issue, 'id' | 'street' | 'category' | 'urgency' | 'departments' | 'description' | 'location'> &
  Partial<Pick<Issue, 'community' | 'propertyCompanyId'>>;

const facts = (issue: Issue) => ({
  issueId: issue.id,
  street: issue.street,
  category: issue.category,
  urgency: issue.urgency,
  ...(issue.propertyCompanyId ? { propertyCompanyId: issue.propertyCompanyId } : {}),
});

const aggregate = (issue: Issue) => keys.issue(issue.id).pk;

/** Overall: open while a department has not reported in, acknowledged until all resolved, then resolved. */
function overallStatus(responses: Record<string, DepartmentResponse>): IssueStatus {
  const all = Object.values(responses);
  if (all.some((r) => r.status === 'open')) return 'open';
  if (all.some((r) => r.status === 'acknowledged')) return 'acknowledged';
  return 'resolved';
}

/** The deadline running for a status: reporting in while open, resolving once acknowledged; none once resolved. */
export function dueByFor(issue: Pick<Issue, 'responseDueBy' | 'resolutionDueBy'>, status: IssueStatus): string | undefined {
  if (status === 'open') return issue.responseDueBy;
  if (status === 'acknowledged') return issue.resolutionDueBy;
  return undefined;
}

/** Overdue: the running deadline has passed. */
export function isOverdue(issue: Issue, now: string, status: IssueStatus = issue.status): boolean {
  const due = dueByFor(issue, status);
  return due !== undefined && Date.parse(now) > Date.parse(due);
}

export function raiseIssue(request: IssueRequest, policy: DeadlinePolicy, cause: Cause): IssueChange {
  const departments = [...new Set(request.departments)];
  const issue: Issue = {
    ...request,
    departments,
    district: districtOf(request.street),
    raisedAt: cause.now,
    raisedBy: cause.actor.sub,
    ...deadlinesOf(cause.now, request.urgency, policy),
    status: 'open',
    responses: Object.fromEntries(departments.map((d) => [d, { status: 'open' as const }])),
    version: 1,
  };
  const event = newEvent(
    IssueRaised,
    aggregate(issue),
    {
      ...facts(issue),
      ...(issue.community ? { community: issue.community } : {}),
      departments,
      description: issue.description,
      location: issue.location,
      raisedAt: issue.raisedAt,
      responseDueBy: issue.responseDueBy,
      resolutionDueBy: issue.resolutionDueBy,
    },
    cause,
  );
  return { issue, events: [event], performance: Object.fromEntries(departments.map((d) => [d, { assigned: 1 }])) };
}

function responseOf(issue: Issue, department: string): DepartmentResponse {
  const response = issue.responses[department];
  // The route's subject check lets only named departments through; this guards the domain anyway.
  if (!response) throw new UnprocessableError(`${department} is not named on issue ${issue.id}.`);
  return response;
}

function withResponse(issue: Issue, department: string, response: DepartmentResponse): Issue {
  const responses = { ...issue.responses, [department]: response };
  return { ...issue, responses, status: overallStatus(responses), version: issue.version + 1 };
}

/** A department reports in; late when after the response deadline (a report exactly on it is on time). */
export function acknowledgeIssue(issue: Issue, department: string, cause: Cause): IssueChange {
  const response = responseOf(issue, department);
  if (response.status !== 'open') throw new ConflictError(`${department} already reported in on issue ${issue.id} at ${response.acknowledgedAt}.`);
  const late = Date.parse(cause.now) > Date.parse(issue.responseDueBy);
  const next = withResponse(issue, department, {
    ...response,
    status: 'acknowledged',
    acknowledgedAt: cause.now,
    acknowledgedBy: cause.actor.sub,
    acknowledgedLate: late,
  });
  const event = newEvent(IssueAcknowledged, aggregate(issue), { ...facts(issue), department, acknowledgedAt: cause.now, late }, cause);
  return { issue: next, previous: issue, events: [event], performance: { [department]: { acknowledged: 1, acknowledgedOnTime: late ? 0 : 1 } } };
}

/** A department resolves its part, with a note; the last one closes the issue. */
export function resolveIssue(issue: Issue, department: string, note: string, cause: Cause): IssueChange {
  const response = responseOf(issue, department);
  if (response.status === 'open') throw new ConflictError(`${department} has to report in on issue ${issue.id} before resolving it.`);
  if (response.status === 'resolved') throw new ConflictError(`${department} already resolved issue ${issue.id} at ${response.resolvedAt}.`);
  const late = Date.parse(cause.now) > Date.parse(issue.resolutionDueBy);
  const next = withResponse(issue, department, { ...response, status: 'resolved', resolvedAt: cause.now, resolvedBy: cause.actor.sub, note, resolvedLate: late });
  const closed = next.status === 'resolved';
  const onTime = closed && Object.values(next.responses).every((r) => !r.acknowledgedLate && !r.resolvedLate);
  const event = newEvent(
    IssueResolved,
    aggregate(issue),
    { ...facts(issue), department, note, resolvedAt: cause.now, late, issueClosed: closed, issueOnTime: onTime },
    cause,
  );
  return { issue: next, previous: issue, events: [event], performance: { [department]: { resolved: 1, resolvedOnTime: late ? 0 : 1 } } };
}

/** The raising street rates one department's handling, once, after that department resolved it (with a comment, if it gives one). */
export function rateIssue(issue: Issue, department: string, score: number, cause: Cause, comment?: string): IssueChange {
  const response = responseOf(issue, department);
  if (response.rating !== undefined) throw new ConflictError(`${department}'s handling of issue ${issue.id} was already rated ${response.rating}.`);
  if (response.status !== 'resolved') throw new ConflictError(`${department} has not resolved issue ${issue.id} yet; rate it once it has.`);
  const words = comment ? { ratingComment: comment } : {};
  const next = withResponse(issue, department, { ...response, rating: score, ...words, ratedAt: cause.now });
  const event = newEvent(IssueRated, aggregate(issue), { ...facts(issue), department, score, ...(comment ? { comment } : {}), ratedAt: cause.now }, cause);
  return {
    issue: next,
    previous: issue,
    events: [event],
    performance: { [department]: { ratings: 1, ratingSum: score, satisfied: score >= 4 ? 1 : 0 } },
    ...(issue.propertyCompanyId ? { companyRating: { companyId: issue.propertyCompanyId, score } } : {}),
  };
}

/**
 * The deadline check: an unresolved issue past its running deadline escalates, once per issue (an
 * escalated issue is on a joint meeting's agenda; a second escalation would add nothing there).
 */
export function escalateIssue(issue: Issue, cause: Cause, meetingId?: string): IssueChange | { ignored: string } {
  if (issue.escalation) return { ignored: `issue ${issue.id} was escalated at ${issue.escalation.escalatedAt}` };
  if (issue.status === 'resolved') return { ignored: `issue ${issue.id} is resolved` };
  if (!isOverdue(issue, cause.now)) return { ignored: `issue ${issue.id} is not overdue` };
  const reason = issue.status === 'open' ? 'response-overdue' : 'resolution-overdue';
  const waitingFor = issue.status === 'open' ? 'open' : 'acknowledged';
  const departments = issue.departments.filter((d) => issue.responses[d]!.status === waitingFor);
  const escalation: Escalation = {
    reason,
    departments,
    dueBy: dueByFor(issue, issue.status)!,
    escalatedAt: cause.now,
    ...(meetingId ? { meetingId } : {}),
  };
  const event = newEvent(IssueEscalated, aggregate(issue), { ...facts(issue), ...escalation }, cause);
  return {
    issue: { ...issue, escalation, version: issue.version + 1 },
    previous: issue,
    events: [event],
    performance: Object.fromEntries(departments.map((d) => [d, { escalated: 1 }])),
  };
}

/**
 * A meeting convened later takes an escalated issue that was waiting for one: from then on its
 * escalation names that meeting, as it does for an issue escalated onto a meeting already convened.
 * No event of the issue's own: the meeting's MeetingConvened lists the issues it took.
 */
export function joinMeeting(issue: Issue, meetingId: string): IssueChange | { ignored: string } {
  if (!issue.escalation) return { ignored: `issue ${issue.id} was not escalated` };
  if (issue.escalation.meetingId) return { ignored: `issue ${issue.id} is on meeting ${issue.escalation.meetingId}'s agenda already` };
  return {
    issue: { ...issue, escalation: { ...issue.escalation, meetingId }, version: issue.version + 1 },
    previous: issue,
    events: [],
    performance: {},
  };
}

/** An issue as callers read it: with whether its running deadline has passed. */
export function issueView(issue: Issue, now: string) {
  return { ...issue, overdue: isOverdue(issue, now) };
}

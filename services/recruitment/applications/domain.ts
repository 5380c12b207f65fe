import { ConflictError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { ApplicationScored, ApplicationSubmitted } from '../../../contracts/recruitment.ts';
import { keys } from '../keys.ts';
import { windowAt, type Position } from '../positions/domain.ts';
import type { ApplicationStatus } from '../vocabulary.ts';
import { screen, type Profile, type Reason } from './screening.ts';

/** One applicant's application to one position, screened on arrival. */
export interface Application {
  id: string;
  positionId: string;
  positionTitle: string;
  street: string;
  /** The applicant's subject claim: only they (and the organization department) see the application. */
  applicant: string;
  name: string;
  profile: Profile;
  status: ApplicationStatus;
  reasons: Reason[];
  submittedAt: string;
  score?: number;
  scoredAt?: string;
  scoredBy?: string;
  /** Set when the position closes: place in the ranking (hired and not-selected scored ones). */
  rank?: number;
  staffId?: string;
  decidedAt?: string;
  /** Why an eligible application was not selected. */
  decision?: string;
  version: number;
}

export interface ApplicationChange {
  application: Application;
  events: DomainEvent[];
}

export function submitApplication(
  position: Position,
  request: { id: string; applicant: string; name: string; profile: Profile },
  cause: Cause,
): ApplicationChange {
  if (position.status !== 'published') {
    throw new ConflictError(`Position ${position.id} is ${position.status}; it takes no applications.`);
  }
  const window = windowAt(position, cause.now);
  if (window === 'upcoming') throw new ConflictError(`Applications for position ${position.id} open at ${position.opensAt}.`);
  if (window === 'ended') throw new ConflictError(`Applications for position ${position.id} closed at ${position.closesAt}.`);
  const reasons = screen(position.eligibility, request.profile, position.opensAt);
  const application: Application = {
    ...request,
    positionId: position.id,
    positionTitle: position.title,
    street: position.street,
    status: reasons.length === 0 ? 'eligible' : 'ineligible',
    reasons,
    submittedAt: cause.now,
    version: 1,
  };
  const event = newEvent(
    ApplicationSubmitted,
    keys.application(application.id).pk,
    {
      applicationId: application.id,
      positionId: position.id,
      street: position.street,
      applicant: request.applicant,
      outcome: application.status as 'eligible' | 'ineligible',
      failedRules: reasons.map((r) => r.rule),
      submittedAt: cause.now,
    },
    cause,
  );
  return { application, events: [event] };
}

/** An exam score for an eligible application of a position still published; a correction is allowed. */
export function scoreApplication(application: Application, position: Position, score: number, cause: Cause): ApplicationChange {
  if (application.status === 'ineligible') {
    throw new ConflictError(`Application ${application.id} did not pass screening; it takes no score.`);
  }
  if (application.status !== 'eligible' || position.status !== 'published') {
    throw new ConflictError(`Position ${position.id} is ${position.status}; its scores are final.`);
  }
  const scored: Application = {
    ...application,
    score,
    scoredAt: cause.now,
    scoredBy: cause.actor.sub,
    version: application.version + 1,
  };
  const event = newEvent(
    ApplicationScored,
    keys.application(application.id).pk,
    {
      applicationId: application.id,
      positionId: position.id,
      score,
      ...(application.score !== undefined ? { previousScore: application.score } : {}),
      scoredAt: cause.now,
    },
    cause,
  );
  return { application: scored, events: [event] };
}

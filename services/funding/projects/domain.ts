import type * as z from 'zod/mini';
import { ConflictError, NotFoundError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import type { CategoryAccount } from '../budgets/domain.ts';
import { DisbursementRecorded, ProjectApproved, ProjectDelegated, ProjectProposed, type ProjectCategory } from '../../../contracts/funding.ts';
import { keys } from '../keys.ts';
import type { ProjectSchema } from './schemas.ts';

export type ProjectStatus = 'proposed' | 'approved' | 'delegated' | 'completed';

export interface Milestone {
  /** 1, 2, 3 … in the order proposed. */
  n: number;
  name: string;
  amountFen: number;
  status: 'pending' | 'completed';
  completedAt?: string;
  completedBy?: string;
  note?: string;
  disbursementId?: string;
}

/**
 * A capital project (industrial construction, rural governance, living environment) a street
 * proposes. Approval commits its budget against the street's `capital-projects` budget of its year;
 * each completed milestone pays its part out of that commitment.
 */
export interface Project {
  id: string;
  street: string;
  year: number;
  category: z.output<typeof ProjectCategory>;
  title: string;
  budgetFen: number;
  milestones: Milestone[];
  status: ProjectStatus;
  disbursedFen: number;
  proposedAt: string;
  proposedBy: string;
  budgetId?: string;
  approvedAt?: string;
  approvedBy?: string;
  delegatedAt?: string;
  delegatedBy?: string;
  version: number;
}

export interface ProjectChange {
  project: Project;
  events: DomainEvent[];
}

/** Approval commits the budget. */
export interface ProjectMoney extends ProjectChange {
  budgetId: string;
  amountFen: number;
}

/** A milestone completed: the milestone as recorded, and its amount paid out of the commitment. */
export interface MilestoneCompletion {
  /** The project as read before. */
  project: Project;
  milestone: Milestone;
  budgetId: string;
  amountFen: number;
  events: DomainEvent[];
}

export function proposeProject(
  request: Pick<Project, 'id' | 'street' | 'year' | 'category' | 'title' | 'budgetFen'> & { milestones: Array<Pick<Milestone, 'name' | 'amountFen'>> },
  cause: Cause,
): ProjectChange {
  const milestones: Milestone[] = request.milestones.map((m, i) => ({ n: i + 1, name: m.name, amountFen: m.amountFen, status: 'pending' }));
  const project: Project = {
    id: request.id,
    street: request.street,
    year: request.year,
    category: request.category,
    title: request.title,
    budgetFen: request.budgetFen,
    milestones,
    status: 'proposed',
    disbursedFen: 0,
    proposedAt: cause.now,
    proposedBy: cause.actor.sub,
    version: 1,
  };
  const event = newEvent(
    ProjectProposed,
    keys.project(project.id).pk,
    {
      projectId: project.id,
      street: project.street,
      year: project.year,
      category: project.category,
      title: project.title,
      budgetFen: project.budgetFen,
      milestones: milestones.map(({ n, name, amountFen }) => ({ n, name, amountFen })),
    },
    cause,
  );
  return { project, events: [event] };
}

/** Approve a proposal: its budget is committed against the street's `capital-projects` of its year. */
export function approveProject(project: Project, account: CategoryAccount | undefined, cause: Cause): ProjectMoney {
  if (project.status !== 'proposed') throw new ConflictError(`Project ${project.id} was already ${project.status}.`);
  if (!account) throw new ConflictError(`${project.street} has no approved budget for ${project.year} to commit project ${project.id} against.`);
  if (account.availableFen < project.budgetFen) {
    throw new ConflictError(
      `${account.budgetId} capital-projects has ${account.availableFen} fen uncommitted, less than project ${project.id}'s ${project.budgetFen} fen.`,
    );
  }
  const approved: Project = {
    ...project,
    status: 'approved',
    budgetId: account.budgetId,
    approvedAt: cause.now,
    approvedBy: cause.actor.sub,
    version: project.version + 1,
  };
  const event = newEvent(
    ProjectApproved,
    keys.project(project.id).pk,
    { projectId: project.id, street: project.street, year: project.year, budgetId: account.budgetId, budgetFen: project.budgetFen },
    cause,
  );
  return { project: approved, budgetId: account.budgetId, amountFen: project.budgetFen, events: [event] };
}

/** Hand the approved project's execution to the town (street) that carries it out. */
export function delegateProject(project: Project, cause: Cause): ProjectChange {
  if (project.status !== 'approved') {
    throw new ConflictError(`Project ${project.id} is ${project.status}; only an approved project is delegated.`);
  }
  const delegated: Project = { ...project, status: 'delegated', delegatedAt: cause.now, delegatedBy: cause.actor.sub, version: project.version + 1 };
  const event = newEvent(
    ProjectDelegated,
    keys.project(project.id).pk,
    { projectId: project.id, street: project.street, category: project.category, budgetFen: project.budgetFen },
    cause,
  );
  return { project: delegated, events: [event] };
}

/** A milestone done: its amount is paid out of the project's commitment (never past it). */
export function completeMilestone(
  project: Project,
  completion: { n: number; note: string; disbursementId: string },
  cause: Cause,
): MilestoneCompletion {
  // Money goes to the town that carries the project out: not before the project is handed to it.
  if (project.status !== 'delegated') {
    const stage = project.status === 'approved' ? 'approved but not yet delegated to its town' : project.status;
    throw new ConflictError(`Project ${project.id} is ${stage}; milestones are completed and paid once it is delegated.`);
  }
  const milestone = project.milestones.find((m) => m.n === completion.n);
  if (!milestone) throw new NotFoundError(`Project ${project.id} has no milestone ${completion.n}.`);
  if (milestone.status === 'completed') throw new ConflictError(`Milestone ${completion.n} of project ${project.id} was already completed.`);
  if (project.disbursedFen + milestone.amountFen > project.budgetFen) {
    throw new ConflictError(`Milestone ${completion.n} would pay project ${project.id} past its ${project.budgetFen} fen.`);
  }
  const completed: Milestone = {
    ...milestone,
    status: 'completed',
    completedAt: cause.now,
    completedBy: cause.actor.sub,
    note: completion.note,
    disbursementId: completion.disbursementId,
  };
  const event = newEvent(
    DisbursementRecorded,
    keys.project(project.id).pk,
    { disbursementId: completion.disbursementId, street: project.street, amountFen: milestone.amountFen, projectId: project.id, milestone: completion.n },
    cause,
  );
  return { project, milestone: completed, budgetId: project.budgetId!, amountFen: milestone.amountFen, events: [event] };
}

/**
 * A project as its readers see it: `completed` once every milestone is. (Milestones are completed by
 * updates of their own, so that two completed at once do not conflict; the status is read off them.)
 * `version` is the store's guard against lost updates; no route takes it back, so no answer shows it.
 */
export function projectView(project: Project): z.output<typeof ProjectSchema> {
  const { version: _version, ...shown } = project;
  const done = project.milestones.every((m) => m.status === 'completed');
  return done && project.status !== 'proposed' ? { ...shown, status: 'completed' } : shown;
}

import { putNew, putVersioned, type Commit, type Store, type Write } from '../../../kernel/store.ts';
import { commitFromCategory, disburseFromCategory } from '../budgets/store.ts';
import { keys } from '../keys.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import type { MilestoneCompletion, Project, ProjectChange, ProjectMoney } from './domain.ts';

const projectItem = (project: Project) => ({ ...keys.project(project.id), itemType: 'project', ...project });

/** Capital projects. */
export class ProjectStore {
  constructor(readonly table: Store) {}

  async project(id: string): Promise<Project | undefined> {
    const item = await this.table.get<Stored<Project>>(keys.project(id));
    return item && strip(item);
  }

  proposalCommit({ project, events }: ProjectChange): Commit {
    return { writes: [putNew(projectItem(project), `Project ${project.id} already exists.`)], events };
  }

  /** Delegated: an update of its own, so that a milestone completed meanwhile is neither lost nor a conflict. */
  delegationCommit({ project, events }: ProjectChange): Commit {
    return {
      writes: [
        {
          item: {
            Update: {
              TableName: '',
              Key: keys.project(project.id),
              UpdateExpression: 'SET #status = :delegated, delegatedAt = :at, delegatedBy = :by ADD version :one',
              ConditionExpression: '#status = :approved',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':delegated': 'delegated', ':approved': 'approved', ':at': project.delegatedAt, ':by': project.delegatedBy, ':one': 1 },
            },
          },
          conflict: `Project ${project.id} was delegated meanwhile.`,
        },
      ],
      events,
    };
  }

  /** Approved: the project, and its budget committed against the category (refused past what is uncommitted). */
  approvalCommit(change: ProjectMoney): Commit {
    const { project } = change;
    return {
      writes: [
        putVersioned(projectItem(project), `Project ${project.id} changed meanwhile.`),
        commitFromCategory(
          change.budgetId,
          'capital-projects',
          change.amountFen,
          `${change.budgetId} capital-projects has less than ${change.amountFen} fen uncommitted.`,
        ),
      ],
      events: change.events,
    };
  }

  /**
   * A milestone completed: that milestone alone is updated (pending → completed, once, and only while
   * the project is delegated), the project's paid total grows (never past its budget), and the amount
   * is paid out of the category's commitment.
   */
  milestoneCommit(change: MilestoneCompletion): Commit {
    const { project, milestone } = change;
    const at = `#milestones[${milestone.n - 1}]`;
    const write: Write = {
      item: {
        Update: {
          TableName: '',
          Key: keys.project(project.id),
          UpdateExpression: `SET ${at}.#mstatus = :completed, ${at}.completedAt = :at, ${at}.completedBy = :by, ${at}.note = :note, ${at}.disbursementId = :paid ADD disbursedFen :amount, version :one`,
          ConditionExpression: `${at}.#mstatus = :pending AND #status = :delegated AND disbursedFen <= :ceiling`,
          ExpressionAttributeNames: { '#milestones': 'milestones', '#mstatus': 'status', '#status': 'status' },
          ExpressionAttributeValues: {
            ':completed': 'completed',
            ':pending': 'pending',
            ':delegated': 'delegated',
            ':at': milestone.completedAt,
            ':by': milestone.completedBy,
            ':note': milestone.note,
            ':paid': milestone.disbursementId,
            ':amount': change.amountFen,
            ':one': 1,
            ':ceiling': project.budgetFen - change.amountFen,
          },
        },
      },
      conflict: `Milestone ${milestone.n} of project ${project.id} was completed meanwhile.`,
    };
    return {
      writes: [
        write,
        disburseFromCategory(
          change.budgetId,
          'capital-projects',
          change.amountFen,
          `${change.budgetId} capital-projects has less than ${change.amountFen} fen committed and unpaid.`,
        ),
      ],
      events: change.events,
    };
  }
}

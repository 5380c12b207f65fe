import { ulid } from 'ulid';
import { NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { BudgetStore } from '../budgets/store.ts';
import { keys } from '../keys.ts';
import { approveProject, completeMilestone, delegateProject, projectView, proposeProject, type Project } from './domain.ts';
import type { projectRoutes } from './routes.ts';
import { ProjectStore } from './store.ts';

export function projectHandlers(table: Store): RouteHandlers<typeof projectRoutes> {
  const projects = new ProjectStore(table);
  const budgets = new BudgetStore(table);

  async function existing(id: string): Promise<Project> {
    const project = await projects.project(id);
    if (!project) throw new NotFoundError(`No project ${id}.`);
    return project;
  }

  return {
    async proposeProject({ body, ctx }) {
      ctx.authorize({ jurisdiction: body.street });
      const change = proposeProject({ id: ulid(), ...body }, ctx.cause);
      return ctx.commit(projects.proposalCommit(change), { statusCode: 201, body: projectView(change.project) });
    },

    async getProject({ params, ctx }) {
      const project = await existing(params.id);
      ctx.authorize({ jurisdiction: project.street });
      return { statusCode: 200, body: projectView(project) };
    },

    async approveProject({ params, ctx }) {
      const project = await existing(params.id);
      ctx.authorize({ jurisdiction: project.street });
      const account = await budgets.account(keys.budgetId(project.street, project.year), 'capital-projects');
      const change = approveProject(project, account, ctx.cause);
      return ctx.commit(projects.approvalCommit(change), { statusCode: 200, body: projectView(change.project) });
    },

    async delegateProject({ params, ctx }) {
      const project = await existing(params.id);
      ctx.authorize({ jurisdiction: project.street });
      const change = delegateProject(project, ctx.cause);
      return ctx.commit(projects.delegationCommit(change), { statusCode: 200, body: projectView(change.project) });
    },

    async completeMilestone({ params, body, ctx }) {
      const project = await existing(params.id);
      ctx.authorize({ jurisdiction: project.street });
      const change = completeMilestone(project, { n: params.n, note: body.note, disbursementId: ulid() }, ctx.cause);
      await ctx.commit(projects.milestoneCommit(change), { statusCode: 200 });
      // Other milestones may have been completed meanwhile: answer with the project as it now stands.
      return { statusCode: 200, body: projectView((await projects.project(project.id))!) };
    },
  };
}

import * as z from 'zod/mini';
import { defineRoutes } from '../../../kernel/routes.ts';
import { StreetSchema } from '../../../kernel/roles.ts';
import { ProjectCategory } from '../events.ts';
import { FenAmount, safeSum } from '../money.ts';
import { IdParam, Text, Ulid, Year } from '../vocabulary.ts';

export const MAX_MILESTONES = 20;

const ProposalBody = z
  .strictObject({
    street: StreetSchema,
    year: Year,
    category: ProjectCategory,
    title: Text,
    budgetFen: FenAmount,
    milestones: z.array(z.strictObject({ name: Text, amountFen: FenAmount })).check(z.minLength(1), z.maxLength(MAX_MILESTONES)),
  })
  .check(z.superRefine((project, ctx) => {
    const sum = safeSum(project.milestones.map((m) => m.amountFen));
    if (sum !== project.budgetFen) {
      ctx.addIssue({ code: 'custom', path: ['milestones'], message: `the milestones' amounts must add up to budgetFen (${project.budgetFen})` });
    }
  }));

/** Capital projects: proposed by a street, approved against its budget, delegated to the town, paid by milestone. */
export const projectRoutes = defineRoutes({
  proposeProject: {
    method: 'POST',
    path: '/funding/projects',
    summary: 'A capital project proposal: category, budgetFen and milestones whose amounts add up to it.',
    access: { roles: ['street-official'], jurisdiction: 'subject' },
    body: ProposalBody,
    status: 201,
    idempotent: true,
  },
  getProject: {
    method: 'GET',
    path: '/funding/projects/{id}',
    summary: 'One capital project with its milestones, who approved, delegated and completed what, and when.',
    access: { roles: ['street-official', 'finance'], jurisdiction: 'subject' },
    params: IdParam,
    status: 200,
  },
  approveProject: {
    method: 'POST',
    path: '/funding/projects/{id}/approve',
    summary: "Approve: commits the project's budget against the street's capital-projects budget of its year; over it 409.",
    access: { roles: ['finance'], jurisdiction: 'subject' },
    params: IdParam,
    status: 200,
  },
  delegateProject: {
    method: 'POST',
    path: '/funding/projects/{id}/delegate',
    summary: 'Delegate the approved project’s execution to the town that carries it out.',
    access: { roles: ['finance'], jurisdiction: 'subject' },
    params: IdParam,
    status: 200,
  },
  completeMilestone: {
    method: 'POST',
    path: '/funding/projects/{id}/milestones/{n}/complete',
    summary: "Complete a milestone: its amount is paid out of the project's commitment, never past it.",
    access: { roles: ['street-official'], jurisdiction: 'subject' },
    params: z.strictObject({ id: Ulid, n: z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_MILESTONES)) }),
    body: z.strictObject({ note: Text }),
    status: 200,
  },
});

import * as z from 'zod/mini';
import { defineRoutes } from '../../../kernel/routes.ts';
import { StreetSchema } from '../../../kernel/jurisdiction.ts';
import { ProjectCategory } from '../../../contracts/funding.ts';
import { FenAmount, safeSum } from '../money.ts';
import { Ulid } from '../../../kernel/ids.ts';
import { IdParam, Text, Year } from '../vocabulary.ts';
import { ProjectSchema } from './schemas.ts';

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
    summary: 'Propose a capital project',
    description:
      'A capital project proposal: `category` (`industrial-construction`, `rural-governance`, `living-environment`), `budgetFen`, and 1 to 20 milestones whose amounts add up to it. → `ProjectProposed`.',
    access: { roles: ['street-official'], jurisdiction: 'subject' },
    body: ProposalBody,
    status: 201,
    idempotent: true,
    response: ProjectSchema,
  },
  getProject: {
    method: 'GET',
    path: '/funding/projects/{id}',
    summary: 'Get a capital project',
    description: 'One capital project with its milestones: who approved, delegated and completed what, and when.',
    access: { roles: ['street-official', 'finance'], jurisdiction: 'subject' },
    params: IdParam,
    status: 200,
    response: ProjectSchema,
  },
  approveProject: {
    method: 'POST',
    path: '/funding/projects/{id}/approve',
    summary: 'Approve a capital project',
    description:
      "Commits the project's budget against the street's `capital-projects` budget of its year. More than that category has uncommitted, no budget for the year, or a project already approved: 409. → `ProjectApproved`.",
    access: { roles: ['finance'], jurisdiction: 'subject' },
    params: IdParam,
    status: 200,
    response: ProjectSchema,
  },
  delegateProject: {
    method: 'POST',
    path: '/funding/projects/{id}/delegate',
    summary: 'Delegate a project to its town',
    description:
      'Hands the approved project’s execution to the town (street) that carries it out; from then on its milestones can be completed and paid. A project not approved, or already delegated: 409. → `ProjectDelegated`.',
    access: { roles: ['finance'], jurisdiction: 'subject' },
    params: IdParam,
    status: 200,
    response: ProjectSchema,
  },
  completeMilestone: {
    method: 'POST',
    path: '/funding/projects/{id}/milestones/{n}/complete',
    summary: 'Complete a milestone of a project',
    description:
      "Records a milestone done and pays its amount out of the project's commitment, never past it. Only a project delegated to its town is paid: before delegation (proposed or only approved) it is 409, and so is a milestone completed twice. Answers the project as it now stands. → `DisbursementRecorded`.",
    access: { roles: ['street-official'], jurisdiction: 'subject' },
    params: z.strictObject({ id: Ulid, n: z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_MILESTONES)) }),
    body: z.strictObject({ note: Text }),
    status: 200,
    response: ProjectSchema,
  },
});

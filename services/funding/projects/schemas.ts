import * as z from 'zod/mini';
import { StreetSchema } from '../../../kernel/jurisdiction.ts';
import { ProjectCategory } from '../../../contracts/funding.ts';
import { Fen } from '../money.ts';
import { Ulid } from '../../../kernel/ids.ts';
import { BudgetIdSchema } from '../vocabulary.ts';

export const MilestoneSchema = z
  .object({
    n: z.number().check(z.int(), z.positive(), z.meta({ description: '1, 2, 3 … in the order proposed; the `{n}` of its path.' })),
    name: z.string(),
    amountFen: Fen,
    status: z.enum(['pending', 'completed']),
    completedAt: z.optional(z.iso.datetime()),
    completedBy: z.optional(z.string()),
    note: z.optional(z.string()),
    disbursementId: z.optional(Ulid.check(z.meta({ description: 'The id of the DisbursementRecorded that paid it.' }))),
  })
  .check(z.meta({ title: 'Milestone' }));

/**
 * A capital project. `proposed` → `approved` (its budget committed against the street's
 * `capital-projects`) → `delegated` (to the town that carries it out; only then are milestones
 * paid) → `completed` once every milestone is.
 */
export const ProjectSchema = z
  .object({
    id: Ulid,
    street: StreetSchema,
    year: z.number().check(z.int()),
    category: ProjectCategory,
    title: z.string(),
    budgetFen: Fen,
    milestones: z.array(MilestoneSchema),
    status: z.enum(['proposed', 'approved', 'delegated', 'completed']),
    disbursedFen: Fen.check(z.meta({ description: 'Paid so far: the sum of the completed milestones.' })),
    proposedAt: z.iso.datetime(),
    proposedBy: z.string(),
    budgetId: z.optional(BudgetIdSchema.check(z.meta({ description: 'The budget its money is committed against, once approved.' }))),
    approvedAt: z.optional(z.iso.datetime()),
    approvedBy: z.optional(z.string()),
    delegatedAt: z.optional(z.iso.datetime()),
    delegatedBy: z.optional(z.string()),
  })
  .check(z.meta({ title: 'Project' }));

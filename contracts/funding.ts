import * as z from 'zod/mini';
import { defineEvent } from '../kernel/events.ts';
import { JurisdictionSchema, StreetSchema } from '../kernel/jurisdiction.ts';

const source = 'five-haves.funding';

/** Money: a whole number of fen (1 yuan = 100 fen), never a float. */
const Fen = z.number().check(z.int(), z.nonnegative(), z.lte(Number.MAX_SAFE_INTEGER));
export const BudgetCategory = z.enum(['personnel', 'operations', 'resident-services', 'capital-projects']);

/** Which event asked for money, and the asker's own id for it (a decision, a remediation plan). */
export const RequestOrigin = z.object({
  /** Funding's id of the request. */
  requestId: z.string().check(z.minLength(1)),
  kind: z.enum(['FundingRequested', 'RemediationFundingRequested']),
  /** `decisionId` of a FundingRequested, `remediationId` of a RemediationFundingRequested. */
  ref: z.string().check(z.minLength(1)),
});

/** A street's budget for a fiscal year, by category. */
export const BudgetApproved = defineEvent({
  source,
  detailType: 'BudgetApproved',
  schemaVersion: 1,
  data: () => z.object({
    budgetId: z.string(),
    street: StreetSchema,
    year: z.number().check(z.int()),
    categories: z.record(BudgetCategory, Fen),
    totalFen: Fen,
  }),
});

/** A signed change to one category of a budget. */
export const BudgetAdjusted = defineEvent({
  source,
  detailType: 'BudgetAdjusted',
  schemaVersion: 1,
  data: () => z.object({
    budgetId: z.string(),
    street: StreetSchema,
    year: z.number().check(z.int()),
    category: BudgetCategory,
    deltaFen: z.number().check(z.int(), z.gte(-Number.MAX_SAFE_INTEGER), z.lte(Number.MAX_SAFE_INTEGER)),
    reason: z.string(),
  }),
});

/**
 * Money from a pool set aside for a community or project. When it answers a request, `request` says
 * which one, and the event's correlation id is the request event's.
 */
export const FundsAllocated = defineEvent({
  source,
  detailType: 'FundsAllocated',
  schemaVersion: 1,
  data: () => z.object({
    allocationId: z.string(),
    poolId: z.string(),
    street: StreetSchema,
    /** The community or the project it is for. */
    recipient: z.string(),
    community: z.optional(JurisdictionSchema),
    amountFen: Fen,
    purpose: z.string(),
    request: z.optional(RequestOrigin),
  }),
});

/** Finance declined a request for money, with the reason; correlation id as the request's. */
export const FundingDeclined = defineEvent({
  source,
  detailType: 'FundingDeclined',
  schemaVersion: 1,
  data: () => z.object({
    request: RequestOrigin,
    street: StreetSchema,
    amountFen: Fen,
    reason: z.string(),
  }),
});

/** Money paid out against an allocation or a project milestone. */
export const DisbursementRecorded = defineEvent({
  source,
  detailType: 'DisbursementRecorded',
  schemaVersion: 1,
  data: () => z.object({
    disbursementId: z.string(),
    street: StreetSchema,
    amountFen: Fen,
    /** Exactly one of these says what it was paid against. */
    allocationId: z.optional(z.string()),
    projectId: z.optional(z.string()),
    milestone: z.optional(z.number().check(z.int(), z.positive())),
  }),
});

/** A capital project's execution delegated to the town (street) that carries it out. */
export const ProjectDelegated = defineEvent({
  source,
  detailType: 'ProjectDelegated',
  schemaVersion: 1,
  data: () => z.object({
    projectId: z.string(),
    street: StreetSchema,
    category: z.enum(['industrial-construction', 'rural-governance', 'living-environment']),
    budgetFen: Fen,
  }),
});

// Events funding adds for its own ledger (the history of each budget, pool, project and request).

export const ProjectCategory = z.enum(['industrial-construction', 'rural-governance', 'living-environment']);

/** A fund pool: lines from several departments' programs bundled for a street's communities. */
export const PoolCreated = defineEvent({
  source,
  detailType: 'PoolCreated',
  schemaVersion: 1,
  data: () => z.object({
    poolId: z.string(),
    street: StreetSchema,
    year: z.number().check(z.int()),
    name: z.string(),
    lines: z.array(z.object({ program: z.string(), department: z.string(), amountFen: Fen })),
    totalFen: Fen,
  }),
});

/** A street office proposed a capital project with its milestones. */
export const ProjectProposed = defineEvent({
  source,
  detailType: 'ProjectProposed',
  schemaVersion: 1,
  data: () => z.object({
    projectId: z.string(),
    street: StreetSchema,
    year: z.number().check(z.int()),
    category: ProjectCategory,
    title: z.string(),
    budgetFen: Fen,
    milestones: z.array(z.object({ n: z.number().check(z.int(), z.positive()), name: z.string(), amountFen: Fen })),
  }),
});

/** Finance approved a capital project: its budget is committed against the street's `capital-projects` budget. */
export const ProjectApproved = defineEvent({
  source,
  detailType: 'ProjectApproved',
  schemaVersion: 1,
  data: () => z.object({
    projectId: z.string(),
    street: StreetSchema,
    year: z.number().check(z.int()),
    budgetId: z.string(),
    budgetFen: Fen,
  }),
});

/** A request for money arrived as an event and waits for finance's decision. */
export const FundingRequestOpened = defineEvent({
  source,
  detailType: 'FundingRequestOpened',
  schemaVersion: 1,
  data: () => z.object({
    request: RequestOrigin,
    street: StreetSchema,
    community: z.optional(JurisdictionSchema),
    amountFen: Fen,
    purpose: z.string(),
  }),
});

import * as z from 'zod/mini';

/**
 * The words of recruitment, shared by the routes (input), the domain and the event contracts.
 */

/** Career-establishment posts (事业编制), town and street civil servants, community workers. */
export const PositionKind = z.enum(['career-establishment', 'civil-servant', 'community-worker']);
export type PositionKind = z.output<typeof PositionKind>;

/**
 * Where an applicant works now; a position names the pools it recruits from. `other` is everyone
 * else (graduates, the general public).
 */
export const SourcePool = z.enum(['village-cadre', 'community-worker', 'civil-servant', 'public-institution', 'other']);
export type SourcePool = z.output<typeof SourcePool>;

/** The pools the annual plan reserves posts for: outstanding village cadres and community workers. */
export const RESERVED_POOLS: readonly SourcePool[] = ['village-cadre', 'community-worker'];

/** Education, lowest first: the order the `minEducation` rule compares by. */
export const Education = z.enum(['junior-secondary', 'senior-secondary', 'vocational-college', 'bachelor', 'master', 'doctorate']);
export type Education = z.output<typeof Education>;

export const PositionStatus = z.enum(['draft', 'published', 'closed', 'filled']);
export type PositionStatus = z.output<typeof PositionStatus>;

/** Screening decides eligible or ineligible at once; closing turns eligible ones into hired or not-selected. */
export const ApplicationStatus = z.enum(['eligible', 'ineligible', 'hired', 'not-selected']);
export type ApplicationStatus = z.output<typeof ApplicationStatus>;

/** The screening rules, each with its own reason. */
export const ScreeningRule = z.enum(['source-pool', 'years-of-service', 'age', 'education']);
export type ScreeningRule = z.output<typeof ScreeningRule>;

/** A secondment is active, or flagged (active but without approval or past its end), or ended by recall. */
export const SecondmentStatus = z.enum(['active', 'flagged', 'ended']);
export type SecondmentStatus = z.output<typeof SecondmentStatus>;

export const FlagReason = z.enum(['no-approval', 'past-due']);
export type FlagReason = z.output<typeof FlagReason>;

export const Eligibility = z.strictObject({
  sourcePools: z
    .array(SourcePool)
    .check(
      z.minLength(1, 'name at least one source pool'),
      z.maxLength(SourcePool.options.length, `at most the ${SourcePool.options.length} source pools`),
      z.refine((pools) => new Set(pools).size === pools.length, 'each pool once'),
    ),
  minYearsOfService: z.optional(z.number().check(z.int(), z.gte(0), z.lte(50))),
  /** Age in whole years on the day the application window opens. */
  maxAge: z.optional(z.number().check(z.int(), z.gte(18), z.lte(65))),
  minEducation: z.optional(Education),
});
export type Eligibility = z.output<typeof Eligibility>;

/** A ULID, the ids of every recruitment aggregate. */
export const Ulid = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'an id such as 01J9ZQ3K4M5N6P7Q8R9S0T1V2W'));

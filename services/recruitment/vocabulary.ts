import * as z from 'zod/mini';
import { Education, Eligibility, FlagReason, PositionKind, ScreeningRule, SourcePool } from '../../contracts/recruitment.ts';

/**
 * The words of recruitment, shared by the routes (input) and the domain. Those its events carry are
 * published with the events, in contracts/recruitment.ts, and named here again for the service's own use.
 */
export { Education, Eligibility, FlagReason, PositionKind, ScreeningRule, SourcePool };

/** The pools the annual plan reserves posts for: outstanding village cadres and community workers. */
export const RESERVED_POOLS: readonly SourcePool[] = ['village-cadre', 'community-worker'];

export const PositionStatus = z.enum(['draft', 'published', 'closed', 'filled']);
export type PositionStatus = z.output<typeof PositionStatus>;

/** Screening decides eligible or ineligible at once; closing turns eligible ones into hired or not-selected. */
export const ApplicationStatus = z.enum(['eligible', 'ineligible', 'hired', 'not-selected']);
export type ApplicationStatus = z.output<typeof ApplicationStatus>;

/** A secondment is active, or flagged (active but without approval or past its end), or ended by recall. */
export const SecondmentStatus = z.enum(['active', 'flagged', 'ended']);
export type SecondmentStatus = z.output<typeof SecondmentStatus>;

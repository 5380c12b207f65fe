import { ConflictError, UnprocessableError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { chinaDate } from '../../../kernel/calendar.ts';
import { toM2 } from '../area.ts';
import { RemediationFunded, RemediationFundingDeclined, RemediationFundingRequested, RemediationPlanned } from '../../../contracts/premises.ts';
import { keys } from '../keys.ts';
import type { Compliance, RuleName } from './rules.ts';

/** A street office's plan to bring a failing community up to the standard, possibly asking for money. */
export interface Remediation {
  id: string;
  community: string;
  street: string;
  failing: RuleName[];
  shortfallM2: number;
  plan: string;
  dueBy: string;
  amountFen?: number;
  purpose?: string;
  status: 'planned' | 'funding-requested' | 'funded' | 'funding-declined';
  plannedAt: string;
  plannedBy: string;
  /** Funding's answers: what was allocated (it may come in parts), or why it was declined. */
  allocatedFen?: number;
  allocations?: Array<{ allocationId: string; amountFen: number; at: string }>;
  declinedReason?: string;
  version: number;
}

export interface RemediationInput {
  plan: string;
  dueBy: string;
  amountFen?: number;
  purpose?: string;
}

export interface RemediationChange {
  remediation: Remediation;
  events: DomainEvent[];
}

/** Only a community that fails the standard (as it stands now) gets a plan; money asked goes to funding. */
export function planRemediation(compliance: Compliance, input: RemediationInput, id: string, cause: Cause): RemediationChange {
  if (compliance.compliant === null) {
    throw new ConflictError(`${compliance.community} is not assessed yet: record its households first.`);
  }
  if (compliance.compliant) throw new ConflictError(`${compliance.community} meets the standard; there is nothing to remedy.`);
  if (input.dueBy <= chinaDate(cause.now)) {
    throw new UnprocessableError('A plan is due after today.', [{ field: 'body.dueBy', message: 'after today' }]);
  }
  const shortfallM2 = toM2(compliance.shortfallDm2 ?? 0);
  const remediation: Remediation = {
    id,
    community: compliance.community,
    street: compliance.street,
    failing: compliance.failing,
    shortfallM2,
    plan: input.plan,
    dueBy: input.dueBy,
    ...(input.amountFen !== undefined ? { amountFen: input.amountFen, purpose: input.purpose ?? input.plan } : {}),
    status: input.amountFen !== undefined ? 'funding-requested' : 'planned',
    plannedAt: cause.now,
    plannedBy: cause.actor.sub,
    version: 1,
  };
  const aggregate = keys.remediation(id).pk;
  const events: DomainEvent[] = [
    newEvent(
      RemediationPlanned,
      aggregate,
      {
        remediationId: id,
        community: remediation.community,
        street: remediation.street,
        failing: remediation.failing,
        shortfallM2,
        plan: remediation.plan,
        dueBy: remediation.dueBy,
        ...(remediation.amountFen !== undefined ? { amountFen: remediation.amountFen } : {}),
      },
      cause,
    ),
  ];
  if (remediation.amountFen !== undefined) {
    events.push(
      newEvent(
        RemediationFundingRequested,
        aggregate,
        {
          remediationId: id,
          community: remediation.community,
          street: remediation.street,
          shortfallM2,
          amountFen: remediation.amountFen,
          purpose: remediation.purpose!,
        },
        cause,
      ),
    );
  }
  return { remediation, events };
}

/** A plan as the API shows it: `version` guards the store against lost answers; no route takes it back. */
export function remediationView(remediation: Remediation): Omit<Remediation, 'version'> {
  const { version: _version, ...shown } = remediation;
  return shown;
}

export type FundingAnswer =
  | { outcome: 'allocated'; allocationId: string; amountFen: number }
  | { outcome: 'declined'; reason: string };

/**
 * Funding answered the plan's request for money. Allocations add up (finance may allocate in parts);
 * a decline after money was allocated changes nothing. Returns undefined when there is nothing to record.
 */
export function recordFundingAnswer(remediation: Remediation, answer: FundingAnswer, cause: Cause): RemediationChange | undefined {
  const aggregate = keys.remediation(remediation.id).pk;
  const base = { remediationId: remediation.id, community: remediation.community, street: remediation.street };
  if (answer.outcome === 'allocated') {
    const allocations = [...(remediation.allocations ?? []), { allocationId: answer.allocationId, amountFen: answer.amountFen, at: cause.now }];
    const allocatedFen = allocations.reduce((sum, a) => sum + a.amountFen, 0);
    const { declinedReason: _d, ...rest } = remediation;
    return {
      remediation: { ...rest, status: 'funded', allocations, allocatedFen, version: remediation.version + 1 },
      events: [newEvent(RemediationFunded, aggregate, { ...base, allocationId: answer.allocationId, amountFen: answer.amountFen, allocatedFen }, cause)],
    };
  }
  if (remediation.status === 'funded' || remediation.status === 'funding-declined') return undefined;
  return {
    remediation: { ...remediation, status: 'funding-declined', declinedReason: answer.reason, version: remediation.version + 1 },
    events: [newEvent(RemediationFundingDeclined, aggregate, { ...base, reason: answer.reason }, cause)],
  };
}

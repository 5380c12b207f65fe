import { BadRequestError, ConflictError, UnprocessableError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import { DelegationAccepted, DelegationGrantsWritten, DelegationRevoked, PowersDelegated } from '../../../contracts/authority.ts';
import { keys } from '../keys.ts';

/** Codes per grant item: keeps an item near 4 KB and a 100-item transaction far below 4 MB. */
export const GRANT_PART_CODES = 100;
export const MAX_DELEGATION_CODES = 1000;
/** One district's streets (the jurisdiction format allows S00 to S99). */
export const MAX_DELEGATION_STREETS = 100;

/**
 * Grant items one step of granting writes: with the delegation, its term, the step's history item and
 * the consumer's inbox guard, one transaction of exactly DynamoDB's 100 items.
 */
export const GRANTS_PER_STEP = 96;

/**
 * `granting`: accepted, its grants are being written and nobody sees them yet; `in-force`: the
 * streets hold its powers from `effectiveOn`; `revoked`: they held them from `effectiveOn` until
 * `revokedFrom`.
 */
export type DelegationStatus = 'granting' | 'in-force' | 'revoked';

/** How far the writing of a delegation's grants has got. */
export interface GrantProgress {
  /** codes × streets: the street-power pairs it grants. */
  pairs: number;
  /** The grant items that hold them (per street, parts of GRANT_PART_CODES codes). */
  items: number;
  /** Grant items written so far; `items` when in force. */
  written: number;
}

/** A district government's decision to delegate a set of powers to a set of its streets from a date. */
export interface Delegation {
  id: string;
  /** The number of the decision document; one delegation per document. */
  decisionRef: string;
  district: string;
  effectiveOn: string;
  codes: string[];
  streets: string[];
  note?: string;
  status: DelegationStatus;
  grants: GrantProgress;
  recordedAt: string;
  recordedBy: string;
  /** When its last grant was written and it came into force. */
  confirmedAt?: string;
  revokedFrom?: string;
  revocationReason?: string;
  revokedAt?: string;
  revokedBy?: string;
  version: number;
}

export interface DelegationTerms {
  decisionRef: string;
  effectiveOn: string;
  codes: readonly string[];
  streets: readonly string[];
  note?: string | undefined;
}

/** What the street query needs of a delegation, kept apart so that it reads a few bytes, not the codes. */
export interface DelegationTerm {
  delegationId: string;
  decisionRef: string;
  effectiveOn: string;
  status: DelegationStatus;
  revokedFrom?: string;
  version: number;
}

/**
 * The index entry that tells a street it is named by a delegation: up to GRANT_PART_CODES of its
 * codes. Its key and content follow from the delegation alone, so writing it again changes nothing.
 */
export interface Grant {
  street: string;
  delegationId: string;
  decisionRef: string;
  effectiveOn: string;
  part: number;
  codes: string[];
}

export interface DelegationChange {
  delegation: Delegation;
  events: DomainEvent[];
}

const distinctSorted = (values: readonly string[]) => [...new Set(values)].sort();

/**
 * A new delegation, accepted and `granting`, with DelegationAccepted for authority's own consumer to
 * write its grants step by step. Every code must be in the catalog (422 naming the unknown ones), and
 * the streets must all be in one district: a delegation is one district government's decision.
 */
export function acceptDelegation(id: string, terms: DelegationTerms, catalogued: ReadonlySet<string>, cause: Cause): DelegationChange {
  const codes = distinctSorted(terms.codes);
  const streets = distinctSorted(terms.streets);
  const districts = distinctSorted(streets.map(districtOf));
  if (districts.length !== 1) {
    throw new BadRequestError(`A delegation is decided by one district; these streets are in ${districts.join(', ')}.`, [
      { field: 'body.streets', message: 'streets of more than one district' },
    ]);
  }
  const unknown = codes.filter((code) => !catalogued.has(code));
  if (unknown.length > 0) {
    throw new UnprocessableError(
      `${unknown.length} code(s) are not in the power catalog: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ', …' : ''}.`,
      unknown.map((code) => ({ field: 'body.codes', message: `unknown power code ${code}` })),
    );
  }
  const parts = Math.ceil(codes.length / GRANT_PART_CODES);
  const delegation: Delegation = {
    id,
    decisionRef: terms.decisionRef,
    district: districts[0]!,
    effectiveOn: terms.effectiveOn,
    codes,
    streets,
    ...(terms.note ? { note: terms.note } : {}),
    status: 'granting',
    grants: { pairs: codes.length * streets.length, items: parts * streets.length, written: 0 },
    recordedAt: cause.now,
    recordedBy: cause.actor.sub,
    version: 1,
  };
  const event = newEvent(
    DelegationAccepted,
    keys.delegation(id).pk,
    {
      delegationId: id,
      decisionRef: delegation.decisionRef,
      district: delegation.district,
      effectiveOn: delegation.effectiveOn,
      grants: delegation.grants.pairs,
      grantItems: delegation.grants.items,
    },
    cause,
  );
  return { delegation, events: [event] };
}

/** The same decision document submitted again: one delegation per document (409 naming it). */
export function refuseResubmission(existing: Delegation): never {
  throw new ConflictError(
    existing.status === 'granting'
      ? `Decision ${existing.decisionRef} is already being granted (delegation ${existing.id}).`
      : `Decision ${existing.decisionRef} was already delegated (delegation ${existing.id}).`,
  );
}

/** Every grant item of a delegation: per street, its codes in parts of GRANT_PART_CODES. */
export function grantsOf(delegation: Pick<Delegation, 'id' | 'decisionRef' | 'effectiveOn' | 'codes' | 'streets'>): Grant[] {
  const parts: string[][] = [];
  for (let start = 0; start < delegation.codes.length; start += GRANT_PART_CODES) {
    parts.push(delegation.codes.slice(start, start + GRANT_PART_CODES));
  }
  return delegation.streets.flatMap((street) =>
    parts.map((codes, part) => ({
      street,
      delegationId: delegation.id,
      decisionRef: delegation.decisionRef,
      effectiveOn: delegation.effectiveOn,
      part,
      codes,
    })),
  );
}

export interface GrantStep extends DelegationChange {
  /** The grant items this step writes, with the delegation's progress, in one transaction. */
  grants: Grant[];
}

/**
 * One step of granting: the next GRANTS_PER_STEP grant items after those already written. While
 * some remain, DelegationGrantsWritten carries the work to the next step; the last step puts the
 * delegation in force and emits PowersDelegated, once, after every grant exists. A delegation no
 * longer granting is left alone.
 */
export function grantStep(delegation: Delegation, cause: Cause): GrantStep | { ignored: string } {
  if (delegation.status !== 'granting') return { ignored: `delegation ${delegation.id} is already ${delegation.status}` };
  const all = grantsOf(delegation);
  const grants = all.slice(delegation.grants.written, delegation.grants.written + GRANTS_PER_STEP);
  const written = delegation.grants.written + grants.length;
  const done = written >= all.length;
  const next: Delegation = {
    ...delegation,
    grants: { ...delegation.grants, written },
    ...(done ? { status: 'in-force' as const, confirmedAt: cause.now } : {}),
    version: delegation.version + 1,
  };
  const aggregate = keys.delegation(delegation.id).pk;
  const event = done
    ? newEvent(
        PowersDelegated,
        aggregate,
        {
          delegationId: delegation.id,
          decisionRef: delegation.decisionRef,
          district: delegation.district,
          effectiveOn: delegation.effectiveOn,
          codes: delegation.codes,
          streets: delegation.streets,
          grants: delegation.grants.pairs,
        },
        cause,
      )
    : newEvent(
        DelegationGrantsWritten,
        aggregate,
        { delegationId: delegation.id, district: delegation.district, written, grantItems: all.length },
        cause,
      );
  return { delegation: next, grants, events: [event] };
}

/**
 * Take a delegation back from a date: its streets hold its powers up to the day before. Revoking from
 * the effective date itself cancels it before it ever applied; from an earlier date is refused.
 */
export function revokeDelegation(delegation: Delegation, revocation: { from: string; reason: string }, cause: Cause): DelegationChange {
  if (delegation.status === 'granting') {
    throw new ConflictError(`Delegation ${delegation.id} is still being granted; revoke it once it is in force.`);
  }
  if (delegation.status === 'revoked') {
    throw new ConflictError(`Delegation ${delegation.id} was already revoked from ${delegation.revokedFrom}.`);
  }
  if (revocation.from < delegation.effectiveOn) {
    throw new UnprocessableError(
      `Delegation ${delegation.id} takes effect on ${delegation.effectiveOn}; revoke it from that date to cancel it.`,
      [{ field: 'body.from', message: `before the effective date ${delegation.effectiveOn}` }],
    );
  }
  const revoked: Delegation = {
    ...delegation,
    status: 'revoked',
    revokedFrom: revocation.from,
    revocationReason: revocation.reason,
    revokedAt: cause.now,
    revokedBy: cause.actor.sub,
    version: delegation.version + 1,
  };
  const event = newEvent(
    DelegationRevoked,
    keys.delegation(delegation.id).pk,
    {
      delegationId: delegation.id,
      decisionRef: delegation.decisionRef,
      district: delegation.district,
      effectiveOn: delegation.effectiveOn,
      revokedFrom: revocation.from,
      reason: revocation.reason,
      codes: delegation.codes,
      streets: delegation.streets,
    },
    cause,
  );
  return { delegation: revoked, events: [event] };
}

export function termOf(delegation: Delegation): DelegationTerm {
  return {
    delegationId: delegation.id,
    decisionRef: delegation.decisionRef,
    effectiveOn: delegation.effectiveOn,
    status: delegation.status,
    ...(delegation.revokedFrom ? { revokedFrom: delegation.revokedFrom } : {}),
    version: delegation.version,
  };
}

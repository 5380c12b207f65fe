import { BadRequestError, ConflictError, UnprocessableError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { districtOf } from '../../../kernel/roles.ts';
import { DelegationRevoked, PowersDelegated } from '../events.ts';
import { keys } from '../keys.ts';

/** Codes per grant item: keeps an item near 4 KB and a 100-item transaction far below 4 MB. */
export const GRANT_PART_CODES = 100;
export const MAX_DELEGATION_CODES = 1000;
/** One district's streets (the jurisdiction format allows S00 to S99). */
export const MAX_DELEGATION_STREETS = 100;

/**
 * `recording`: its grants are being written and nobody sees them yet; `in-force`: the streets hold
 * its powers from `effectiveOn`; `revoked`: they held them from `effectiveOn` until `revokedFrom`.
 */
export type DelegationStatus = 'recording' | 'in-force' | 'revoked';

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
  recordedAt: string;
  recordedBy: string;
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
 * A new delegation, still `recording`. Every code must be in the catalog (422 naming the unknown ones),
 * and the streets must all be in one district: a delegation is one district government's decision.
 */
export function startDelegation(id: string, terms: DelegationTerms, catalogued: ReadonlySet<string>, cause: Cause): Delegation {
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
  return {
    id,
    decisionRef: terms.decisionRef,
    district: districts[0]!,
    effectiveOn: terms.effectiveOn,
    codes,
    streets,
    ...(terms.note ? { note: terms.note } : {}),
    status: 'recording',
    recordedAt: cause.now,
    recordedBy: cause.actor.sub,
    version: 1,
  };
}

/**
 * The same decision submitted again. While it is still `recording` (an earlier attempt stopped part
 * way), the resubmission finishes it; once it is in force, or if the terms differ, it is a conflict.
 */
export function resumeDelegation(existing: Delegation, terms: DelegationTerms): Delegation {
  if (existing.status !== 'recording') {
    throw new ConflictError(`Decision ${existing.decisionRef} was already delegated (delegation ${existing.id}).`);
  }
  const same =
    existing.effectiveOn === terms.effectiveOn &&
    sameList(existing.codes, distinctSorted(terms.codes)) &&
    sameList(existing.streets, distinctSorted(terms.streets));
  if (!same) {
    throw new ConflictError(
      `Decision ${existing.decisionRef} is being recorded as delegation ${existing.id} with other codes, streets or date.`,
    );
  }
  return existing;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Every grant item of a delegation: per street, its codes in parts of GRANT_PART_CODES. */
export function grantsOf(delegation: Delegation): Grant[] {
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

/** All grants are written: the delegation is in force, and PowersDelegated goes out once. */
export function confirmDelegation(delegation: Delegation, cause: Cause): DelegationChange {
  if (delegation.status !== 'recording') {
    throw new ConflictError(`Delegation ${delegation.id} is already ${delegation.status}.`);
  }
  const confirmed: Delegation = { ...delegation, status: 'in-force', confirmedAt: cause.now, version: delegation.version + 1 };
  const event = newEvent(
    PowersDelegated,
    keys.delegation(delegation.id).pk,
    {
      delegationId: delegation.id,
      decisionRef: delegation.decisionRef,
      district: delegation.district,
      effectiveOn: delegation.effectiveOn,
      codes: delegation.codes,
      streets: delegation.streets,
      grants: delegation.codes.length * delegation.streets.length,
    },
    cause,
  );
  return { delegation: confirmed, events: [event] };
}

/**
 * Take a delegation back from a date: its streets hold its powers up to the day before. Revoking from
 * the effective date itself cancels it before it ever applied; from an earlier date is refused.
 */
export function revokeDelegation(delegation: Delegation, revocation: { from: string; reason: string }, cause: Cause): DelegationChange {
  if (delegation.status === 'recording') {
    throw new ConflictError(`Delegation ${delegation.id} is still being recorded; submit its decision again to finish it first.`);
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

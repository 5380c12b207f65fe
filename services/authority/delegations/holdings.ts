import type { DelegationTerm, Grant } from './domain.ts';

/** A power a street holds on a date: since when without a break, and under which decisions. */
export interface HeldPower {
  code: string;
  since: string;
  heldUnder: Array<{ delegationId: string; decisionRef: string; effectiveOn: string; revokedFrom?: string }>;
}

const OPEN_END = '9999-12-31';

/**
 * What a street holds on `on`, by code. A grant counts only once its delegation is in force (or was,
 * and is revoked): grants of a delegation still `granting` are invisible, so a delegation half
 * granted grants nothing. A delegation applies on [effectiveOn, revokedFrom).
 * `since` is the start of the unbroken holding that contains `on`, across delegations that follow or
 * overlap each other.
 */
export function powersHeldOn(on: string, grants: readonly Grant[], terms: ReadonlyMap<string, DelegationTerm>): HeldPower[] {
  const spans = new Map<string, DelegationTerm[]>();
  for (const grant of grants) {
    const term = terms.get(grant.delegationId);
    if (!term || term.status === 'granting') continue;
    for (const code of grant.codes) {
      const list = spans.get(code) ?? [];
      if (!list.includes(term)) list.push(term);
      spans.set(code, list);
    }
  }
  const held: HeldPower[] = [];
  for (const [code, list] of spans) {
    const current = list.filter((t) => t.effectiveOn <= on && on < (t.revokedFrom ?? OPEN_END));
    if (current.length === 0) continue;
    held.push({
      code,
      since: unbrokenSince(on, list),
      heldUnder: current
        .sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn))
        .map((t) => ({
          delegationId: t.delegationId,
          decisionRef: t.decisionRef,
          effectiveOn: t.effectiveOn,
          ...(t.revokedFrom ? { revokedFrom: t.revokedFrom } : {}),
        })),
    });
  }
  return held.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Merge the spans that start on or before `on` and walk back from the one that contains it. */
function unbrokenSince(on: string, terms: readonly DelegationTerm[]): string {
  const spans = terms
    .filter((t) => t.effectiveOn <= on && t.effectiveOn < (t.revokedFrom ?? OPEN_END))
    .map((t) => ({ start: t.effectiveOn, end: t.revokedFrom ?? OPEN_END }))
    .sort((a, b) => a.start.localeCompare(b.start));
  let since = on;
  let start: string | undefined;
  let end = '';
  for (const span of spans) {
    if (start === undefined || span.start > end) {
      start = span.start;
      end = span.end;
    } else if (span.end > end) {
      end = span.end;
    }
    if (start <= on && on < end) since = start;
  }
  return since;
}

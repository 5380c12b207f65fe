import { getMany, queryRange } from '../../../kernel/bulk-read.ts';
import { commitInChunks, putRepeatable } from '../../../kernel/bulk-write.ts';
import { putNew, putVersioned, type Commit, type Item, type Page, type Store } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';
import { grantsOf, termOf, type Delegation, type DelegationChange, type DelegationTerm, type Grant } from './domain.ts';

type Stored<T> = T & Item & { itemType: string };

function strip<T>(item: Stored<T>): T {
  const { pk: _pk, sk: _sk, itemType: _t, gsi1pk: _g1, gsi1sk: _g2, ...rest } = item as Stored<T> & {
    gsi1pk?: string;
    gsi1sk?: string;
  };
  return rest as T;
}

/** A street's grants are few (one item per delegation part naming it); this many means something is wrong. */
const MAX_GRANTS_OF_STREET = 20_000;

/**
 * Delegations in the authority table. A delegation to many streets is more than one transaction can
 * hold (500 codes to 100 streets: 500 grant items), so it is written in three steps, each safe to repeat:
 *
 * 1. `begin`: the delegation (status `recording`), its term and the decision guard, in one transaction.
 *    From here a failure is visible (GET /authority/delegations shows it `recording`) and resumable:
 *    submitting the same decision again finds it by the guard and carries on.
 * 2. `writeGrants`: the grant items, in transactions of up to 100. Their keys and content follow from
 *    the delegation alone (street, effective date, id, part), so a retry rewrites the same items:
 *    nothing is lost (every item is written again) and nothing is doubled (same keys).
 * 3. `confirmCommit`: the delegation and its term become `in-force` with the PowersDelegated history
 *    item, one versioned transaction: the event goes out exactly once, after every grant exists.
 *
 * Readers trust a grant only when its delegation's term says it was confirmed, so steps 1-2 left
 * half-done grant nothing. Revocation changes only the delegation and its term (one transaction):
 * the grants stay as the record of what was delegated.
 */
export class DelegationStore {
  constructor(readonly store: Store) {}

  async delegation(id: string): Promise<Delegation | undefined> {
    const item = await this.store.get<Stored<Delegation>>(keys.delegation(id));
    return item && strip(item);
  }

  async delegationOfDecision(decisionRef: string): Promise<Delegation | undefined> {
    const guard = await this.store.get<Item & { delegationId: string }>(keys.decision(decisionRef));
    return guard && this.delegation(guard.delegationId);
  }

  async delegations(district: string, page: { limit: number; cursor?: string }): Promise<Page<Delegation>> {
    const result = await this.store.page<Stored<Delegation>>({
      index: 'gsi1',
      partition: keys.delegationsOfDistrict(district),
      limit: page.limit,
      ...(page.cursor ? { cursor: page.cursor } : {}),
    });
    return { ...result, items: result.items.map(strip) };
  }

  /** Step 1: the delegation is recorded first, still `recording`. */
  beginCommit(delegation: Delegation): Commit {
    return {
      writes: [
        putNew(this.delegationItem(delegation), `Delegation ${delegation.id} already exists.`),
        putNew(this.termItem(delegation), `Delegation ${delegation.id} already exists.`),
        putNew(
          { ...keys.decision(delegation.decisionRef), itemType: 'decision', delegationId: delegation.id },
          `Decision ${delegation.decisionRef} is already being recorded.`,
        ),
      ],
      events: [],
    };
  }

  /** Step 2: every grant item, chunked; safe to run again. */
  async writeGrants(delegation: Delegation, only?: (grant: Grant) => boolean): Promise<{ items: number; transactions: number }> {
    const grants = grantsOf(delegation).filter((grant) => !only || only(grant));
    const { transactions } = await commitInChunks(
      this.store,
      grants.map((grant) =>
        putRepeatable({ ...keys.grant(grant.street, grant.effectiveOn, grant.delegationId, grant.part), itemType: 'grant', ...grant }),
      ),
    );
    return { items: grants.length, transactions };
  }

  /** Step 3, and revocation: the delegation and its term move together, with the change's event. */
  changeCommit(change: DelegationChange): Commit {
    const { delegation } = change;
    const conflict = `Delegation ${delegation.id} changed meanwhile.`;
    return {
      writes: [putVersioned(this.delegationItem(delegation), conflict), putVersioned(this.termItem(delegation), conflict)],
      events: change.events,
    };
  }

  /** The grant items of a street effective on or before `on`: a Query on the street's partition. */
  async grantsOfStreet(street: string, on: string): Promise<Grant[]> {
    const items = await queryRange<Stored<Grant>>(this.store, {
      partition: keys.streetGrants(street),
      from: 'GRANT#',
      to: keys.grantsUpTo(on),
      maxItems: MAX_GRANTS_OF_STREET,
      consistent: false,
    });
    return items.map(strip);
  }

  /** The terms of these delegations, by key. */
  async terms(delegationIds: readonly string[]): Promise<Map<string, DelegationTerm>> {
    const items = await getMany<Stored<DelegationTerm>>(this.store, delegationIds.map(keys.delegationTerm), { consistent: false });
    return new Map(items.map((item) => [item.delegationId, strip(item)]));
  }

  private delegationItem(delegation: Delegation): Item & { version: number } {
    return {
      ...keys.delegation(delegation.id),
      itemType: 'delegation',
      gsi1pk: keys.delegationsOfDistrict(delegation.district),
      gsi1sk: `${delegation.recordedAt}#${delegation.id}`,
      ...delegation,
    };
  }

  private termItem(delegation: Delegation): Item & { version: number } {
    return { ...keys.delegationTerm(delegation.id), itemType: 'delegation-term', ...termOf(delegation) };
  }
}

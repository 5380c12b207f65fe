import { getMany, queryRange } from '../../../kernel/bulk-read.ts';
import { putRepeatable } from '../../../kernel/bulk-write.ts';
import { putNew, putVersioned, type Commit, type Item, type Page, type Store } from '../../../kernel/store.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import { keys } from '../keys.ts';
import { termOf, type Delegation, type DelegationChange, type DelegationTerm, type Grant, type GrantStep } from './domain.ts';

/** A street's grants are few (one item per delegation part naming it); this many means something is wrong. */
const MAX_GRANTS_OF_STREET = 20_000;

/**
 * Delegations in the authority table. A delegation to many streets is more than one transaction can
 * hold (500 codes to 100 streets: 500 grant items), and more than one request should wait for, so:
 *
 * 1. `acceptCommit` (the HTTP request, answered 202): the delegation (`granting`), its term, the
 *    decision guard (one delegation per decision document) and DelegationAccepted, one transaction.
 * 2. `grantStepCommit` (authority's consumer of its own DelegationAccepted / DelegationGrantsWritten):
 *    the next GRANTS_PER_STEP grant items with the delegation's progress and the next step's event,
 *    one transaction each, bounded whatever the delegation's size. A step is idempotent (the inbox
 *    guard, and a versioned delegation) and resumable (a failed step is redelivered and starts again
 *    from the progress committed). The last step puts it `in-force` with PowersDelegated.
 *
 * Readers trust a grant only when its delegation's term says it is in force (or was), so a
 * delegation half granted grants nothing. Revocation changes only the delegation and its term (one
 * transaction): the grants stay as the record of what was delegated.
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

  acceptCommit({ delegation, events }: DelegationChange): Commit {
    return {
      writes: [
        putNew(this.delegationItem(delegation), `Delegation ${delegation.id} already exists.`),
        putNew(this.termItem(delegation), `Delegation ${delegation.id} already exists.`),
        putNew(
          { ...keys.decision(delegation.decisionRef), itemType: 'decision', delegationId: delegation.id },
          `Decision ${delegation.decisionRef} was submitted at the same time by another request.`,
        ),
      ],
      events,
    };
  }

  /** One step: its grant items (repeatable puts: same keys, same content), the progress, the event. */
  grantStepCommit({ delegation, grants, events }: GrantStep): Commit {
    return {
      writes: [
        ...grants.map((grant) =>
          putRepeatable({ ...keys.grant(grant.street, grant.effectiveOn, grant.delegationId, grant.part), itemType: 'grant', ...grant }),
        ),
        ...this.changeCommit({ delegation, events }).writes,
      ],
      events,
    };
  }

  /** The delegation and its term move together, with the change's event. */
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

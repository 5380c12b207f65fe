import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { Cause } from '../../../kernel/events.ts';
import { createDocumentClient, Store, type Item } from '../../../kernel/store.ts';
import { testTable } from '../../../test/setup/context.ts';
import { keys } from '../keys.ts';
import { confirmDelegation, resumeDelegation, startDelegation, type Delegation } from './domain.ts';
import { powersHeldOn } from './holdings.ts';
import { DelegationStore } from './store.ts';

const table = new Store(testTable('authority'));
const delegations = new DelegationStore(table);

const admin: Cause = {
  correlationId: 'corr-store',
  now: '2025-06-20T02:00:00.000Z',
  actor: { sub: 'district-office-1', roles: ['district-admin'], jurisdiction: 'D01' },
};

const codes = Array.from({ length: 500 }, (_, i) => `CM-${String(i).padStart(4, '0')}`);
const streetsOf = (district: string) => Array.from({ length: 100 }, (_, i) => `${district}/S${String(i).padStart(2, '0')}`);

/** A district of its own per test, so that tests never share a street's partition. */
let districtNumber = 10;
const freshDistrict = () => `D${districtNumber++}`;

async function grantItemsOf(street: string): Promise<Item[]> {
  const out = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.streetGrants(street) },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []) as Item[];
}

async function heldBy(store: DelegationStore, street: string, on: string) {
  const grants = await store.grantsOfStreet(street, on);
  const terms = await store.terms([...new Set(grants.map((g) => g.delegationId))]);
  return powersHeldOn(on, grants, terms);
}

function start(district: string): Delegation {
  const terms = { decisionRef: `${district}-GOV-${ulid()}`, effectiveOn: '2025-07-01', codes, streets: streetsOf(district) };
  return startDelegation(ulid(), terms, new Set(codes), admin);
}

describe('a delegation too large for one transaction', () => {
  it('500 codes to 100 streets are 500 grant items in 5 transactions, then one confirming commit', async () => {
    const delegation = start(freshDistrict());
    await table.commit(delegations.beginCommit(delegation));

    const written = await delegations.writeGrants(delegation);
    await table.commit(delegations.changeCommit(confirmDelegation(delegation, admin)));

    expect(written).toEqual({ items: 500, transactions: 5 });
    expect(await heldBy(delegations, delegation.streets[99]!, '2025-07-01')).toHaveLength(500);
  });

  it('stopped after some grants, it is visible as recording and grants nothing; resubmitted, it completes with every grant once', async () => {
    const delegation = start(freshDistrict());
    await table.commit(delegations.beginCommit(delegation));
    // The first attempt dies after the grants of 30 streets.
    await delegations.writeGrants(delegation, (grant) => delegation.streets.indexOf(grant.street) < 30);

    expect((await delegations.delegation(delegation.id))?.status).toBe('recording');
    expect(await heldBy(delegations, delegation.streets[0]!, '2025-08-01')).toEqual([]);

    const again = await delegations.delegationOfDecision(delegation.decisionRef);
    const resumed = resumeDelegation(again!, { ...delegation });
    await delegations.writeGrants(resumed);
    await table.commit(delegations.changeCommit(confirmDelegation(resumed, admin)));

    const perStreet = await Promise.all(delegation.streets.map(grantItemsOf));
    expect(perStreet.map((items) => items.length)).toEqual(Array(100).fill(5));
    const pairs = perStreet.flat().flatMap((item) => (item.codes as string[]).map((code) => `${item.pk} ${code}`));
    expect(pairs).toHaveLength(50_000);
    expect(new Set(pairs).size).toBe(50_000);
    expect(await heldBy(delegations, delegation.streets[0]!, '2025-08-01')).toHaveLength(500);
  });

  it('two attempts confirming at once: one commits, the other is 409, and PowersDelegated is written once', async () => {
    const delegation = start(freshDistrict());
    await table.commit(delegations.beginCommit(delegation));
    await delegations.writeGrants(delegation);

    const results = await Promise.allSettled([
      table.commit(delegations.changeCommit(confirmDelegation(delegation, admin))),
      table.commit(delegations.changeCommit(confirmDelegation(delegation, admin))),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const out = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :history)',
        ExpressionAttributeValues: { ':pk': keys.delegation(delegation.id).pk, ':history': 'HISTORY#' },
        ConsistentRead: true,
      }),
    );
    expect(out.Items?.map((i) => i.detailType)).toEqual(['PowersDelegated']);
  });
});

describe('what a street holds is read by key', () => {
  it('a Query on the street’s partition up to the date and a BatchGet of the terms: no Scan', async () => {
    const delegation = start(freshDistrict());
    await table.commit(delegations.beginCommit(delegation));
    await delegations.writeGrants(delegation);
    await table.commit(delegations.changeCommit(confirmDelegation(delegation, admin)));
    const seen: Array<{ command: string; input: string }> = [];
    const doc = createDocumentClient();
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        seen.push({ command: context.commandName ?? '?', input: JSON.stringify(args.input) });
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
    const observed = new DelegationStore(new Store(table.tableName, doc));
    const street = delegation.streets[42]!;

    const held = await heldBy(observed, street, '2025-07-15');

    expect(held).toHaveLength(500);
    expect(seen.map((s) => s.command)).toEqual(['QueryCommand', 'BatchGetItemCommand']);
    expect(JSON.parse(seen[0]!.input)).toMatchObject({
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': `STREET#${street}`, ':to': 'GRANT#2025-07-15#~' },
    });
  });
});

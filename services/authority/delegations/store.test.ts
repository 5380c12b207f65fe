import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { Cause } from '../../../kernel/events.ts';
import { createDocumentClient, Store, type Item } from '../../../kernel/store.ts';
import { testTable } from '../../../test/setup/context.ts';
import { keys } from '../keys.ts';
import { acceptDelegation, grantStep, type Delegation, type GrantStep } from './domain.ts';
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

/** A delegation of 500 codes to a district's 100 streets, accepted (committed, nothing granted yet). */
async function accepted(district: string): Promise<Delegation> {
  const terms = { decisionRef: `${district}-GOV-${ulid()}`, effectiveOn: '2025-07-01', codes, streets: streetsOf(district) };
  const change = acceptDelegation(ulid(), terms, new Set(codes), admin);
  await table.commit(delegations.acceptCommit(change));
  return change.delegation;
}

function step(delegation: Delegation): GrantStep {
  const next = grantStep(delegation, admin);
  if ('ignored' in next) throw new Error(next.ignored);
  return next;
}

/** Commits steps, as authority's consumer does, until `count` are done or the delegation is in force. */
async function grantSteps(delegation: Delegation, count = Infinity): Promise<{ delegation: Delegation; steps: GrantStep[] }> {
  const steps: GrantStep[] = [];
  let current = delegation;
  while (current.status === 'granting' && steps.length < count) {
    const next = step(current);
    await table.commit(delegations.grantStepCommit(next));
    steps.push(next);
    current = next.delegation;
  }
  return { delegation: current, steps };
}

async function historyOf(delegation: Delegation): Promise<string[]> {
  const out = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :history)',
      ExpressionAttributeValues: { ':pk': keys.delegation(delegation.id).pk, ':history': 'HISTORY#' },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map((i) => i.detailType as string);
}

describe('a delegation too large for one transaction', () => {
  it('500 codes to 100 streets: accepted in one commit, then granted in 6 steps of one transaction each', async () => {
    const delegation = await accepted(freshDistrict());

    const { delegation: done, steps } = await grantSteps(delegation);

    expect(steps.map((s) => s.grants.length)).toEqual([96, 96, 96, 96, 96, 20]);
    expect(done).toMatchObject({ status: 'in-force', grants: { pairs: 50_000, items: 500, written: 500 } });
    expect(await delegations.delegation(delegation.id)).toEqual(done);
    expect(await heldBy(delegations, delegation.streets[99]!, '2025-07-01')).toHaveLength(500);
    expect(await historyOf(delegation)).toEqual(['DelegationAccepted', ...Array(5).fill('DelegationGrantsWritten'), 'PowersDelegated']);
  });

  it('part way through its steps, it is visible as granting and grants nothing; the rest complete it with every grant once', async () => {
    const delegation = await accepted(freshDistrict());
    await grantSteps(delegation, 2);

    expect(await delegations.delegation(delegation.id)).toMatchObject({ status: 'granting', grants: { written: 192 } });
    expect(await heldBy(delegations, delegation.streets[0]!, '2025-08-01')).toEqual([]);

    await grantSteps((await delegations.delegation(delegation.id))!);

    const perStreet = await Promise.all(delegation.streets.map(grantItemsOf));
    expect(perStreet.map((items) => items.length)).toEqual(Array(100).fill(5));
    const pairs = perStreet.flat().flatMap((item) => (item.codes as string[]).map((code) => `${item.pk} ${code}`));
    expect(pairs).toHaveLength(50_000);
    expect(new Set(pairs).size).toBe(50_000);
    expect(await heldBy(delegations, delegation.streets[0]!, '2025-08-01')).toHaveLength(500);
  });

  it('the same step committed twice at once: one commits, the other is 409, and its event is written once', async () => {
    const delegation = await accepted(freshDistrict());
    const first = step(delegation);

    const results = await Promise.allSettled([
      table.commit(delegations.grantStepCommit(first)),
      table.commit(delegations.grantStepCommit(step(delegation))),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await historyOf(delegation)).toEqual(['DelegationAccepted', 'DelegationGrantsWritten']);
    expect((await delegations.delegation(delegation.id))?.grants.written).toBe(96);
  });

  it('each step is one transaction of at most 100 items, whatever the delegation’s size', () => {
    const big = acceptDelegation(ulid(), { decisionRef: 'BIG', effectiveOn: '2025-07-01', codes: Array.from({ length: 1000 }, (_, i) => `C-${i}`), streets: streetsOf('D77') }, new Set(Array.from({ length: 1000 }, (_, i) => `C-${i}`)), admin);

    const commit = delegations.grantStepCommit(step(big.delegation));

    // The grants, the delegation and its term, the history item, and the consumer's inbox guard.
    expect(commit.writes.length + commit.events.length + 1).toBe(100);
  });
});

describe('what a street holds is read by key', () => {
  it('a Query on the street’s partition up to the date and a BatchGet of the terms: no Scan', async () => {
    const { delegation } = await grantSteps(await accepted(freshDistrict()));
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

import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../kernel/errors.ts';
import { Store, type Item } from '../../../kernel/store.ts';
import { testTable } from '../../../test/setup/context.ts';
import { RecruitmentFlow } from '../../../test/support/recruitment.ts';
import type { Application } from '../applications/domain.ts';
import { keys } from '../keys.ts';
import { StaffStore } from '../staff/store.ts';
import type { Position } from './domain.ts';

/**
 * Closing against DynamoDB Local, with the clock chosen by the test: the window of each position is
 * in the past, so closing "after closesAt" needs no waiting.
 */
const table = new Store(testTable('recruitment'));
const flow = new RecruitmentFlow(table);
const day = (n: number) => new Date(Date.UTC(2030, 2, 1) + n * 86_400_000).toISOString();

async function historyOf(pk: string): Promise<Item[]> {
  const out = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :h)',
      ExpressionAttributeValues: { ':pk': pk, ':h': 'HISTORY#' },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []) as Item[];
}

describe('closing with 30 scored applicants and quota 5', () => {
  let position: Position;
  let applications: Application[];

  beforeAll(async () => {
    position = await flow.publish({ street: 'D01/S05', quota: 5, opensAt: day(0), closesAt: day(10) });
    // Submissions an hour apart; scores repeat every 10, so ties are broken by submission.
    applications = await Promise.all(
      Array.from({ length: 30 }, (_, i) => flow.apply(position.id, `applicant-${i}`, new Date(Date.parse(day(1)) + i * 3600_000).toISOString())),
    );
    await Promise.all(applications.map((a, i) => flow.score(a.id, 70 + (i % 10), day(11))));
  });

  it('hires exactly 5, in rank order, with 5 StaffHired events; the other 25 are not selected', async () => {
    const closing = await flow.close(position.id, day(12));

    // Scores 79 are applicants 9, 19, 29; 78 are 8, 18 (earlier submission first).
    const expected = [9, 19, 29, 8, 18].map((i) => applications[i]!.id);
    expect(closing.hires.map((h) => h.application.id)).toEqual(expected);

    const hired = await flow.applications.ofPosition(position.id, { status: 'hired', limit: 100 });
    const byRank = [...hired.items].sort((a, b) => a.rank! - b.rank!);
    expect(byRank.map((a) => [a.id, a.rank])).toEqual(expected.map((id, i) => [id, i + 1]));

    const notSelected = await flow.applications.ofPosition(position.id, { status: 'not-selected', limit: 100 });
    expect(notSelected.items).toHaveLength(25);
    expect((await flow.applications.ofPosition(position.id, { status: 'eligible', limit: 100 })).items).toEqual([]);

    const staffHired = (await Promise.all(closing.hires.map((h) => historyOf(keys.staff(h.staff.id).pk)))).flat();
    expect(staffHired.map((h) => h.detailType)).toEqual(Array(5).fill('StaffHired'));
    expect(staffHired.map((h) => JSON.parse(h.detail as string).data.rank).sort()).toEqual([1, 2, 3, 4, 5]);

    const roster = await new StaffStore(table).roster('D01/S05', { limit: 100 });
    expect(roster.items.map((m) => m.applicationId).sort()).toEqual([...expected].sort());
    expect(await flow.positions.position(position.id)).toMatchObject({ status: 'filled', hired: 5, notSelected: 25, settlement: 'done' });
  });

  it('closing it again is 409 and writes no event', async () => {
    const before = await historyOf(keys.position(position.id).pk);
    await expect(flow.close(position.id, day(13))).rejects.toThrow(new ConflictError(`Position ${position.id} is already filled.`));
    expect(await historyOf(keys.position(position.id).pk)).toEqual(before);
    expect((await new StaffStore(table).roster('D01/S05', { limit: 100 })).items).toHaveLength(5);
  });

  it('a score after closing is 409: scores are final', async () => {
    await expect(flow.score(applications[0]!.id, 100, day(13))).rejects.toThrow(ConflictError);
  });
});

describe('closing is guarded by the position’s version', () => {
  it('an application that lands after closing read the position makes the closing 409, and nothing is hired', async () => {
    const position = await flow.publish({ street: 'D01/S05', quota: 1, opensAt: day(20), closesAt: day(30) });
    const first = await flow.apply(position.id, 'early', day(21));
    await flow.score(first.id, 80, day(22));
    const read = (await flow.positions.position(position.id))!;

    await flow.apply(position.id, 'late', day(29));
    await expect(flow.closer.close(read, { correlationId: 'c', now: day(31), actor: { sub: 'org', roles: ['organization-dept'] } })).rejects.toThrow(
      /changed while it was being closed/,
    );

    expect(await flow.positions.position(position.id)).toMatchObject({ status: 'published', applications: 2 });
    expect((await flow.applications.ofPosition(position.id, { status: 'hired', limit: 10 })).items).toEqual([]);
  });

  it('the same closing, read again, goes through', async () => {
    const position = await flow.publish({ street: 'D01/S05', quota: 1, opensAt: day(40), closesAt: day(50) });
    const only = await flow.apply(position.id, 'only', day(41));
    await flow.score(only.id, 66, day(51));
    const closing = await flow.close(position.id, day(52));
    expect(closing.hires.map((h) => h.application.id)).toEqual([only.id]);
  });
});

import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { Store, type Item } from '../../../kernel/store.ts';
import { testTable } from '../../../test/setup/context.ts';
import { recordCalls } from '../../../test/support/dynamo-calls.ts';
import { RecruitmentFlow } from '../../../test/support/recruitment.ts';
import { keys } from '../keys.ts';
import { causeAt } from '../testing.ts';
import { startSecondment, type StaffMember } from './domain.ts';
import { checkSecondments } from './secondment-check.ts';
import { StaffStore } from './store.ts';

/**
 * The past-due check against DynamoDB Local, as of chosen days (the schedule takes "now" from the
 * Scheduled Event). Each test's secondments end in a year of their own, so the checks of one test
 * never see another's.
 */
const table = new Store(testTable('recruitment'));
const staff = new StaffStore(table);
let members: StaffMember[];

beforeAll(async () => {
  members = await new RecruitmentFlow(table).hire('D01/S04', Array.from({ length: 25 }, (_, i) => `Member ${i}`));
});

async function second(member: StaffMember, endsOn: string, approvalRef: string | null = 'D01-ORG-7') {
  const change = startSecondment(
    (await staff.member(member.id))!,
    { id: ulid(), toUnit: 'District bureau', startsOn: '2020-01-01', endsOn, ...(approvalRef ? { approvalRef } : {}) },
    causeAt('2020-01-01T01:00:00.000Z', 'official-s04', ['street-official']),
  );
  await table.commit(staff.secondmentCommit(change));
  return change.secondment;
}

async function flaggedEventsOf(secondmentId: string): Promise<Item[]> {
  const out = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :h)',
      ExpressionAttributeValues: { ':pk': keys.secondment(secondmentId).pk, ':h': 'HISTORY#' },
      ConsistentRead: true,
    }),
  );
  return ((out.Items ?? []) as Item[]).filter((h) => h.detailType === 'SecondmentFlagged');
}

/** 16:00Z is midnight in the district: the first moment of that day there. */
const districtMidnight = (day: string) => causeAt(`${day}T16:00:00.000Z`, 'five-haves.recruitment', ['service']);

describe('the past-due check', () => {
  it('leaves a secondment alone through its last day, and flags it once the day after', async () => {
    const secondment = await second(members[0]!, '2021-06-30');

    expect(await checkSecondments(table, districtMidnight('2021-06-29'))).toMatchObject({ flagged: 0 });
    expect((await staff.secondment(secondment.id))!.status).toBe('active');

    expect(await checkSecondments(table, districtMidnight('2021-06-30'))).toMatchObject({ today: '2021-07-01', due: 1, flagged: 1 });
    expect(await staff.secondment(secondment.id)).toMatchObject({ status: 'flagged', flagReasons: ['past-due'] });
    expect(await flaggedEventsOf(secondment.id)).toHaveLength(1);
  });

  it('running it again, or twice at once, flags nothing more: SecondmentFlagged once per secondment', async () => {
    const secondments = await Promise.all(members.slice(1, 6).map((m) => second(m, '2022-03-31')));
    const runs = await Promise.all([checkSecondments(table, districtMidnight('2022-04-02')), checkSecondments(table, districtMidnight('2022-04-02'))]);
    const again = await checkSecondments(table, districtMidnight('2022-04-03'));

    expect(runs.reduce((sum, run) => sum + Number(run.flagged), 0)).toBe(5);
    expect(again).toMatchObject({ due: 0, flagged: 0 });
    for (const s of secondments) expect(await flaggedEventsOf(s.id), s.id).toHaveLength(1);
  });

  it('a secondment flagged on arrival (no approval) is not flagged again when it runs past its end', async () => {
    const unapproved = await second(members[6]!, '2023-01-31', null);
    expect(unapproved.status).toBe('flagged');
    await checkSecondments(table, districtMidnight('2023-02-05'));
    expect(await flaggedEventsOf(unapproved.id)).toHaveLength(1);
  });

  it('finds the due ones by Query on the by-end-date index, page after page, never by Scan', async () => {
    await Promise.all(members.slice(7, 25).map((m) => second(m, '2024-05-31')));
    const recorder = recordCalls(table);
    const run = await checkSecondments(table, districtMidnight('2024-06-01'), { pageSize: 5 });
    recorder.stop();

    expect(run).toMatchObject({ due: 18, flagged: 18 });
    expect(recorder.calls).not.toContain('ScanCommand');
    // 18 due in pages of 5: four Queries of the index (the last one short, so no fifth).
    expect(recorder.calls.filter((c) => c === 'QueryCommand')).toHaveLength(4);
    const counts = await staff.staffing('D01/S04');
    expect(counts).toMatchObject({ filled: 25, onSecondment: 25, flagged: 25 });
  });
});

import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../kernel/store.ts';
import { boardEntries } from '../services/recruitment/positions/board.ts';
import { draftPosition, publishPosition } from '../services/recruitment/positions/domain.ts';
import { recruitmentTable } from '../services/recruitment/table.ts';
import { keys } from '../services/recruitment/keys.ts';
import { allotment, causeAt } from '../services/recruitment/testing.ts';
import { PositionKind } from '../services/recruitment/vocabulary.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { recordCalls } from './support/dynamo-calls.ts';

/**
 * 5,000 published positions on the public board. They are built by the service's own domain and
 * board-entry builder (the entries publishing writes), and only the entries of the board partitions
 * this test lists are put, with BatchWriteItem, 25 items a call: 6,000 items instead of the 25,000
 * that 5,000 publications write, since the one DynamoDB Local is shared with every other test file.
 * Listing goes through the gateway while the http handler's own DynamoDB client is watched:
 * Queries, one per page, and never a Scan.
 */
const POSITIONS = 5_000;
const STREETS = ['D01/S01', 'D01/S02', 'D01/S03', 'D01/S04', 'D01/S05'];
let t: TestCloud;

async function batchPut(items: Item[]): Promise<void> {
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
      while (pending.length > 0) {
        const out = await recruitmentTable.doc.send(new BatchWriteCommand({ RequestItems: { [recruitmentTable.tableName]: pending } }));
        pending = (out.UnprocessedItems?.[recruitmentTable.tableName] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

beforeAll(async () => {
  const base = Date.parse('2030-01-01T00:00:00.000Z');
  const listed = new Set([keys.board('published'), keys.board('published', { street: 'D01/S03' }), keys.board('published', { street: 'D01/S01', kind: 'civil-servant' })]);
  const items: Item[] = [];
  for (let i = 0; i < POSITIONS; i += 1) {
    const at = causeAt(new Date(base + i * 1000).toISOString());
    const { position } = draftPosition(
      {
        id: ulid(base + i * 1000),
        title: `Post ${i}`,
        street: STREETS[i % STREETS.length]!,
        kind: PositionKind.options[i % 3]!,
        quota: 1,
        eligibility: { sourcePools: ['other'] },
        opensAt: '2030-06-01T00:00:00.000Z',
        closesAt: '2030-06-30T00:00:00.000Z',
      },
      at,
    );
    const published = publishPosition(position, allotment({ street: position.street, posts: POSITIONS }), at).position;
    items.push(...boardEntries(published).filter((entry) => listed.has(entry.pk)));
  }
  await batchPut(items);
  // Started after the writes: the relay then reads their stream records once, instead of competing with them.
  t = await startTestCloud();
}, 120_000);
afterAll(() => t?.stop());

async function listAll(query: string) {
  const recorder = recordCalls(recruitmentTable);
  const ids: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  try {
    do {
      const page = await t.api('GET', `/recruitment/positions?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      ids.push(...page.body.items.map((p: { id: string }) => p.id));
      sizes.push(page.body.items.length);
      cursor = page.body.cursor;
    } while (cursor);
  } finally {
    recorder.stop();
  }
  return { ids, sizes, calls: recorder.calls };
}

describe('5,000 positions on the board', () => {
  it('are listed in 50 pages of 100, newest first, each once, by 50 Queries and no Scan', async () => {
    const { ids, sizes, calls } = await listAll('limit=100');

    expect(sizes).toEqual(Array(50).fill(100));
    expect(new Set(ids).size).toBe(POSITIONS);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(calls).not.toContain('ScanCommand');
    expect(calls.filter((c) => c === 'QueryCommand')).toHaveLength(50);
  });

  it('one street’s 1,000 are 10 pages of its own partition', async () => {
    const { ids, sizes, calls } = await listAll('street=D01/S03&limit=100');
    expect(sizes).toEqual(Array(10).fill(100));
    expect(new Set(ids).size).toBe(1_000);
    expect(calls).toEqual(Array(10).fill('QueryCommand'));
  });

  it('the default page is 25 and a limit above 100 is taken as 100', async () => {
    const first = await t.api('GET', '/recruitment/positions?kind=civil-servant&street=D01/S01');
    expect(first.body.items).toHaveLength(25);
    expect(first.body.cursor).toEqual(expect.any(String));
    const capped = await t.api('GET', '/recruitment/positions?limit=101');
    expect(capped.status).toBe(200);
    expect(capped.body.items).toHaveLength(100);
    expect(capped.body.cursor).toEqual(expect.any(String));
  });
});

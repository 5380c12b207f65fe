import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ChaosApi } from '../chaos/api.ts';
import { isSettled, readTables } from '../chaos/checks.ts';
import { resetStage } from '../chaos/seed.ts';
import { runWorkload, type Plan } from '../chaos/workload.ts';
import type { LocalCloudOptions } from '../infra/local/runtime.ts';
import { waitFor } from '../infra/local/wait.ts';
import { testStage } from './setup/context.ts';
import { startTestCloud } from './support/cloud.ts';

/**
 * Duplicated and reordered delivery: the bus delivers every event one to three times, each copy on
 * its own, in an order a fast-check scheduler chooses (across queues and within one). Every consumer
 * must absorb it: after the same flows (the chaos run's workload, chapter and verse), the five tables
 * hold the same state as after plain single, in-order delivery — compared item by item, with what is
 * different on every run anyway (generated ids, clock readings, in whatever form) blanked out.
 */
const PLAN: Plan = {
  seed: 0,
  streets: ['D01/S03', 'D01/S04'],
  appointments: [
    { street: 'D01/S03', department: 'market-supervision', decision: 'granted' },
    { street: 'D01/S04', department: 'sanitation', decision: 'refused' },
  ],
  meetings: [{ street: 'D01/S03', slot: 1, decisions: [{ fundingFen: 1_200_000, answer: 'approve' }] }],
  remediations: [{ street: 'D01/S04', amountFen: 30_000_000, answer: 'decline' }],
  positions: [{ street: 'D01/S03', quota: 2 }],
  issues: [{ street: 'D01/S04', department: 'housing' }],
};
const RUNS = 3;

const client = new DynamoDBClient({});
afterAll(() => client.destroy());

/** Runs the plan on fresh tables with these delivery options, while `pump` opens gates; the tables' normalized items. */
async function endState(delivery: Partial<LocalCloudOptions>, pump?: () => Promise<void>): Promise<string[]> {
  await resetStage(client, testStage());
  const t = await startTestCloud({ ...delivery, scheduleTimers: false });
  let running = true;
  const opening = (async () => {
    while (running && pump) await pump();
  })();
  try {
    await runWorkload(PLAN, new ChaosApi(t.cloud.url, 'delivery'), (claims) => t.token(claims));
    await waitFor('every event delivered', async () => ((await isSettled(client, t.cloud, t.published)) ? true : undefined), { timeoutMs: 120_000 });
    return normalized(Object.values(await readTables(client, t.cloud.tables)).flat());
  } finally {
    running = false;
    await opening;
    await t.stop();
  }
}

/**
 * Items as comparable text: ids that are generated (ULIDs, UUIDs, the client's correlation ids) and
 * clock readings are blanked; records of Idempotency-Keys (client bookkeeping, with an expiry in
 * epoch seconds) are left out. Sorted, since the order of a scan says nothing.
 */
function normalized(items: Array<Record<string, unknown>>): string[] {
  return items
    .filter((item) => item.itemType !== 'idempotency')
    .map((item) =>
      JSON.stringify(Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1))))
        .replace(/delivery-\d+-[0-9a-f]{8}/g, 'CORRELATION')
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UUID')
        .replace(/[0-9A-HJKMNP-TV-Z]{26}/g, 'ULID')
        // A notification's id: its time in base 36, then a hash of its source and recipient (services/notifications/notifier.ts noteId).
        .replace(/("id":"|NOTE#)[0-9a-z]{9}[A-Za-z0-9_-]{16}(?![A-Za-z0-9_-])/g, '$1NOTE-ID')
        .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?/g, 'TIME')
        // The same readings as the notes write them, in China time to the minute (notifications/texts.ts officeTime):
        // a whistle raised a minute later in one run reports in a minute later.
        .replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/g, 'OFFICE-TIME')
        .replace(/\d{4}-\d{2}-\d{2}/g, 'DATE'),
    )
    .sort();
}

let reference: string[];
beforeAll(async () => {
  reference = await endState({});
}, 180_000);

it(`every event delivered 1-3 times in a scheduled order: the end state of single in-order delivery (${RUNS} schedules)`, async () => {
  const measured: Array<{ deliveries: number; events: number }> = [];
  await fc.assert(
    fc.asyncProperty(fc.scheduler(), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 5, maxLength: 50 }), async (s, copies) => {
      let queued = 0;
      let deliveries = 0;
      const state = await endState(
        {
          deliveryCopies: () => copies[queued++ % copies.length]!,
          deliveryGate: ({ queue, events }) => {
            deliveries += 1;
            return s.schedule(Promise.resolve(), `${queue} ${events.map((e) => e['detail-type']).join()}`);
          },
        },
        async () => {
          if (s.count() > 0) await s.waitOne();
          else await new Promise((resolve) => setTimeout(resolve, 5));
        },
      );
      expect(state).toEqual(reference);
      measured.push({ deliveries, events: queued });
    }),
    { numRuns: RUNS, endOnFailure: true },
  );
  console.log(
    `delivery order: ${measured.length} schedules, ${reference.length} items each equal to single in-order delivery; ` +
      `deliveries per run ${measured.map((m) => `${m.deliveries} for ${m.events} queued events`).join(', ')}`,
  );
}, 400_000);

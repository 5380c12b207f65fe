import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '../kernel/logger.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { consentCaseFor, nominate, nomination, published, sagaTokens } from './support/saga.ts';

/**
 * One correlation id, followed through the whole flow the way an operator would in CloudWatch
 * Logs Insights: the request's log line, the history item the request wrote, the enrichment's line
 * as the item goes to the bus, the event on the bus, and the consumer's line as it applies it.
 */
describe('a correlation id through request → history item → event → consumer', () => {
  let t: TestCloud;
  const lines: Array<Record<string, unknown>> = [];
  let restore: () => void;

  beforeAll(async () => {
    t = await startTestCloud({ scheduleTimers: false });
    // The structured logger writes JSON lines to stdout; the test reads them there.
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      let others = '';
      for (const line of String(chunk).split(/(?<=\n)/)) {
        try {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          others += line; // not one of the logger's lines: passed on
        }
      }
      return others ? (write as (...args: unknown[]) => boolean)(others, ...rest) : true;
    }) as typeof process.stdout.write;
    const level = logger.getLevelName();
    logger.setLogLevel('INFO');
    restore = () => {
      process.stdout.write = write;
      logger.setLogLevel(level);
    };
  }, 120_000);

  afterAll(async () => {
    restore?.();
    await t?.stop();
  });

  it('appears on every log line, the history item and the event of one nomination', async () => {
    const correlationId = 'trace-nomination-0001';
    const { department, committee } = await sagaTokens(t);
    const response = await t.api('POST', '/recruitment/appointments', {
      token: department,
      body: nomination,
      headers: { 'x-correlation-id': correlationId },
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
    const appointmentId = response.body.id as string;
    await consentCaseFor(t, committee, appointmentId);
    const event = await published(t, 'AppointmentRequested', appointmentId);

    // The history item (the outbox) carries it in the event it stores.
    const client = new DynamoDBClient({});
    const history = await client.send(
      new QueryCommand({
        TableName: t.cloud.tables.recruitment,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :history)',
        ExpressionAttributeValues: { ':pk': { S: `APPOINTMENT#${appointmentId}` }, ':history': { S: 'HISTORY#' } },
      }),
    );
    client.destroy();
    const stored = (history.Items ?? []).map((item) => JSON.parse(item.detail!.S!) as { metadata: { correlationId: string } });
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.map((d) => d.metadata.correlationId)).toEqual(stored.map(() => correlationId));

    // The event on the bus, and each step's log line.
    expect((event.detail as { metadata: { correlationId: string } }).metadata.correlationId).toBe(correlationId);
    const mine = lines.filter((line) => line.correlationId === correlationId);
    const request = mine.find((l) => l.message === 'request answered');
    expect(request).toMatchObject({ level: 'INFO', routeKey: 'POST /recruitment/appointments', status: 202 });
    expect(mine.find((l) => l.message === 'history item to the bus')).toMatchObject({
      source: 'five-haves.recruitment',
      detailType: 'AppointmentRequested',
      eventId: (event.detail as { metadata: { eventId: string } }).metadata.eventId,
    });
    expect(mine.find((l) => l.message === 'event applied')).toMatchObject({
      consumer: 'authority',
      detailType: 'AppointmentRequested',
      events: expect.arrayContaining(['ConsentCaseOpened']),
    });
    for (const line of mine) expect(line.timestamp, 'structured: every line has its time').toBeTypeOf('string');
  }, 60_000);

  it('a refused request logs its correlation id and why', async () => {
    const correlationId = 'trace-refusal-0001';
    const { department } = await sagaTokens(t);
    const response = await nominate(t, department, { ...nomination, street: 'nowhere' });
    expect(response.status).toBe(400);
    const again = await t.api('POST', '/recruitment/appointments', {
      token: department,
      body: { ...nomination, street: 'nowhere' },
      headers: { 'x-correlation-id': correlationId },
    });
    expect(again.body.correlationId).toBe(correlationId);
    expect(lines.find((l) => l.correlationId === correlationId && l.message === 'request refused')).toMatchObject({
      status: 400,
      routeKey: 'POST /recruitment/appointments',
    });
  });
});

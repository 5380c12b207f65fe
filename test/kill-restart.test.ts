import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadIssuer } from '../infra/local/issuer.ts';
import { waitFor } from '../infra/local/wait.ts';
import { tableName, type ServiceName } from '../kernel/table.ts';
import { services } from '../services/index.ts';
import { testDynamoEndpoint, testStage } from './setup/context.ts';
import { startRuntimeProcess, type RuntimeProcess } from './support/runtime-process.ts';
import { historyItems, inboxItems, scanTable, type ScannedItem } from './support/scan.ts';

/**
 * "A change once acknowledged is never lost and never applied twice, whatever crashes and whenever."
 *
 * The runtime `npm start` runs (gateway, relay, bus, the handlers) in a child process against this
 * run's DynamoDB Local, keeping its stream positions and queues in a data folder. Appointment sagas
 * cross recruitment → authority → recruitment (and the scorecard) through the relay and the bus. In
 * the middle of them, with answers back and requests in flight, the runtime is SIGKILLed, then started
 * again on the same folder. The client retries what got no answer with its Idempotency-Key, as a client
 * should. Once everything has settled:
 * - every write answered 2xx before the kill is in its table, and every retry found its first attempt;
 * - every saga reached its end (appointment confirmed), each appointment has one consent case;
 * - every event is in the inbox of every consumer subscribed to it, once (inbox = the events), none
 *   dead-lettered, and no state changed twice (one AppointmentRequested, one ConsentRecorded, one
 *   AppointmentConfirmed per appointment), though events may have been delivered again after the kill.
 */
const SAGAS = 40;
const BEFORE_BURST = 16;
/** Answers of the burst (nominations and decisions sent at once) before the SIGKILL; the rest are in flight. */
const BURST_ANSWERS_BEFORE_KILL = 4;
const STREET = 'D01/S03';

let runtime: RuntimeProcess | undefined;
let dataDir: string | undefined;
afterAll(async () => {
  await runtime?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface Saga {
  i: number;
  department: string;
  token: string;
  /** What the client knows of its nomination. */
  nomination: 'unsent' | 'in-flight' | 'acknowledged' | 'no-answer';
  appointmentId?: string;
  retried?: 'replayed' | 'created';
}

it('a SIGKILL in the middle of appointment sagas loses no acknowledged write, no event, and applies nothing twice', async () => {
  const stage = testStage();
  dataDir = await mkdtemp(join(tmpdir(), 'five-haves-kill-'));
  // The test signs with the key the runtime will load from the same folder.
  const issuer = await loadIssuer(dataDir);
  const start = () => startRuntimeProcess({ dataDir: dataDir!, stage, dynamoEndpoint: testDynamoEndpoint(), env: { POWERTOOLS_LOG_LEVEL: 'INFO' } });
  runtime = await start();
  const outputBeforeKill: string[] = runtime.lines;
  let base = runtime.url;

  const committee = await issuer.sign({ sub: 'committee-s03', roles: ['street-committee'], jurisdiction: STREET });
  const sagas: Saga[] = await Promise.all(
    Array.from({ length: SAGAS }, async (_, i) => {
      const department = `kill-station-${i}`;
      return { i, department, nomination: 'unsent' as const, token: await issuer.sign({ sub: `${department}-head`, roles: ['department'], jurisdiction: 'D01', department }) };
    }),
  );

  // Which runtime a request went to: the first (0) is killed, the second (1) must answer everything.
  let generation = 0;
  class NoAnswer extends Error {
    constructor(
      readonly sentTo: number,
      cause: unknown,
    ) {
      super(`no answer from runtime ${sentTo}`, { cause });
    }
  }
  const call = async (method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) => {
    const sentTo = generation;
    try {
      const response = await fetch(base + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, replayed: response.headers.get('idempotent-replayed') === 'true', body: text ? JSON.parse(text) : {} };
    } catch (error) {
      throw new NoAnswer(sentTo, error);
    }
  };

  // A request to the runtime that was killed may fail without an answer (cut by the kill, or sent
  // after it and refused), however late that failure is noticed; any other failure, and any request
  // to the restarted runtime that gets no answer, fails the test.
  let killed = false;
  const cutByKill = (error: unknown) => {
    if (!(killed && error instanceof NoAnswer && error.sentTo === 0)) throw error;
  };

  /** Sends a saga's nomination, or retries it under the same Idempotency-Key if it got no answer. */
  const nominate = async (saga: Saga) => {
    const retry = saga.nomination === 'no-answer';
    if (!retry) saga.nomination = 'in-flight';
    const body = { street: STREET, agency: `Station ${saga.i}`, nominee: { name: `Nominee ${saga.i}` }, reason: 'New post.' };
    try {
      const answer = await call('POST', '/recruitment/appointments', saga.token, body, { 'idempotency-key': `nominate-${saga.i}` });
      if (answer.status !== 202) throw new Error(`nomination ${saga.i}: ${answer.status} ${JSON.stringify(answer.body)}`);
      saga.appointmentId = answer.body.id;
      if (retry) saga.retried = answer.replayed ? 'replayed' : 'created';
      else saga.nomination = 'acknowledged';
    } catch (error) {
      cutByKill(error);
      saga.nomination = 'no-answer';
    }
  };

  // The street committee grants the pending cases it sees that it may decide yet, until `done`.
  const decisions = { acknowledged: new Map<string, string>(), sending: new Set<string>() };
  let decidable = (_appointmentId: string) => true;
  let done = false;
  const decide = async (caseId: string, appointmentId: string) => {
    decisions.sending.add(caseId);
    const writtenOpinion = `Agreed to appointment ${appointmentId}.`;
    try {
      const answer = await call('POST', `/authority/consents/${caseId}/decision`, committee, { decision: 'granted', writtenOpinion });
      if (answer.status === 200) decisions.acknowledged.set(caseId, writtenOpinion);
      else if (answer.status !== 409) throw new Error(`decision ${caseId}: ${answer.status} ${JSON.stringify(answer.body)}`);
    } catch (error) {
      cutByKill(error);
    } finally {
      decisions.sending.delete(caseId);
    }
  };
  const pendingCases = async () => {
    const pending = await call('GET', `/authority/consents?status=pending&limit=100`, committee);
    return ((pending.body.items ?? []) as Array<{ id: string; appointmentId: string }>).filter((c) => !decisions.sending.has(c.id));
  };
  const decider = (async () => {
    const inFlight: Promise<void>[] = [];
    while (!done) {
      try {
        for (const c of await pendingCases()) if (decidable(c.appointmentId)) inFlight.push(decide(c.id, c.appointmentId));
      } catch (error) {
        cutByKill(error);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await Promise.all(inFlight);
  })();

  // Sagas under way: nominations answered, half of their cases decided, the other half's held back.
  const early = sagas.slice(0, BEFORE_BURST / 2);
  const held = sagas.slice(BEFORE_BURST / 2, BEFORE_BURST);
  const ids = (list: Saga[]) => new Set(list.map((saga) => saga.appointmentId));
  decidable = (appointmentId) => ids(early).has(appointmentId);
  for (const saga of [...early, ...held]) await nominate(saga);
  await waitFor('the early sagas decided', async () => (decisions.acknowledged.size === early.length ? true : undefined), { timeoutMs: 60_000 });
  const heldCases = await waitFor('the held sagas’ consent cases', async () => {
    const pending = (await pendingCases()).filter((c) => ids(held).has(c.appointmentId));
    return pending.length === held.length ? pending : undefined;
  }, { timeoutMs: 60_000 });

  // Then a burst of nominations and decisions at once; the plug is pulled when a few have been answered.
  const burst = sagas.slice(BEFORE_BURST);
  let answered = 0;
  let pull: () => void;
  const pulled = new Promise<void>((resolve) => (pull = resolve));
  const counted = (work: Promise<void>) => work.then(() => void (++answered >= BURST_ANSWERS_BEFORE_KILL && pull()));
  const burstWork = Promise.all([...burst.map((saga) => counted(nominate(saga))), ...heldCases.map((c) => counted(decide(c.id, c.appointmentId)))]);
  await Promise.race([pulled, burstWork]);
  killed = true;
  await runtime.kill();
  await burstWork;
  decidable = () => true;
  const acknowledgedBeforeKill = sagas.filter((s) => s.nomination === 'acknowledged').map((s) => ({ ...s }));
  const decisionsBeforeKill = new Map(decisions.acknowledged);
  const decisionsCut = heldCases.filter((c) => !decisionsBeforeKill.has(c.id));
  const cut = sagas.filter((s) => s.nomination === 'no-answer');

  // Start again on the same data folder; the client retries what got no answer, under the same key.
  runtime = await start();
  base = runtime.url;
  generation = 1;
  await Promise.all(cut.map((saga) => nominate(saga)));
  expect(cut.every((s) => s.appointmentId)).toBe(true);

  const tables = Object.fromEntries(services.map((s) => [s.name, tableName(stage, s.name)])) as Record<ServiceName, string>;
  const queueTable = `five-haves-${stage}-local-queues`;
  let scanned: Record<ServiceName, ScannedItem[]>;
  const settled = await waitFor(
    'every saga confirmed, every event in its inboxes, every queue empty',
    async () => {
      scanned = Object.fromEntries(await Promise.all(services.map(async (s) => [s.name, await scanTable(tables[s.name])]))) as typeof scanned;
      const appointments = scanned.recruitment.filter((i) => i.itemType === 'appointment');
      if (appointments.length < SAGAS || appointments.some((a) => a.status !== 'confirmed')) return undefined;
      for (const s of services) {
        if (missingFromInbox(s.name, scanned).length > 0) return undefined;
      }
      const queued = (await scanTable(queueTable)).filter((m) => m.pk.startsWith('QUEUE#'));
      return queued.length === 0 ? appointments : undefined;
    },
    { timeoutMs: 180_000, intervalMs: 500 },
  );
  done = true;
  await decider;

  // No acknowledged write lost; no retry made a second appointment.
  const byId = new Map(settled.map((a) => [a.id as string, a]));
  for (const saga of acknowledgedBeforeKill) expect(byId.get(saga.appointmentId!), `acknowledged nomination ${saga.i}`).toBeDefined();
  expect(settled).toHaveLength(SAGAS);
  expect(new Set(settled.map((a) => a.department)).size).toBe(SAGAS);
  expect(new Set(sagas.map((s) => s.appointmentId)).size).toBe(SAGAS);
  const cases = scanned!.authority.filter((i) => i.pk.startsWith('CONSENT#') && i.sk === 'STATE');
  for (const [caseId, writtenOpinion] of decisionsBeforeKill) {
    expect(cases.find((c) => c.id === caseId), `acknowledged decision on ${caseId}`).toMatchObject({ status: 'granted', writtenOpinion });
  }

  // One consent case per appointment; each state change once.
  expect(cases.map((c) => c.appointmentId).sort()).toEqual([...byId.keys()].sort());
  const events = Object.values(scanned!).flatMap(historyItems);
  for (const type of ['AppointmentRequested', 'ConsentRecorded', 'AppointmentConfirmed']) {
    const about = events.filter((e) => e.detailType === type).map((e) => JSON.parse(e.detail as string).data.appointmentId as string);
    expect(about.sort(), type).toEqual([...byId.keys()].sort());
  }

  // Every event reached every consumer subscribed to it exactly once, and nothing was dead-lettered.
  const inboxes = Object.fromEntries(services.map((s) => [s.name, inboxItems(scanned![s.name]).length]));
  for (const s of services) {
    expect(missingFromInbox(s.name, scanned!), s.name).toEqual([]);
    expect(inboxItems(scanned![s.name]).length, `${s.name} inbox`).toBe(expectedInbox(s.name, scanned!).size);
  }
  const deadLetters = (await (await fetch(`${base}/_local/dlq`)).json()) as { deadLetters: unknown[] };
  expect(deadLetters.deadLetters).toEqual([]);

  // A cut decision the committee did not have to send again had been committed before the kill.
  const decisionsCommittedUnanswered = decisionsCut.filter((c) => !decisions.acknowledged.has(c.id)).length;
  const after = runtime.lines;
  const published = [...outputBeforeKill, ...after].filter((line) => /^\[bus\] \S+ from \S+ \S+$/.test(line));
  const republished = published.length - new Set(published).size;
  const absorbed = after.filter((line) => /"message":"(redelivered event absorbed|concurrent duplicate absorbed)"/.test(line)).length;
  console.log(
    `[kill-restart] ${SAGAS} sagas; before the SIGKILL ${acknowledgedBeforeKill.length} nominations answered, ${cut.length} cut without an answer ` +
      `(${cut.filter((s) => s.retried === 'replayed').length} had been committed: their retry replayed), ${decisionsBeforeKill.size} decisions answered, ` +
      `${decisionsCut.length} cut (${decisionsCommittedUnanswered} had been committed); after the restart ${republished} saga events published again, ${absorbed} redeliveries absorbed by inboxes; ` +
      `inboxes ${JSON.stringify(inboxes)}; ${settled.length} appointments confirmed, ${cases.length} consent cases, 0 dead letters`,
  );
}, 300_000);

/** The events (history items of any table) that a service subscribes to: what its inbox must hold. */
function expectedInbox(service: ServiceName, scanned: Record<ServiceName, ScannedItem[]>): Set<string> {
  const definition = services.find((s) => s.name === service)!;
  const wanted = (e: ScannedItem) => definition.consumers.subscriptions.some((sub) => sub.source === e.eventSource && sub.detailTypes.includes(e.detailType as string));
  return new Set(Object.values(scanned).flatMap(historyItems).filter(wanted).map((e) => e.eventId as string));
}

function missingFromInbox(service: ServiceName, scanned: Record<ServiceName, ScannedItem[]>): string[] {
  const inbox = new Set(inboxItems(scanned[service]).map((i) => i.pk.slice('INBOX#'.length)));
  return [...expectedInbox(service, scanned)].filter((eventId) => !inbox.has(eventId));
}

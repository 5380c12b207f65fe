import autocannon from 'autocannon';
import { ulid } from 'ulid';
import type { LocalCloud } from '../../infra/local/runtime.ts';
import type { InvocationRecord } from './cost/meter.ts';
import { percentile } from './stats.ts';

export interface LoadFigures {
  service: string;
  route: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** With BENCH_GATEWAY_METER=1: where the load's time went (whereTimeGoes). */
  where?: ReturnType<typeof whereTimeGoes>;
}

export interface SagaFigures {
  runs: number;
  /** Nomination accepted → the consent case is in the committee's list. */
  toConsentCaseP50: number;
  /** Decision accepted → the appointment reads `confirmed`. */
  toConfirmedP50: number;
  /** Nomination sent → `confirmed`, including the committee's (immediate) decision. */
  endToEndP50: number;
  endToEndP99: number;
}

/** A request autocannon sends: fixed, or built afresh each time (unique ids for writes). */
export interface LoadRoute {
  service: string;
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  body?: () => unknown;
}

/** Requests per second and latency of one route through the local gateway, over loopback. */
export async function load(cloud: LocalCloud, route: LoadRoute, seconds: number, connections = 10): Promise<LoadFigures> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (route.token) headers.authorization = `Bearer ${route.token}`;
  const result = await autocannon({
    url: cloud.url,
    connections,
    duration: seconds,
    requests: [
      {
        method: route.method,
        path: route.path,
        headers,
        ...(route.body ? { setupRequest: (request) => ({ ...request, body: JSON.stringify(route.body!()) }) } : {}),
      },
    ],
  });
  return {
    service: route.service,
    route: `${route.method} ${route.path}`,
    connections,
    seconds,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function call(cloud: LocalCloud, method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(new URL(path, cloud.url), {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** Polls `probe` every 2 ms until it answers; its time of answer. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/**
 * The appointment saga through the gateway, relay and bus, `runs` times in a row (each run for its
 * own department, so that no post is taken twice): nominate → the consent case reaches the street
 * committee → it consents at once → the appointment is `confirmed`.
 */
export async function measureSaga(cloud: LocalCloud, runs: number): Promise<SagaFigures> {
  const committee = await cloud.issuer.sign({ sub: 'bench-committee', roles: ['street-committee'], jurisdiction: 'D01/S03' });
  const toCase: number[] = [];
  const toConfirmed: number[] = [];
  const total: number[] = [];
  for (let run = 0; run < runs; run++) {
    const department = await cloud.issuer.sign({
      sub: `bench-dept-${run}`,
      roles: ['department'],
      jurisdiction: 'D01',
      department: `bench-saga-${ulid().toLowerCase()}`,
    });
    const started = performance.now();
    const nominated = await call(cloud, 'POST', '/recruitment/appointments', department, {
      street: 'D01/S03',
      agency: `Bench station ${run}`,
      nominee: { name: 'Bench Nominee' },
      reason: 'benchmark',
    });
    if (nominated.status !== 202) throw new Error(`nominate: ${nominated.status} ${JSON.stringify(nominated.body)}`);
    const accepted = performance.now();
    const appointmentId = nominated.body.id as string;
    const consentCase = await until('the consent case', async () => {
      const list = await call(cloud, 'GET', '/authority/consents?status=pending&limit=100', committee);
      return (list.body.items as Array<Record<string, any>>).find((c) => c.appointmentId === appointmentId);
    });
    toCase.push(performance.now() - accepted);
    const decided = await call(cloud, 'POST', `/authority/consents/${consentCase.id}/decision`, committee, {
      decision: 'granted',
      writtenOpinion: 'Agreed (benchmark).',
    });
    if (decided.status !== 200) throw new Error(`decide: ${decided.status} ${JSON.stringify(decided.body)}`);
    const decidedAt = performance.now();
    await until('confirmed', async () => {
      const current = await call(cloud, 'GET', `/recruitment/appointments/${appointmentId}`, department);
      return current.body.status === 'confirmed' ? true : undefined;
    });
    const done = performance.now();
    toConfirmed.push(done - decidedAt);
    total.push(done - started);
  }
  return {
    runs,
    toConsentCaseP50: percentile(toCase, 50),
    toConfirmedP50: percentile(toConfirmed, 50),
    endToEndP50: percentile(total, 50),
    endToEndP99: percentile(total, 99),
  };
}

/** Where a load's time went, from the cost meter's records of it: the route's handler and the consumers it set off. */
export function whereTimeGoes(invocations: readonly InvocationRecord[], route: LoadRoute) {
  const routeKey = `${route.method} ${route.path.split('?')[0]}`;
  const own = invocations.filter((i) => i.kind === 'http' && i.service === route.service);
  const reactions = invocations.filter((i) => i.kind === 'events');
  const byConsumer = new Map<string, { events: number; ms: number }>();
  for (const r of reactions) {
    const key = `${r.service} ← ${r.name}`;
    const entry = byConsumer.get(key) ?? { events: 0, ms: 0 };
    entry.events += r.records;
    entry.ms += r.durationMs;
    byConsumer.set(key, entry);
  }
  const calls: Record<string, number> = {};
  for (const i of own) for (const [op, n] of Object.entries(i.figures.calls)) calls[op] = (calls[op] ?? 0) + n / own.length;
  return {
    routeKey,
    requests: own.length,
    handlerP50: percentile(own.map((i) => i.durationMs), 50),
    dynamoP50: percentile(own.map((i) => i.dynamoMs), 50),
    callsPerRequest: calls,
    reactionMsPerRequest: reactions.reduce((n, r) => n + r.durationMs, 0) / Math.max(1, own.length),
    consumers: Object.fromEntries([...byConsumer].map(([k, v]) => [k, { events: v.events, msPerEvent: v.ms / v.events }])),
  };
}

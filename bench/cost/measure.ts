/**
 * The cost phase of `npm run bench`, run by vitest (bench/cost/vitest.config.ts) because it calls
 * every route as the security matrix does: with the matrix's fixtures (test/security/fixtures), in
 * the local runtime the tests use, on the test setup's DynamoDB Local. Every service's handlers are
 * hosted with the bench's cost meter as the runtime's observer (bench/lib/cost/meter.ts): each
 * request carries a correlation id of its own, so its invocation, and every consumer's reaction to
 * what it set off, is found by that id. Writes its figures to `BENCH_COST_OUT`. Asserts nothing
 * about the figures.
 */
import { writeFile } from 'node:fs/promises';
import { it } from 'vitest';
import { waitFor } from '../../infra/local/wait.ts';
import { services } from '../../services/index.ts';
import { FIXTURES } from '../../test/security/fixtures/index.ts';
import { matrixCallers, verdictOf } from '../../test/security/fixtures/model.ts';
import { send } from '../../test/security/fixtures/send.ts';
import { startTestCloud } from '../../test/support/cloud.ts';
import { CostMeter } from '../lib/cost/meter.ts';
import { summarize, type RouteSample } from '../lib/cost/summary.ts';

const repeats = process.env.BENCH_QUICK === '1' ? 1 : 3;

it('measures what every route and every consumer costs', async () => {
  const meter = new CostMeter();
  const t = await startTestCloud({ observer: meter, scheduleTimers: false });
  try {
    const quiet = () =>
      waitFor('the runtime to be quiet', async () => (meter.idle(400) && (await t.cloud.bus.isDrained()) ? true : undefined), { timeoutMs: 120_000, intervalMs: 50 });
    const callers = await matrixCallers(t);
    const samples: RouteSample[] = [];
    const failures: string[] = [];
    for (const service of services) {
      const fixtures = await FIXTURES[service.name]!(t);
      await quiet();
      for (const [name, route] of Object.entries(service.routes)) {
        const fixture = fixtures[name];
        if (!fixture) {
          failures.push(`${route.method} ${route.path}: no fixture`);
          continue;
        }
        // Callers the declared access lets through, those of its own place and department first; each
        // repeat as another (as the matrix's allowed cells are), since some routes take one per caller.
        const allowed = callers
          .filter((c) => route.access.public || verdictOf(route.access, fixture, c).allowed)
          .sort((a, b) => Number(b.place === 'own' && b.departmentColumn === 'own') - Number(a.place === 'own' && a.departmentColumn === 'own'));
        if (allowed.length === 0) {
          failures.push(`${route.method} ${route.path}: no caller is allowed`);
          continue;
        }
        for (let n = 0; n < repeats; n++) {
          const caller = allowed[n % allowed.length]!;
          const parts = await fixture.request({ caller, fresh: true });
          await quiet();
          const correlationId = `cost-${service.name}-${name}-${n}-${Date.now()}`;
          const response = await send(t, route, parts, route.access.public ? undefined : caller.token, correlationId);
          // Only a success is the route's cost: a refusal is cheaper and says nothing about it.
          if (response.status !== route.status) failures.push(`${route.method} ${route.path} (${name}) as ${caller.role}: ${response.status}, not ${route.status}`);
          else samples.push({ service: service.name, name, routeKey: `${route.method} ${route.path}`, method: route.method, correlationId, status: response.status });
          await quiet();
        }
      }
    }
    const consumers = services.flatMap((s) => s.consumers.events.map((e) => ({ service: s.name, detailType: e.detailType })));
    const figures = summarize(meter.invocations, samples, consumers);
    await writeFile(process.env.BENCH_COST_OUT ?? 'bench/.out/cost.json', JSON.stringify({ ...figures, failures }, null, 2));
  } finally {
    await t.stop();
  }
}, 3_600_000);

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes as funding } from '../../services/funding/routes.ts';
import { services } from '../../services/index.ts';
import { routes as premises } from '../../services/premises/routes.ts';
import { routes as recruitment } from '../../services/recruitment/routes.ts';
import { positionBody } from '../support/recruitment.ts';
import { startTestCloud, type TestCloud } from '../support/cloud.ts';
import { FIXTURES } from './fixtures/index.ts';
import { runMassAssignment, serverOwnedFields } from './fixtures/mass-assignment.ts';

/**
 * Issue 8, mass assignment (OWASP API3): every route with a body, sent a valid body plus each field
 * the server owns (fixtures/mass-assignment.ts derives them), refuses it naming the field or ignores
 * it, and stores none of them. One cloud runs all five services, each with its matrix fixtures.
 */
it('the server-owned fields are derived from the answer and the body schema: the client’s own fields are never among them', () => {
  const position = positionBody();
  const drafted = { id: 'P1', ...position, district: 'D01', status: 'draft', draftedAt: 'now', applications: 0, eligibleApplications: 0, version: 1 };
  const fields = serverOwnedFields(recruitment.draftPosition, position, drafted);
  expect(fields).toEqual(expect.arrayContaining(['body.id', 'body.status', 'body.version', 'body.draftedAt', 'body.applications', 'body.hired', 'body.publishedAt']));
  expect(fields).not.toContain('body.street');
  expect(fields.filter((f) => ['body.title', 'body.quota', 'body.eligibility', 'body.description', 'body.year'].includes(f))).toEqual([]);
  // A version the client read is its own to send; lists get their elements' server fields.
  expect(serverOwnedFields(premises.changeSite, { version: 1, address: 'x' }, { site: { id: 'S', version: 2 } })).not.toContain('body.version');
  const pool = { street: 'D01/S03', year: 2026, name: 'Pool', lines: [{ program: 'P', department: 'housing', amountFen: 5 }] };
  expect(serverOwnedFields(funding.createPool, pool, { ...pool, id: 'X', lines: [{ ...pool.lines[0], allocatedFen: 0 }] })).toEqual(
    expect.arrayContaining(['body.id', 'body.lines.0.id', 'body.lines.0.allocatedFen']),
  );
});

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({ scheduleTimers: false });
}, 120_000);
afterAll(() => t?.stop());

describe.each(services.map((s) => [s.name, s] as const))('%s', (name, service) => {
  it('takes no server-owned field from a client', async () => {
    const fixtures = FIXTURES[name];
    expect(fixtures, `no fixtures for ${name} in test/security/fixtures/index.ts`).toBeDefined();
    const result = await runMassAssignment(t, service, await fixtures!(t));
    console.log(
      `mass assignment ${name}: ${result.routes} routes with a body, ${result.sent} server-owned fields sent: ` +
        `${result.rejected} refused with 400 naming the field, ${result.ignored} ignored; ${result.problems.length} problems`,
    );
    expect(result.problems).toEqual([]);
  }, 120_000);
});

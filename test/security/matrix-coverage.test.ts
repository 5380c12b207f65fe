import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../kernel/roles.ts';
import { services } from '../../services/index.ts';
import { FIXTURES } from './fixtures/index.ts';
import {
  accessProblem,
  COMMUNITY_A,
  DEPARTMENT_A,
  DISTRICT_A,
  jurisdictionOf,
  OTHER_DEPARTMENT,
  STREET_A,
  verdictOf,
  type Place,
} from './fixtures/model.ts';

/**
 * What keeps the authorization matrix whole as the platform grows: every service has its fixture
 * table and its matrix file, and every route declares an access the matrix understands. (Each
 * matrix-<service>.test.ts fails on a route of its service without a fixture.) And the model's own
 * rules, cell by cell.
 */
describe.each(services.map((s) => [s.name, s] as const))('%s', (name, service) => {
  it('has a fixture table and a matrix test file', () => {
    expect(FIXTURES[name], `add ${name} to test/security/fixtures/index.ts`).toBeDefined();
    expect(existsSync(join(import.meta.dirname, `matrix-${name}.test.ts`)), `add test/security/matrix-${name}.test.ts`).toBe(true);
  });

  it('declares the access of every route', () => {
    const problems = Object.entries(service.routes)
      .map(([route, spec]) => [route, accessProblem(spec)] as const)
      .filter(([, problem]) => problem !== undefined);
    expect(problems).toEqual([]);
  });
});

it('the model refuses a route without a declared access, or with roles it does not know', () => {
  const route = { method: 'GET', path: '/x', summary: 'x', status: 200 } as const;
  expect(accessProblem({ ...route, access: undefined as never })).toBe('no declared access');
  expect(accessProblem({ ...route, access: { roles: [], jurisdiction: 'subject' } })).toBe('no roles declared');
  expect(accessProblem({ ...route, access: { roles: ['mayor' as never], jurisdiction: 'subject' } })).toBe('unknown roles mayor');
  expect(accessProblem({ ...route, access: { roles: ['finance'], jurisdiction: 'street' as never } })).toContain('jurisdiction');
  expect(accessProblem({ ...route, access: { public: true } })).toBeUndefined();
});

describe('the model of a cell', () => {
  const caller = (role: Role, place: Place, department = DEPARTMENT_A) =>
    ({ role, place, departmentColumn: 'own', jurisdiction: jurisdictionOf(role, place), department, sub: 's', token: 't' }) as const;
  const fixture = (subject: string, department?: string) => ({ subject, ...(department ? { department } : {}), request: () => ({}) });
  const access = { roles: ['department', 'district-admin', 'community-worker'], jurisdiction: 'subject', department: 'own' } as const;

  it('places each role at its natural level, and the same level elsewhere', () => {
    expect([jurisdictionOf('resident', 'own'), jurisdictionOf('street-committee', 'other-street'), jurisdictionOf('finance', 'other-street'), jurisdictionOf('finance', 'other-district')])
      .toEqual(['D01/S03/C07', 'D01/S04', 'D01/S04', 'D02']);
  });

  it('refuses by role first, then by jurisdiction (a district body held in another street reaches neither street A nor D01), then by department', () => {
    expect(verdictOf(access, fixture(STREET_A), caller('finance', 'own'))).toEqual({ allowed: false, reason: 'role' });
    expect(verdictOf(access, fixture(DISTRICT_A), caller('district-admin', 'other-street'))).toEqual({ allowed: false, reason: 'jurisdiction' });
    expect(verdictOf(access, fixture(STREET_A), caller('community-worker', 'own'))).toEqual({ allowed: false, reason: 'jurisdiction' });
    expect(verdictOf(access, fixture(COMMUNITY_A), caller('community-worker', 'own'))).toEqual({ allowed: true });
    expect(verdictOf(access, fixture(STREET_A, DEPARTMENT_A), caller('department', 'own', OTHER_DEPARTMENT))).toEqual({ allowed: false, reason: 'department' });
    expect(verdictOf(access, fixture(STREET_A, 'caller'), caller('department', 'own', OTHER_DEPARTMENT))).toEqual({ allowed: true });
    expect(verdictOf(access, fixture(STREET_A, DEPARTMENT_A), caller('district-admin', 'own', OTHER_DEPARTMENT))).toEqual({ allowed: true });
    expect(verdictOf({ roles: ['finance'], jurisdiction: 'any' }, fixture(STREET_A), caller('finance', 'other-district'))).toEqual({ allowed: true });
  });
});

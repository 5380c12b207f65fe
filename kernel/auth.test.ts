import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { claimList, principalFromClaims, principalOf, requireRole, requireSubject, type Access } from './auth.ts';
import { ForbiddenError, UnauthorizedError } from './errors.ts';
import { covers } from './jurisdiction.ts';

const claims = (extra: Record<string, string | string[] | undefined> = {}) => ({
  sub: 'user-1',
  'cognito:groups': '[street-official]',
  'custom:jurisdiction': 'D01/S03',
  ...extra,
});

describe('claims', () => {
  it('the bracketed, space-separated cognito:groups string API Gateway sends is a list of groups', () => {
    expect(claimList('[department street-official]')).toEqual(['department', 'street-official']);
  });

  it('a real array of groups (a token decoded elsewhere) is taken as it is', () => {
    expect(claimList(['finance', 'operator'])).toEqual(['finance', 'operator']);
  });

  it('a single group without brackets is a list of one', () => {
    expect(claimList('resident')).toEqual(['resident']);
  });

  it('an empty bracketed list and a missing claim are no groups', () => {
    expect([claimList('[]'), claimList(undefined)]).toEqual([[], []]);
  });

  it('a principal has the subject, the known roles, the jurisdiction and the department', () => {
    const principal = principalFromClaims(
      claims({ 'cognito:groups': '[department street-official]', 'custom:department': 'market-supervision' }),
    );

    expect(principal).toEqual({
      sub: 'user-1',
      roles: ['department', 'street-official'],
      jurisdiction: 'D01/S03',
      department: 'market-supervision',
    });
  });

  it('groups that are not roles of the platform are ignored', () => {
    expect(principalFromClaims(claims({ 'cognito:groups': '[admins street-official]' })).roles).toEqual([
      'street-official',
    ]);
  });

  it('a token without custom:jurisdiction is 401 (UnauthorizedError)', () => {
    expect(() => principalFromClaims(claims({ 'custom:jurisdiction': undefined }))).toThrow(UnauthorizedError);
  });

  it('a jurisdiction that is not a district path is 401', () => {
    expect(() => principalFromClaims(claims({ 'custom:jurisdiction': 'S03' }))).toThrow(
      'The token carries no valid custom:jurisdiction claim.',
    );
  });

  it('a token without a subject is 401', () => {
    expect(() => principalFromClaims(claims({ sub: '' }))).toThrow(UnauthorizedError);
  });

  it('a request without verified claims is 401', () => {
    expect(() => principalFromClaims(undefined)).toThrow('No verified token came with the request.');
  });

  it('the principal is read from the JWT authorizer’s claims in the API Gateway event', () => {
    const event = {
      requestContext: { authorizer: { jwt: { claims: claims(), scopes: [] } } },
    } as unknown as APIGatewayProxyEventV2;

    expect(principalOf(event).jurisdiction).toBe('D01/S03');
  });
});

describe('covers', () => {
  it('a district covers its streets and their communities', () => {
    expect([covers('D01', 'D01/S03'), covers('D01', 'D01/S03/C07'), covers('D01', 'D01')]).toEqual([true, true, true]);
  });

  it('a street does not cover a neighbouring street nor its own district', () => {
    expect([covers('D01/S03', 'D01/S04'), covers('D01/S03', 'D01')]).toEqual([false, false]);
  });

  it('a prefix that is not a path segment does not cover (D01 does not cover D010)', () => {
    expect(covers('D01', 'D010/S01')).toBe(false);
  });
});

describe('role and subject gates', () => {
  const access: Exclude<Access, { public: true }> = {
    roles: ['department', 'street-official'],
    jurisdiction: 'subject',
    department: 'own',
  };

  it('a caller with none of the route’s roles is 403 (ForbiddenError)', () => {
    const resident = principalFromClaims(claims({ 'cognito:groups': '[resident]' }));

    expect(() => requireRole(resident, access)).toThrow(ForbiddenError);
  });

  it('a street official of D01/S03 cannot touch D01/S04', () => {
    const official = principalFromClaims(claims());

    expect(() => requireSubject(official, access, { jurisdiction: 'D01/S04' })).toThrow(
      'Jurisdiction D01/S03 does not cover D01/S04.',
    );
  });

  it('a department acts only as itself', () => {
    const department = principalFromClaims(
      claims({ 'cognito:groups': '[department]', 'custom:jurisdiction': 'D01', 'custom:department': 'sanitation' }),
    );

    expect(() =>
      requireSubject(department, access, { jurisdiction: 'D01/S03', department: 'market-supervision' }),
    ).toThrow('A department acts only as itself; this concerns market-supervision.');
  });

  it('a department may act on its own subjects in its district', () => {
    const department = principalFromClaims(
      claims({ 'cognito:groups': '[department]', 'custom:jurisdiction': 'D01', 'custom:department': 'sanitation' }),
    );

    expect(requireSubject(department, access, { jurisdiction: 'D01/S03', department: 'sanitation' })).toBeUndefined();
  });

  it('a platform-wide route (jurisdiction any) lets a caller of any jurisdiction through', () => {
    const operator = principalFromClaims(claims({ 'cognito:groups': '[operator]', 'custom:jurisdiction': 'D02' }));

    expect(
      requireSubject(operator, { roles: ['operator'], jurisdiction: 'any' }, { jurisdiction: 'D01/S03' }),
    ).toBeUndefined();
  });
});

import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ForbiddenError, UnauthorizedError } from './errors.ts';
import { ROLES, type Role } from './roles.ts';
import { covers, JurisdictionSchema } from './jurisdiction.ts';

/** Who is calling, from the JWT claims the authorizer verified. */
export interface Principal {
  sub: string;
  roles: Role[];
  jurisdiction: string;
  department?: string;
  /** The ID token's verified e-mail address (`email`, with `email_verified` not false), if any. */
  email?: string;
  /** The ID token's `name`, if any. */
  name?: string;
}

/**
 * The declared access of a route. It drives the gateway (authorizer or not), the handler's checks
 * and the authorization tests, so it is declared once, in the route table.
 * - `public`: no token; the gateway attaches no authorizer.
 * - `roles`: the caller needs one of these groups.
 * - `jurisdiction: 'subject'`: the caller's jurisdiction must cover the subject's (the street the
 *   request is about); `'any'` only for platform-wide reads (operator health).
 * - `department: 'own'`: a caller acting as `department` may touch only its own department's subjects.
 */
export type Access =
  | { public: true }
  | { public?: false; roles: readonly Role[]; jurisdiction: 'subject' | 'any'; department?: 'own' };

export interface Subject {
  jurisdiction: string;
  department?: string;
}

type ClaimValue = string | number | boolean | string[] | undefined;

/**
 * API Gateway HTTP APIs hand array claims to the Lambda as one bracketed, space-separated string
 * (`"[department street-official]"`); tokens decoded elsewhere give a real array. Accept both.
 */
export function claimList(value: ClaimValue): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map(String);
  const text = String(value).trim();
  const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return inner.split(/[\s,]+/).filter((part) => part.length > 0);
}

export function principalFromClaims(claims: Record<string, ClaimValue> | undefined): Principal {
  if (!claims) throw new UnauthorizedError('No verified token came with the request.');
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub.length === 0) throw new UnauthorizedError('The token has no subject.');
  const jurisdiction = claims['custom:jurisdiction'];
  if (typeof jurisdiction !== 'string' || !JurisdictionSchema.safeParse(jurisdiction).success) {
    throw new UnauthorizedError('The token carries no valid custom:jurisdiction claim.');
  }
  const roles = claimList(claims['cognito:groups']).filter((g): g is Role => (ROLES as readonly string[]).includes(g));
  const department = claims['custom:department'];
  const email = claims.email;
  // API Gateway hands every claim over as a string: `false` arrives as "false".
  const verified = claims.email_verified !== false && claims.email_verified !== 'false';
  const name = claims.name;
  return {
    sub,
    roles,
    jurisdiction,
    ...(typeof department === 'string' && department.length > 0 ? { department } : {}),
    ...(typeof email === 'string' && email.includes('@') && verified ? { email } : {}),
    ...(typeof name === 'string' && name.trim().length > 0 ? { name: name.trim() } : {}),
  };
}

export function principalOf(event: APIGatewayProxyEventV2): Principal {
  const context = event.requestContext as APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, ClaimValue> } };
  };
  return principalFromClaims(context.authorizer?.jwt?.claims);
}

/** The role gate, before anything is read: 403 when none of the caller's groups may use the route. */
export function requireRole(principal: Principal, access: Exclude<Access, { public: true }>): Role[] {
  const matched = principal.roles.filter((role) => access.roles.includes(role));
  if (matched.length === 0) {
    throw new ForbiddenError(`This action needs one of the roles: ${access.roles.join(', ')}.`);
  }
  return matched;
}

/** The subject gate: jurisdiction (and for departments, the department) must be the caller's own. */
export function requireSubject(
  principal: Principal,
  access: Exclude<Access, { public: true }>,
  subject: Subject,
): void {
  const matched = requireRole(principal, access);
  if (access.jurisdiction === 'subject' && !covers(principal.jurisdiction, subject.jurisdiction)) {
    throw new ForbiddenError(`Jurisdiction ${principal.jurisdiction} does not cover ${subject.jurisdiction}.`);
  }
  const actsOnlyAsDepartment = matched.every((role) => role === 'department');
  if (access.department === 'own' && actsOnlyAsDepartment && subject.department !== undefined) {
    if (principal.department !== subject.department) {
      throw new ForbiddenError(`A department acts only as itself; this concerns ${subject.department}.`);
    }
  }
}

/** The department a caller acts as: its custom:department claim, without which it acts as none (403). */
export function departmentOf(principal: Principal): string {
  if (!principal.department) throw new ForbiddenError('Acting as a department needs the custom:department claim.');
  return principal.department;
}

/** A caller holding no role but `department` acts as its department, and only as it; others as no department. */
export function actsAsDepartment(principal: Principal): string | undefined {
  return principal.roles.every((role) => role === 'department') ? departmentOf(principal) : undefined;
}

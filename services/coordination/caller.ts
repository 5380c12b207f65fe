import type { Principal } from '../../kernel/auth.ts';
import { ForbiddenError } from '../../kernel/errors.ts';

/** The department a department caller acts as: its custom:department claim, without which it acts as none (403). */
export function callerDepartment(principal: Principal): string {
  if (!principal.department) throw new ForbiddenError('A department token needs its custom:department claim.');
  return principal.department;
}

/** A caller holding no role but `department` acts as its department, and only as it; others as no department. */
export function actsAsDepartment(principal: Principal): string | undefined {
  return principal.roles.every((role) => role === 'department') ? callerDepartment(principal) : undefined;
}

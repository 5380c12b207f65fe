import type { Principal } from '../../kernel/auth.ts';
import { ForbiddenError } from '../../kernel/errors.ts';

/** The department a caller acts as: a department's token must say which one. */
export function departmentOf(principal: Principal): string {
  if (!principal.department) {
    throw new ForbiddenError('Acting as a department needs the custom:department claim.');
  }
  return principal.department;
}

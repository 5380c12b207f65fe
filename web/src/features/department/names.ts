import type { MessageKey } from '../../i18n/index.tsx';

/**
 * The district's departments a street calls to a whistle, by the slug their tokens carry
 * (`custom:department`). A slug the list does not know is shown as it is.
 */
export const DEPARTMENTS = [
  'market-supervision',
  'sanitation',
  'urban-management',
  'civil-affairs',
  'fire-safety',
  'housing-construction',
  'emergency-management',
  'public-security',
] as const;

export function departmentKey(slug: string): MessageKey | undefined {
  return (DEPARTMENTS as readonly string[]).includes(slug) ? (`department.name.${slug}` as MessageKey) : undefined;
}

/** `departmentName(t, 'sanitation')`: the department's name in the language shown. */
export function departmentName(t: (key: MessageKey) => string, slug: string): string {
  const key = departmentKey(slug);
  return key ? t(key) : slug;
}

/**
 * EventBridge event-pattern matching, for the local bus's rules and the local relay's Pipe filter.
 * It implements the subset the stack declares: nested objects, arrays of exact values, `prefix`
 * and `exists`. Any other operator throws, so a pattern the local runtime cannot honour fails loudly
 * instead of matching differently from AWS.
 */
export type Pattern = { readonly [key: string]: Pattern | readonly Matcher[] };
type Matcher = string | number | boolean | null | { prefix: string } | { exists: boolean };

export function matches(pattern: Pattern, event: unknown): boolean {
  if (typeof event !== 'object' || event === null) return false;
  const record = event as Record<string, unknown>;
  return Object.entries(pattern).every(([key, expected]) => {
    const actual = record[key];
    if (Array.isArray(expected)) return matchesAny(expected as readonly Matcher[], actual);
    return matches(expected as Pattern, actual);
  });
}

function matchesAny(matchers: readonly Matcher[], actual: unknown): boolean {
  // EventBridge: an array field in the event matches if any of its elements matches.
  const values = Array.isArray(actual) ? actual : [actual];
  return matchers.some((matcher) => {
    if (matcher !== null && typeof matcher === 'object') {
      if ('exists' in matcher) return (actual !== undefined) === matcher.exists;
      if ('prefix' in matcher) return values.some((v) => typeof v === 'string' && v.startsWith(matcher.prefix));
      throw new Error(`the local runtime does not implement the pattern operator ${JSON.stringify(matcher)}`);
    }
    return actual !== undefined && values.some((v) => v === matcher);
  });
}

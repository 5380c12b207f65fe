import type { FieldIssue } from './errors.ts';

/**
 * Text the platform stores and publishes must be text. JSON lets a client write what UTF-8 cannot
 * carry (a lone surrogate, `"\ud800"`) and control characters (`"\u0000"`); zod's `z.string()` takes
 * both, DynamoDB Local stores them, and the events carry them to subscribers whose parsers (and
 * DynamoDB and EventBridge in AWS, which want UTF-8) refuse them: a poison record in the outbox. So
 * every string of a request body, and every key, is checked once, before its schema: no lone
 * surrogates, and no control characters but tab, line feed and carriage return. Right-to-left text,
 * bidirectional marks and zero-width joiners stay allowed: names and addresses in Uyghur, Arabic or
 * with emoji need them.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(text: string): string | undefined {
  if (LONE_SURROGATE.test(text)) return 'contains a lone surrogate (not Unicode text)';
  if (CONTROL.test(text)) return 'contains a control character';
  return undefined;
}

/**
 * The fields of `value` (parsed JSON) whose text is not text, named from `location` as problem
 * bodies name fields (`body.nominee.name`). Iterative: a body nested thousands deep cannot
 * overflow the stack here.
 */
export function textProblems(value: unknown, location = 'body'): FieldIssue[] {
  const problems: FieldIssue[] = [];
  const pending: Array<[unknown, string]> = [[value, location]];
  while (pending.length > 0 && problems.length < 20) {
    const [current, field] = pending.pop()!;
    if (typeof current === 'string') {
      const problem = problemOf(current);
      if (problem) problems.push({ field, message: problem });
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => pending.push([item, `${field}.${i}`]));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const problem = problemOf(key);
        if (problem) problems.push({ field: `${field}.${key}`, message: `the key ${problem}` });
        pending.push([item, `${field}.${key}`]);
      }
    }
  }
  return problems;
}

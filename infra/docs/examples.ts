import type { JsonSchema } from './json-schema.ts';

/** The instant every generated example uses, so that regenerating the catalog changes nothing. */
export const EXAMPLE_INSTANT = '2026-11-27T08:30:00.000Z';

/**
 * A plausible value for a JSON Schema, for the event catalog's examples: a field's own `examples`
 * first (`.meta({ examples })` in zod), then its default, const or first enum value, then a value
 * built from its type, format, bounds and pattern. Deterministic, so the catalog is reproducible.
 */
export function exampleOf(schema: JsonSchema, picks: ExamplePicks = new Map(), path = ''): unknown {
  if (Array.isArray(schema.examples) && schema.examples.length > 0) {
    return schema.examples[Math.min(picks.get(path) ?? 0, schema.examples.length - 1)];
  }
  if ('default' in schema) return schema.default;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (options) return exampleOf(options.find((o) => o.type !== 'null') ?? options[0]!, picks, path);
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== 'null') : (schema.type as string | undefined);
  switch (type) {
    case 'object':
      return objectExample(schema, picks, path);
    case 'array': {
      const count = Math.max(1, Number(schema.minItems ?? 1));
      return Array.from({ length: count }, (_, n) => exampleOf((schema.items ?? {}) as JsonSchema, picks, join(path, n)));
    }
    case 'string':
      return stringExample(schema);
    case 'integer':
    case 'number':
      return numberExample(schema, type === 'integer');
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return {};
  }
}

/** Which of a field's `examples` to use, by path (`data.community`): the next one where the first failed a refinement. */
export type ExamplePicks = Map<string, number>;

export function join(path: string, key: string | number): string {
  return path ? `${path}.${key}` : String(key);
}

function objectExample(schema: JsonSchema, picks: ExamplePicks, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
    out[name] = exampleOf(property, picks, join(path, name));
  }
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object') {
    const keys = (schema.propertyNames as JsonSchema | undefined)?.enum as string[] | undefined;
    for (const key of keys ?? ['key']) out[key] = exampleOf(extra as JsonSchema, picks, join(path, key));
  }
  return out;
}

/**
 * An example that `schema` (the zod schema the JSON Schema came from) accepts: where a field's first
 * example fails a refinement the JSON Schema cannot express, its next examples are tried.
 */
export function checkedExampleOf(json: JsonSchema, accepts: (value: unknown) => { success: true } | { success: false; error: { issues: Array<{ path: PropertyKey[] }> } }): { value: unknown; valid: boolean; problems: string[] } {
  const picks: ExamplePicks = new Map();
  for (let round = 0; round < 10; round++) {
    const value = exampleOf(json, picks);
    const result = accepts(value);
    if (result.success) return { value, valid: true, problems: [] };
    const paths = result.error.issues.map((issue) => issue.path.map(String).join('.'));
    if (round === 9) return { value, valid: false, problems: paths };
    for (const path of paths) picks.set(path, (picks.get(path) ?? 0) + 1);
  }
  throw new Error('unreachable');
}

function numberExample(schema: JsonSchema, integer: boolean): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  let value = min !== undefined && min > 1 ? min : 1;
  if (max !== undefined && value > max) value = max;
  return integer ? Math.ceil(value) : value;
}

function stringExample(schema: JsonSchema): string {
  switch (schema.format) {
    case 'date-time':
      return EXAMPLE_INSTANT;
    case 'date':
      return EXAMPLE_INSTANT.slice(0, 10);
    case 'email':
      return 'wang.li@example.gov';
    case 'uri':
    case 'url':
      return 'https://example.gov/';
  }
  if (typeof schema.pattern === 'string') {
    const fromPattern = fromRegex(schema.pattern);
    if (fromPattern !== undefined) return fromPattern;
  }
  const min = Number(schema.minLength ?? 0);
  const text = 'text';
  return text.length >= min ? text : text.padEnd(min, 'x');
}

/**
 * The shortest string a simple regular expression matches: literals, escapes, `\d`, `\w`, classes,
 * groups with alternatives (the first), and the quantifiers `? * + {n} {n,m}` (their least).
 * Undefined for anything it does not understand.
 */
export function fromRegex(pattern: string): string | undefined {
  let i = 0;
  const atEnd = () => i >= pattern.length;

  function alternatives(): string | undefined {
    const first = sequence();
    while (!atEnd() && pattern[i] === '|') {
      i++;
      sequence();
    }
    return first;
  }

  function sequence(): string | undefined {
    let out = '';
    while (!atEnd() && pattern[i] !== '|' && pattern[i] !== ')') {
      const atom = atomOf();
      if (atom === undefined) return undefined;
      const times = quantifier();
      if (times === undefined) return undefined;
      out += atom.repeat(times);
    }
    return out;
  }

  function atomOf(): string | undefined {
    const c = pattern[i++]!;
    if (c === '^' || c === '$') return '';
    if (c === '(') {
      if (pattern.startsWith('?:', i)) i += 2;
      else if (pattern[i] === '?') return undefined;
      const inner = alternatives();
      if (pattern[i] !== ')') return undefined;
      i++;
      return inner;
    }
    if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0 || pattern[i] === '^') return undefined;
      const body = pattern.slice(i, end);
      i = end + 1;
      return body[0] === '\\' ? escaped(body[1]!) : body[0];
    }
    if (c === '\\') return escaped(pattern[i++]!);
    if (c === '.') return 'a';
    if ('*+?{'.includes(c)) return undefined;
    return c;
  }

  function escaped(c: string): string | undefined {
    if (c === 'd') return '0';
    if (c === 'w') return 'a';
    if (c === 's') return ' ';
    if (/[A-Za-z]/.test(c)) return undefined;
    return c;
  }

  function quantifier(): number | undefined {
    const c = pattern[i];
    if (c === '?' || c === '*') {
      i++;
      return 0;
    }
    if (c === '+') {
      i++;
      return 1;
    }
    if (c === '{') {
      const match = /^\{(\d+)(,\d*)?\}/.exec(pattern.slice(i));
      if (!match) return undefined;
      i += match[0].length;
      return Number(match[1]);
    }
    return 1;
  }

  const result = alternatives();
  return atEnd() ? result : undefined;
}

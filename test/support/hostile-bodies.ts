import fc from 'fast-check';
import type * as z from 'zod/mini';
import { fieldIssues } from '../../kernel/problem.ts';
import { DEFAULT_MAX_BODY_BYTES, type RouteSpec } from '../../kernel/routes.ts';
import { textProblems } from '../../kernel/text.ts';

/**
 * Hostile request bodies, made from a valid-shaped body of a route by changing one field, so that
 * each case exercises that field: a wrong type, the field left out, an extra (or prototype-polluting)
 * key, a huge string, deep nesting, numbers JSON can write but JavaScript cannot hold, NaN-like
 * strings, and Unicode edge cases. A case is sent as raw JSON text (a literal such as `1e309` or a
 * nesting 30,000 deep cannot be built as a value and stringified).
 */
export interface HostileCase {
  kind: Kind;
  /** The field changed, as problem bodies name fields: `body.lines.0.amountFen`. */
  field: string;
  text: string;
}

/** What the platform must answer: this status, with `field` (or a field inside it) named. */
export interface Expected {
  status: 400 | 413;
  field: string;
}

export const KINDS = [
  'wrong-type',
  'missing',
  'extra-key',
  'huge-string',
  'deep-nesting',
  'big-number',
  'nan-like',
  'unicode',
] as const;
type Kind = (typeof KINDS)[number];

export type Path = Array<string | number>;

/** A piece of JSON text put in as is. */
class Raw {
  constructor(readonly text: string) {}
}
const DELETE = Symbol('delete');

/** Keys that reach an object's prototype if code copies them naively, and keys that name privileges. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const PRIVILEGE_KEYS = ['isAdmin', 'roles', 'jurisdiction', 'actor', 'status', 'version', 'id', 'createdBy'];
const POLLUTION = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown;

const NUMBER_LITERALS = [
  '9007199254740992', // 2^53: the first integer JavaScript cannot tell from its neighbour
  '9007199254740993',
  '-9007199254740993',
  '123456789012345678901234567890',
  '1e21',
  '1e309', // Infinity once parsed
  '-1e309',
  '1.7976931348623157e308',
  '4.9e-324',
  '1e-400',
  '-0',
  '0.5',
];
const NAN_LIKE = ['NaN', 'Infinity', '-Infinity', '1e309', '-0', '0x10', '1_000', '', '   ', '١٢٣', 'null', 'undefined', 'true'];
/** Lone surrogates, NUL and other controls, bidirectional overrides, zero-width characters, right-to-left text. */
const UNICODE_EDGES = ['\uD800', '\uDFFF', '\u0000', '\u0007', '\u001B', '\u202E', '\u2066', '\u200B', '\u200D', '\uFEFF', '\uFFFF', 'مرحبا', 'שלום'];

/** The paths of a JSON value, by what is there: every node, objects, object members, strings, numbers. */
export interface Shape {
  all: Path[];
  objects: Path[];
  members: Path[];
  strings: Path[];
  numbers: Path[];
}

export function shapeOf(value: unknown, path: Path = [], shape: Shape = { all: [], objects: [], members: [], strings: [], numbers: [] }): Shape {
  shape.all.push(path);
  if (typeof value === 'string') shape.strings.push(path);
  if (typeof value === 'number') shape.numbers.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => shapeOf(item, [...path, i], shape));
  else if (value && typeof value === 'object') {
    shape.objects.push(path);
    for (const [key, item] of Object.entries(value)) {
      shape.members.push([...path, key]);
      shapeOf(item, [...path, key], shape);
    }
  }
  return shape;
}

export const fieldOf = (path: Path) => ['body', ...path].join('.');

/** `base` with the value at `path` replaced (or deleted), as JSON text. */
export function withValue(base: unknown, path: Path, value: unknown): string {
  if (path.length === 0) return toText(value);
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === DELETE) delete parent[last];
  else parent[last] = value;
  return toText(copy);
}

/** `base` with one more own key on the object at `path` (defined, so `__proto__` is a key, not the prototype). */
function withKey(base: unknown, path: Path, key: string, value: unknown): string {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let target = copy;
  for (const step of path) target = target[step] as Record<string | number, unknown>;
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return toText(copy);
}

function toText(value: unknown): string {
  const raws: string[] = [];
  const marker = `@@raw-${Math.random().toString(36).slice(2)}@@`;
  const text = JSON.stringify(value, (_key, x: unknown) => (x instanceof Raw ? `${marker}${raws.push(x.text) - 1}` : x));
  return text.replace(new RegExp(`"${marker}(\\d+)"`, 'g'), (_m, i: string) => raws[Number(i)]!);
}

function nested(depth: number, kind: 'array' | 'object'): Raw {
  return new Raw(kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
}

/** The cases of one kind for a valid-shaped `base`, or undefined where the body has no field of that kind. */
function arbitraryOf(kind: Kind, base: unknown, shape: Shape): fc.Arbitrary<HostileCase> | undefined {
  const pick = (paths: Path[]) => (paths.length > 0 ? fc.constantFrom(...paths) : undefined);
  const made = (path: Path, text: string, field = fieldOf(path)): HostileCase => ({ kind, field, text });
  const all = pick(shape.all)!;
  switch (kind) {
    case 'wrong-type':
      return fc
        .tuple(all, fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string(), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 })))
        .map(([path, value]) => made(path, withValue(base, path, value)));
    case 'missing': {
      const members = pick(shape.members);
      return members?.map((path) => made(path, withValue(base, path, DELETE)));
    }
    case 'extra-key': {
      const objects = pick(shape.objects)!;
      const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) }, fc.constantFrom(...PRIVILEGE_KEYS), fc.string({ minLength: 1, maxLength: 12 }));
      const value = fc.oneof(fc.constant(POLLUTION), fc.jsonValue({ maxDepth: 2 }));
      return fc.tuple(objects, key, value).map(([path, name, v]) => made(path, withKey(base, path, name, v), fieldOf([...path, name])));
    }
    case 'huge-string':
      return fc
        .tuple(pick(shape.strings) ?? all, fc.constantFrom('x', '界', '😀'), fc.integer({ min: 300, max: 120_000 }))
        .map(([path, char, length]) => made(path, withValue(base, path, char.repeat(length))));
    case 'deep-nesting':
      return fc
        .tuple(all, fc.integer({ min: 64, max: 30_000 }), fc.constantFrom('array' as const, 'object' as const))
        .map(([path, depth, form]) => made(path, withValue(base, path, nested(depth, form))));
    case 'big-number':
      return fc
        .tuple(pick(shape.numbers) ?? all, fc.constantFrom(...NUMBER_LITERALS))
        .map(([path, literal]) => made(path, withValue(base, path, new Raw(literal))));
    case 'nan-like':
      return fc
        .tuple(pick([...shape.numbers, ...shape.strings]) ?? all, fc.constantFrom(...NAN_LIKE))
        .map(([path, text]) => made(path, withValue(base, path, text)));
    case 'unicode':
      return fc
        .tuple(pick(shape.strings) ?? all, fc.constantFrom(...UNICODE_EDGES), fc.constantFrom('start', 'middle', 'end', 'alone'))
        .map(([path, edge, where]) => {
          const current = typeof valueAt(base, path) === 'string' ? (valueAt(base, path) as string) : 'text';
          const half = Math.floor(current.length / 2);
          const value =
            where === 'start' ? edge + current : where === 'end' ? current + edge : where === 'alone' ? edge : current.slice(0, half) + edge + current.slice(half);
          return made(path, withValue(base, path, value));
        });
  }
}

export function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, step) => (v as Record<string | number, unknown>)?.[step], value);
}

/** True when `reported` names `field` or a field inside it. */
export function names(reported: string, field: string): boolean {
  return reported === field || reported.startsWith(`${field}.`);
}

/**
 * What the platform must answer to a case, by the route's own rules: over the body limit, 413
 * naming `body`; text that is not text (kernel/text.ts) or refused by the body schema at the
 * changed field, 400 naming it. A change the rules
 * accept (a left-out optional field, right-to-left text in free text) is not a hostile case: none.
 */
export function expectedAnswer(route: RouteSpec, hostile: HostileCase): Expected | undefined {
  const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (Buffer.byteLength(hostile.text, 'utf8') > limit) return { status: 413, field: 'body' };
  const value: unknown = JSON.parse(hostile.text);
  const notText = textProblems(value);
  const parsed = notText.length > 0 ? undefined : (route.body as z.ZodMiniType).safeParse(value);
  if (parsed?.success) return undefined;
  const reported = parsed ? fieldIssues('body', parsed.error).map((issue) => issue.field) : notText.map((issue) => issue.field);
  return reported.some((field) => names(field, hostile.field)) ? { status: 400, field: hostile.field } : undefined;
}

/** Cases of every kind, evenly, for `base`; only those the route must refuse. */
export function hostileCases(route: RouteSpec, base: unknown, count: number, seed: number): Array<HostileCase & { expected: Expected }> {
  const shape = shapeOf(base);
  const kinds = KINDS.map((kind) => arbitraryOf(kind, base, shape)).filter((a): a is fc.Arbitrary<HostileCase> => a !== undefined);
  const arbitrary = fc
    .oneof(...kinds)
    .map((hostile) => ({ ...hostile, expected: expectedAnswer(route, hostile) }))
    .filter((c): c is HostileCase & { expected: Expected } => c.expected !== undefined);
  return fc.sample(arbitrary, { numRuns: count, seed });
}

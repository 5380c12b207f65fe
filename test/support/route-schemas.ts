import { createHash } from 'node:crypto';
import type * as z from 'zod/mini';
import { checkedExampleOf } from '../../infra/docs/examples.ts';
import { toJsonSchema } from '../../infra/docs/json-schema.ts';
import type { Role } from '../../kernel/roles.ts';
import { routeKey, type RouteSpec } from '../../kernel/routes.ts';
import type { ServiceName } from '../../kernel/table.ts';
import { services } from '../../services/index.ts';
import type { TestCloud } from './cloud.ts';
import { scanTable } from './scan.ts';

/**
 * The route tables as test data, for the checks that must cover every route, including one added
 * later: each route with a token that passes its role gate, a concrete path its `params` accept, a
 * plausible body, and a walk over its zod schemas (zod 4's `_zod.def`, the same structure
 * `z.toJSONSchema` reads).
 */
export interface RouteEntry {
  service: ServiceName;
  name: string;
  route: RouteSpec;
  key: string;
}

export const routeEntries: RouteEntry[] = services.flatMap((service) =>
  Object.entries(service.routes).map(([name, route]) => ({ service: service.name, name, route, key: routeKey(route) })),
);

export const protectedRoutes = routeEntries.filter(({ route }) => !route.access.public);

/** The first role a route admits, or undefined for a public one. */
export function allowedRole(route: RouteSpec): Role | undefined {
  return route.access.public ? undefined : route.access.roles[0];
}

/** A token that passes the route's role gate: its first role, for the whole district D01. */
export function allowedToken(t: TestCloud, route: RouteSpec): Promise<string | undefined> {
  const role = allowedRole(route);
  return role ? t.token({ roles: [role], jurisdiction: 'D01', department: 'market-supervision' }) : Promise.resolve(undefined);
}

// -----------------------------------------------------------------------------------------------
// Walking a zod 4 schema.

interface Def {
  type: string;
  [key: string]: any;
}

function defOf(schema: z.ZodMiniType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

export interface SchemaNode {
  /** Field path as the problem body names it, `*` for any array element or record value. */
  path: string[];
  def: Def;
}

/**
 * Visits every node of a schema that describes a value. Wrappers are seen through (optional,
 * nullable, default, readonly, catch, lazy, and both sides of a pipe, so a preprocessed or
 * transformed field is still found); objects, arrays, tuples, records, unions and intersections are
 * descended into.
 */
export function walkSchema(schema: z.ZodMiniType, visit: (node: SchemaNode) => void, path: string[] = [], seen = new Set<unknown>()): void {
  const def = defOf(schema);
  if (seen.has(def)) return;
  seen.add(def);
  const next = (child: z.ZodMiniType, at: string[]) => walkSchema(child, visit, at, seen);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return next(def.innerType, path);
    case 'lazy':
      return next(def.getter(), path);
    case 'pipe':
      next(def.in, path);
      return next(def.out, path);
    case 'union':
      for (const option of def.options as z.ZodMiniType[]) next(option, path);
      return;
    case 'intersection':
      next(def.left, path);
      return next(def.right, path);
  }
  visit({ path, def });
  switch (def.type) {
    case 'object':
      for (const [name, child] of Object.entries(def.shape as Record<string, z.ZodMiniType>)) next(child, [...path, name]);
      if (def.catchall) next(def.catchall, [...path, '*']);
      return;
    case 'array':
      return next(def.element, [...path, '*']);
    case 'tuple':
      (def.items as z.ZodMiniType[]).forEach((item, i) => next(item, [...path, String(i)]));
      if (def.rest) next(def.rest, [...path, '*']);
      return;
    case 'record':
      return next(def.valueType, [...path, '*']);
  }
}

/** Every array of a schema with its maximum length, if it has one. */
export function arrayBounds(schema: z.ZodMiniType): Array<{ path: string[]; max: number | undefined }> {
  const found: Array<{ path: string[]; max: number | undefined }> = [];
  walkSchema(schema, ({ path, def }) => {
    if (def.type !== 'array') return;
    const limits = ((def.checks ?? []) as Array<{ _zod: { def: { check: string; maximum?: number; length?: number } } }>)
      .map((c) => c._zod.def)
      .filter((c) => c.check === 'max_length' || c.check === 'length_equals')
      .map((c) => c.maximum ?? c.length!);
    found.push({ path, max: limits.length > 0 ? Math.min(...limits) : undefined });
  });
  return found;
}

/**
 * The collections a client could make as long as the body limit allows: arrays without a maximum
 * length, and records keyed by free text (a record keyed by an enum has at most its values).
 */
export function unboundedCollections(schema: z.ZodMiniType): string[] {
  const found = arrayBounds(schema)
    .filter(({ max }) => max === undefined)
    .map(({ path }) => `${['body', ...path].join('.')} (array without a maximum length)`);
  walkSchema(schema, ({ path, def }) => {
    const keyType = def.type === 'record' ? defOf(def.keyType).type : undefined;
    if (keyType && keyType !== 'enum' && keyType !== 'literal') found.push(`${['body', ...path].join('.')} (record keyed by ${keyType})`);
  });
  return found;
}

// -----------------------------------------------------------------------------------------------
// Plausible inputs.

/**
 * A value the schema accepts, from the documents' example generator (field examples, bounds,
 * patterns), tried on the schema's input and then its output shape (a preprocessed field documents
 * only its output). Refinements across fields (an end after a start) may still fail it: `valid`
 * says whether it passed, and the value is at least of the right shape.
 */
export function sampleOf(schema: z.ZodMiniType): { value: unknown; valid: boolean } {
  let first: { value: unknown } | undefined;
  for (const io of ['input', 'output'] as const) {
    const result = checkedExampleOf(toJsonSchema(schema, io), (value) => schema.safeParse(value) as never);
    if (result.valid) return { value: result.value, valid: true };
    first ??= result;
    // A rule across optional fields ("exactly one of community, street or site"): leave some out.
    const fewer = withoutOptionalFields(schema, result.value);
    if (fewer !== undefined) return { value: fewer, valid: true };
  }
  return { value: first!.value, valid: false };
}

/** The sample with the fewest optional top-level fields left out that the schema accepts, if any. */
function withoutOptionalFields(schema: z.ZodMiniType, value: unknown): unknown {
  const def = defOf(schema);
  if (def.type !== 'object' || !value || typeof value !== 'object') return undefined;
  const optional = Object.entries(def.shape as Record<string, z.ZodMiniType>)
    .filter(([name, field]) => name in value && (field as unknown as { _zod: { optin?: string } })._zod.optin === 'optional')
    .map(([name]) => name);
  if (optional.length > 10) return undefined;
  const subsets = Array.from({ length: 2 ** optional.length }, (_, mask) => optional.filter((_, i) => mask & (1 << i)))
    .filter((drop) => drop.length > 0)
    .sort((a, b) => a.length - b.length);
  for (const drop of subsets) {
    const candidate = Object.fromEntries(Object.entries(value).filter(([name]) => !drop.includes(name)));
    if (schema.safeParse(candidate).success) return candidate;
  }
  return undefined;
}

/**
 * The route's path with parameters its `params` schema accepts, as a URL carries them: a value with
 * `/` (a street, a community) in its dashed form where the schema takes that, since API Gateway
 * decodes %2F before it matches routes. Throws when no sample fits, so a new kind of path
 * parameter is noticed rather than silently tested with a 400.
 */
export function concretePath(route: RouteSpec): string {
  const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  if (names.length === 0) return route.path;
  if (!route.params) throw new Error(`${routeKey(route)} has path parameters but no params schema`);
  const sample = sampleOf(route.params).value as Record<string, unknown>;
  const values: Record<string, string> = Object.fromEntries(names.map((name) => [name, String(sample[name])]));
  for (const name of names) {
    const dashed = { ...values, [name]: values[name]!.replaceAll('/', '-') };
    if (values[name]!.includes('/') && route.params.safeParse(dashed).success) Object.assign(values, dashed);
  }
  const parsed = route.params.safeParse(values);
  if (!parsed.success || Object.values(values).some((value) => value.includes('/'))) {
    throw new Error(`no sample path parameters for ${routeKey(route)}: ${JSON.stringify(values)}`);
  }
  return route.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(values[name]!));
}

// -----------------------------------------------------------------------------------------------
// What the tables hold.

/**
 * One fingerprint per service table of every item in it (a scan, read consistently): equal before
 * and after means nothing was written, changed or deleted, which a count alone would not show.
 */
export async function tablesDigest(t: TestCloud): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(t.cloud.tables).map(async ([service, table]) => {
      const items = (await scanTable(table)).map(canonical);
      return [service, `${items.length}:${createHash('sha256').update(items.sort().join('\n')).digest('base64url')}`] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** JSON with object keys sorted and sets as sorted arrays: one text per item, whatever the read order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, x: unknown) => {
    if (x instanceof Set) return [...x].sort();
    if (x && typeof x === 'object' && !Array.isArray(x)) {
      return Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return x;
  });
}

import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { inject } from 'vitest';
import { toJsonSchema, type JsonSchema } from '../../infra/docs/json-schema.ts';
import { routeKey, type RouteSpec } from '../../kernel/routes.ts';
import { services } from '../../services/index.ts';

/**
 * Every success answer a test receives through the local gateway is checked against its route's
 * declared `response` schema, closed: an answer that carries a field the schema does not name (an
 * internal attribute, a history item, a stored key) fails the test that received it, whatever that
 * test meant to prove. The document promises open objects to clients (adding a field is
 * compatible); the platform itself must send exactly what it documents.
 *
 * Each checked answer is noted in the run's response log (test/setup/global.ts sums it at the end).
 */

interface GuardedRoute {
  key: string;
  method: string;
  pattern: RegExp;
  route: RouteSpec;
  validate?: ValidateFunction;
}

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

/** The JSON Schema of a response with every object closed: no property beyond those it names. */
export function closed(schema: JsonSchema): JsonSchema {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      // `properties` and `$defs` map names to schemas: walk the schemas, keep the names.
      out[key] =
        (key === 'properties' || key === '$defs' || key === 'definitions') && value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([name, child]) => [name, walk(child)]))
          : walk(value);
    }
    const isObject = out.type === 'object' || (out.properties !== undefined && out.type === undefined);
    if (isObject && out.additionalProperties === undefined && out.unevaluatedProperties === undefined && out.patternProperties === undefined) {
      out.unevaluatedProperties = false;
    }
    return out;
  };
  return walk(schema) as JsonSchema;
}

let table: GuardedRoute[] | undefined;

function guardedRoutes(): GuardedRoute[] {
  table ??= services.flatMap((service) =>
    Object.values(service.routes).map((route) => {
      const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[A-Za-z0-9_]+\\?\}/g, '[^/]+');
      return {
        key: routeKey(route),
        method: route.method,
        pattern: new RegExp(`^${source}$`),
        route,
        ...(route.response ? { validate: ajv.compile(closed(toJsonSchema(route.response, 'output'))) } : {}),
      };
    }),
  );
  return table;
}

/** The route the local gateway would match for this request, if any. */
export function routeOfRequest(method: string, path: string): GuardedRoute | undefined {
  const pathname = new URL(path, 'http://localhost').pathname;
  return guardedRoutes().find((r) => r.method === method.toUpperCase() && r.pattern.test(pathname));
}

function logFile(): string | undefined {
  try {
    const dir = inject('responseLog');
    return dir ? join(dir, `${process.pid}.log`) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Throws when a success answer does not fit its route's declared response, closed. Answers of routes
 * without a declaration pass here (test/openapi.test.ts fails for those routes instead).
 */
export function checkResponse(method: string, path: string, status: number, body: unknown): void {
  if (status < 200 || status >= 300 || status === 204) return;
  const route = routeOfRequest(method, path);
  if (!route?.validate) return;
  if (!route.validate(body)) {
    const errors = ajv.errorsText(route.validate.errors, { separator: '; ', dataVar: 'body' });
    throw new Error(`${route.key} answered ${status} with a body its response schema does not describe: ${errors}\n${JSON.stringify(body).slice(0, 800)}`);
  }
  const file = logFile();
  if (file) appendFileSync(file, `${route.key}\n`);
}

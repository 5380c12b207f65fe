import * as z from 'zod/mini';
import './zod-messages.ts';
import type { Access } from './auth.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One entry of a service's route table. The table is the single source of the wiring: the CDK stack
 * makes one API Gateway route per entry, the local gateway matches them, and the authorization
 * tests and the OpenAPI document (infra/docs/openapi.ts) are derived from them.
 */
export interface RouteSpec {
  method: Method;
  /** API Gateway path syntax: `/recruitment/appointments/{id}`. */
  path: string;
  summary: string;
  access: Access;
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /** The status of success (201 created, 202 accepted for a saga that goes on, 200 otherwise). */
  status: 200 | 201 | 202 | 204;
  /** Creating requests accept an Idempotency-Key header; a retry gets the first response. */
  idempotent?: boolean;
  /** Bodies above this are refused with 413 before parsing. */
  maxBodyBytes?: number;
  /**
   * The success body, for the OpenAPI document (not checked at run time; the end-to-end tests check
   * sampled responses against it). Without it the document promises only "a JSON object".
   */
  response?: z.ZodMiniType;
  /**
   * The media type of the success body when it is not JSON (`text/calendar`): the handler answers
   * the text as `body` with that `content-type`, and the document describes it as a string.
   */
  produces?: 'text/calendar';
  /**
   * The route also answers as CSV (`text/csv`), for `?format=csv` or `Accept: text/csv`: what its
   * columns are, and an example, for the API reference. The JSON form stays the default.
   */
  csv?: { description: string; example: string };
  /** A longer explanation than `summary`, in Markdown, for the API reference. */
  description?: string;
  /** Examples for the API reference; the document's generator checks them against the schemas. */
  examples?: { body?: unknown; response?: unknown };
}

export type RouteTable = Record<string, RouteSpec>;

export function defineRoutes<const T extends RouteTable>(routes: T): T {
  return routes;
}

/** The API Gateway route key, `POST /recruitment/appointments`, also the dispatch key in the handler. */
export function routeKey(route: Pick<RouteSpec, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** The most items one page of a list holds. */
export const MAX_PAGE_SIZE = 100;

/**
 * The shared list parameters: a page size and an opaque cursor. A `limit` above the maximum is
 * taken as the maximum rather than refused (OWASP API4: the server bounds the work a request asks
 * for; a client asking for "everything" gets a full page and a cursor, not an error).
 */
export const PageQuery = z.strictObject({
  limit: z
    .pipe(
      z._default(z.coerce.number().check(z.int(), z.gte(1)), 25),
      z.transform((limit) => Math.min(limit, MAX_PAGE_SIZE)),
    )
    .check(z.meta({ description: `Items per page, 25 unless given; above ${MAX_PAGE_SIZE} is taken as ${MAX_PAGE_SIZE}.` })),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
});

/** The success body of a list route: a page of items and, when more follow, the cursor of the next. */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.object({
    items: z.array(item),
    cursor: z.optional(z.string()).check(
      z.meta({ description: 'Pass as `cursor` to get the next page; absent on the last one.' }),
    ),
  });
}

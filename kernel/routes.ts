import * as z from 'zod';
import type { Access } from './auth.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One entry of a service's route table. The table is the single source of the wiring: the CDK stack
 * makes one API Gateway route per entry, the local gateway matches them, and the authorization
 * tests and (later) the OpenAPI document are derived from them.
 */
export interface RouteSpec {
  method: Method;
  /** API Gateway path syntax: `/recruitment/appointments/{id}`. */
  path: string;
  summary: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The status of success (201 created, 202 accepted for a saga that goes on, 200 otherwise). */
  status: 200 | 201 | 202 | 204;
  /** Creating requests accept an Idempotency-Key header; a retry gets the first response. */
  idempotent?: boolean;
  /** Bodies above this are refused with 413 before parsing. */
  maxBodyBytes?: number;
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

/** The shared list parameters: a bounded page size and an opaque cursor. */
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(1024).optional(),
});

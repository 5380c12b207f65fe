import { createHash } from 'node:crypto';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { principalOf, requireRole, requireSubject, type Principal, type Subject } from './auth.ts';
import {
  BadRequestError,
  ConflictError,
  NotFoundError,
  PayloadTooLargeError,
  UnprocessableError,
  UnsupportedMediaTypeError,
} from './errors.ts';
import type { Cause } from './events.ts';
import { logger } from './logger.ts';
import { problemResponse, validationError } from './problem.ts';
import { retryingConflicts } from './retry.ts';
import { DEFAULT_MAX_BODY_BYTES, routeKey, type RouteSpec, type RouteTable } from './routes.ts';
import { IdempotentReplayError, type Commit, type IdempotencyRecord, type Store, type StoredResponse } from './store.ts';
import { textProblems } from './text.ts';

export interface HttpResult {
  statusCode: number;
  body?: unknown;
  /** A body that is not JSON (a route's `csv` form): sent as it is, under the `content-type` in `headers`. */
  text?: string;
  headers?: Record<string, string>;
}

type Infer<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

/** What a route's handler receives: validated input, the caller, and the request's context. */
export interface RouteRequest<R extends RouteSpec> {
  params: Infer<R['params']>;
  query: Infer<R['query']>;
  body: Infer<R['body']>;
  /** Undefined only on public routes. */
  principal: R['access'] extends { public: true } ? Principal | undefined : Principal;
  ctx: RequestContext;
}

export interface RequestContext {
  cause: Cause;
  /**
   * The subject check of the route's declared access (jurisdiction, and department for departments).
   * A route that declares `jurisdiction: 'subject'` must call this before it returns or commits.
   */
  authorize(subject: Subject): void;
  /** True when the request's Accept header names this media type (`text/csv`) explicitly. */
  accepts(mediaType: string): boolean;
  /** Commit a state change and answer with `response`; stores it under the Idempotency-Key, if any. */
  commit(commit: Commit, response: HttpResult): Promise<HttpResult>;
}

export type RouteHandlers<T extends RouteTable> = {
  [K in keyof T]: (request: RouteRequest<T[K]>) => Promise<HttpResult>;
};

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,128}$/;
const CORRELATION_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * The HTTP entry of a service: one Lambda behind all of its API Gateway routes, dispatching on
 * `routeKey` exactly as API Gateway sets it. Every refusal leaves as problem+json from one mapper.
 */
export function httpHandler<T extends RouteTable>(options: {
  routes: T;
  handlers: RouteHandlers<T>;
  store: Store;
}) {
  const byKey = new Map<string, { spec: RouteSpec; run: (request: RouteRequest<RouteSpec>) => Promise<HttpResult> }>();
  for (const [name, spec] of Object.entries(options.routes)) {
    byKey.set(routeKey(spec), { spec, run: options.handlers[name] as never });
  }

  async function dispatch(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
    const started = Date.now();
    const response = await answer(event);
    logger.info('request answered', {
      correlationId: correlationOf(event),
      routeKey: event.routeKey,
      status: response.statusCode,
      durationMs: Date.now() - started,
    });
    return response;
  }

  async function answer(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
    const correlationId = correlationOf(event);
    const route = byKey.get(event.routeKey);
    if (!route) throw new NotFoundError(`No route ${event.routeKey}.`);
    const { spec } = route;

    let principal: Principal | undefined;
    if (!spec.access.public) {
      principal = principalOf(event);
      requireRole(principal, spec.access);
    }

    const params = parsePart('path', spec.params, event.pathParameters ?? {});
    const query = parsePart('query', spec.query, event.queryStringParameters ?? {});
    const rawBody = spec.body ? readBody(event, spec) : undefined;
    const body = spec.body ? parsePart('body', spec.body, rawBody) : undefined;

    const now = requestTime(event).toISOString();
    const cause: Cause = {
      correlationId,
      now,
      actor: principal
        ? {
            sub: principal.sub,
            roles: principal.roles,
            jurisdiction: principal.jurisdiction,
            ...(principal.department ? { department: principal.department } : {}),
          }
        : { sub: 'anonymous', roles: [] },
    };

    const idempotency = spec.idempotent && principal ? idempotencyOf(event, principal, rawBody) : undefined;
    if (idempotency) {
      const earlier = await options.store.idempotencyRecord(idempotency.sub, idempotency.key);
      if (earlier) return replay(earlier, idempotency.requestHash, correlationId);
    }

    let authorized = false;
    const ctx: RequestContext = {
      cause,
      accepts: (mediaType) => acceptsExplicitly(event.headers?.accept, mediaType),
      authorize(subject) {
        if (spec.access.public) return;
        requireSubject(principal!, spec.access, subject);
        authorized = true;
      },
      async commit(commit, response) {
        if (!spec.access.public && spec.access.jurisdiction === 'subject' && !authorized) {
          throw new Error(`route ${routeKey(spec)} commits without a subject check`);
        }
        try {
          await options.store.commit(
            commit,
            idempotency ? { idempotency: { ...idempotency, response: toStored(response), now } } : {},
          );
        } catch (error) {
          if (!(error instanceof IdempotentReplayError) || !idempotency) throw error;
          const winner = await options.store.idempotencyRecord(idempotency.sub, idempotency.key);
          if (!winner) throw error;
          return replayResult(winner, idempotency.requestHash);
        }
        return response;
      },
    };

    // The handler is the unit of work: a commit DynamoDB cancels for a conflict is read, decided and committed again.
    let result: HttpResult;
    try {
      result = await retryingConflicts(() => route.run({ params, query, body, principal, ctx } as RouteRequest<RouteSpec>));
    } catch (error) {
      // A request under the same key that committed while this one ran is why this one can meet a
      // conflict (it found that request's change, 409): then the answer is that request's, as for a retry.
      const first = error instanceof ConflictError && idempotency ? await options.store.idempotencyRecord(idempotency.sub, idempotency.key) : undefined;
      if (!first) throw error;
      return replay(first, idempotency!.requestHash, correlationId);
    }
    if (!spec.access.public && spec.access.jurisdiction === 'subject' && !authorized) {
      throw new Error(`route ${routeKey(spec)} answered without a subject check`);
    }
    return toResponse(result, correlationId);
  }

  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use({
      onError: async (request) => {
        const correlationId = correlationOf(request.event);
        const response = problemResponse(request.error, request.event.rawPath, correlationId);
        if (response.statusCode! >= 500) {
          logger.error('request failed', { correlationId, routeKey: request.event.routeKey, status: response.statusCode, error: request.error });
        } else {
          // A refusal is the caller's problem, not the platform's: one line at info, with why.
          logger.info('request refused', {
            correlationId,
            routeKey: request.event.routeKey,
            status: response.statusCode,
            detail: request.error instanceof Error ? request.error.message : String(request.error),
          });
        }
        request.response = response;
      },
    })
    .handler(dispatch);
}

/**
 * When the request was made: the time API Gateway received it (`requestContext.timeEpoch`), as a
 * scheduled job's "now" is its event's `time`. A request that arrived before a window closed counts
 * as made in it however long it then waited, and a host that stamps requests (the local gateway
 * under a test's clock) decides what "now" is for the handler without the handler knowing.
 */
function requestTime(event: APIGatewayProxyEventV2): Date {
  const epoch = event.requestContext?.timeEpoch;
  return typeof epoch === 'number' && Number.isFinite(epoch) ? new Date(epoch) : new Date();
}

/** Whether an Accept header lists the media type itself (not only through `*\/*`), with a quality above 0. */
export function acceptsExplicitly(accept: string | undefined, mediaType: string): boolean {
  if (!accept) return false;
  return accept.split(',').some((range) => {
    const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return type === mediaType.toLowerCase() && (q === undefined || Number(q.slice(2)) > 0);
  });
}

function correlationOf(event: APIGatewayProxyEventV2): string {
  const header = event.headers?.['x-correlation-id'];
  return header && CORRELATION_ID.test(header) ? header : event.requestContext.requestId;
}

function parsePart<S extends z.ZodMiniType | undefined>(location: string, schema: S, input: unknown): Infer<S> {
  if (!schema) return undefined as Infer<S>;
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(location, result.error);
  return result.data as Infer<S>;
}

/**
 * Refuses bytes that are not UTF-8 instead of replacing them with U+FFFD: a lossy decode would store
 * a string the client never sent.
 */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function readBody(event: APIGatewayProxyEventV2, spec: RouteSpec): unknown {
  const raw = event.body ?? '';
  // API Gateway base64-encodes a body it cannot hand over as UTF-8 text: a binary content type, or
  // bytes that are not UTF-8. A plain body is already a string; text in it that UTF-8 cannot carry
  // (a lone surrogate) is refused, naming its field, by textProblems below.
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : undefined;
  const limit = spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if ((bytes ? bytes.length : Buffer.byteLength(raw, 'utf8')) > limit) {
    throw new PayloadTooLargeError(`The body may be at most ${limit} bytes.`, [
      { field: 'body', message: `larger than ${limit} bytes` },
    ]);
  }
  const contentType = event.headers?.['content-type'];
  if (contentType && !/^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(contentType)) {
    throw new UnsupportedMediaTypeError(`Send the body as application/json, not ${contentType}.`);
  }
  const text = bytes ? utf8Text(bytes) : raw;
  if (text.trim().length === 0) {
    throw new BadRequestError('A JSON body is required.', [{ field: 'body', message: 'required' }]);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadRequestError('The body is not valid JSON.', [{ field: 'body', message: 'malformed JSON' }]);
  }
  const notText = textProblems(body);
  if (notText.length > 0) {
    throw new BadRequestError(`The body holds text that is not text: ${notText.map((p) => p.field).slice(0, 5).join(', ')}.`, notText);
  }
  return body;
}

function utf8Text(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new BadRequestError('The body is not UTF-8 text: JSON must be sent in UTF-8.', [
      { field: 'body', message: 'not valid UTF-8' },
    ]);
  }
}

function idempotencyOf(event: APIGatewayProxyEventV2, principal: Principal, body: unknown) {
  const key = event.headers?.['idempotency-key'];
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestError('The Idempotency-Key header must be 1-128 of A-Z a-z 0-9 _ . : -', [
      { field: 'header.idempotency-key', message: 'invalid' },
    ]);
  }
  const requestHash = createHash('sha256')
    .update(`${event.routeKey}\n${event.rawPath}\n${JSON.stringify(body ?? null)}`)
    .digest('base64url');
  return { sub: principal.sub, key, requestHash };
}

function toStored(result: HttpResult): StoredResponse {
  return { statusCode: result.statusCode, body: result.body ?? null, ...(result.headers ? { headers: result.headers } : {}) };
}

function replayResult(record: Pick<IdempotencyRecord, 'requestHash' | 'response'>, requestHash: string): HttpResult {
  if (record.requestHash !== requestHash) {
    throw new UnprocessableError('This Idempotency-Key was already used for a different request.', [
      { field: 'header.idempotency-key', message: 'reused with a different request' },
    ]);
  }
  const { statusCode, body, headers } = record.response;
  return { statusCode, body, headers: { ...headers, 'idempotent-replayed': 'true' } };
}

function replay(
  record: Pick<IdempotencyRecord, 'requestHash' | 'response'>,
  requestHash: string,
  correlationId: string,
): APIGatewayProxyStructuredResultV2 {
  return toResponse(replayResult(record, requestHash), correlationId);
}

function toResponse(result: HttpResult, correlationId: string): APIGatewayProxyStructuredResultV2 {
  if (result.text !== undefined) {
    if (!result.headers?.['content-type']) throw new Error('a text answer names its content-type');
    return { statusCode: result.statusCode, headers: { 'x-correlation-id': correlationId, ...result.headers }, body: result.text };
  }
  // A route that `produces` another media type (a calendar) answers its text as it is, with its own content-type.
  if (typeof result.body === 'string' && result.headers?.['content-type'] && !/json/i.test(result.headers['content-type'])) {
    return { statusCode: result.statusCode, headers: { 'x-correlation-id': correlationId, ...result.headers }, body: result.body };
  }
  const hasBody = result.body !== undefined && result.body !== null && result.statusCode !== 204;
  return {
    statusCode: result.statusCode,
    headers: {
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      'x-correlation-id': correlationId,
      ...result.headers,
    },
    ...(hasBody ? { body: JSON.stringify(result.body) } : {}),
  };
}

import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from '../api/schema';
import { currentSession, forgetSession } from './auth.ts';
import { config } from './config.ts';

export type Problem = components['schemas']['Problem'];

/**
 * Why a call failed, in the terms a page explains: the network (nothing came back: retry keeps what
 * was typed), or the API's refusal with its problem details (RFC 9457).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number | 'network',
    readonly problem?: Problem,
  ) {
    super(status === 'network' ? 'network failure' : (problem?.detail ?? `HTTP ${status}`));
  }
}

let client: Client<paths> | undefined;

/**
 * The one API client, typed from openapi.json (web/src/api/schema.ts, `npm run web:types`): a
 * changed route breaks the app's type check. It adds the session's ID token to every call.
 */
export function api(): Client<paths> {
  if (client) return client;
  client = createClient<paths>({ baseUrl: config().apiBase });
  client.use({
    onRequest({ request }) {
      const session = currentSession();
      if (session) request.headers.set('authorization', `Bearer ${session.idToken}`);
      return request;
    },
  });
  return client;
}

/**
 * Awaits one call and answers its data, or throws an ApiError: a network failure, or the status
 * and problem details of a refusal. A 401 means the token is no longer good: it is forgotten.
 */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch {
    throw new ApiError('network');
  }
  if (result.response.ok) return result.data as T;
  if (result.response.status === 401) forgetSession();
  const problem = typeof result.error === 'object' && result.error !== null && 'status' in result.error ? (result.error as Problem) : undefined;
  throw new ApiError(result.response.status, problem);
}

/** A new key per attempt of a creating request; a retry after a network failure sends the same one. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}

/**
 * Every member of a string union from the API's types, as a list for a form's choices. The compiler
 * checks it both ways: a member the schema adds and the list lacks, or one the list has and the
 * schema dropped, fails `tsc -p web`. `allOf<Kind>()(['a', 'b'])`.
 */
export function allOf<T extends string>() {
  return <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : never)): readonly T[] => values;
}

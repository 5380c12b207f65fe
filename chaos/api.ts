import { randomUUID } from 'node:crypto';
import { waitFor } from '../infra/local/wait.ts';
import type { RouteSpec } from '../kernel/routes.ts';
import type { ServiceName } from '../kernel/table.ts';
import { services } from '../services/index.ts';

/**
 * The chaos run's client of the gateway: a careful caller of a platform that may fail. A 5xx (or a
 * dropped connection) is not an answer, so a write is sent again: with the same Idempotency-Key on a
 * route that takes one, and otherwise only after a read says the first attempt did not take effect.
 * Each write carries its own correlation id (the same on every attempt), which its history items
 * keep, so the checks can find what an acknowledged write committed. Nothing here knows of faults.
 */
export interface Answer {
  status: number;
  body: Record<string, any>;
  replayed: boolean;
}

/** A write the platform acknowledged with a 2xx: it must be in its table, applied exactly once. */
export interface Acknowledged {
  route: string;
  service: ServiceName;
  correlationId: string;
  /** The caller (the token's subject): its history items carry it as the actor. */
  sub: string;
  status: number;
  /** When the first attempt left and the answer came: the write's commit happened in between. */
  sentAt: string;
  answeredAt: string;
}

export interface WriteOptions {
  body?: unknown;
  /** For a route without Idempotency-Key: after a 5xx, whether the write took effect anyway. */
  applied?: () => Promise<boolean>;
}

const MAX_ATTEMPTS = 30;
/** Waiting for a saga's next step: generous, since it only bounds how long a lost event takes to be reported. */
const STEP_TIMEOUT_MS = 240_000;

const ROUTES = services.flatMap((service) =>
  Object.values(service.routes).map((spec) => ({
    service: service.name,
    spec,
    pattern: new RegExp(`^${spec.path.replace(/\{\w+\}/g, '[^/]+')}$`),
  })),
);

function routeOf(method: string, path: string): { service: ServiceName; spec: RouteSpec } {
  const bare = path.split('?')[0]!;
  const found = ROUTES.find((r) => r.spec.method === method && r.pattern.test(bare));
  if (!found) throw new Error(`no route ${method} ${bare}`);
  return found;
}

function subjectOf(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string };
  return payload.sub;
}

export class ChaosApi {
  readonly acknowledged: Acknowledged[] = [];
  /** Writes answered 5xx whose effect a read then found: taken, but never acknowledged. */
  unacknowledgedButApplied = 0;
  /** 5xx answers (and dropped connections) met, retried. */
  failures = 0;
  /** Flows now waiting for another service's reaction (see `until`). */
  waiting = 0;
  private sequence = 0;

  constructor(
    readonly url: string,
    readonly label: string,
  ) {}

  /** A read, repeated until it is answered (anything below 500). */
  async read(path: string, token?: string): Promise<Answer> {
    for (let attempt = 1; ; attempt += 1) {
      const answer = await this.send('GET', path, token, {});
      if (answer.status < 500) return answer;
      this.failures += 1;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`GET ${path}: ${answer.status} ${attempt} times`);
    }
  }

  /** A write, repeated until the platform answers it (below 500) or a read shows it took effect. */
  async write(method: string, path: string, token: string, options: WriteOptions = {}): Promise<Answer> {
    const { service, spec } = routeOf(method, path);
    const correlationId = `${this.label}-${(this.sequence += 1)}-${randomUUID().slice(0, 8)}`;
    const headers: Record<string, string> = { 'x-correlation-id': correlationId };
    if (spec.idempotent) headers['idempotency-key'] = `key-${randomUUID()}`;
    const sentAt = new Date().toISOString();
    for (let attempt = 1; ; attempt += 1) {
      const answer = await this.send(method, path, token, { body: options.body, headers });
      if (answer.status < 500) {
        if (answer.status < 300) {
          const answeredAt = new Date().toISOString();
          this.acknowledged.push({ route: `${method} ${spec.path}`, service, correlationId, sub: subjectOf(token), status: answer.status, sentAt, answeredAt });
        }
        return answer;
      }
      this.failures += 1;
      if (!spec.idempotent && options.applied && (await options.applied())) {
        this.unacknowledgedButApplied += 1;
        return answer;
      }
      if (attempt >= MAX_ATTEMPTS) throw new Error(`${method} ${path}: ${answer.status} ${attempt} times: ${JSON.stringify(answer.body)}`);
    }
  }

  /** Waits for another service's reaction, read by `probe` (undefined: not yet). */
  async until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
    this.waiting += 1;
    try {
      return await waitFor(what, probe, { timeoutMs: STEP_TIMEOUT_MS, intervalMs: 50 });
    } finally {
      this.waiting -= 1;
    }
  }

  private async send(method: string, path: string, token: string | undefined, options: { body?: unknown; headers?: Record<string, string> }): Promise<Answer> {
    try {
      const response = await fetch(this.url + path, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, any>) : {}, replayed: response.headers.get('idempotent-replayed') === 'true' };
    } catch (error) {
      // A dropped connection is no answer either: the caller sends again.
      return { status: 599, body: { error: String(error) }, replayed: false };
    }
  }
}

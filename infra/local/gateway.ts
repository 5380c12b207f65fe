import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { routeKey, type RouteSpec } from '../../kernel/routes.ts';
import type { ServiceDefinition } from '../../kernel/service.ts';
import { docsRoutes } from './docs.ts';
import { lambdaContext } from './lambda-context.ts';
import type { LocalIssuer } from './issuer.ts';

export type HttpFunction = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

/** API Gateway's own payload limit for HTTP APIs. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

interface CompiledRoute {
  service: string;
  spec: RouteSpec;
  key: string;
  pattern: RegExp;
  names: string[];
  invoke: HttpFunction;
}

export interface AdminRoutes {
  [path: string]: (request: { method: string; query: URLSearchParams }) => Promise<{ status: number; body: unknown }>;
}

export interface Gateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The local API Gateway (HTTP API, payload format 2.0): one route per route-table entry, the JWT
 * authorizer's checks (signature from the issuer's JWKS, issuer, audience, expiry, not-before) on
 * every non-public route, and the very event API Gateway would hand the function.
 */
export async function startGateway(options: {
  services: readonly ServiceDefinition[];
  functions: ReadonlyMap<string, HttpFunction>;
  issuer: LocalIssuer;
  port: number;
  host?: string;
  admin?: AdminRoutes;
  /** Handlers beside the API, tried before its routes (the local sign-in provider, the mailbox): true when one answered. */
  beside?: ReadonlyArray<(request: IncomingMessage, response: ServerResponse) => Promise<boolean>>;
  /** The web app, for every path that is not under a service's prefix: true when it answered. */
  site?: (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
  /**
   * The time stamped on each request as API Gateway's `requestContext.timeEpoch`, the handlers'
   * "now" for it (default the machine's clock). Tokens are still checked against the machine's clock.
   */
  clock?: () => number;
}): Promise<Gateway> {
  const routes: CompiledRoute[] = options.services.flatMap((service) =>
    Object.values(service.routes).map((spec) => {
      const invoke = options.functions.get(service.name);
      if (!invoke) throw new Error(`no http function for ${service.name}`);
      const names: string[] = [];
      const source = spec.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([A-Za-z0-9_]+)\\?\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { service: service.name, spec, key: routeKey(spec), pattern: new RegExp(`^${source}$`), names, invoke };
    }),
  );
  const jwks = createLocalJWKSet(options.issuer.jwks);
  const docs = docsRoutes(options.services);
  // A path under a service's prefix is the API's, found or not: never the app's.
  const isApiPath = (path: string) => options.services.some((s) => path === `/${s.name}` || path.startsWith(`/${s.name}/`));

  /**
   * API Gateway's JWT authorizer, step by step as its guide describes it: the token, with or without
   * `Bearer`, from the Authorization header; an RSA signature by a key of the JWKS that the header's
   * `kid` names (a token without `kid` is refused even though this JWKS has a single key); `iss`;
   * `aud`, or `client_id` only when there is no `aud` (Cognito access tokens carry `client_id`);
   * `exp` after now, `nbf` and `iat` before now. The claims then reach the function as API Gateway
   * hands them over (`claimsAsApiGatewaySends`), and the service decides on roles and jurisdiction.
   */
  async function authorize(request: IncomingMessage): Promise<JWTPayload | undefined> {
    const header = request.headers.authorization;
    const match = header?.match(/^(?:Bearer\s+)?(\S+)$/i);
    if (!match) return undefined;
    try {
      const { payload, protectedHeader } = await jwtVerify(match[1]!, jwks, {
        issuer: options.issuer.issuer,
        algorithms: ['RS256'],
        // Not `sub`: API Gateway does not check it; the service refuses a token without one (401).
        requiredClaims: ['exp', 'iat'],
      });
      if (typeof protectedHeader.kid !== 'string') return undefined;
      const audiences = payload.aud === undefined ? [payload.client_id] : [payload.aud].flat();
      if (!audiences.includes(options.issuer.audience)) return undefined;
      if (typeof payload.iat !== 'number' || payload.iat > Math.floor(Date.now() / 1000)) return undefined;
      return payload;
    } catch {
      return undefined;
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = (request.method ?? 'GET').toUpperCase();

    if (url.pathname === '/.well-known/jwks.json' && method === 'GET') {
      return send(response, 200, { 'content-type': 'application/json' }, JSON.stringify(options.issuer.jwks));
    }
    const page = docs(method, url.pathname);
    if (page) return send(response, page.status, page.headers, page.body);
    const admin = options.admin?.[url.pathname];
    if (admin) {
      const result = await admin({ method, query: url.searchParams });
      return send(response, result.status, { 'content-type': 'application/json' }, JSON.stringify(result.body));
    }
    for (const beside of options.beside ?? []) if (await beside(request, response)) return;

    let params: Record<string, string> | undefined;
    const route = routes.find((candidate) => {
      if (candidate.spec.method !== method) return false;
      const found = candidate.pattern.exec(url.pathname);
      if (!found) return false;
      params = Object.fromEntries(candidate.names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]));
      return true;
    });
    if (!route) {
      if (options.site && !isApiPath(url.pathname) && (await options.site(request, response))) return;
      return send(response, 404, { 'content-type': 'application/json' }, '{"message":"Not Found"}');
    }

    const body = await readBody(request);
    if (body === 'too-large') {
      return send(response, 413, { 'content-type': 'application/json' }, '{"message":"Request Entity Too Large"}');
    }

    let claims: JWTPayload | undefined;
    if (!route.spec.access.public) {
      claims = await authorize(request);
      if (!claims) {
        return send(
          response,
          401,
          { 'content-type': 'application/json', 'www-authenticate': 'Bearer' },
          '{"message":"Unauthorized"}',
        );
      }
    }

    const event = toEvent(request, url, route, params ?? {}, body, claims, new Date(options.clock?.() ?? Date.now()));
    let result: APIGatewayProxyResultV2;
    try {
      result = await route.invoke(event, lambdaContext(`five-haves-${route.service}-http`));
    } catch (error) {
      console.error(`[gateway] ${route.key} failed:`, error);
      return send(response, 500, { 'content-type': 'application/json' }, '{"message":"Internal Server Error"}');
    }
    const structured = toStructured(result);
    const text = structured.body ?? '';
    const payload = structured.isBase64Encoded ? Buffer.from(text, 'base64') : text;
    return send(response, structured.statusCode ?? 200, structured.headers ?? {}, payload);
  }

  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[gateway] request failed:', error);
      if (!response.headersSent) send(response, 500, { 'content-type': 'application/json' }, '{"message":"Internal Server Error"}');
    });
  });
  // Keep idle connections as long as a cloud front door does (API Gateway and CloudFront keep them
  // for a minute and more). With Node's 5 s, a client whose event loop is held up a few seconds (a
  // busy machine, a test signing tokens between calls) reuses a connection the server has just
  // closed, and its request fails with ECONNRESET. The client's pool reads the timeout this header says.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${options.port} is already in use: is five-haves (or something else) already running there?`)
          : error,
      );
    });
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** How long the gateway keeps an idle keep-alive connection open. */
export const KEEP_ALIVE_MS = 65_000;

/** Fails with a clear sentence when the port is taken (a second `npm start`, or anything else). */
export async function assertPortFree(port: number, host = '127.0.0.1'): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} is already in use: is five-haves (or something else) already running there?`)
          : error,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

function send(response: ServerResponse, status: number, headers: Record<string, string | number | boolean>, body: string | Buffer): void {
  response.writeHead(status, Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])));
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAYLOAD_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** API Gateway hands claims to the function as strings; arrays become "[a b]". */
function claimsAsApiGatewaySends(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value),
    ]),
  );
}

function isTextType(contentType: string | undefined): boolean {
  if (!contentType) return true;
  return /^(text\/|application\/([a-z.+-]*\+)?(json|xml|x-www-form-urlencoded|javascript))/i.test(contentType);
}

/**
 * Whether API Gateway hands the body over as a string or base64-encoded (`isBase64Encoded`). Its
 * guide: "If the content type of the request is binary, the body is base64-encoded", and a text
 * payload is a UTF-8-encoded string, a binary payload anything else. The event itself is JSON, which
 * cannot carry bytes that are not UTF-8: those are binary whatever the content type says, so they
 * arrive base64-encoded, byte for byte, and never as replacement characters.
 */
function isTextBody(contentType: string | undefined, body: Buffer): boolean {
  return isTextType(contentType) && isUtf8(body);
}

function toEvent(
  request: IncomingMessage,
  url: URL,
  route: CompiledRoute,
  pathParameters: Record<string, string>,
  body: Buffer,
  claims: JWTPayload | undefined,
  now: Date,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === 'cookie') continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const text = isTextBody(headers['content-type'], body);
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: route.key,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0]!,
      http: {
        method: route.spec.method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: route.key,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(claims ? { authorizer: { jwt: { claims: claimsAsApiGatewaySends(claims), scopes: [] } } } : {}),
    } as APIGatewayProxyEventV2['requestContext'],
    isBase64Encoded: body.length > 0 && !text,
  };
  const cookies = request.headers.cookie?.split(/;\s*/).filter(Boolean);
  if (cookies?.length) event.cookies = cookies;
  if (Object.keys(query).length) event.queryStringParameters = query;
  if (Object.keys(pathParameters).length) event.pathParameters = pathParameters;
  if (body.length) event.body = text ? body.toString('utf8') : body.toString('base64');
  return event;
}

function toStructured(result: APIGatewayProxyResultV2): APIGatewayProxyStructuredResultV2 {
  if (typeof result === 'object' && result !== null && 'statusCode' in result) {
    return result as APIGatewayProxyStructuredResultV2;
  }
  // Payload 2.0: a return without statusCode is taken as a 200 JSON body.
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) };
}

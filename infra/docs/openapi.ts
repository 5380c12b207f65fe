import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import type { Access } from '../../kernel/auth.ts';
import { ProblemSchema, PROBLEM_BASE } from '../../kernel/problem.ts';
import { routeKey, type RouteSpec } from '../../kernel/routes.ts';
import type { ServiceDefinition } from '../../kernel/service.ts';
import type { ServiceName } from '../../kernel/table.ts';
import { checkedExampleOf } from './examples.ts';
import { toJsonSchema, type JsonSchema } from './json-schema.ts';

/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the route tables and their zod schemas
 * (DESIGN section 1: nothing is listed twice). `npm run openapi` writes it to `openapi.json`; the
 * local gateway serves the same document at `/openapi.json` and the reference page at `/docs`.
 */
export type OpenApiDocument = {
  openapi: '3.1.0';
  info: Record<string, unknown>;
  servers: Array<Record<string, unknown>>;
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
};

export type Operation = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security: Array<Record<string, string[]>>;
  parameters?: Array<Record<string, unknown>>;
  requestBody?: Record<string, unknown>;
  responses: Record<string, unknown>;
  'x-access': Access;
};

const SERVICE_DESCRIPTIONS: Record<ServiceName, string> = {
  recruitment:
    'Someone in charge: the annual plan, the public job board, applications with screening, hiring by rank, the roster, secondments, appointments of agency heads.',
  funding: 'Money to do things: budgets, fund pools, allocations and disbursements in integer fen, capital projects, funding requests.',
  premises: 'A place to discuss: office and service space, compliance with the standard, rooms and bookings.',
  authority:
    'The right to manage: the power catalog and its delegations to streets, written opinions before evaluations, written consent before appointments, the double assessment.',
  coordination:
    'A mechanism that works: joint meetings and their decisions, issues streets raise ("whistles"), the work-item access list, the scorecard.',
  notifications:
    'Nobody misses a deadline: who is told what (e-mail and an in-app inbox), reminders before deadlines, e-mail preferences, calendars of meetings and bookings.',
};

const SECURITY_SCHEME = 'cognitoJwt';

const API_DESCRIPTION = `The HTTP API of the Five Haves governance platform. Generated from the services' route tables; do not edit by hand (\`npm run openapi\`).

**Signing in.** Every operation that is not marked public needs \`Authorization: Bearer <ID token>\`: the
Cognito user pool's **ID token** (it carries \`cognito:groups\`, \`custom:jurisdiction\` and
\`custom:department\`). Locally, \`npm run token -- --role <role> --jurisdiction D01/S03\` makes one.
Each operation says which roles may call it; the service also checks that the caller's jurisdiction
covers the street or district the request is about (403 otherwise).

**Errors** are \`application/problem+json\` (RFC 9457) with \`type\`, \`title\`, \`status\`, \`detail\`,
\`instance\`, \`correlationId\` and, for bad input, \`errors: [{ field, message }]\`. Bad input is 400
(413 over 64 KB, 415 for a body that is not JSON) and writes nothing. The gateway's own refusals
(no or invalid token, no such route) have API Gateway's \`{"message": …}\` bodies.

**Lists** are pages: \`limit\` (1-100, default 25) and the opaque \`cursor\` of the previous page.

**Retries.** Creating requests accept an \`Idempotency-Key\` header (1-128 of \`A-Z a-z 0-9 _ . : -\`):
a retry with the same key and body gets the first response again (header \`idempotent-replayed: true\`);
the same key with another body is 422.

**Tracing.** Send \`x-correlation-id\` (1-128 of \`A-Z a-z 0-9 _ . : -\`) to follow a request through
the events it causes; every response carries it back (the request id when none was sent).`;

const REASONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted: the rest of the saga follows through events',
  '204': 'No content',
};

const correlationHeader = { $ref: '#/components/headers/CorrelationId' };

/** The error responses, by status, each a problem+json body; 401 and 404 can also be the gateway's. */
const ERROR_RESPONSES: Record<string, { name: string; description: string; gateway?: string }> = {
  '400': { name: 'BadRequest', description: 'The input is not valid: nothing was written' },
  '401': {
    name: 'Unauthorized',
    description: 'No token, or one that is expired, not signed by the pool, or without a jurisdiction',
    gateway: 'Unauthorized',
  },
  '403': { name: 'Forbidden', description: "The caller's role, jurisdiction or department does not fit" },
  '404': { name: 'NotFound', description: 'No such resource (or, from the gateway, no such route)', gateway: 'Not Found' },
  '409': { name: 'Conflict', description: 'Conflicts with the current state (a second decision, a double booking, a stale version …)' },
  '413': { name: 'PayloadTooLarge', description: 'The body is larger than the route accepts' },
  '415': { name: 'UnsupportedMediaType', description: 'The body is not application/json' },
  '422': { name: 'Unprocessable', description: 'Understood but cannot be carried out as asked (or an Idempotency-Key reused with another body)' },
  '500': { name: 'InternalError', description: 'Something failed on the platform; quote the correlation id' },
};

export function packageVersion(): string {
  const file = resolve(import.meta.dirname, '../../package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

export function openApiDocument(services: readonly ServiceDefinition[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const service of services) {
    for (const [name, route] of Object.entries(service.routes)) {
      const item = (paths[route.path] ??= {});
      const method = route.method.toLowerCase();
      if (item[method]) throw new Error(`${routeKey(route)} is declared twice (again by ${service.name}.${name})`);
      item[method] = operation(service.name, name, route);
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Five Haves API',
      version: packageVersion(),
      summary: 'Grass-roots governance: people, money, places, power and a mechanism for every street.',
      description: API_DESCRIPTION,
    },
    servers: [
      { url: 'http://localhost:3000', description: 'The whole platform on this machine (`npm start`)' },
      {
        url: 'https://{apiId}.execute-api.{region}.amazonaws.com',
        description: 'A deployed stage: the stack output `ApiUrl`',
        variables: {
          apiId: { default: 'abcde12345', description: 'The id in the `ApiUrl` output of `FiveHaves-<stage>`' },
          region: { default: 'ap-east-1', description: 'The region the stack is deployed to' },
        },
      },
    ],
    tags: services.map((s) => ({ name: s.name, description: SERVICE_DESCRIPTIONS[s.name] })),
    paths,
    components: {
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            "The Cognito user pool's ID token (claims `cognito:groups`, `custom:jurisdiction`, `custom:department`); locally, `npm run token`.",
        },
      },
      schemas: {
        Problem: toJsonSchema(ProblemSchema, 'output'),
        GatewayMessage: {
          title: 'GatewayMessage',
          description: "API Gateway's own refusal, before the service is reached",
          type: 'object',
          properties: { message: { type: 'string' } },
          required: ['message'],
        },
      },
      headers: {
        CorrelationId: {
          description: "The request's correlation id: the `x-correlation-id` sent, or the request id",
          schema: { type: 'string' },
        },
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([status, { name, description, gateway }]) => [name, errorResponse(status, description, gateway)]),
      ),
    },
  };
}

function errorResponse(status: string, description: string, gateway?: string) {
  const type = { '400': 'bad-request', '401': 'unauthorized', '403': 'forbidden', '404': 'not-found', '409': 'conflict', '413': 'payload-too-large', '415': 'unsupported-media-type', '422': 'unprocessable', '500': 'internal' }[status]!;
  const example = {
    type: PROBLEM_BASE + type,
    title: description.split(/[:(]/)[0]!.trim(),
    status: Number(status),
    detail: status === '400' ? 'Invalid body: body.street.' : description + '.',
    instance: '/recruitment/appointments',
    correlationId: '3f1c9a52-5d0e-4c1b-9a57-2f4f1b8d6e10',
    ...(status === '400' ? { errors: [{ field: 'body.street', message: 'a street such as D01/S03' }] } : {}),
  };
  return {
    description,
    headers: { 'x-correlation-id': correlationHeader },
    content: {
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' }, example },
      ...(gateway
        ? { 'application/json': { schema: { $ref: '#/components/schemas/GatewayMessage' }, example: { message: gateway } } }
        : {}),
    },
  };
}

function operation(service: ServiceName, name: string, route: RouteSpec): Operation {
  const errors = errorStatuses(route).map((status) => [status, { $ref: `#/components/responses/${ERROR_RESPONSES[status]!.name}` }]);
  return {
    operationId: `${service}.${name}`,
    summary: route.summary,
    description: [route.description, accessText(route.access), route.idempotent ? 'Accepts an `Idempotency-Key`.' : undefined]
      .filter(Boolean)
      .join('\n\n'),
    tags: [service],
    security: route.access.public ? [] : [{ [SECURITY_SCHEME]: [] }],
    ...parametersOf(route),
    ...(route.body ? { requestBody: requestBody(route) } : {}),
    responses: {
      [String(route.status)]: successResponse(route),
      ...Object.fromEntries(errors),
    },
    'x-access': route.access,
  };
}

function accessText(access: Access): string {
  if (access.public) return '**Who:** anyone; no token.';
  const roles = access.roles.map((r) => `\`${r}\``).join(', ');
  const scope =
    access.jurisdiction === 'subject'
      ? "the caller's jurisdiction must cover the street or district the request is about"
      : 'any jurisdiction';
  const department = access.department === 'own' ? '; a `department` acts only for its own department' : '';
  return `**Who:** ${roles}; ${scope}${department}.`;
}

/** The refusals a route can give, from what it declares (and `500`, which any route can give). */
function errorStatuses(route: RouteSpec): string[] {
  const statuses = new Set<string>();
  if (route.params || route.query || route.body || route.idempotent) statuses.add('400');
  if (!route.access.public) {
    statuses.add('401');
    statuses.add('403');
  }
  if (pathParameterNames(route.path).length > 0) statuses.add('404');
  if (route.method !== 'GET') {
    statuses.add('409');
    statuses.add('422');
  }
  if (route.body) {
    statuses.add('413');
    statuses.add('415');
  }
  statuses.add('500');
  return [...statuses].sort();
}

function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

function parametersOf(route: RouteSpec): { parameters?: Array<Record<string, unknown>> } {
  const parameters: Array<Record<string, unknown>> = [];
  const pathSchema = route.params ? toJsonSchema(route.params, 'input') : { properties: {} };
  const pathProperties = (pathSchema.properties ?? {}) as Record<string, JsonSchema>;
  for (const name of pathParameterNames(route.path)) {
    parameters.push(parameter(name, 'path', true, pathProperties[name] ?? { type: 'string' }));
  }
  if (route.query) {
    const querySchema = toJsonSchema(route.query, 'input');
    const required = new Set((querySchema.required ?? []) as string[]);
    for (const [name, schema] of Object.entries((querySchema.properties ?? {}) as Record<string, JsonSchema>)) {
      parameters.push(parameter(name, 'query', required.has(name), schema));
    }
  }
  if (route.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'A retry with the same key and body returns the first response; another body with it is 422.',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,128}$' },
    });
  }
  parameters.push({
    name: 'x-correlation-id',
    in: 'header',
    required: false,
    description: 'Follows the request through the events it causes and the logs; echoed in the response.',
    schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,128}$' },
  });
  return { parameters };
}

function parameter(name: string, location: 'path' | 'query', required: boolean, schema: JsonSchema) {
  const { description, ...rest } = schema;
  return { name, in: location, required, ...(description ? { description } : {}), schema: rest };
}

function checkedExample(schema: z.core.$ZodType, example: unknown, what: string): unknown {
  const parsed = z.safeParse(schema, example);
  if (!parsed.success) throw new Error(`the example ${what} does not fit its schema: ${parsed.error.message}`);
  return example;
}

function requestBody(route: RouteSpec) {
  const example = route.examples?.body;
  return {
    required: true,
    content: {
      'application/json': {
        schema: toJsonSchema(route.body!, 'input'),
        ...(example !== undefined ? { example: checkedExample(route.body!, example, `body of ${routeKey(route)}`) } : {}),
      },
    },
  };
}

/** Without a declared `response`, the document promises what every handler returns: a JSON object. */
const UNDESCRIBED_BODY: JsonSchema = {
  type: 'object',
  description: 'A JSON object; its fields are not described in the route table yet.',
};

function successResponse(route: RouteSpec) {
  const headers = {
    'x-correlation-id': correlationHeader,
    ...(route.idempotent
      ? { 'idempotent-replayed': { description: '`true` when this is the stored first response to a retry', schema: { type: 'string', enum: ['true'] } } }
      : {}),
  };
  if (route.status === 204) return { description: REASONS['204'], headers };
  if (route.produces) {
    return { description: REASONS[String(route.status)]!, headers, content: { [route.produces]: { schema: { type: 'string' } } } };
  }
  return {
    description: REASONS[String(route.status)]!,
    headers,
    content: {
      'application/json': route.response
        ? { schema: toJsonSchema(route.response, 'output'), example: responseExample(route, route.response) }
        : { schema: UNDESCRIBED_BODY },
      ...(route.csv ? { 'text/csv': { schema: { type: 'string', description: route.csv.description }, example: route.csv.example } } : {}),
    },
  };
}

/** The route's own example of its answer, or one built from the schema; either must fit the schema. */
function responseExample(route: RouteSpec, schema: z.ZodMiniType): unknown {
  if (route.examples?.response !== undefined) return checkedExample(schema, route.examples.response, `response of ${routeKey(route)}`);
  const built = checkedExampleOf(toJsonSchema(schema, 'output'), (value) => z.safeParse(schema, value) as never);
  if (!built.valid) {
    throw new Error(`${routeKey(route)}: no example fits its response schema (at ${built.problems.join(', ')}); give one in examples.response`);
  }
  return built.value;
}

/** Every operation of the document as `METHOD /path`, for comparing with the route tables. */
export function documentRouteKeys(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
}

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey, type RouteSpec } from '../kernel/routes.ts';
import { services } from '../services/index.ts';
import { OPENAPI_FILE, openApiText } from '../infra/docs/generate.ts';
import { toJsonSchema, type JsonSchema } from '../infra/docs/json-schema.ts';
import { documentRouteKeys, openApiDocument, type OpenApiDocument } from '../infra/docs/openapi.ts';
import { REPO_ROOT } from '../infra/paths.ts';
import { startTestCloud, type ApiResponse, type TestCloud } from './support/cloud.ts';
import { consentCaseFor, nominate, sagaTokens, settledAppointment } from './support/saga.ts';
import { PLAN_YEAR, planBody, positionBody } from './support/recruitment.ts';

/**
 * The OpenAPI document is generated from the route tables: it holds exactly their routes, passes
 * Redocly's linter, is committed up to date, and real responses of the platform fit it.
 */
const document = openApiDocument(services);
const allRoutes = services.flatMap((service) => Object.entries(service.routes).map(([name, route]) => ({ service, name, route })));

describe('the OpenAPI document', () => {
  it('has every route of every route table, and nothing else', () => {
    expect(documentRouteKeys(document).sort()).toEqual(allRoutes.map(({ route }) => routeKey(route)).sort());
  });

  it("declares each route's access: public routes need no token, all others the Cognito JWT", () => {
    for (const { service, name, route } of allRoutes) {
      const op = document.paths[route.path]![route.method.toLowerCase()]!;
      expect(op.operationId).toBe(`${service.name}.${name}`);
      expect(op.tags).toEqual([service.name]);
      expect(op.security, routeKey(route)).toEqual(route.access.public ? [] : [{ cognitoJwt: [] }]);
      expect(op['x-access'], routeKey(route)).toEqual(route.access);
      const statuses = Object.keys(op.responses);
      expect(statuses, routeKey(route)).toContain(String(route.status));
      if (!route.access.public) expect(statuses, routeKey(route)).toEqual(expect.arrayContaining(['401', '403']));
      if (route.body) expect(op.requestBody, routeKey(route)).toBeDefined();
      if (route.idempotent) expect(op.parameters!.map((p) => p.name), routeKey(route)).toContain('Idempotency-Key');
    }
  });

  it('every route declares its success body; a list answers a page of `items` and a `cursor`', () => {
    const undeclared = allRoutes.filter(({ route }) => route.status !== 204 && !route.response && !route.produces).map(({ route }) => routeKey(route));
    expect(undeclared, 'routes without a response schema').toEqual([]);
    const pagesWithout = allRoutes
      .filter(({ route }) => route.query && 'cursor' in route.query.shape)
      .filter(({ route }) => {
        const json = route.response ? toJsonSchema(route.response, 'output') : {};
        const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
        return properties.items?.type !== 'array' || !properties.cursor;
      })
      .map(({ route }) => routeKey(route));
    expect(pagesWithout, 'list routes whose answer is not a page').toEqual([]);
  });

  it('an operation\'s summary is a short title (at most 60 characters, no closing full stop); the rest is its description', () => {
    const long = allRoutes
      .filter(({ route }) => route.summary.length > 60 || /[.;:]$/.test(route.summary))
      .map(({ route }) => `${routeKey(route)}: "${route.summary}" (${route.summary.length})`);
    expect(long).toEqual([]);
  });

  it('is committed up to date', () => {
    const committed = readFileSync(join(REPO_ROOT, OPENAPI_FILE), 'utf8');
    expect(committed === openApiText(), `${OPENAPI_FILE} differs from the route tables: run \`npm run openapi\` and commit it`).toBe(true);
  });

  it("passes Redocly's linter (recommended rules, redocly.yaml) without an error or a warning", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'five-haves-openapi-'));
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(document));
    const cli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
    const run = promisify(execFile);
    const result = await run(process.execPath, [cli, 'lint', file, '--config', join(REPO_ROOT, 'redocly.yaml'), '--format', 'json'], {
      cwd: dir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }));
    const report = JSON.parse(result.stdout) as { problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }> };
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(', ')}`);
    expect(problems).toEqual([]);
  }, 60_000);
});

// -----------------------------------------------------------------------------------------------
// Real responses against the document's response schemas.

interface Sample {
  route: RouteSpec;
  response: ApiResponse;
}

function resolveRef<T>(doc: OpenApiDocument, value: unknown): T {
  const ref = (value as { $ref?: string }).$ref;
  if (!ref) return value as T;
  const path = ref.replace(/^#\//, '').split('/');
  return resolveRef<T>(doc, path.reduce<any>((node, key) => node[key], doc));
}

/** The schema the document promises for this route, status and media type (undefined: not promised). */
function promisedSchema(route: RouteSpec, status: number, mediaType: string): JsonSchema | undefined {
  const op = document.paths[route.path]![route.method.toLowerCase()]!;
  const response = op.responses[String(status)];
  if (!response) return undefined;
  const content = resolveRef<{ content?: Record<string, { schema: unknown }> }>(document, response).content ?? {};
  const media = content[mediaType];
  return media ? resolveRef<JsonSchema>(document, media.schema) : undefined;
}

describe('real responses fit the document', () => {
  let t: TestCloud;
  const samples: Sample[] = [];
  const routeOf = (service: string, name: string) => services.find((s) => s.name === service)!.routes[name]!;

  async function call(service: string, name: string, path: string, options: Parameters<TestCloud['api']>[2] = {}) {
    const route = routeOf(service, name);
    const response = await t.api(route.method, path, options);
    samples.push({ route, response });
    return response;
  }

  beforeAll(async () => {
    t = await startTestCloud({ scheduleTimers: false });
  }, 120_000);
  afterAll(() => t?.stop());

  it('the local gateway serves the document at /openapi.json', async () => {
    const response = await fetch(`${t.cloud.url}/openapi.json`);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('the saga, the job board, health, and refusals: each body validates against its schema', async () => {
    const { department, committee } = await sagaTokens(t);
    const operator = await t.token({ roles: ['operator'], jurisdiction: 'D01' });
    const org = await t.token({ roles: ['organization-dept'], jurisdiction: 'D01' });

    // The saga: nominate → consent case → decision → settled appointment.
    const nominated = await nominate(t, department);
    samples.push({ route: routeOf('recruitment', 'requestAppointment'), response: nominated });
    const consentCase = await consentCaseFor(t, committee, nominated.body.id);
    await call('authority', 'listConsents', '/authority/consents?status=pending', { token: committee });
    await call('authority', 'getConsent', `/authority/consents/${consentCase.id}`, { token: committee });
    await call('authority', 'recordConsentDecision', `/authority/consents/${consentCase.id}/decision`, {
      token: committee,
      body: { decision: 'granted', writtenOpinion: 'The committee agrees.' },
    });
    await settledAppointment(t, department, nominated.body.id);
    await call('recruitment', 'getAppointment', `/recruitment/appointments/${nominated.body.id}`, { token: department });

    // The public job board.
    await call('recruitment', 'adoptPlan', '/recruitment/plans', { token: org, body: planBody() });
    const drafted = await call('recruitment', 'draftPosition', '/recruitment/positions', { token: org, body: positionBody() });
    await call('recruitment', 'publishPosition', `/recruitment/positions/${drafted.body.id}/publish`, { token: org });
    await call('recruitment', 'listPositions', '/recruitment/positions?street=D01/S03');
    await call('recruitment', 'getPosition', `/recruitment/positions/${drafted.body.id}`);
    await call('recruitment', 'getPlan', `/recruitment/plans/D01/${PLAN_YEAR}`, { token: org });

    for (const service of services) await call(service.name, 'health', `/${service.name}/health`, { token: operator });

    // Refusals: problem+json from the services, API Gateway's message from the gateway.
    await call('recruitment', 'requestAppointment', '/recruitment/appointments', { token: department, body: { street: 'nowhere' } });
    await call('recruitment', 'requestAppointment', '/recruitment/appointments', { body: { street: 'D01/S03' } });
    await call('authority', 'getConsent', `/authority/consents/${consentCase.id}`, {
      token: await t.token({ roles: ['street-committee'], jurisdiction: 'D01/S04' }),
    });
    await call('authority', 'recordConsentDecision', `/authority/consents/${consentCase.id}/decision`, {
      token: committee,
      body: { decision: 'refused', writtenOpinion: 'Too late.' },
    });
    await call('recruitment', 'getPosition', '/recruitment/positions/01JDQ8Z3K4M5N6P7Q8R9S0T1V2');

    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    const failures: string[] = [];
    for (const { route, response } of samples) {
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
      const what = `${routeKey(route)} → ${response.status} ${mediaType}`;
      const schema = promisedSchema(route, response.status, mediaType);
      if (!schema) {
        failures.push(`${what}: the document promises no such response`);
        continue;
      }
      const validate = ajv.compile(schema);
      if (!validate(response.body)) failures.push(`${what}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(failures).toEqual([]);
    const statuses = new Set(samples.map((s) => s.response.status));
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 201, 202, 400, 401, 403, 404, 409]));
    // Declared response schemas were exercised, not only the general one.
    expect(samples.filter((s) => s.route.response && s.response.status < 300).length).toBeGreaterThanOrEqual(10);
  }, 120_000);
});

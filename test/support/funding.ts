import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { ulid } from 'ulid';
import type * as z from 'zod/mini';
import { busEventOf } from '../../infra/local/bus.ts';
import { lambdaContext } from '../../infra/local/lambda-context.ts';
import { waitFor } from '../../infra/local/wait.ts';
import type { Principal } from '../../kernel/auth.ts';
import { newEvent, type EventDefinition } from '../../kernel/events.ts';
import { routeKey, type RouteSpec } from '../../kernel/routes.ts';
import { FundingRequested } from '../../contracts/coordination.ts';
import { RemediationFundingRequested } from '../../contracts/premises.ts';
import type { TestCloud } from './cloud.ts';

/** The callers of the funding service, as real signed tokens from the local issuer. */
export async function fundingTokens(t: TestCloud) {
  return {
    finance: await t.token({ sub: 'finance-d01', roles: ['finance'], jurisdiction: 'D01' }),
    financeD02: await t.token({ sub: 'finance-d02', roles: ['finance'], jurisdiction: 'D02' }),
    officialS03: await t.token({ sub: 'official-s03', roles: ['street-official'], jurisdiction: 'D01/S03' }),
    officialS04: await t.token({ sub: 'official-s04', roles: ['street-official'], jurisdiction: 'D01/S04' }),
    resident: await t.token({ sub: 'resident-1', roles: ['resident'], jurisdiction: 'D01/S03/C07' }),
    operator: await t.token({ sub: 'operator-1', roles: ['operator'], jurisdiction: 'D01' }),
  };
}
export type FundingTokens = Awaited<ReturnType<typeof fundingTokens>>;

export const budgetBody = (street = 'D01/S03', year = 2026, categories: Record<string, number> = { personnel: 8_000_000, operations: 2_000_000, 'resident-services': 3_000_000, 'capital-projects': 10_000_000 }) => ({
  street,
  year,
  categories,
});

export const poolBody = (street = 'D01/S03', year = 2026, amounts: number[] = [600_000, 400_000]) => ({
  street,
  year,
  name: `Community fund ${street} ${year}`,
  lines: amounts.map((amountFen, i) => ({ program: `Program ${i + 1}`, department: ['civil-affairs', 'housing', 'health', 'culture'][i % 4]!, amountFen })),
});

export const projectBody = (street = 'D01/S03', year = 2026, milestones: number[] = [300_000, 700_000]) => ({
  street,
  year,
  category: 'living-environment',
  title: 'Lane drainage renewal',
  budgetFen: milestones.reduce((a, b) => a + b, 0),
  milestones: milestones.map((amountFen, i) => ({ name: `Stage ${i + 1}`, amountFen })),
});

/** POST and insist on the status; returns the body. */
export async function created(t: TestCloud, path: string, token: string, body: unknown, status = 201): Promise<Record<string, any>> {
  const response = await t.api('POST', path, { token, body });
  if (response.status !== status) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** An asking event as its producer would write it, for the bus to deliver (the producer's own service is not running). */
export function askingEvent<Name extends string, Data extends z.ZodMiniType>(
  definition: EventDefinition<Name, Data>,
  data: z.input<Data>,
  correlationId = `corr-${randomUUID()}`,
) {
  const event = newEvent(definition, 'TEST', data, {
    correlationId,
    now: new Date().toISOString(),
    actor: { sub: 'joint-meeting-office', roles: ['district-admin'], jurisdiction: 'D01' },
  });
  return { source: definition.source, detailType: definition.detailType, detail: event.detail };
}

export const meetingAsks = (amountFen: number, street = 'D01/S03', decisionId = ulid()) =>
  askingEvent(FundingRequested, { decisionId, meetingId: ulid(), street, ownerDepartment: 'housing', amountFen, purpose: 'Repave the market lane' });

export const remediationAsks = (amountFen: number, community = 'D01/S03/C07', remediationId = ulid()) =>
  askingEvent(RemediationFundingRequested, {
    remediationId,
    community,
    street: community.split('/').slice(0, 2).join('/'),
    shortfallM2: 40,
    amountFen,
    purpose: 'Rent a second room for the service station',
  });

/** The open funding request opened for `ref`, once the event has reached funding. */
export function requestFor(t: TestCloud, token: string, ref: string, status = 'open') {
  return waitFor(`the funding request for ${ref}`, async () => {
    const list = await t.api('GET', `/funding/requests?status=${status}&limit=100`, { token });
    return (list.body.items as Array<Record<string, any>> | undefined)?.find((r) => r.ref === ref);
  }, { timeoutMs: 90_000 });
}

/** Waits for the bus to accept an event of this type whose data matches `where`. */
export { publishedWhere } from './authority.ts';

export type HttpFunction = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Calls a route of the http handler in this process, with the event API Gateway hands the function
 * after its JWT authorizer passed (the claims as it sends them). For tests that make thousands of
 * calls (the model-based test): the same handler, without the HTTP hop. Tokens are checked in the
 * end-to-end tests through the gateway.
 */
export async function invoke(
  handler: HttpFunction,
  route: RouteSpec,
  options: { principal: Principal; params?: Record<string, string>; body?: unknown; query?: Record<string, string> },
): Promise<{ status: number; body: Record<string, any> }> {
  const params = options.params ?? {};
  const rawPath = route.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
  const now = new Date();
  const event = {
    version: '2.0',
    routeKey: routeKey(route),
    rawPath,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers: { 'content-type': 'application/json' },
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: route.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'model-test' },
      requestId: randomUUID(),
      routeKey: routeKey(route),
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: {
        jwt: {
          claims: {
            sub: options.principal.sub,
            'cognito:groups': `[${options.principal.roles.join(' ')}]`,
            'custom:jurisdiction': options.principal.jurisdiction,
          },
          scopes: [],
        },
      },
    },
    isBase64Encoded: false,
    ...(Object.keys(params).length ? { pathParameters: params } : {}),
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  } as unknown as APIGatewayProxyEventV2;
  const result = await handler(event, lambdaContext('five-haves-funding-http'));
  return { status: result.statusCode ?? 200, body: result.body ? (JSON.parse(result.body) as Record<string, any>) : {} };
}

export type EventsFunction = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

/** Delivers events to an events handler in this process, as an SQS batch of EventBridge events. */
export async function deliver(handler: EventsFunction, entries: Array<{ source: string; detailType: string; detail: unknown }>): Promise<SQSBatchResponse | void> {
  const now = String(Date.now());
  const Records: SQSRecord[] = entries.map((entry) => {
    const messageId = randomUUID();
    const busEvent = busEventOf(entry);
    return {
      messageId,
      receiptHandle: `receipt-${messageId}`,
      body: JSON.stringify(busEvent),
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: now, SenderId: 'local', ApproximateFirstReceiveTimestamp: now },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:five-haves-funding-meeting-requests',
      awsRegion: 'us-east-1',
    };
  });
  return handler({ Records }, lambdaContext('five-haves-funding-events'));
}

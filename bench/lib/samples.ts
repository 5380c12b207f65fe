import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, SQSEvent } from 'aws-lambda';
import { ulid } from 'ulid';
import { busEventOf } from '../../infra/local/bus.ts';
import type { EventDefinition } from '../../kernel/events.ts';
import { AssessmentRecorded } from '../../contracts/authority.ts';
import { FundingRequested, VenueRequested } from '../../contracts/coordination.ts';
import { ComplianceAssessed } from '../../contracts/premises.ts';
import { AppointmentRequested, StaffHired } from '../../contracts/recruitment.ts';

/** An API Gateway (HTTP API, payload 2.0) event as the JWT authorizer hands it on, claims included. */
export function apiEvent(options: {
  method: string;
  path: string;
  routeKey: string;
  claims?: Record<string, string>;
  body?: unknown;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
}): APIGatewayProxyEventV2 {
  const now = new Date();
  return {
    version: '2.0',
    routeKey: options.routeKey,
    rawPath: options.path,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', host: 'bench' },
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: 'bench',
      domainPrefix: 'bench',
      http: { method: options.method, path: options.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: randomUUID(),
      routeKey: options.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(options.claims ? { authorizer: { jwt: { claims: options.claims, scopes: [] } } } : {}),
    } as APIGatewayProxyEventV2['requestContext'],
    isBase64Encoded: false,
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  };
}

/** Claims as API Gateway passes them: groups as the bracketed string. */
export function claims(sub: string, roles: string[], jurisdiction: string, department?: string): Record<string, string> {
  return {
    sub,
    'cognito:groups': `[${roles.join(' ')}]`,
    'custom:jurisdiction': jurisdiction,
    ...(department ? { 'custom:department': department } : {}),
    iss: 'https://issuer.five-haves.local',
    aud: 'five-haves-local-client',
    token_use: 'id',
  };
}

/** One SQS record carrying the EventBridge event, as a subscription's queue hands it to its function. */
export function sqsEvent<D extends EventDefinition>(definition: D, data: unknown): SQSEvent {
  const now = new Date().toISOString();
  const busEvent = busEventOf({
    detailType: definition.detailType,
    source: definition.source,
    detail: definition.detail.parse({
      metadata: {
        eventId: ulid(),
        schemaVersion: definition.schemaVersion,
        occurredAt: now,
        correlationId: randomUUID(),
        actor: { sub: 'bench', roles: ['department'] },
      },
      data,
    }),
  }, { time: now });
  const id = ulid();
  return {
    Records: [
      {
        messageId: id,
        receiptHandle: id,
        body: JSON.stringify(busEvent),
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(Date.now()),
          SenderId: 'events.amazonaws.com',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:bench',
        awsRegion: 'us-east-1',
      },
    ],
  };
}

const street = (n: number) => `D01/S${String(10 + (n % 80)).padStart(2, '0')}`;

/**
 * A fresh event of a kind each consumer subscribes to, `n` making it unique where the consumer keys
 * state by it. Every one goes through the event's own schema, so a changed contract shows here.
 */
export const SAMPLE_EVENTS: Array<{ definition: EventDefinition; data: (n: number) => unknown }> = [
  {
    definition: AppointmentRequested,
    data: (n) => ({
      appointmentId: ulid(),
      street: street(n),
      department: `bench-dept-${n}`,
      agency: 'Bench station',
      action: 'appoint',
      nominee: { name: 'Bench Nominee' },
      reason: 'benchmark',
      requestedAt: new Date().toISOString(),
    }),
  },
  {
    definition: AssessmentRecorded,
    data: (n) => ({
      assessmentId: ulid(),
      staffId: `bench-staff-${n}`,
      street: street(n),
      department: 'market-supervision',
      period: '2026',
      score: 80,
      comment: 'benchmark',
      assessedBy: 'bench',
      assessedAt: new Date().toISOString(),
    }),
  },
  {
    definition: FundingRequested,
    data: (n) => ({
      decisionId: ulid(),
      meetingId: `bench-meeting-${n}`,
      street: street(n),
      ownerDepartment: 'housing',
      amountFen: 100_000,
      purpose: 'benchmark',
    }),
  },
  {
    definition: VenueRequested,
    data: (n) => {
      const startsAt = new Date(Date.UTC(2031, 0, 1) + n * 3_600_000);
      return {
        meetingId: ulid(),
        title: 'Bench meeting',
        preferredStreet: street(n),
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        attendees: 10,
      };
    },
  },
  {
    definition: ComplianceAssessed,
    data: (n) => ({
      community: `${street(n)}/C01`,
      street: street(n),
      compliant: n % 2 === 0,
      failing: n % 2 === 0 ? [] : ['area-per-households'],
      totalAreaM2: 500,
      requiredAreaM2: 600,
      shortfallM2: 100,
      households: 2000,
      assessedAt: new Date().toISOString(),
    }),
  },
  {
    definition: StaffHired,
    data: (n) => ({
      staffId: ulid(),
      name: 'Bench Hire',
      street: street(n),
      kind: 'community-worker',
      positionId: `bench-position-${n}`,
      positionTitle: 'Grid worker',
      applicationId: ulid(),
      rank: 1,
      score: 90,
      hiredAt: new Date().toISOString(),
    }),
  },
];

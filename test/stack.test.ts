import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { App, Stack, Token, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { UserPool } from 'aws-cdk-lib/aws-cognito';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pipeFilterPattern, pipeTarget } from '../kernel/outbox.ts';
import { ROLES } from '../kernel/roles.ts';
import { routeKey, type RouteTable } from '../kernel/routes.ts';
import { DELIVERY, eventPattern } from '../kernel/service.ts';
import { tableEnvVar, tableName, type ServiceName } from '../kernel/table.ts';
import { services } from '../services/index.ts';
import { buildApp, nagPacks } from '../infra/app.ts';
import { physicalName } from '../infra/constructs/names.ts';
import { ServiceApi, THROTTLE } from '../infra/constructs/service-api.ts';
import { settingContextKey, SETTINGS_CONTEXT } from '../infra/constructs/service-settings.ts';
import { REPO_ROOT } from '../infra/paths.ts';

/**
 * The stack is generated from the service definitions: these tests walk the same definitions and
 * check that each route, subscription and table became what DESIGN section 1 draws.
 */

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
type Resources = Record<string, Resource>;

interface Synthesized {
  app: App;
  template: Template;
  resources: Resources;
}

const SUBSCRIBER = '111122223333';
let dev: Synthesized;
let prod: Synthesized;

function synthesize(context: Record<string, unknown>): Synthesized {
  // No nag plugin during this synthesis: the checks run below, where their findings can be read.
  const { app, stack } = buildApp({ context, nag: false });
  const template = Template.fromStack(stack);
  return { app, template, resources: template.toJSON().Resources as Resources };
}

beforeAll(() => {
  dev = synthesize({ stage: 'dev', subscriberAccounts: [SUBSCRIBER] });
  // The prod template is read only for its stateful settings: skip bundling the functions again.
  prod = synthesize({ stage: 'prod', 'aws:cdk:bundling-stacks': [] });
}, 300_000);

function ofType(resources: Resources, type: string): Array<[string, Resource]> {
  return Object.entries(resources).filter(([, resource]) => resource.Type === type);
}

/**
 * The platform's own functions: every AWS::Lambda::Function but the one CDK writes for the web app's
 * BucketDeployment, which runs once per deployment (infra/constructs/web-site.ts acknowledges why).
 */
function platformFunctions(resources: Resources): Array<[string, Resource]> {
  return ofType(resources, 'AWS::Lambda::Function').filter(([id]) => !id.startsWith('CustomCDKBucketDeployment'));
}

function single<T>(items: T[], what: string): T {
  expect(items, what).toHaveLength(1);
  return items[0]!;
}

function getAtt(logicalId: string, attribute: string) {
  return { 'Fn::GetAtt': [logicalId, attribute] };
}

function tableId(resources: Resources, stage: string, service: ServiceName): string {
  const [id] = single(
    ofType(resources, 'AWS::DynamoDB::Table').filter(([, t]) => t.Properties.TableName === tableName(stage, service)),
    `the ${service} table`,
  );
  return id;
}

function functionId(resources: Resources, name: string): string {
  const [id] = single(
    platformFunctions(resources).filter(([, f]) => f.Properties.FunctionName === name),
    `the function ${name}`,
  );
  return id;
}

/** Every statement of the inline and attached policies of a function's role. */
function roleStatements(resources: Resources, fnId: string): Array<Record<string, any>> {
  const roleId = (resources[fnId]!.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const inline = (resources[roleId]!.Properties.Policies ?? []).flatMap((p: any) => p.PolicyDocument.Statement);
  const attached = ofType(resources, 'AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === roleId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
  return [...inline, ...attached];
}

const allRoutes = services.flatMap((service) => Object.values(service.routes).map((route) => ({ service, route })));
const allSubscriptions = services.flatMap((service) => service.consumers.subscriptions.map((subscription) => ({ service, subscription })));
const allSchedules = services.flatMap((service) => (service.schedules ?? []).map((schedule) => ({ service, schedule })));
/** Services that send e-mail: each has SES, a bounces queue with its dead-letter queue and rule, and a bounces function. */
const mailing = services.filter((service) => service.mail);

/** `rate(1 hour)`, `rate(15 minutes)`, `rate(1 day)` as minutes (CDK writes the largest whole unit). */
function minutesOf(expression: string): number {
  const match = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression);
  if (!match) throw new Error(`not a rate expression: ${expression}`);
  return Number(match[1]) * { minute: 1, hour: 60, day: 1440 }[match[2] as 'minute' | 'hour' | 'day'];
}

function ruleNamed(resources: Resources, name: string): [string, Resource] {
  return single(ofType(resources, 'AWS::Events::Rule').filter(([, r]) => r.Properties.Name === name), `the rule ${name}`);
}

describe('HTTP API', () => {
  it('has exactly one route per route-table entry', () => {
    dev.template.resourceCountIs('AWS::ApiGatewayV2::Route', allRoutes.length);
    const keys = ofType(dev.resources, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey);
    expect(keys.sort()).toEqual(allRoutes.map(({ route }) => routeKey(route)).sort());
  });

  it('sends every route to its own service http function', () => {
    for (const { service, route } of allRoutes) {
      const [, apiRoute] = single(
        ofType(dev.resources, 'AWS::ApiGatewayV2::Route').filter(([, r]) => r.Properties.RouteKey === routeKey(route)),
        routeKey(route),
      );
      const integrationId = apiRoute.Properties.Target['Fn::Join'][1][1].Ref as string;
      expect(dev.resources[integrationId]!.Properties.IntegrationUri, routeKey(route)).toEqual(
        getAtt(functionId(dev.resources, physicalName('dev', service.name, 'http')), 'Arn'),
      );
    }
  });

  it('puts the Cognito JWT authorizer on every route that is not public, and none on public ones', () => {
    const [authorizerId, authorizer] = single(ofType(dev.resources, 'AWS::ApiGatewayV2::Authorizer'), 'one authorizer');
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    for (const { route } of allRoutes) {
      const [, apiRoute] = single(
        ofType(dev.resources, 'AWS::ApiGatewayV2::Route').filter(([, r]) => r.Properties.RouteKey === routeKey(route)),
        routeKey(route),
      );
      if (route.access.public) {
        expect(apiRoute.Properties.AuthorizationType ?? 'NONE', routeKey(route)).toBe('NONE');
        expect(apiRoute.Properties.AuthorizerId, routeKey(route)).toBeUndefined();
      } else {
        expect(apiRoute.Properties.AuthorizationType, routeKey(route)).toBe('JWT');
        expect(apiRoute.Properties.AuthorizerId, routeKey(route)).toEqual({ Ref: authorizerId });
      }
    }
  });

  it("trusts tokens of the user pool issued to its app clients (the API's and the web app's)", () => {
    const [, authorizer] = single(ofType(dev.resources, 'AWS::ApiGatewayV2::Authorizer'), 'one authorizer');
    const [poolId] = single(ofType(dev.resources, 'AWS::Cognito::UserPool'), 'one user pool');
    const clients = ofType(dev.resources, 'AWS::Cognito::UserPoolClient').map(([id]) => ({ Ref: id }));
    expect(clients).toHaveLength(2);
    expect(authorizer.Properties.JwtConfiguration.Audience).toEqual(expect.arrayContaining(clients));
    expect(authorizer.Properties.JwtConfiguration.Audience).toHaveLength(2);
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer)).toContain(`"Ref":"${poolId}"`);
  });

  it('logs access on the default stage and throttles it', () => {
    const [, stage] = single(ofType(dev.resources, 'AWS::ApiGatewayV2::Stage'), 'one stage');
    expect(stage.Properties.StageName).toBe('$default');
    expect(stage.Properties.AccessLogSettings.DestinationArn).toBeDefined();
    // Default route throttling, so no route runs at the account's 10,000 requests per second (OWASP API4).
    expect(stage.Properties.DefaultRouteSettings.ThrottlingRateLimit).toBe(THROTTLE.rateLimit);
    expect(stage.Properties.DefaultRouteSettings.ThrottlingBurstLimit).toBe(THROTTLE.burstLimit);
  });

  it('a route declared public gets no authorizer (fixture route table)', () => {
    const app = new App();
    const stack = new Stack(app, 'Fixture');
    const userPool = new UserPool(stack, 'Pool');
    const handler = new LambdaFunction(stack, 'Fn', {
      runtime: Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: Code.fromInline('export const handler = async () => ({})'),
    });
    const routes = {
      board: { method: 'GET', path: '/recruitment/positions', summary: 'Job board', access: { public: true }, status: 200 },
      apply: {
        method: 'POST',
        path: '/recruitment/applications',
        summary: 'Apply',
        access: { roles: ['resident'], jurisdiction: 'subject' },
        status: 201,
      },
    } satisfies RouteTable;
    new ServiceApi(stack, 'Api', {
      stage: 'fixture',
      userPool,
      client: userPool.addClient('Client'),
      backends: [{ service: { name: 'recruitment', routes }, handler }],
      retain: false,
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /recruitment/positions', AuthorizationType: 'NONE' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /recruitment/applications', AuthorizationType: 'JWT' });
    const apig4 = nagPacks()[0].validateScope(stack).violations.filter((v) => v.ruleName === 'AwsSolutions-APIG4');
    expect(apig4, 'the public route is acknowledged with its reason').toEqual([]);
  });
});

describe('subscriptions', () => {
  it('has one rule per subscription (and one per schedule, and one per mailing service\'s bounces), with exactly the kernel event pattern', () => {
    dev.template.resourceCountIs('AWS::Events::Rule', allSubscriptions.length + allSchedules.length + mailing.length);
    for (const { subscription } of allSubscriptions) {
      const [, rule] = single(
        ofType(dev.resources, 'AWS::Events::Rule').filter(([, r]) => r.Properties.Name === physicalName('dev', subscription.name)),
        subscription.name,
      );
      expect(rule.Properties.EventPattern).toEqual(eventPattern(subscription));
    }
  });

  it('delivers each rule to an SQS queue with a dead-letter queue, and that queue to the events function', () => {
    for (const { service, subscription } of allSubscriptions) {
      const [, rule] = single(
        ofType(dev.resources, 'AWS::Events::Rule').filter(([, r]) => r.Properties.Name === physicalName('dev', subscription.name)),
        subscription.name,
      );
      const [target] = rule.Properties.Targets as Array<Record<string, any>>;
      const queueId = target!.Arn['Fn::GetAtt'][0] as string;
      const queue = dev.resources[queueId]!;
      expect(queue.Type).toBe('AWS::SQS::Queue');
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      const dlqId = queue.Properties.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0] as string;
      expect(queue.Properties.RedrivePolicy.maxReceiveCount).toBe(DELIVERY.maxReceiveCount);
      expect(dev.resources[dlqId]!.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);

      const eventsFnId = functionId(dev.resources, physicalName('dev', service.name, 'events'));
      const [, mapping] = single(
        ofType(dev.resources, 'AWS::Lambda::EventSourceMapping').filter(
          ([, m]) => JSON.stringify(m.Properties.EventSourceArn) === JSON.stringify(getAtt(queueId, 'Arn')),
        ),
        `the event source mapping of ${subscription.name}`,
      );
      expect(mapping.Properties.FunctionName).toEqual({ Ref: eventsFnId });
      expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
      expect(mapping.Properties.BatchSize).toBe(DELIVERY.batchSize);
      expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * dev.resources[eventsFnId]!.Properties.Timeout);
    }
  });
});

describe('schedules', () => {
  it('the service definitions declare the past-due secondment check and the issue deadline check', () => {
    const declared = allSchedules.map(({ service, schedule }) => `${service.name}/${schedule.name}`);
    expect(declared).toContain('recruitment/secondment-check');
    expect(declared).toContain('coordination/deadline-check');
  });

  it('gives every declared schedule a rule on the default bus with its rate, targeting its own function', () => {
    for (const { service, schedule } of allSchedules) {
      const name = physicalName('dev', service.name, schedule.name);
      const [ruleId, rule] = ruleNamed(dev.resources, name);
      expect(minutesOf(rule.Properties.ScheduleExpression), name).toBe(schedule.rateMinutes);
      expect(rule.Properties.State ?? 'ENABLED', name).toBe('ENABLED');
      // Schedule rules belong to the account's default bus, never the platform's.
      expect(rule.Properties.EventBusName, name).toBeUndefined();
      expect(rule.Properties.EventPattern, name).toBeUndefined();

      const fnId = functionId(dev.resources, name);
      const targets = rule.Properties.Targets as Array<Record<string, any>>;
      expect(targets, name).toHaveLength(1);
      expect(targets[0]!.Arn, name).toEqual(getAtt(fnId, 'Arn'));
      expect(targets[0]!.RetryPolicy.MaximumEventAgeInSeconds, name).toBe(Math.min(schedule.rateMinutes, 1440) * 60);
      // A tick EventBridge cannot deliver, and a run that failed after Lambda's retries, both wait in the schedule's DLQ.
      const [dlqId] = single(
        ofType(dev.resources, 'AWS::SQS::Queue').filter(([, q]) => q.Properties.QueueName === `${name}-dlq`),
        `the dead-letter queue of ${name}`,
      );
      expect(targets[0]!.DeadLetterConfig, name).toEqual({ Arn: getAtt(dlqId, 'Arn') });
      expect(dev.resources[fnId]!.Properties.DeadLetterConfig, name).toEqual({ TargetArn: getAtt(dlqId, 'Arn') });

      // EventBridge may invoke exactly this function, and only from this rule.
      const [, permission] = single(
        ofType(dev.resources, 'AWS::Lambda::Permission').filter(
          ([, p]) => JSON.stringify(p.Properties.SourceArn) === JSON.stringify(getAtt(ruleId, 'Arn')),
        ),
        `the invoke permission of ${name}`,
      );
      expect(permission.Properties).toMatchObject({
        Action: 'lambda:InvokeFunction',
        Principal: 'events.amazonaws.com',
        FunctionName: getAtt(fnId, 'Arn'),
      });
    }
  });

  it("builds each schedule's function from its declared handler, with the service's table and logger name", () => {
    for (const { service, schedule } of allSchedules) {
      const name = physicalName('dev', service.name, schedule.name);
      const fn = dev.resources[functionId(dev.resources, name)]!;
      expect(fn.Properties.Handler, name).toBe('index.handler');
      expect(fn.Properties.Environment.Variables[tableEnvVar(service.name)], name).toEqual({
        Ref: tableId(dev.resources, 'dev', service.name),
      });
      expect(fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME, name).toBe(service.name);
      expect(fn.Properties.Timeout, name).toBeGreaterThanOrEqual(60);
    }
  });
});

describe('tables and the outbox', () => {
  it('gives every service a table with a NEW_IMAGE stream, point-in-time recovery, the GSI and the TTL', () => {
    dev.template.resourceCountIs('AWS::DynamoDB::Table', services.length);
    for (const service of services) {
      const table = dev.resources[tableId(dev.resources, 'dev', service.name)]!;
      expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
      expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
      expect(table.Properties.GlobalSecondaryIndexes).toEqual([
        {
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ]);
    }
  });

  it("pipes each table's stream, filtered to history items, through the enrichment to the bus", () => {
    const [busId] = single(ofType(dev.resources, 'AWS::Events::EventBus'), 'one bus');
    for (const service of services) {
      const id = tableId(dev.resources, 'dev', service.name);
      const [, pipe] = single(
        ofType(dev.resources, 'AWS::Pipes::Pipe').filter(
          ([, p]) => JSON.stringify(p.Properties.Source) === JSON.stringify(getAtt(id, 'StreamArn')),
        ),
        `the ${service.name} pipe`,
      );
      expect(pipe.Properties.SourceParameters.FilterCriteria).toEqual({
        Filters: [{ Pattern: JSON.stringify(pipeFilterPattern) }],
      });
      const source = pipe.Properties.SourceParameters.DynamoDBStreamParameters;
      expect(source).toMatchObject({ StartingPosition: 'LATEST', BatchSize: 10 });
      expect(source.MaximumRetryAttempts).toBeGreaterThan(0);
      expect(source.DeadLetterConfig.Arn['Fn::GetAtt'][1]).toBe('Arn');
      expect(pipe.Properties.Enrichment).toEqual(getAtt(functionId(dev.resources, physicalName('dev', 'outbox-enrichment')), 'Arn'));
      expect(pipe.Properties.Target).toEqual(getAtt(busId, 'Arn'));
      expect(pipe.Properties.TargetParameters).toEqual({
        EventBridgeEventBusParameters: { Source: pipeTarget.source, DetailType: pipeTarget.detailType },
        InputTemplate: pipeTarget.inputTemplate,
      });
    }
  });

  it("lets a pipe's role do exactly what the pipe does, on its own resources", () => {
    for (const [, pipe] of ofType(dev.resources, 'AWS::Pipes::Pipe')) {
      const roleId = pipe.Properties.RoleArn['Fn::GetAtt'][0] as string;
      const statements = (dev.resources[roleId]!.Properties.Policies as any[]).flatMap((p) => p.PolicyDocument.Statement);
      const grants = statements.map((s: any) => ({ actions: [s.Action].flat().sort(), resource: s.Resource }));
      expect(grants).toEqual([
        {
          actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
          resource: pipe.Properties.Source,
        },
        { actions: ['lambda:InvokeFunction'], resource: pipe.Properties.Enrichment },
        { actions: ['events:PutEvents'], resource: pipe.Properties.Target },
        { actions: ['sqs:SendMessage'], resource: pipe.Properties.SourceParameters.DynamoDBStreamParameters.DeadLetterConfig.Arn },
      ]);
      expect(ofType(dev.resources, 'AWS::IAM::Policy').some(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === roleId))).toBe(false);
    }
  });

  it('keeps prod tables: deletion protection and DeletionPolicy Retain; dev tables are disposable', () => {
    for (const service of services) {
      const prodTable = prod.resources[tableId(prod.resources, 'prod', service.name)]!;
      expect(prodTable.Properties.DeletionProtectionEnabled).toBe(true);
      expect(prodTable.DeletionPolicy).toBe('Retain');
      expect(prodTable.UpdateReplacePolicy).toBe('Retain');
      const devTable = dev.resources[tableId(dev.resources, 'dev', service.name)]!;
      expect(devTable.Properties.DeletionProtectionEnabled).not.toBe(true);
      expect(devTable.DeletionPolicy).toBe('Delete');
    }
  });
});

describe('functions', () => {
  it('runs every Lambda on nodejs22.x and arm64', () => {
    for (const { resources } of [dev, prod]) {
      const functions = platformFunctions(resources);
      expect(functions.length).toBeGreaterThan(0);
      for (const [id, fn] of functions) {
        expect(fn.Properties.Runtime, id).toBe('nodejs22.x');
        expect(fn.Properties.Architectures, id).toEqual(['arm64']);
      }
    }
  });

  it("gives each service function its table's name and item access to that table only", () => {
    for (const service of services) {
      const ownTable = tableId(dev.resources, 'dev', service.name);
      const names = [
        physicalName('dev', service.name, 'http'),
        ...(service.events ? [physicalName('dev', service.name, 'events')] : []),
        ...(service.schedules ?? []).map((schedule) => physicalName('dev', service.name, schedule.name)),
      ];
      for (const name of names) {
        const fnId = functionId(dev.resources, name);
        const variables = dev.resources[fnId]!.Properties.Environment.Variables;
        expect(variables[tableEnvVar(service.name)], name).toEqual({ Ref: ownTable });
        expect(variables.POWERTOOLS_SERVICE_NAME, name).toBe(service.name);
        expect(variables.NODE_OPTIONS, name).toBe('--enable-source-maps');

        const dynamo = roleStatements(dev.resources, fnId).filter((s) => [s.Action].flat().some((a: string) => a.startsWith('dynamodb:')));
        expect(dynamo.length, name).toBeGreaterThan(0);
        const tablesReferenced = new Set(JSON.stringify(dynamo).match(/StateTable\w+/g));
        expect([...tablesReferenced], name).toEqual([ownTable]);
        expect(JSON.stringify(dynamo), `${name} may not scan`).not.toContain('dynamodb:Scan');
      }
    }
  });

  it('traces every function with X-Ray, and allows no action on "*" but the two X-Ray needs', () => {
    for (const [id, fn] of platformFunctions(dev.resources)) {
      expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      const onAnything = roleStatements(dev.resources, id).filter((s) => [s.Resource].flat().includes('*'));
      expect(onAnything.flatMap((s) => [s.Action].flat()).sort(), id).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    }
  });

  it('gives a dead-letter queue to every function invoked asynchronously, and only those go without one', () => {
    const scheduled = new Set(allSchedules.map(({ service, schedule }) => physicalName('dev', service.name, schedule.name)));
    for (const [id, fn] of platformFunctions(dev.resources)) {
      expect(fn.Properties.DeadLetterConfig !== undefined, id).toBe(scheduled.has(fn.Properties.FunctionName));
    }
  });

  it('writes each function to its own log group, without the AWSLambdaBasicExecutionRole managed policy', () => {
    for (const [id, fn] of platformFunctions(dev.resources)) {
      expect(fn.Properties.LoggingConfig.LogGroup, id).toBeDefined();
    }
    for (const [id, role] of ofType(dev.resources, 'AWS::IAM::Role')) {
      expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
    }
  });
});

describe('configuration', () => {
  const declared = services.flatMap((service) =>
    Object.entries(service.config ?? {}).map(([name, setting]) => ({ service, name, setting, key: settingContextKey(service.name, name) })),
  );
  /** Each function's environment, by function name. */
  const environments = (resources: Resources) =>
    new Map(platformFunctions(resources).map(([, fn]) => [fn.Properties.FunctionName as string, fn.Properties.Environment.Variables as Record<string, unknown>]));
  const ofService = (stage: string, service: string, functionName: string) => functionName.startsWith(`${physicalName(stage, service)}-`);
  /** The stack's template without bundling the functions (only their environment is read). */
  const unbundled = (context: Record<string, unknown>) =>
    synthesize({ stage: 'dev', 'aws:cdk:bundling-stacks': [], ...context }).resources;

  it('the service definitions declare the street weight, the issue deadlines, how notifications are sent and, where they publish open data, its bucket', () => {
    expect(declared.map(({ setting }) => setting.env).sort()).toEqual([
      'AUTHORITY_STREET_WEIGHT_PERCENT',
      'COORDINATION_RESOLUTION_MINUTES',
      'COORDINATION_RESPONSE_MINUTES',
      'NOTIFICATIONS_APP_URL',
      'NOTIFICATIONS_MAIL_FROM',
      'NOTIFICATIONS_SES_CONFIGURATION_SET',
      ...['coordination', 'funding', 'premises', 'recruitment'].map(() => 'OPEN_DATA_BUCKET'),
      ...['coordination', 'funding', 'premises', 'recruitment'].map(() => 'OPEN_DATA_S3_PATH_STYLE'),
    ]);
  });

  /** The settings the stack decides itself: its own configuration set, the site's URL. */
  const decidedByStack = new Set(['NOTIFICATIONS_SES_CONFIGURATION_SET', 'NOTIFICATIONS_APP_URL']);

  it("gives the notifications service the configuration set it creates and the site's URL, and no endpoint: its SES is the region's", () => {
    for (const [name, variables] of environments(dev.resources)) {
      // The SDK's endpoint variables (AWS_ENDPOINT_URL_SESV2 and the like) are the local runtime's alone.
      expect(Object.keys(variables).filter((v) => v.startsWith('AWS_ENDPOINT_URL')), name).toEqual([]);
      if (!ofService('dev', 'notifications', name)) continue;
      expect(variables.NOTIFICATIONS_SES_CONFIGURATION_SET, name).toBe(physicalName('dev', 'notifications', 'mail'));
      expect(JSON.stringify(variables.NOTIFICATIONS_APP_URL), name).toMatch(/^\{"Fn::Join":\["",\["https:\/\/",\{"Fn::GetAtt":\["WebDistribution/);
    }
    const [, configurationSet] = single(ofType(dev.resources, 'AWS::SES::ConfigurationSet'), 'the configuration set');
    expect(configurationSet.Properties.Name).toBe(physicalName('dev', 'notifications', 'mail'));
  });

  it("sets each declared setting, its default when no context names it, on every function of its service and no other's", () => {
    const byFunction = environments(dev.resources);
    for (const { service, setting } of declared) {
      if (decidedByStack.has(setting.env)) continue;
      // A setting several services declare alike (the open-data bucket) is theirs, and no one else's.
      const sharing = declared.filter((d) => d.setting.env === setting.env).map((d) => d.service.name);
      const own = [...byFunction.keys()].filter((name) => sharing.some((s) => ofService('dev', s, name)));
      expect(own.length, service.name).toBeGreaterThan(0);
      for (const [name, variables] of byFunction) {
        // The open-data bucket is the stack's own, whatever the default says.
        const expected = setting.env === 'OPEN_DATA_BUCKET' ? { Ref: expect.stringMatching(/^OpenDataBucket/) } : setting.default;
        expect(variables[setting.env], `${setting.env} on ${name}`).toEqual(own.includes(name) ? expected : undefined);
      }
    }
  });

  it('takes a value from the command line (-c <service>.<name>=…) over the stage\'s settings in cdk.json, and those over the default', () => {
    const resources = unbundled({
      'authority.streetWeightPercent': '60',
      'coordination.resolutionMinutes': 'emergency=60, complex=43200',
      [SETTINGS_CONTEXT]: { dev: { 'authority.streetWeightPercent': 70, 'coordination.responseMinutes': 20 }, prod: { 'coordination.responseMinutes': 10 } },
    });
    for (const [name, variables] of environments(resources)) {
      if (ofService('dev', 'authority', name)) expect(variables.AUTHORITY_STREET_WEIGHT_PERCENT, name).toBe('60');
      if (ofService('dev', 'coordination', name)) {
        expect(variables.COORDINATION_RESPONSE_MINUTES, name).toBe('20');
        expect(variables.COORDINATION_RESOLUTION_MINUTES, name).toBe('emergency=60, complex=43200');
      }
    }
  });

  it('fails the synthesis on a value the function would refuse, naming the context key', () => {
    expect(() => unbundled({ 'authority.streetWeightPercent': '150' })).toThrow(/context authority\.streetWeightPercent="150" is not valid/);
    expect(() => unbundled({ [SETTINGS_CONTEXT]: { dev: { 'coordination.resolutionMinutes': 'urgent=5' } } })).toThrow(
      /context settings\.dev\.coordination\.resolutionMinutes="urgent=5" is not valid/,
    );
    expect(() => unbundled({ 'coordination.responseMinutes': '0' })).toThrow(/coordination\.responseMinutes/);
  });

  it('every environment variable read in services/ and kernel/ is declared: a setting, a table name, or one Lambda sets', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
      );
    const reads = ['services', 'kernel'].flatMap((dir) =>
      sources(join(REPO_ROOT, dir)).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/process\.env(?:\.(\w+)|\[([^\]]+)\])?/g)].map((m) => ({ file: relative(REPO_ROOT, file), name: m[1] ?? m[2] ?? '(all)' })),
      ),
    );
    // The two generic readers: the table name by service, and the settings by declaration.
    const generic = new Set(['kernel/table.ts:tableEnvVar(service)', 'kernel/config.ts:(all)']);
    const known = new Set([...declared.map(({ setting }) => setting.env), 'AWS_REGION']);
    expect(reads.filter(({ file, name }) => !generic.has(`${file}:${name}`) && !known.has(name))).toEqual([]);
  });
});

describe('e-mail (SES)', () => {
  it('sends through a configuration set whose bounces and complaints reach the default bus, a rule of that set only, a queue and the bounces function', () => {
    const [, destination] = single(ofType(dev.resources, 'AWS::SES::ConfigurationSetEventDestination'), 'the event destination');
    expect(destination.Properties.EventDestination.MatchingEventTypes.sort()).toEqual(['bounce', 'complaint']);
    expect(JSON.stringify(destination.Properties.EventDestination.EventBridgeDestination)).toContain('event-bus/default');
    const name = physicalName('dev', 'notifications', 'mail');
    const [ruleId, rule] = ruleNamed(dev.resources, `${name}-bounces`);
    expect(rule.Properties.EventPattern).toEqual({
      source: ['aws.ses'],
      'detail-type': ['Email Bounced', 'Email Complained'],
      detail: { mail: { tags: { 'ses:configuration-set': [name] } } },
    });
    expect(rule.Properties.EventBusName).toBe('default');
    const queueId = (rule.Properties.Targets[0].Arn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    expect(rule.Properties.Targets[0].DeadLetterConfig).toBeDefined();
    const bouncesId = functionId(dev.resources, physicalName('dev', 'notifications', 'bounces'));
    const [, mapping] = single(
      ofType(dev.resources, 'AWS::Lambda::EventSourceMapping').filter(([, m]) => JSON.stringify(m.Properties.EventSourceArn) === JSON.stringify(getAtt(queueId, 'Arn'))),
      'the bounces mapping',
    );
    expect(mapping.Properties.FunctionName).toEqual({ Ref: bouncesId });
    expect(ruleId).toBeDefined();
    const [, identity] = single(ofType(dev.resources, 'AWS::SES::EmailIdentity'), 'the identity');
    expect(identity.Properties.EmailIdentity).toBe('five-haves.example');
  });

  it('lets only the functions that send (events and schedules) call SES, only SendEmail, only as the identity through the configuration set', () => {
    for (const [id, fn] of platformFunctions(dev.resources)) {
      const ses = roleStatements(dev.resources, id).filter((statement) => [statement.Action].flat().some((a: string) => a.startsWith('ses:')));
      const name = fn.Properties.FunctionName as string;
      const sends = [physicalName('dev', 'notifications', 'events'), physicalName('dev', 'notifications', 'reminders'), physicalName('dev', 'notifications', 'daily-digest')].includes(name);
      expect(ses.length > 0, name).toBe(sends);
      for (const statement of ses) {
        expect([statement.Action].flat().sort(), name).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
        const resources = JSON.stringify(statement.Resource);
        expect(resources, name).not.toContain('"*"');
        expect(resources).toMatch(/identity\/|EmailIdentity|configuration-set/);
      }
    }
  });
});

describe('event bus', () => {
  it('archives platform events and lets each subscriber account manage only the rules it created', () => {
    const [busId, bus] = single(ofType(dev.resources, 'AWS::Events::EventBus'), 'one bus');
    expect(bus.Properties.Name).toBe('five-haves-dev');
    const [, archive] = single(ofType(dev.resources, 'AWS::Events::Archive'), 'one archive');
    expect(archive.Properties.SourceArn).toEqual(getAtt(busId, 'Arn'));
    expect(archive.Properties.RetentionDays).toBeGreaterThanOrEqual(365);

    const policy = JSON.stringify(dev.resources);
    expect(policy).toContain(`"events:creatorAccount":"${SUBSCRIBER}"`);
    expect(policy).toContain('events:PutRule');
    expect(JSON.stringify(prod.resources)).not.toContain('events:creatorAccount');
  });
});

describe('identity', () => {
  it('has one group per role, and app clients that cannot write jurisdiction or department', () => {
    const groups = ofType(dev.resources, 'AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
    for (const [id, client] of ofType(dev.resources, 'AWS::Cognito::UserPoolClient')) {
      expect(client.Properties.GenerateSecret, id).toBe(false);
      expect(client.Properties.ReadAttributes, id).toEqual(expect.arrayContaining(['custom:jurisdiction', 'custom:department']));
      expect(client.Properties.WriteAttributes, id).not.toContain('custom:jurisdiction');
      expect(client.Properties.WriteAttributes, id).not.toContain('custom:department');
    }
  });

  it('requires strong passwords and a second factor (an authenticator app) of everyone, with threat protection', () => {
    for (const { resources } of [dev, prod]) {
      const [, pool] = single(ofType(resources, 'AWS::Cognito::UserPool'), 'one user pool');
      expect(pool.Properties.Policies.PasswordPolicy).toMatchObject({
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
      });
      expect(pool.Properties.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
      expect(pool.Properties.MfaConfiguration).toBe('ON');
      expect(pool.Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
      // Residents sign themselves up (held to a listed community by the triggers, test/stack-web.test.ts).
      expect(pool.Properties.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(false);
      expect(pool.Properties.UserPoolAddOns.AdvancedSecurityMode).toBe('ENFORCED');
    }
  });

  it('outputs the API URL, the user pool, the client and the bus', () => {
    const outputs = Object.keys(dev.template.toJSON().Outputs as object);
    expect(outputs).toEqual(expect.arrayContaining(['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'EventBusName', 'AlarmTopicArn', 'DashboardName']));
  });
});

describe('operations: alarms, notifications, dashboard', () => {
  const alarms = (resources: Resources) => ofType(resources, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
  const metricNames = (alarm: Record<string, any>): string[] =>
    alarm.MetricName ? [alarm.MetricName] : (alarm.Metrics ?? []).filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric.MetricName);
  const dimensionsOf = (alarm: Record<string, any>): Array<Record<string, any>> =>
    alarm.Dimensions ?? (alarm.Metrics ?? []).filter((m: any) => m.MetricStat).flatMap((m: any) => m.MetricStat.Metric.Dimensions ?? []);

  it('alarms when any dead-letter queue holds a message', () => {
    const dlqs = ofType(dev.resources, 'AWS::SQS::Queue').filter(([, q]) => String(q.Properties.QueueName).endsWith('-dlq'));
    expect(dlqs.length).toBe(allSubscriptions.length + services.length + allSchedules.length + mailing.length);
    for (const [queueId, queue] of dlqs) {
      const alarm = alarms(dev.resources).find(
        (a) => a.MetricName === 'ApproximateNumberOfMessagesVisible' && JSON.stringify(a.Dimensions) === JSON.stringify([{ Name: 'QueueName', Value: getAtt(queueId, 'QueueName') }]),
      );
      expect(alarm, `an alarm on ${queue.Properties.QueueName}`).toBeDefined();
      expect(alarm).toMatchObject({ Namespace: 'AWS/SQS', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 1 });
    }
  });

  it('alarms on errors and on throttles of every function (one alarm on their sum)', () => {
    for (const [fnId, fn] of platformFunctions(dev.resources)) {
      const alarm = alarms(dev.resources).find((a) =>
        (a.Metrics ?? []).some((m: any) => m.MetricStat && JSON.stringify(m.MetricStat.Metric.Dimensions) === JSON.stringify([{ Name: 'FunctionName', Value: { Ref: fnId } }])),
      );
      expect(alarm, `errors and throttles of ${fn.Properties.FunctionName}`).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
      expect(metricNames(alarm!).sort()).toEqual(['Errors', 'Throttles']);
      expect(alarm!.Metrics.every((m: any) => !m.MetricStat || m.MetricStat.Metric.Namespace === 'AWS/Lambda')).toBe(true);
      expect(alarm!.Metrics.find((m: any) => m.Expression).Expression).toBe('errors + throttles');
    }
  });

  it('alarms on failed executions of every outbox Pipe', () => {
    for (const [, pipe] of ofType(dev.resources, 'AWS::Pipes::Pipe')) {
      const alarm = alarms(dev.resources).find((a) => dimensionsOf(a).some((d) => d.Name === 'PipeName' && d.Value === pipe.Properties.Name));
      expect(alarm, `an alarm on ${pipe.Properties.Name}`).toBeDefined();
      expect(metricNames(alarm!).sort()).toEqual(['ExecutionFailed', 'ExecutionPartiallyFailed', 'ExecutionTimeout']);
      expect(alarm!.Metrics.every((m: any) => !m.MetricStat || m.MetricStat.Metric.Namespace === 'AWS/EventBridge/Pipes')).toBe(true);
    }
  });

  it("alarms on the API's 5xx rate and its p99 latency", () => {
    const [apiId] = single(ofType(dev.resources, 'AWS::ApiGatewayV2::Api'), 'one API');
    const rate = single(alarms(dev.resources).filter((a) => metricNames(a).includes('5xx')), 'the 5xx rate alarm');
    expect(metricNames(rate).sort()).toEqual(['5xx', 'Count']);
    expect(rate.Metrics.find((m: any) => m.Expression).Expression).toContain('100 * errors / requests');
    expect(dimensionsOf(rate)).toContainEqual({ Name: 'ApiId', Value: { Ref: apiId } });
    const latency = single(alarms(dev.resources).filter((a) => a.MetricName === 'Latency'), 'the latency alarm');
    expect(latency).toMatchObject({ Namespace: 'AWS/ApiGateway', ExtendedStatistic: 'p99', Dimensions: [{ Name: 'ApiId', Value: { Ref: apiId } }] });
  });

  it('sends every alarm (and its recovery) to one SNS topic, encrypted with a rotating key; actions on in prod only', () => {
    for (const { resources, enabled } of [{ resources: dev.resources, enabled: false }, { resources: prod.resources, enabled: true }]) {
      const [topicId, topic] = single(ofType(resources, 'AWS::SNS::Topic'), 'one topic');
      const keyId = topic.Properties.KmsMasterKeyId['Fn::GetAtt'][0] as string;
      expect(resources[keyId]!.Properties.EnableKeyRotation).toBe(true);
      expect(JSON.stringify(resources[keyId]!.Properties.KeyPolicy)).toContain('cloudwatch.amazonaws.com');
      const all = alarms(resources);
      expect(all.length).toBeGreaterThan(0);
      for (const alarm of all) {
        expect(alarm.ActionsEnabled, alarm.AlarmName).toBe(enabled);
        expect(alarm.AlarmActions, alarm.AlarmName).toEqual([{ Ref: topicId }]);
        expect(alarm.OKActions, alarm.AlarmName).toEqual([{ Ref: topicId }]);
        expect(alarm.TreatMissingData, alarm.AlarmName).toBe('notBreaching');
      }
    }
    expect(ofType(prod.resources, 'AWS::KMS::Key').every(([, k]) => k.DeletionPolicy === 'Retain')).toBe(true);
  });

  it('subscribes the listed addresses to the topic', () => {
    const { stack } = buildApp({ context: { stage: 'dev', alarmEmails: 'ops@example.gov,duty@example.gov', alarmActions: 'true', 'aws:cdk:bundling-stacks': [] }, nag: false });
    const resources = Template.fromStack(stack).toJSON().Resources as Resources;
    const endpoints = ofType(resources, 'AWS::SNS::Subscription').map(([, s]) => [s.Properties.Protocol, s.Properties.Endpoint]);
    expect(endpoints.sort()).toEqual([['email', 'duty@example.gov'], ['email', 'ops@example.gov']]);
    expect(alarms(resources).every((a) => a.ActionsEnabled === true)).toBe(true);
  });

  it('has one dashboard per stage, with every alarm on it', () => {
    const [, dashboard] = single(ofType(dev.resources, 'AWS::CloudWatch::Dashboard'), 'one dashboard');
    expect(dashboard.Properties.DashboardName).toBe('five-haves-dev');
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const name of ['AWS/EventBridge/Pipes', 'ApproximateNumberOfMessagesVisible', 'Throttles', 'Latency', '5xx']) expect(body).toContain(name);
    for (const [alarmId] of ofType(dev.resources, 'AWS::CloudWatch::Alarm')) expect(body, alarmId).toContain(`"${alarmId}","Arn"`);
    expect(single(ofType(prod.resources, 'AWS::CloudWatch::Dashboard'), 'prod dashboard')[1].Properties.DashboardName).toBe('five-haves-prod');
  });
});

describe('stages', () => {
  const namedProperties = ['TableName', 'FunctionName', 'QueueName', 'TopicName', 'AlarmName', 'DashboardName', 'UserPoolName', 'LogGroupName'];

  it('names every named resource after its stage', () => {
    for (const { resources, stage } of [{ resources: dev.resources, stage: 'dev' }, { resources: prod.resources, stage: 'prod' }]) {
      const names = Object.values(resources).flatMap((r) => namedProperties.map((p) => r.Properties?.[p]).filter((n) => typeof n === 'string'));
      expect(names.length).toBeGreaterThan(20);
      for (const name of names) expect(name, name).toMatch(new RegExp(`five-haves-${stage}\\b`));
      for (const [, pipe] of ofType(resources, 'AWS::Pipes::Pipe')) expect(pipe.Properties.Name).toMatch(new RegExp(`^five-haves-${stage}-`));
    }
  });

  it('hard-codes no account and no region: both come from the deployment', () => {
    for (const { resources } of [dev, prod]) {
      const text = JSON.stringify(resources).replaceAll(SUBSCRIBER, '');
      expect(text.match(/\b\d{12}\b/g), 'a 12-digit account id').toBeNull();
      expect(text.match(/\b(?:us|eu|ap|sa|ca|me|af|il|mx|cn)-(?:gov-)?(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d\b/g), 'a region').toBeNull();
      expect(text).toContain('AWS::AccountId');
    }
    expect(dev.app.node.findAll().some((c) => c instanceof Stack && !Token.isUnresolved(c.account))).toBe(false);
  });

  it('logs every function as JSON lines (Powertools Logger), under its service name', () => {
    for (const [id, fn] of platformFunctions(dev.resources)) {
      expect(fn.Properties.LoggingConfig.LogFormat, id).toBe('JSON');
      expect(fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME, id).toBeTruthy();
    }
  });

  it('protects prod: tables with deletion protection, point-in-time recovery and Retain; stack termination protection', () => {
    for (const [, table] of ofType(prod.resources, 'AWS::DynamoDB::Table')) {
      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table.Properties.DeletionProtectionEnabled).toBe(true);
      expect(table.DeletionPolicy).toBe('Retain');
    }
    const prodStack = prod.app.node.findAll().find((c): c is Stack => c instanceof Stack)!;
    expect(prodStack.terminationProtection).toBe(true);
  });
});

describe('cdk-nag: AwsSolutions and Serverless', () => {
  it('finds nothing unacknowledged in dev or prod', () => {
    for (const { app } of [dev, prod]) {
      for (const pack of nagPacks()) {
        const { violations } = pack.validateScope(app);
        const findings = violations.map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
        expect(findings, pack.readPackName).toEqual([]);
      }
    }
  });

  it('acknowledges only known rules, each with a reason written for this stack', () => {
    const acknowledged = new Map<string, string[]>();
    const visit = (node: IConstruct) => {
      for (const entry of node.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
          const rule = id.replace(/^annotation::/i, '');
          acknowledged.set(rule, [...(acknowledged.get(rule) ?? []), reason]);
        }
      }
      node.node.children.forEach(visit);
    };
    visit(dev.app);
    const hasPublicRoutes = allRoutes.some(({ route }) => route.access.public);
    expect([...acknowledged.keys()].sort()).toEqual(
      [
        // The runtime is pinned on purpose (infra/constructs/service-function.ts).
        'AwsSolutions-L1',
        'Serverless-LambdaLatestVersion',
        // X-Ray's two actions have no resource-level permissions (checked above: nothing else is on "*").
        'AwsSolutions-IAM5[Resource::*]',
        // A dead-letter queue needs no dead-letter queue (infra/constructs/dead-letter-queue.ts).
        'AwsSolutions-SQS3',
        'Serverless-SQSRedrivePolicy',
        // Functions invoked only synchronously: API Gateway, SQS event source mappings, the Pipes' enrichment.
        'Serverless-LambdaDLQ',
        // SQS event sources have no on-failure destination; their queue's redrive is it.
        'Serverless-LambdaEventSourceMappingDestination',
        ...(hasPublicRoutes ? ['AwsSolutions-APIG4'] : []),
        // The web app (infra/constructs/web-site.ts): the log bucket logs nobody's access to itself;
        // no geo restriction, no WAF of this stack's choosing, the default CloudFront certificate;
        // CDK's BucketDeployment function and its grants.
        'AwsSolutions-S1',
        'AwsSolutions-CFR1',
        'AwsSolutions-CFR2',
        'AwsSolutions-CFR4',
        'Serverless-LambdaTracing',
        ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((a) => `AwsSolutions-IAM5[Action::${a}]`),
        ...[...acknowledged.keys()].filter((k) => /^AwsSolutions-IAM5\[Resource::(arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-|<WebSite|<OpenData)/.test(k)),
      ].sort(),
    );
    for (const [id, reasons] of acknowledged) {
      for (const reason of reasons) expect(reason.length, `${id} needs a reason that explains itself`).toBeGreaterThan(80);
    }
    // Per resource, in its own words: each function and each dead-letter queue is named in its reason.
    const lambdas = platformFunctions(dev.resources).length;
    const synchronous = lambdas - allSchedules.length;
    // ... and CDK's BucketDeployment function, which CloudFormation invokes synchronously.
    expect(new Set(acknowledged.get('Serverless-LambdaDLQ')).size).toBe(synchronous + 1);
    expect(new Set(acknowledged.get('Serverless-SQSRedrivePolicy')).size).toBe(allSubscriptions.length + services.length + allSchedules.length + mailing.length);
  });
});

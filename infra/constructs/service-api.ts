import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  LogGroupLogDestination,
  type HttpRoute,
  type HttpStage,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routeKey, type RouteTable } from '../../kernel/routes.ts';
import type { ServiceName } from '../../kernel/table.ts';
import { physicalName } from './names.ts';

/** Stage-wide defaults; a route that needs other limits gets them with its own issue. */
export const THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

/** One line of JSON per request; `routeKey` is the route-table entry it matched. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    sourceIp: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    routeKey: '$context.routeKey',
    status: '$context.status',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationStatus: '$context.integrationStatus',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    sub: '$context.authorizer.claims.sub',
  }),
);

export interface ApiBackend {
  service: { name: ServiceName; routes: RouteTable };
  /** The service's http function: one function behind all of its routes. */
  handler: IFunction;
}

export interface ServiceApiProps {
  stage: string;
  userPool: IUserPool;
  client: IUserPoolClient;
  /** Further app clients whose ID tokens the API takes (the web app's site client). */
  siteClients?: readonly IUserPoolClient[];
  backends: readonly ApiBackend[];
  /** Browser origins allowed to call the API; none means no CORS. */
  allowedOrigins?: readonly string[];
  retain: boolean;
}

/**
 * The HTTP API, from the route tables: one route per entry, to its service's function. A route is
 * public only if its entry says `access.public`; every other route needs a user-pool JWT (issuer: the
 * pool, audience: the app client), and the service checks roles and jurisdiction behind it.
 */
export class ServiceApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly authorizer: HttpUserPoolAuthorizer;
  readonly routes: HttpRoute[] = [];

  constructor(scope: Construct, id: string, props: ServiceApiProps) {
    super(scope, id);
    const origins = props.allowedOrigins ?? [];
    this.api = new HttpApi(this, 'Api', {
      apiName: physicalName(props.stage),
      description: 'Five Haves HTTP API',
      createDefaultStage: false,
      ...(origins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: [...origins],
              allowMethods: [CorsHttpMethod.ANY],
              allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-correlation-id'],
              exposeHeaders: ['x-correlation-id', 'idempotent-replayed'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });

    this.authorizer = new HttpUserPoolAuthorizer('CognitoJwt', props.userPool, {
      authorizerName: 'cognito-jwt',
      userPoolClients: [props.client, ...(props.siteClients ?? [])],
      identitySource: ['$request.header.Authorization'],
    });
    const noToken = new HttpNoneAuthorizer();

    for (const { service, handler } of props.backends) {
      // One invoke permission per service function for this API (any of its routes), not one per
      // route: the function serves exactly its service's routes anyway, and a permission per route
      // (over a hundred) would take a fifth of CloudFormation's 500 resources of a stack.
      const integration = new HttpLambdaIntegration(`${service.name}-integration`, handler, { scopePermissionToRoute: false });
      for (const route of Object.values(service.routes)) {
        const [added] = this.api.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration,
          authorizer: route.access.public ? noToken : this.authorizer,
        });
        if (!added) throw new Error(`no route was added for ${routeKey(route)}`);
        if (route.access.public) {
          Validations.of(added).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `${routeKey(route)} is declared public (access.public) in the ${service.name} route table: "${route.summary}" must be reachable without signing in.`,
          });
        }
        this.routes.push(added);
      }
    }
  }

  /** The API's base URL (the `$default` stage). */
  get url(): string {
    return this.stage.url;
  }
}

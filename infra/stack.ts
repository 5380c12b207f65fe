import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ServiceDefinition } from '../kernel/service.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { physicalName } from './constructs/names.ts';
import { OpenData } from './constructs/open-data.ts';
import { OutboxPipe } from './constructs/outbox-pipe.ts';
import { PlatformState } from './constructs/platform-state.ts';
import { ServiceApi } from './constructs/service-api.ts';
import { ServiceBackend } from './constructs/service-backend.ts';
import { ServiceFunction } from './constructs/service-function.ts';
import { WebSite } from './constructs/web-site.ts';

export interface FiveHavesStackProps extends StackProps {
  stage: string;
  /** The service definitions: the only source of tables, functions, routes, pipes and subscriptions. */
  services: readonly ServiceDefinition[];
  subscriberAccounts: readonly string[];
  allowedOrigins: readonly string[];
  /** Alarms notify their SNS topic; default: in prod only. */
  alarmActions?: boolean;
  /** Email addresses subscribed to the alarm topic. */
  alarmEmails?: readonly string[];
}

/** The platform in one stage, generated from the service definitions (DESIGN section 1). */
export class FiveHavesStack extends Stack {
  readonly state: PlatformState;
  readonly backends = new Map<string, ServiceBackend>();
  readonly pipes: OutboxPipe[] = [];
  readonly api: ServiceApi;
  readonly monitoring: Monitoring;
  readonly site: WebSite;
  readonly openData: OpenData;

  constructor(scope: Construct, id: string, props: FiveHavesStackProps) {
    const { stage, services, subscriberAccounts, allowedOrigins, alarmActions, alarmEmails, ...stackProps } = props;
    super(scope, id, { terminationProtection: stage === 'prod', ...stackProps });
    const retain = stage === 'prod';

    this.state = new PlatformState(this, 'State', {
      stage,
      services: services.map((s) => s.name),
      subscriberAccounts,
      retain,
    });
    const bus = this.state.events.bus;

    // One enrichment for all Pipes: it only reshapes records and knows no table.
    const enrichment = new ServiceFunction(this, 'OutboxEnrichment', {
      entry: 'infra/outbox/enrichment.ts',
      functionName: physicalName(stage, 'outbox-enrichment'),
      description: 'Outbox Pipes: history items to bus entries',
      serviceName: 'outbox',
      retain,
      deadLetters: {
        synchronous:
          'The outbox enrichment is invoked only by the outbox Pipes, synchronously, as their enrichment step: a batch it fails is retried by its Pipe and then dead-lettered to that Pipe\'s own dead-letter queue (alarmed), from which the records can be read again.',
      },
    });

    this.openData = new OpenData(this, 'OpenData', { retain });

    for (const service of services) {
      const table = this.state.table(service.name);
      this.pipes.push(new OutboxPipe(this, `Outbox-${service.name}`, { stage, service: service.name, table, bus, enrichment }));
      this.backends.set(
        service.name,
        new ServiceBackend(this, `Service-${service.name}`, {
          stage,
          service,
          table,
          bus,
          retain,
          openData: this.openData,
          // A service that e-mails links into the web app: the site's origin, once the distribution exists.
          ...(service.mail ? { settings: { appUrl: Lazy.string({ produce: () => `https://${this.site.distribution.distributionDomainName}` }) } } : {}),
        }),
      );
    }

    // The site's client names the distribution's origin, and the API (which takes the client's tokens)
    // is the distribution's origin: the origin is read lazily, once the distribution exists.
    const identity = this.state.identity;
    const siteClient = identity.addSiteClient(Lazy.string({ produce: () => `https://${this.site.distribution.distributionDomainName}` }));
    this.api = new ServiceApi(this, 'Http', {
      stage,
      userPool: this.state.identity.userPool,
      client: this.state.identity.client,
      siteClients: [siteClient],
      backends: services.map((service) => ({ service, handler: this.backends.get(service.name)!.http })),
      allowedOrigins,
      retain,
    });

    this.site = new WebSite(this, 'Web', {
      stage,
      api: this.api.api,
      services: services.map((service) => service.name),
      authority: `https://${identity.userPool.userPoolProviderUrl}`,
      clientId: siteClient.userPoolClientId,
      signInUrl: identity.signInUrl,
      openData: this.openData.bucket,
      retain,
    });

    const backends = services.map((service) => ({ service, backend: this.backends.get(service.name)! }));
    this.monitoring = new Monitoring(this, 'Monitoring', {
      stage,
      retain,
      alarmActions: alarmActions ?? stage === 'prod',
      alarmEmails: alarmEmails ?? [],
      api: this.api.api,
      functions: [
        { name: 'outbox-enrichment', fn: enrichment },
        { name: 'resident-sign-up', fn: identity.signUpTriggers },
        ...backends.flatMap(({ service, backend }) => [
          { name: `${service.name}-http`, fn: backend.http },
          ...(backend.events ? [{ name: `${service.name}-events`, fn: backend.events }] : []),
          ...backend.schedules.map((schedule) => ({ name: `${service.name}-${schedule.name}`, fn: schedule.function })),
          ...(backend.mail ? [{ name: `${service.name}-bounces`, fn: backend.mail.bounces }] : []),
        ]),
      ],
      deadLetterQueues: [
        ...this.pipes.map((pipe) => ({ name: `${pipe.service}-outbox`, queue: pipe.deadLetters })),
        ...backends.flatMap(({ backend }) => backend.subscriptions.map((s) => ({ name: s.name, queue: s.deadLetters }))),
        ...backends.flatMap(({ service, backend }) => backend.schedules.map((s) => ({ name: `${service.name}-${s.name}`, queue: s.deadLetters }))),
        ...backends.flatMap(({ service, backend }) => (backend.mail ? [{ name: `${service.name}-bounces`, queue: backend.mail.deadLetters }] : [])),
      ],
      pipeNames: this.pipes.map((pipe) => pipe.name),
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.state.identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.state.identity.client.userPoolClientId });
    new CfnOutput(this, 'SiteUrl', { value: `https://${this.site.distribution.distributionDomainName}`, description: 'The web app (and the API under the same origin)' });
    new CfnOutput(this, 'SignInUrl', { value: identity.signInUrl, description: 'Cognito managed login' });
    new CfnOutput(this, 'SiteClientId', { value: siteClient.userPoolClientId });
    new CfnOutput(this, 'OpenDataUrl', { value: `https://${this.site.distribution.distributionDomainName}/open-data/index.json`, description: 'The index of the open-data datasets' });
    new CfnOutput(this, 'EventBusName', { value: bus.eventBusName });
    new CfnOutput(this, 'EventBusArn', { value: bus.eventBusArn, description: 'Subscribers put their rules here' });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn, description: 'Subscribe to be told of alarms' });
    new CfnOutput(this, 'DashboardName', { value: physicalName(stage) });
  }
}

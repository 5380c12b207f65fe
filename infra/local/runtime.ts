import { mkdtemp } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { settingsFrom } from '../../kernel/config.ts';
import type { ScheduleRun } from '../../kernel/schedule.ts';
import { assertSchedule, DELIVERY, eventPattern, type ServiceDefinition } from '../../kernel/service.ts';
import type { BusEvent } from '../../kernel/events.ts';
import { Store } from '../../kernel/store.ts';
import { tableEnvVar } from '../../kernel/table.ts';
import { services as allServices } from '../../services/index.ts';
import { handler as enrich } from '../outbox/enrichment.ts';
import { LocalBus, type EventsFunction, type LocalRule } from './bus.ts';
import { ensureDynamoDbLocal, localAwsEnv, startDynamoDbLocal } from './dynamodb-local.ts';
import type { ClientInstrument, FaultInjector } from './faults.ts';
import { assertPortFree, startGateway, type HttpFunction } from './gateway.ts';
import { loadIssuer, type LocalIssuer } from './issuer.ts';
import { mailboxPage, startLocalMail, type Mailer } from './mail.ts';
import { openDataBucketName, startLocalOpenData } from './open-data.ts';
import { startLocalSes } from './ses.ts';
import { handler as residentSignUp } from '../sign-up/resident-sign-up.ts';
import { COGNITO_PATH, localCognito } from './sign-in/cognito.ts';
import { SIGN_IN_PATH, startSignInProvider, type SignInProvider } from './sign-in/provider.ts';
import { webAppHandler } from './site.ts';
import { REPO_ROOT } from '../paths.ts';
import { StreamRelay } from './relay.ts';
import { LocalScheduler, type LocalSchedule, type ScheduleFunction } from './scheduler.ts';
import { createServiceTables } from './tables.ts';

export interface LocalCloudOptions {
  /** Where tables, stream positions and the issuer's key live; default `.data` in the repo. */
  dataDir?: string;
  /** Throwaway run: DynamoDB Local in memory and stream positions in memory (the issuer's key is still kept). */
  inMemory?: boolean;
  /** The gateway's port; 0 picks a free one. */
  port?: number;
  /** DynamoDB Local's port when this runtime starts it. */
  dynamoPort?: number;
  /** Use an already running DynamoDB Local (the test setup's) instead of starting one. */
  dynamoEndpoint?: string;
  stage?: string;
  services?: readonly ServiceDefinition[];
  /** Delay before the n-th redelivery of a failed message. */
  retryDelayMs?: (receiveCount: number) => number;
  /** Deliveries before a message is dead-lettered (default the stack's DELIVERY.maxReceiveCount): fewer, to make dead letters happen. */
  maxReceiveCount?: number;
  /** Copies of each event the bus queues for each rule (duplicate delivery, on purpose): a number or one per event and rule. */
  deliveryCopies?: number | ((event: BusEvent, rule: string) => number);
  /** Awaited before each delivery, each message then delivered on its own: whoever opens it orders the deliveries. */
  deliveryGate?: (delivery: { queue: string; events: BusEvent[] }) => Promise<void>;
  /**
   * Faults on purpose (infra/local/faults.ts): on the handlers' DynamoDB clients, in the relay and in
   * the bus. Off when absent; the injector can be switched off while the cloud runs.
   */
  faults?: FaultInjector;
  /**
   * An observer of the hosted handlers (the bench's cost meter, bench/lib/cost/meter.ts): its
   * middleware goes on each service table's DynamoDB client as the fault injector's does, and each
   * invocation (http, events, schedule) runs inside its `around`, which may time it and attribute
   * what its calls cost. The handlers themselves are untouched.
   */
  observer?: InvocationObserver;
  /**
   * The gateway's clock: the time it stamps on each request, which the handlers take as the
   * request's "now" (default the machine's). A test moves it past a window instead of waiting.
   */
  clock?: () => number;
  /** The local SMTP server's port; default a free one. */
  smtpPort?: number;
  /** The local SES v2 endpoint's port; default the previous one of this process, else a free one (infra/local/ses.ts). */
  sesPort?: number;
  /** Run the declared schedules on timers (default true); `runSchedule` works either way. */
  scheduleTimers?: boolean;
  log?: (line: string) => void;
  /**
   * The web app beside the API, as `npm start` serves it: the built app at `/` with `/config.json`,
   * the local OpenID provider under `/oidc`, Cognito's sign-up operations at `/_local/cognito/`
   * and the captured mailbox at `/_local/mail`.
   */
  web?: {
    /** The built app (default dist/web). */
    dir?: string;
    /** Awaited before the first file is served (a build begun beside the runtime). */
    ready?: Promise<unknown>;
  };
}

/** One invocation of a hosted handler, as an observer sees it. */
export interface Invocation {
  kind: 'http' | 'events' | 'schedule';
  service: string;
  /** The Lambda event: API Gateway's, the SQS batch, the Scheduled Event. */
  event: unknown;
}

export interface InvocationObserver {
  instrument?: ClientInstrument;
  around<T>(invocation: Invocation, run: () => Promise<T>): Promise<T>;
}

/** A handler that runs inside the observer's `around`, or itself when there is none. */
function observed<E, C, R>(observer: InvocationObserver | undefined, kind: Invocation['kind'], service: string, handler: (event: E, context: C) => Promise<R>) {
  if (!observer) return handler;
  return (event: E, context: C) => observer.around({ kind, service, event }, () => handler(event, context));
}

export interface LocalCloud {
  url: string;
  dynamoEndpoint: string;
  stage: string;
  issuer: LocalIssuer;
  bus: LocalBus;
  relay: StreamRelay;
  scheduler: LocalScheduler;
  tables: Record<string, string>;
  /** The local SMTP server every local e-mail goes through, and what it received. */
  mailer: Mailer;
  /** The local SES v2 endpoint (`AWS_ENDPOINT_URL_SESV2`), which relays to the mailer. */
  sesEndpoint: string;
  /** Run a declared schedule now (or as of `time`, the Scheduled Event's time) and get what it did. */
  runSchedule(name: string, options?: { time?: Date }): Promise<ScheduleRun>;
  stop(): Promise<void>;
}

/**
 * The whole platform on this machine, around the very handler modules the stack deploys:
 * DynamoDB Local → stream relay (the Pipe) → local bus (rules, queues, DLQs) → events functions,
 * and the gateway (HTTP API + JWT authorizer) → http functions.
 */
export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const log = options.log ?? (() => undefined);
  const services = options.services ?? allServices;
  const stage = options.stage ?? 'local';
  const dataDir = options.dataDir ?? join(REPO_ROOT, '.data');
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch((error: unknown) => console.error(error));
  };

  try {
    // The local stand-in for SES: its v2 API (SendEmail) on this machine, which relays each message
    // to a real SMTP server whose mailbox is /_local/mail. The handlers find it through the SDK's
    // standard variable (AWS_ENDPOINT_URL_SESV2), set before they are loaded, as they find DynamoDB.
    const mailer = await startLocalMail({ ...(options.inMemory ? {} : { dataDir }), ...(options.smtpPort !== undefined ? { port: options.smtpPort } : {}) });
    stops.push(() => mailer.close());
    const ses = await startLocalSes({ mailer, ...(options.sesPort !== undefined ? { port: options.sesPort } : {}) });
    stops.push(() => ses.close());
    Object.assign(process.env, ses.env);
    log(`SES v2 API at ${ses.endpoint}, relaying to the SMTP server on ${mailer.host}:${mailer.port} (read at /_local/mail)`);
    // The services' declared configuration comes from this process's environment, as each function's
    // comes from what the stack set: a bad value stops the start before anything runs, naming it.
    for (const service of services) settingsFrom(service.config ?? {}, process.env);
    const port = options.port ?? 3000;
    if (port !== 0) await assertPortFree(port);
    let endpoint = options.dynamoEndpoint ?? '';
    if (!endpoint) {
      const home = await ensureDynamoDbLocal();
      log(`DynamoDB Local from ${home}`);
      const dynamo = await startDynamoDbLocal({
        port: options.dynamoPort ?? 8000,
        ...(options.inMemory ? { inMemory: true } : { dbPath: join(dataDir, 'dynamodb') }),
        ...(options.log ? { log: options.log } : {}),
      });
      stops.push(() => dynamo.stop());
      endpoint = dynamo.endpoint;
    }
    // The handlers find DynamoDB through the SDK's standard variables; nothing in them knows it is local.
    Object.assign(process.env, localAwsEnv(endpoint));
    // The open-data bucket on an S3-compatible server, found by the SDK's standard variable too.
    const openData = await startLocalOpenData({
      dir: options.inMemory ? await mkdtemp(join(tmpdir(), 'five-haves-open-data-')) : join(dataDir, 'open-data'),
      bucket: openDataBucketName(stage),
    });
    stops.push(() => openData.stop());
    Object.assign(process.env, openData.env);
    const client = new DynamoDBClient({});
    const tables = await createServiceTables(client, stage, services.map((s) => s.name));
    for (const service of services) process.env[tableEnvVar(service.name)] = tables[service.name];
    const queueTable = `five-haves-${stage}-local-queues`;
    await LocalBus.createQueueTable(client, queueTable);

    const httpFunctions = new Map<string, HttpFunction>();
    const rules: LocalRule[] = [];
    const schedules: LocalSchedule[] = [];
    for (const service of services) {
      for (const schedule of service.schedules ?? []) {
        assertSchedule(schedule);
        const module = (await import(pathToFileURL(join(REPO_ROOT, schedule.handler)).href)) as { handler: ScheduleFunction };
        schedules.push({ name: schedule.name, service: service.name, rateMinutes: schedule.rateMinutes, handler: observed(options.observer, 'schedule', service.name, module.handler) });
      }
      const http = (await import(pathToFileURL(join(REPO_ROOT, service.http)).href)) as { handler: HttpFunction };
      httpFunctions.set(service.name, observed(options.observer, 'http', service.name, http.handler));
      if (service.events && service.consumers.subscriptions.length > 0) {
        const events = (await import(pathToFileURL(join(REPO_ROOT, service.events)).href)) as {
          handler: EventsFunction;
        };
        for (const subscription of service.consumers.subscriptions) {
          rules.push({
            name: subscription.name,
            pattern: eventPattern(subscription),
            functionName: `five-haves-${service.name}-events`,
            target: observed(options.observer, 'events', service.name, events.handler),
          });
        }
      }
    }

    // Faults reach the handlers through their SDK clients' middleware, nothing else: the runtime
    // hosts the handlers, so it takes the clients from each service's one table (services/<s>/table.ts,
    // the module instance the handlers it imported share) and instruments them.
    const instruments = [options.faults?.instrument, options.observer?.instrument].filter((i): i is ClientInstrument => i !== undefined);
    if (instruments.length > 0) {
      const clients = await serviceClients(services);
      for (const instrument of instruments) for (const doc of clients) instrument.attach(doc);
      stops.push(async () => {
        for (const instrument of instruments) for (const doc of clients) instrument.detach(doc);
      });
    }

    const bus = new LocalBus({
      client,
      queueTable,
      rules,
      maxReceiveCount: options.maxReceiveCount ?? DELIVERY.maxReceiveCount,
      batchSize: DELIVERY.batchSize,
      ...(options.retryDelayMs ? { retryDelayMs: options.retryDelayMs } : {}),
      ...(options.deliveryCopies ? { copies: options.deliveryCopies } : {}),
      ...(options.deliveryGate ? { gate: options.deliveryGate } : {}),
      ...(options.faults ? { faults: options.faults } : {}),
    });
    bus.start();
    stops.push(() => bus.stop());

    const relay = new StreamRelay({
      client,
      streams: new DynamoDBStreamsClient({ endpoint }),
      tables: services.map((s) => tables[s.name]!),
      enrich: (records) => enrich(JSON.parse(JSON.stringify(records)) as never),
      publish: (entries) => bus.putEvents(entries),
      ...(options.faults ? { faults: options.faults } : {}),
      ...(options.inMemory ? {} : { checkpointFile: join(dataDir, 'relay', `${stage}-checkpoints.json`) }),
    });
    await relay.start();
    stops.push(() => relay.stop());

    const scheduler = new LocalScheduler(schedules, log);
    if (options.scheduleTimers ?? true) scheduler.start();
    stops.push(() => scheduler.stop());

    const issuer = await loadIssuer(dataDir);
    const web = options.web;
    // The provider and the app need the gateway's port for their URLs; they exist once it listens.
    let signIn: SignInProvider | undefined;
    let signUp: ReturnType<typeof localCognito> | undefined;
    let site: ReturnType<typeof webAppHandler> | undefined;
    const gateway = await startGateway({
      beside: [
        (request, response) => openData.serve(request, response),
        ...(web
          ? [
              (request: IncomingMessage, response: ServerResponse) => signIn!.handle(request, response),
              (request: IncomingMessage, response: ServerResponse) => signUp!(request, response),
              async (request: IncomingMessage, response: ServerResponse) => {
                if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/_local/mail') return false;
                response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
                response.end(mailboxPage(await mailer.sent()));
                return true;
              },
            ]
          : []),
      ],
      ...(web ? { site: (request: IncomingMessage, response: ServerResponse) => site!(request, response) } : {}),
      services,
      functions: httpFunctions,
      issuer,
      port,
      ...(options.clock ? { clock: options.clock } : {}),
      admin: {
        '/_local/dlq': async () => ({ status: 200, body: { deadLetters: await bus.deadLetters() } }),
        '/_local/dlq/redrive': async ({ method }) =>
          method === 'POST'
            ? { status: 200, body: { redriven: await bus.redrive() } }
            : { status: 405, body: { message: 'POST to redrive' } },
      },
    });
    stops.push(() => gateway.close());
    // The links in e-mails and the calendar feed's URL point at this gateway (the stack sets the site's URL).
    process.env.NOTIFICATIONS_APP_URL = gateway.url;
    if (web) {
      signIn = startSignInProvider({
        issuer,
        appOrigins: [`http://localhost:${gateway.port}`, `http://127.0.0.1:${gateway.port}`],
        ...(options.inMemory ? {} : { dataDir }),
      });
      // The same pre sign-up trigger the user pool runs, on the provider's own accounts.
      signUp = localCognito({
        accounts: signIn.accounts,
        mailer,
        clientId: issuer.audience,
        trigger: residentSignUp,
        ...(options.clock ? { now: options.clock } : {}),
      });
      site = webAppHandler({
        ...(web.dir ? { dir: web.dir } : {}),
        ...(web.ready ? { ready: web.ready } : {}),
        config: (origin) => ({
          apiBase: origin,
          authority: issuer.issuer,
          metadataUrl: `${origin}${SIGN_IN_PATH}/.well-known/openid-configuration`,
          clientId: issuer.audience,
          signUpEndpoint: `${origin}${COGNITO_PATH}`,
        }),
      });
    }

    return {
      url: gateway.url,
      dynamoEndpoint: endpoint,
      stage,
      issuer,
      bus,
      relay,
      scheduler,
      tables,
      mailer,
      sesEndpoint: ses.endpoint,
      runSchedule: (name, runOptions) => scheduler.run(name, runOptions),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The document clients of the services' tables: every Store each `services/<name>/table.ts` exports.
 * The handlers build no other client (test/architecture.test.ts), so these are all they talk through.
 */
async function serviceClients(services: readonly ServiceDefinition[]): Promise<DynamoDBDocumentClient[]> {
  const clients: DynamoDBDocumentClient[] = [];
  for (const service of services) {
    const module = (await import(pathToFileURL(join(REPO_ROOT, 'services', service.name, 'table.ts')).href)) as Record<string, unknown>;
    const stores = Object.values(module).filter((value): value is Store => value instanceof Store);
    if (stores.length === 0) throw new Error(`services/${service.name}/table.ts exports no Store`);
    clients.push(...stores.map((store) => store.doc));
  }
  return clients;
}

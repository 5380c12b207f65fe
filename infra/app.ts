import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { ServiceDefinition } from '../kernel/service.ts';
import { services as allServices } from '../services/index.ts';
import { FiveHavesStack } from './stack.ts';

export interface BuildAppOptions {
  /**
   * CDK context (as `-c key=value` would give): `stage`, `subscriberAccounts`, `allowedOrigins`,
   * `alarmActions` (true/false; default true in prod only), `alarmEmails`.
   */
  context?: Record<string, unknown>;
  outdir?: string;
  /** Defaults to the five services of `services/index.ts`. */
  services?: readonly ServiceDefinition[];
  /** Run cdk-nag's AWS Solutions and Serverless checks at synthesis (default true): an unacknowledged finding fails it. */
  nag?: boolean;
}

export interface BuiltApp {
  app: App;
  stack: FiveHavesStack;
  stage: string;
}

/**
 * cdk.json's context (the stage defaults and feature flags), so that an app built by a test has the
 * flags `cdk synth` has. Under the CLI the same values also arrive through the environment, with any
 * `-c` on top, and those win over these.
 */
function cdkJsonContext(): Record<string, unknown> {
  const file = resolve(import.meta.dirname, '..', 'cdk.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { context?: Record<string, unknown> }).context ?? {};
}

/** Builds the app and its one stack without synthesizing or writing anything. */
export function buildApp(options: BuildAppOptions = {}): BuiltApp {
  const app = new App({
    context: { ...cdkJsonContext(), ...options.context },
    ...(options.outdir ? { outdir: options.outdir } : {}),
  });
  const stage = stringContext(app, 'stage') ?? 'dev';
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(stage)) {
    throw new Error(`stage "${stage}": lower-case letters, digits and dashes, at most 16, starting with a letter`);
  }
  const stack = new FiveHavesStack(app, `FiveHaves-${stage}`, {
    description: `Five Haves governance platform (${stage})`,
    stage,
    services: options.services ?? allServices,
    subscriberAccounts: listContext(app, 'subscriberAccounts'),
    allowedOrigins: listContext(app, 'allowedOrigins'),
    // Alarms page people in prod; elsewhere they change state on the dashboard only, unless asked.
    alarmActions: booleanContext(app, 'alarmActions') ?? stage === 'prod',
    alarmEmails: listContext(app, 'alarmEmails'),
  });
  Tags.of(stack).add('project', 'five-haves');
  Tags.of(stack).add('stage', stage);
  if (options.nag ?? true) Validations.of(app).addPlugins(...nagPacks(app));
  return { app, stack, stage };
}

/** The cdk-nag packs the stack must pass: AWS Solutions, and the Serverless pack for its Lambdas, queues and rules. */
export function nagPacks(app?: App): [AwsSolutionsChecks, ServerlessChecks] {
  return [new AwsSolutionsChecks(app), new ServerlessChecks(app)];
}

function stringContext(app: App, key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`context ${key} must be a string`);
  return value;
}

function booleanContext(app: App, key: string): boolean | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`context ${key} must be true or false`);
}

/** A list from cdk.json (an array) or from the command line (`-c key='["a","b"]'` or `-c key=a,b`). */
function listContext(app: App, key: string): string[] {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.startsWith('[')) return (JSON.parse(text) as unknown[]).map(String);
    return text.split(',').map((part) => part.trim()).filter((part) => part.length > 0);
  }
  throw new Error(`context ${key} must be a list`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildApp().app.synth();
}

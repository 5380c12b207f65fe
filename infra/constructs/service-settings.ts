import { Token } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { parseSetting } from '../../kernel/config.ts';
import type { ServiceDefinition } from '../../kernel/service.ts';

/** The context object whose entry per stage holds that stage's settings (`cdk.json`). */
export const SETTINGS_CONTEXT = 'settings';

/** The CDK context key of one setting: `authority.streetWeightPercent`. */
export function settingContextKey(service: string, name: string): string {
  return `${service}.${name}`;
}

/**
 * The environment variables of a service's declared configuration, as its functions get them: each
 * from CDK context (`-c <service>.<name>=value` on the command line, else the stage's entry in the
 * `settings` object of cdk.json, `{ "prod": { "<service>.<name>": value } }`), else its declared
 * default, so a stage always runs what it was deployed with. Each value is parsed as the function
 * will parse it: an invalid one fails the synthesis, naming the context key.
 */
export function settingsEnvironment(scope: Construct, stage: string, service: ServiceDefinition, decided: Record<string, string> = {}): Record<string, string> {
  const byStage: unknown = scope.node.tryGetContext(SETTINGS_CONTEXT);
  if (byStage !== undefined && (typeof byStage !== 'object' || byStage === null || Array.isArray(byStage))) {
    throw new Error(`context ${SETTINGS_CONTEXT} must be an object of stages, each an object of "<service>.<name>": value`);
  }
  const ofStage = (byStage as Record<string, Record<string, unknown> | undefined> | undefined)?.[stage] ?? {};
  const environment: Record<string, string> = {};
  for (const [name, setting] of Object.entries(service.config ?? {})) {
    const key = settingContextKey(service.name, name);
    if (name in decided) {
      // The stack's own value (a resource's name, a URL known at deployment): checked unless it is a token.
      const value = decided[name]!;
      if (!Token.isUnresolved(value)) parseSetting(setting, value, `the stack's ${key}`);
      environment[setting.env] = value;
      continue;
    }
    const fromCommandLine: unknown = scope.node.tryGetContext(key);
    const [value, where] =
      fromCommandLine !== undefined ? [fromCommandLine, `context ${key}`] : key in ofStage ? [ofStage[key], `context ${SETTINGS_CONTEXT}.${stage}.${key}`] : [setting.default, `the default of ${key}`];
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`${where} must be a string or a number, not ${JSON.stringify(value)}`);
    }
    parseSetting(setting, String(value), where);
    environment[setting.env] = String(value);
  }
  return environment;
}

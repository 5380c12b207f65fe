import { resolve } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { DEFAULT_FUNCTION_MEMORY_MB } from './function-memory.ts';
import { LogLevel, NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

import { aliasArgs, BUNDLE, REPO_ROOT } from '../bundle/options.ts';

export { REPO_ROOT };

export interface ServiceFunctionProps {
  /** The handler module (exporting `handler`), relative to the repository root. */
  entry: string;
  functionName: string;
  /** The structured logger's service name (`POWERTOOLS_SERVICE_NAME`). */
  serviceName: string;
  description: string;
  /** Prod: the log group outlives the stack. */
  retain: boolean;
  timeout?: Duration;
  memorySize?: number;
  environment?: Record<string, string>;
  /**
   * Where an asynchronous invocation that failed for good goes: the dead-letter queue of a function
   * EventBridge invokes. A function only ever invoked synchronously has none, and says why (the
   * acknowledgement of cdk-nag's Serverless-LambdaDLQ).
   */
  deadLetters: { queue: IQueue } | { synchronous: string };
}

/** Why the runtime is not the newest Lambda has (cdk-nag AwsSolutions-L1, Serverless-LambdaLatestVersion). */
const RUNTIME_REASON =
  'nodejs22.x is pinned on purpose, not left behind: the handlers are bundled for the node22 target (infra/bundle/options.ts), and Node 22 is an LTS line that Lambda supports until its deprecation in 2027. Moving to nodejs24.x is a deliberate upgrade of the bundle target, this runtime and the Node the tests run on, together.';

/**
 * Every Lambda of the platform, with its defaults set once: Node.js 22 on arm64, an ESM bundle built
 * by the local esbuild (no Docker) with the AWS SDK inside (the version the code was tested with, not
 * whatever the runtime ships), source maps, its own log group that only its own role may write to
 * (no AWSLambdaBasicExecutionRole: that managed policy may write to every log group of the account),
 * X-Ray active tracing (a request's path through API Gateway, the function and DynamoDB, and where
 * its time went), and a dead-letter queue wherever it is invoked asynchronously.
 */
export class ServiceFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.functionName}`,
    });
    logGroup.grantWrite(role);
    // Active tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords on "*" to this role.
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: `The only statement on "*" in ${props.functionName}'s role is the one X-Ray active tracing adds (xray:PutTraceSegments, xray:PutTelemetryRecords): X-Ray has no resource-level permissions for them, so "*" is the narrowest resource there is (test/stack.test.ts checks no other action is on "*").`,
    });

    super(scope, id, {
      entry: resolve(REPO_ROOT, props.entry),
      handler: 'handler',
      functionName: props.functionName,
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? DEFAULT_FUNCTION_MEMORY_MB,
      timeout: props.timeout ?? Duration.seconds(10),
      role,
      logGroup,
      tracing: Tracing.ACTIVE,
      ...('queue' in props.deadLetters ? { deadLetterQueue: props.deadLetters.queue } : {}),
      loggingFormat: LoggingFormat.JSON,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolve(REPO_ROOT, 'package-lock.json'),
      bundling: {
        forceDockerBundling: false,
        // As described once in infra/bundle/options.ts (the benchmark builds from the same description).
        format: OutputFormat.ESM,
        mainFields: [...BUNDLE.mainFields],
        banner: BUNDLE.banner,
        target: BUNDLE.target,
        minify: BUNDLE.minify,
        esbuildArgs: aliasArgs(),
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        bundleAwsSDK: true,
        externalModules: [],
        logLevel: LogLevel.WARNING,
      },
    });
    Validations.of(this).acknowledge({ id: 'AwsSolutions-L1', reason: RUNTIME_REASON });
    Validations.of(this).acknowledge({ id: 'Serverless-LambdaLatestVersion', reason: RUNTIME_REASON });
    if ('synchronous' in props.deadLetters) {
      Validations.of(this).acknowledge({ id: 'Serverless-LambdaDLQ', reason: props.deadLetters.synchronous });
    }
  }
}

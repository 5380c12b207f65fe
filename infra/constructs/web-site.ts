import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { AssetHashType, Aws, DockerImage, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type CfnBucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { HSTS_MAX_AGE_SECONDS, siteContentSecurityPolicy, type SiteConfig } from '../site/headers.ts';
import { REPO_ROOT } from '../bundle/options.ts';

export interface WebSiteProps {
  stage: string;
  /** The HTTP API the service paths go to, through the same distribution. */
  api: HttpApi;
  /** The services' names: `/<name>/*` are the API's paths. */
  services: readonly string[];
  /** The OpenID issuer (the user pool) and the site's app client. */
  authority: string;
  clientId: string;
  /** The open-data bucket, served under `/open-data/*`. */
  openData?: IBucket;
  /** Managed login's base URL (its /logout ends the provider's session). */
  signInUrl: string;
  retain: boolean;
}

/**
 * The app's own routes (paths without a file extension) get index.html; files and the API's paths
 * pass as they are. The same rule as infra/site/headers.ts `isAppRoute`, in CloudFront Functions'
 * JavaScript; on the default (bucket) behaviour only, so an API 403 or 404 stays the API's.
 */
export const APP_ROUTE_FUNCTION = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * The web app in the cloud: a private bucket behind CloudFront (origin access control), the API's
 * service paths routed to the HTTP API through the same distribution (one origin for the browser:
 * no CORS), security headers on every answer, and the built app uploaded with its `/config.json`
 * (API base, sign-in authority, client id, the Cognito endpoint residents register at) written at
 * deploy, then the distribution invalidated.
 */
export class WebSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly deployment: BucketDeployment;
  /** What `/config.json` says (with deploy-time tokens). */
  readonly config: SiteConfig;

  constructor(scope: Construct, id: string, props: WebSiteProps) {
    super(scope, id);
    const removal = props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    // Access logs of the bucket and of the distribution (CloudFront's standard logs need ACLs).
    const logs = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      // Logs are records: the bucket outlives the stack in every stage.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the bucket the site bucket and the distribution write their access logs to; logging its own access would log the logging.',
    });

    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site-bucket/',
      // The app is rebuilt from the repository; outside prod a deleted stack takes an emptied bucket with it.
      removalPolicy: removal,
    });

    // Cognito's service endpoint: the app fetches the pool's discovery document and keys from it, and
    // its registration page calls the public SignUp, ConfirmSignUp and ResendConfirmationCode there.
    const cognitoOrigin = `https://cognito-idp.${Aws.REGION}.${Aws.URL_SUFFIX}`;
    const signInOrigins = [cognitoOrigin, props.signInUrl];
    const headers = new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Five Haves web app: CSP, HSTS, frame, content-type and referrer options',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: siteContentSecurityPolicy({ signInOrigins }), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });

    const appRoutes = new CloudFrontFunction(this, 'AppRoutes', {
      comment: "The app's own routes to index.html",
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(APP_ROUTE_FUNCTION),
    });

    // The API's execute-api host, from the API itself (not its stage), so nothing here waits for routes.
    const apiHost = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    const apiBehavior: BehaviorOptions = {
      origin: new HttpOrigin(apiHost, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // Every header but Host (API Gateway routes by its own host), every query string and cookie.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
      compress: true,
    };

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Five Haves web app and API (${props.stage})`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_ALL,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'distribution/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
        functionAssociations: [{ function: appRoutes, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        ...Object.fromEntries(props.services.map((service) => [`/${service}/*`, apiBehavior])),
        // The open-data files, read-only, from their own private bucket (origin access control).
        ...(props.openData
          ? {
              '/open-data/*': {
                origin: S3BucketOrigin.withOriginAccessControl(props.openData),
                viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
                cachePolicy: CachePolicy.CACHING_OPTIMIZED,
                responseHeadersPolicy: headers,
                compress: true,
              } satisfies BehaviorOptions,
            }
          : {}),
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'The platform serves the public of a district in China and its officials wherever they travel: no country is to be refused, so there is no geo restriction.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'No AWS WAF web ACL in this stack: the API behind the distribution is throttled per stage (THROTTLE), every write needs a Cognito token and is checked in the service, and the site is static files. A web ACL is the operator’s choice of rules and cost, attached to this distribution when wanted.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'The distribution answers on its default *.cloudfront.net name, whose certificate CloudFront manages and whose minimum protocol cannot be set; a custom domain with its own certificate (TLSv1.2_2021) is an operator’s addition to this stack.',
      },
    );

    const config: SiteConfig = (this.config = {
      apiBase: `https://${this.distribution.distributionDomainName}`,
      authority: props.authority,
      clientId: props.clientId,
      signOutUrl: `${props.signInUrl}/logout`,
      signUpEndpoint: `${cognitoOrigin}/`,
    });
    // Its own role and log group, as every function of the platform has (no AWSLambdaBasicExecutionRole).
    const deployLogs = new LogGroup(this, 'DeployLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: removal });
    const deployRole = new Role(this, 'DeployRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the built web app into its bucket and invalidates the distribution at deploy',
    });
    deployLogs.grantWrite(deployRole);
    this.deployment = new BucketDeployment(this, 'Deploy', {
      role: deployRole,
      logGroup: deployLogs,
      destinationBucket: this.bucket,
      sources: [webAppAsset(), Source.jsonData('config.json', config)],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      prune: true,
      memoryLimit: 512,
    });
    const deployer = 'BucketDeployment is CDK’s own custom resource (a singleton Lambda it writes) that copies the built app into the bucket and invalidates the distribution at deploy';
    const copies = `${deployer}: CDK grants its role what copying and pruning needs on the asset bucket's and the site bucket's objects`;
    Validations.of(deployRole).acknowledge(
      ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `${copies}; ${action} is its family of actions on those two buckets only.`,
      })),
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]`,
        reason: `${copies}: the app's build is an asset, read from CDK's asset bucket of this account and region.`,
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn>/*]`,
        reason: `${copies}: every object of the site bucket, which holds the app and nothing else.`,
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: `${deployer}: cloudfront:CreateInvalidation and cloudfront:GetInvalidation, which CDK grants on "*"; the function invalidates only this distribution, whose id it is given.`,
      },
    );
    // The singleton function CDK adds at the stack's root for every BucketDeployment of this memory size.
    for (const child of Stack.of(this).node.children) {
      if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
      Validations.of(child).acknowledge(
        { id: 'AwsSolutions-L1', reason: `${deployer}; CDK chooses its runtime and updates it with CDK.` },
        { id: 'Serverless-LambdaLatestVersion', reason: `${deployer}; CDK chooses its runtime and updates it with CDK.` },
        { id: 'Serverless-LambdaDLQ', reason: `${deployer}; CloudFormation invokes it synchronously and reports its failure as the deployment's.` },
        { id: 'Serverless-LambdaTracing', reason: `${deployer}; it runs once per deployment, on no request's path, so there is nothing to trace.` },
      );
    }
  }
}

/**
 * The built app as an asset: Vite builds web/ at synthesis, on this machine (no Docker, no network),
 * into the asset's folder; the asset is named by what was built.
 */
function webAppAsset() {
  return Source.asset(resolve(REPO_ROOT, 'web'), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22'),
      local: {
        tryBundle(outputDir: string) {
          execFileSync(
            process.execPath,
            [resolve(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', resolve(REPO_ROOT, 'web', 'vite.config.ts'), '--outDir', outputDir, '--emptyOutDir', '--logLevel', 'warn'],
            { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
          );
          return true;
        },
      },
    },
  });
}

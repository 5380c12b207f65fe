import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { services } from '../services/index.ts';
import { buildApp } from '../infra/app.ts';
import { APP_ROUTE_FUNCTION } from '../infra/constructs/web-site.ts';
import { HSTS_MAX_AGE_SECONDS, isAppRoute } from '../infra/site/headers.ts';
import { PASSWORD_POLICY, SIGN_UP_ATTRIBUTES, VERIFICATION_EMAIL } from '../infra/sign-up/user-pool.ts';
import type { FiveHavesStack } from '../infra/stack.ts';

/**
 * The web app in the stack (infra/constructs/web-site.ts) and the sign-in it needs. Bundling is
 * skipped here; test/stack.test.ts synthesizes with it, the app's build included, offline.
 */
type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
let resources: Record<string, Resource>;
let template: Template;
let built: FiveHavesStack;

/** A CloudFormation string (Fn::Join of literals and Refs) as text, the pseudo parameters named. */
function rendered(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(rendered).join(v['Fn::Join'][0]);
  if (v.Ref === 'AWS::Region') return '<region>';
  if (v.Ref === 'AWS::URLSuffix') return '<url-suffix>';
  return `<${JSON.stringify(v)}>`;
}

beforeAll(() => {
  const { stack } = buildApp({ context: { stage: 'dev', 'aws:cdk:bundling-stacks': [] }, nag: false });
  built = stack;
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources as Record<string, Resource>;
}, 120_000);

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const one = (type: string) => {
  const found = ofType(type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
};
const distribution = () => one('AWS::CloudFront::Distribution')[1].Properties.DistributionConfig;
const siteBucketId = () => ofType('AWS::S3::Bucket').find(([, b]) => b.Properties.LoggingConfiguration?.LogFilePrefix === 'site-bucket/')![0];

describe('the web app in the cloud', () => {
  it('keeps the app in a private bucket that only the distribution reads, through origin access control', () => {
    const id = siteBucketId();
    expect(resources[id]!.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const [, policy] = ofType('AWS::S3::BucketPolicy').find(([, p]) => JSON.stringify(p.Properties.Bucket).includes(id))!;
    const reads = policy.Properties.PolicyDocument.Statement.filter((s: any) => s.Effect === 'Allow');
    expect(reads).toHaveLength(1);
    expect(reads[0].Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(JSON.stringify(reads[0].Condition)).toContain('AWS:SourceArn');
    // One for the app's bucket, one for the open-data bucket.
    const controls = ofType('AWS::CloudFront::OriginAccessControl');
    expect(controls).toHaveLength(2);
    for (const [, oac] of controls) expect(oac.Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' });
  });

  it('serves the open-data bucket under /open-data/*: private, encrypted, SSL only, read by the distribution alone, written by the open-data jobs', () => {
    const [id, bucket] = ofType('AWS::S3::Bucket').find(([key]) => key.startsWith('OpenDataBucket'))!;
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(bucket.Properties.LoggingConfiguration.LogFilePrefix).toBe('open-data-bucket/');
    const [, policy] = ofType('AWS::S3::BucketPolicy').find(([, p]) => JSON.stringify(p.Properties.Bucket).includes(id))!;
    const statements = policy.Properties.PolicyDocument.Statement as any[];
    expect(statements.find((s) => s.Effect === 'Deny' && JSON.stringify(s.Condition).includes('aws:SecureTransport'))).toBeDefined();
    const reads = statements.filter((s) => s.Effect === 'Allow');
    expect(reads).toHaveLength(1);
    expect(reads[0].Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    const behaviour = (distribution().CacheBehaviors as any[]).find((b) => b.PathPattern === '/open-data/*');
    expect(behaviour.AllowedMethods.sort()).toEqual(['GET', 'HEAD']);
    const origin = distribution().Origins.find((o: any) => o.Id === behaviour.TargetOriginId);
    expect(JSON.stringify(origin.DomainName)).toContain(id);
    // The open-data jobs, and only they, get the bucket and may write there.
    const writers = ofType('AWS::IAM::Policy').filter(([, p]) => JSON.stringify(p.Properties.PolicyDocument).includes('s3:PutObject') && JSON.stringify(p.Properties.PolicyDocument).includes(id));
    const jobs = services.flatMap((s) => (s.schedules ?? []).filter((x) => x.openData).map((x) => `Service${s.name}Schedule${x.name.replace(/-/g, '')}FunctionRole`));
    expect(jobs).toHaveLength(4);
    expect(writers.map(([key]) => key.replace(/DefaultPolicy[0-9A-F]{8}$/, '')).sort()).toEqual(jobs.sort());
  });

  it("routes every service's paths to the HTTP API through the same distribution, uncached, all methods, HTTPS only", () => {
    const config = distribution();
    const behaviours = (config.CacheBehaviors as any[]).filter((b) => b.PathPattern !== '/open-data/*');
    expect(behaviours.map((b) => b.PathPattern).sort()).toEqual(services.map((s) => `/${s.name}/*`).sort());
    const apiOrigin = config.Origins.find((o: any) => o.CustomOriginConfig);
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('ApiEndpoint');
    for (const behaviour of behaviours) {
      expect(behaviour.TargetOriginId, behaviour.PathPattern).toBe(apiOrigin.Id);
      expect(behaviour.AllowedMethods.sort(), behaviour.PathPattern).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
      expect(behaviour.ViewerProtocolPolicy).toBe('https-only');
      // Managed CachingDisabled and AllViewerExceptHostHeader.
      expect(behaviour.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
      expect(behaviour.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
      expect(behaviour.FunctionAssociations, 'no app fallback on API paths').toBeUndefined();
    }
  });

  it("falls back to index.html for the app's routes by a function on the default behaviour only, not by error responses", () => {
    const config = distribution();
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.DefaultCacheBehavior.FunctionAssociations).toHaveLength(1);
    expect(config.DefaultCacheBehavior.FunctionAssociations[0].EventType).toBe('viewer-request');
    const [, fn] = one('AWS::CloudFront::Function');
    expect(fn.Properties.FunctionCode).toBe(APP_ROUTE_FUNCTION);
  });

  it('the CloudFront Function decides as the local server does (isAppRoute)', () => {
    const handler = new Function(`${APP_ROUTE_FUNCTION}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
    const paths = ['/', '/jobs/01J9ZQ3K4M5N6P7Q8R9S0T1V2W', '/me/applications', '/assets/index-abc.js', '/config.json', '/manifest.webmanifest', '/icon-192.png'];
    for (const path of paths) {
      const rewritten = handler({ request: { uri: path } }).uri === '/index.html' && path !== '/index.html';
      expect(rewritten, path).toBe(isAppRoute(path));
    }
  });

  it('answers with a CSP, HSTS, frame, content-type and referrer options on the app and the API alike', () => {
    const [policyId, policy] = one('AWS::CloudFront::ResponseHeadersPolicy');
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = JSON.stringify(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    for (const part of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'", 'connect-src']) expect(csp).toContain(part);
    expect(csp).toContain('cognito-idp.');
    expect(headers.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: HSTS_MAX_AGE_SECONDS, IncludeSubdomains: true });
    expect(headers.FrameOptions.FrameOption).toBe('DENY');
    expect(headers.ContentTypeOptions.Override).toBe(true);
    expect(headers.ReferrerPolicy.ReferrerPolicy).toBe('strict-origin-when-cross-origin');
    const config = distribution();
    for (const behaviour of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    }
  });

  it('uploads the built app with its config.json (API base, authority, client id) and invalidates the distribution', () => {
    const [, deployment] = one('Custom::CDKBucketDeployment');
    expect(deployment.Properties.DistributionPaths).toEqual(['/*']);
    expect(deployment.Properties.Prune).toBe(true);
    // config.json's deploy-time values: the site's domain (apiBase), the pool's issuer (authority), the
    // site client (clientId), managed login's domain and region (signOutUrl).
    const markers = Object.values(Object.assign({}, ...deployment.Properties.SourceMarkers)).map((v) => JSON.stringify(v));
    const [siteClient] = ofType('AWS::Cognito::UserPoolClient').find(([, c]) => c.Properties.AllowedOAuthFlowsUserPoolClient)!;
    const [distributionId] = one('AWS::CloudFront::Distribution');
    expect(markers).toEqual(
      expect.arrayContaining([
        JSON.stringify({ 'Fn::GetAtt': [distributionId, 'DomainName'] }),
        expect.stringContaining('ProviderURL'),
        JSON.stringify({ Ref: siteClient }),
        expect.stringContaining('SignIn'),
      ]),
    );
  });
});

describe("residents' registration on the site's own page", () => {
  it("config.json names Cognito's service endpoint for SignUp and ConfirmSignUp, and the site client", () => {
    expect(rendered(built.resolve(built.site.config.signUpEndpoint))).toBe('https://cognito-idp.<region>.<url-suffix>/');
    const [siteClient] = ofType('AWS::Cognito::UserPoolClient').find(([, c]) => c.Properties.AllowedOAuthFlowsUserPoolClient)!;
    expect(built.resolve(built.site.config.clientId)).toEqual({ Ref: siteClient });
    // The endpoint's deploy-time parts are the deployment's markers (the region, twice with managed login's, and the URL suffix).
    const markers = Object.values(Object.assign({}, ...template.toJSON().Resources[one('Custom::CDKBucketDeployment')[0]].Properties.SourceMarkers));
    expect(markers).toEqual(expect.arrayContaining([{ Ref: 'AWS::Region' }, { Ref: 'AWS::URLSuffix' }]));
  });

  it("lets the page's fetch reach that endpoint: the CSP's connect-src names its origin", () => {
    const [, policy] = one('AWS::CloudFront::ResponseHeadersPolicy');
    const csp = rendered(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    const connect = csp.split('; ').find((directive) => directive.startsWith('connect-src '))!.split(' ');
    expect(connect).toContain(rendered(built.resolve(built.site.config.signUpEndpoint)).replace(/\/$/, ''));
  });

  it('lets the site client write exactly what the local endpoint takes: e-mail, name and the community', () => {
    const [, client] = ofType('AWS::Cognito::UserPoolClient').find(([, c]) => c.Properties.AllowedOAuthFlowsUserPoolClient)!;
    expect(client.Properties.WriteAttributes.sort()).toEqual(Object.keys(SIGN_UP_ATTRIBUTES).sort());
    expect(client.Properties.ReadAttributes).toContain('custom:community');
  });

  it('holds the pool to the password policy, community constraints and code e-mail the local endpoint uses', () => {
    const [, pool] = one('AWS::Cognito::UserPool');
    expect(pool.Properties.Policies.PasswordPolicy).toMatchObject({
      MinimumLength: PASSWORD_POLICY.minLength,
      RequireLowercase: PASSWORD_POLICY.requireLowercase,
      RequireUppercase: PASSWORD_POLICY.requireUppercase,
      RequireNumbers: PASSWORD_POLICY.requireDigits,
      RequireSymbols: PASSWORD_POLICY.requireSymbols,
    });
    const community = pool.Properties.Schema.find((a: any) => a.Name === 'community');
    expect(community.StringAttributeConstraints).toEqual({
      MinLength: String(SIGN_UP_ATTRIBUTES['custom:community'].minLength),
      MaxLength: String(SIGN_UP_ATTRIBUTES['custom:community'].maxLength),
    });
    expect(pool.Properties.VerificationMessageTemplate).toMatchObject({
      DefaultEmailOption: 'CONFIRM_WITH_CODE',
      EmailSubject: VERIFICATION_EMAIL.subject,
      EmailMessage: VERIFICATION_EMAIL.body,
    });
    expect(pool.Properties.AutoVerifiedAttributes).toEqual(['email']);
    expect(pool.Properties.UsernameAttributes).toEqual(['email']);
  });
});

describe('sign-in for the web app', () => {
  it('gives the site its own client: code flow, callback and sign-out on the distribution, no secret', () => {
    const [, client] = ofType('AWS::Cognito::UserPoolClient').find(([, c]) => c.Properties.AllowedOAuthFlowsUserPoolClient)!;
    expect(client.Properties.AllowedOAuthFlows).toEqual(['code']);
    expect(client.Properties.AllowedOAuthScopes.sort()).toEqual(['email', 'openid', 'profile']);
    expect(client.Properties.GenerateSecret).toBe(false);
    expect(JSON.stringify(client.Properties.CallbackURLs)).toMatch(/DomainName.*\/auth\/callback/);
    expect(JSON.stringify(client.Properties.LogoutURLs)).toContain('DomainName');
    expect(client.Properties.WriteAttributes.sort()).toEqual(['custom:community', 'email', 'name']);
  });

  it('lets residents sign up, in a listed community chosen once, through triggers; managed login on a domain', () => {
    const [, pool] = one('AWS::Cognito::UserPool');
    expect(pool.Properties.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(false);
    expect(Object.keys(pool.Properties.LambdaConfig).sort()).toEqual(['PreSignUp', 'PreTokenGeneration']);
    const community = pool.Properties.Schema.find((a: any) => a.Name === 'community');
    expect(community.Mutable).toBe(false);
    const [, domain] = one('AWS::Cognito::UserPoolDomain');
    expect(domain.Properties.ManagedLoginVersion).toBe(2);
    one('AWS::Cognito::ManagedLoginBranding');
  });
});

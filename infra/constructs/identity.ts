import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  OAuthScope,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolGroup,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES, type Role } from '../../kernel/roles.ts';
import { PASSWORD_POLICY, SIGN_UP_ATTRIBUTES, VERIFICATION_EMAIL } from '../sign-up/user-pool.ts';
import { physicalName } from './names.ts';
import { ServiceFunction } from './service-function.ts';

const ROLE_DESCRIPTIONS: Record<Role, string> = {
  resident: 'A member of the public, an applicant',
  'community-worker': 'Community or village staff',
  'street-official': 'Town or street office staff',
  'street-committee': 'The street (town) party working committee',
  department: 'A district department',
  'organization-dept': 'The district organization department',
  finance: 'The district finance bureau',
  'district-admin': 'The district government / joint-meeting office',
  operator: 'Runs the platform: health and dead-letter views, no business writes',
};

export interface IdentityProps {
  stage: string;
  /** Prod: deletion protection, and the pool outlives the stack. */
  retain: boolean;
}

/**
 * Who is calling (DESIGN section 2): a Cognito user pool whose groups are the roles and whose custom
 * attributes `jurisdiction` and `department` become the `custom:*` claims the services check.
 * Officials' accounts are provisioned by administrators, who set the jurisdiction, department and
 * groups. Residents sign up themselves on the web app's registration page, which calls the pool's
 * public SignUp and ConfirmSignUp with the site's client (managed login's own sign-up page cannot ask
 * for a custom attribute), choosing their community (immutable `custom:community`); the triggers
 * refuse a community off the list and make their ID token say `resident` in it. No app client can write `jurisdiction` or `department`, so nobody moves their own scope.
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** Managed login (the web app's sign-in page): `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domain: UserPoolDomain;
  /** The resident sign-up triggers (infra/sign-up/resident-sign-up.ts). */
  readonly signUpTriggers: ServiceFunction;
  private readonly stage: string;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    this.stage = props.stage;
    // Cognito calls its triggers synchronously and shows their refusal to the person signing up.
    this.signUpTriggers = new ServiceFunction(this, 'ResidentSignUp', {
      entry: 'infra/sign-up/resident-sign-up.ts',
      functionName: physicalName(props.stage, 'resident-sign-up'),
      description: 'User pool: residents sign up in a listed community; their ID token says resident there',
      serviceName: 'identity',
      retain: props.retain,
      memorySize: 256,
      timeout: Duration.seconds(5),
      deadLetters: {
        synchronous:
          'Cognito invokes the sign-up triggers synchronously, inside the sign-up and sign-in requests: a failure is the refusal the person sees, and Cognito retries nothing that a dead-letter queue could catch.',
      },
    });
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: physicalName(props.stage),
      // Residents register themselves (the triggers hold them to a listed community and the resident
      // role); officials are still created by administrators, with their groups and jurisdiction.
      selfSignUpEnabled: true,
      lambdaTriggers: { preSignUp: this.signUpTriggers, preTokenGeneration: this.signUpTriggers },
      signInAliases: { email: true },
      autoVerify: { email: true },
      // The code a resident types back on the app's registration page (one message, both languages).
      userVerification: {
        emailStyle: VerificationEmailStyle.CODE,
        emailSubject: VERIFICATION_EMAIL.subject,
        emailBody: VERIFICATION_EMAIL.body,
      },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: {
        jurisdiction: new StringAttribute({ minLen: 3, maxLen: 32, mutable: true }),
        department: new StringAttribute({ minLen: 2, maxLen: 63, mutable: true }),
        // A resident's community, chosen at sign-up and never changed by them again (immutable).
        community: new StringAttribute({
          minLen: SIGN_UP_ATTRIBUTES['custom:community'].minLength,
          maxLen: SIGN_UP_ATTRIBUTES['custom:community'].maxLength,
          mutable: false,
        }),
      },
      // The local Cognito endpoint checks registrations by the same policy (infra/sign-up/user-pool.ts).
      passwordPolicy: { ...PASSWORD_POLICY, tempPasswordValidity: Duration.days(3) },
      // Officials decide on appointments, money and powers: a second factor for everyone (an
      // authenticator app; SMS would need an SNS role and is phishable).
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Threat protection (compromised credentials, risky sign-ins) needs the Plus plan.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.retain,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    ROLES.forEach((role, precedence) => {
      new UserPoolGroup(this, `Group-${role}`, {
        userPool: this.userPool,
        groupName: role,
        description: ROLE_DESCRIPTIONS[role],
        precedence,
      });
    });

    this.client = this.userPool.addClient('WebClient', {
      userPoolClientName: physicalName(props.stage, 'web'),
      // Web and mobile apps cannot keep a secret.
      generateSecret: false,
      authFlows: { userSrp: true },
      // No hosted UI yet: no OAuth flows with placeholder callback URLs.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('jurisdiction', 'department'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });

    this.domain = this.userPool.addDomain('SignIn', {
      // Prefixes are global per region: the account keeps two installations' stages apart.
      cognitoDomain: { domainPrefix: `five-haves-${props.stage}-${Aws.ACCOUNT_ID}` },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
  }

  /** Managed login's base URL. */
  get signInUrl(): string {
    return this.domain.baseUrl();
  }

  /**
   * The web app's own client: authorization code with PKCE through managed login, callback and
   * sign-out URLs on the site's origin (the CloudFront distribution). It may write a resident's
   * name, e-mail and, at sign-up only, community; never a jurisdiction, department or group.
   */
  addSiteClient(siteOrigin: string): UserPoolClient {
    const client = this.userPool.addClient('SiteClient', {
      userPoolClientName: physicalName(this.stage, 'site'),
      generateSecret: false,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${siteOrigin}/auth/callback`],
        logoutUrls: [`${siteOrigin}/`],
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('jurisdiction', 'department', 'community'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }).withCustomAttributes('community'),
    });
    // The newer managed login shows a client's pages only with a branding; Cognito's own look.
    new CfnManagedLoginBranding(this, 'SiteLoginBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    return client;
  }
}

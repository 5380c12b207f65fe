import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES, type Role } from '../../kernel/roles.ts';
import { physicalName } from './names.ts';

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
 * Accounts are provisioned by administrators, who set the jurisdiction, department and groups: a
 * self-signed-up user would have none of them, and the services answer 401 to a token without a
 * jurisdiction. The app client can write neither attribute, so a user cannot move their own scope.
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: physicalName(props.stage),
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: {
        jurisdiction: new StringAttribute({ minLen: 3, maxLen: 32, mutable: true }),
        department: new StringAttribute({ minLen: 2, maxLen: 63, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
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
  }
}

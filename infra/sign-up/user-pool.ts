/**
 * What the user pool holds a resident's registration to, in one place: the stack's user pool
 * (infra/constructs/identity.ts) is built from these, and `npm start`'s local Cognito endpoint
 * (infra/local/sign-in/cognito.ts) checks SignUp, ConfirmSignUp and ResendConfirmationCode by them,
 * so a registration the local endpoint takes is one the user pool takes too.
 *
 * Plain data, no CDK: the web app reads the password policy from here to say it in words.
 */

/** The pool's password policy (Cognito's PasswordPolicyType, as CDK's `passwordPolicy` names it). */
export const PASSWORD_POLICY = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
} as const;

/** Cognito's own limit on a password's length, whatever the policy. */
export const PASSWORD_MAX_LENGTH = 256;

/** The symbols Cognito counts as "special characters" in a password (its documented list). */
export const PASSWORD_SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ';

/**
 * Cognito's check of a password against the policy: the message of its InvalidPasswordException
 * (the first rule broken), or undefined when the password conforms.
 */
export function passwordProblem(password: string, policy: typeof PASSWORD_POLICY = PASSWORD_POLICY): string | undefined {
  const broken = (rule: string) => `Password did not conform with policy: ${rule}`;
  if (password.length < policy.minLength) return broken('Password not long enough');
  if (policy.requireLowercase && !/[a-z]/.test(password)) return broken('Password must have lowercase characters');
  if (policy.requireUppercase && !/[A-Z]/.test(password)) return broken('Password must have uppercase characters');
  if (policy.requireDigits && !/[0-9]/.test(password)) return broken('Password must have numeric characters');
  if (policy.requireSymbols && ![...password].some((c) => PASSWORD_SYMBOLS.includes(c))) return broken('Password must have symbol characters');
  return undefined;
}

/**
 * The attributes a resident writes at sign-up through the site's app client (its write
 * attributes), with the pool's constraints on each. `custom:community` is immutable: written at
 * sign-up, never again. Nothing else — not `custom:jurisdiction`, `custom:department` or a group.
 */
export const SIGN_UP_ATTRIBUTES = {
  email: { minLength: 0, maxLength: 2048 },
  name: { minLength: 0, maxLength: 2048 },
  'custom:community': { minLength: 11, maxLength: 11 },
} as const;
export type SignUpAttribute = keyof typeof SIGN_UP_ATTRIBUTES;

/** How long a sign-up confirmation code is good for: Cognito's fixed 24 hours. */
export const CONFIRMATION_CODE_TTL_MS = 24 * 3_600_000;

/**
 * The e-mail carrying the code, in both languages (the pool sends one message to everyone).
 * `{####}` is where Cognito puts the code.
 */
export const VERIFICATION_EMAIL = {
  subject: '五有平台验证码 / Your Five Haves code',
  body: [
    '你的验证码是 {####}，24 小时内有效。如果不是你本人注册，请忽略此邮件。',
    '',
    'Your Five Haves code is {####}. It is valid for 24 hours. If you did not register, ignore this e-mail.',
  ].join('\n'),
} as const;

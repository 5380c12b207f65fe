import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, PreSignUpTriggerEvent } from 'aws-lambda';
import {
  CONFIRMATION_CODE_TTL_MS,
  PASSWORD_MAX_LENGTH,
  passwordProblem,
  SIGN_UP_ATTRIBUTES,
  VERIFICATION_EMAIL,
  type SignUpAttribute,
} from '../../sign-up/user-pool.ts';
import { lambdaContext } from '../lambda-context.ts';
import type { Mailer } from '../mail.ts';
import type { LocalAccounts, UnconfirmedResident } from './accounts.ts';

/** Where `npm start` answers Cognito's public sign-up operations (the site configuration's `signUpEndpoint`). */
export const COGNITO_PATH = '/_local/cognito/';
const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const JSON_1_1 = 'application/x-amz-json-1.1';
const MAX_BODY_BYTES = 16 * 1024;
/** Wrong codes a code survives; then it is spent and a new one must be sent. */
const MAX_CODE_FAILURES = 5;

export type PreSignUpTrigger = (event: PreSignUpTriggerEvent, context: Context) => Promise<PreSignUpTriggerEvent>;

/** A Cognito error as the JSON 1.1 protocol carries it: HTTP 400 and `{"__type", "message"}`. */
class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

interface CodeDeliveryDetails {
  AttributeName: 'email';
  DeliveryMedium: 'EMAIL';
  Destination: string;
}

/** Cognito masks the address it sent the code to: `a***@e***`. */
const masked = (email: string) => {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
};
const delivery = (email: string): CodeDeliveryDetails => ({ AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: masked(email) });
const hash = (code: string) => createHash('sha256').update(code).digest();
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Cognito's three public, unauthenticated sign-up operations — SignUp, ConfirmSignUp and
 * ResendConfirmationCode — on `npm start`'s port, in Cognito's wire format (POST, JSON 1.1,
 * `X-Amz-Target`, errors as `__type` and `message`), so the app's registration page calls the same
 * operations locally and in the cloud. A sign-up runs **the pre sign-up trigger the stack deploys**
 * (infra/sign-up/resident-sign-up.ts), is checked by the pool's password policy and attribute
 * constraints (infra/sign-up/user-pool.ts), mails the code through the local mailer, and on
 * confirmation becomes a registered resident of the local provider. As the site's client does
 * (PreventUserExistenceErrors), confirming or resending for an unknown address does not say so.
 */
export function localCognito(options: {
  accounts: LocalAccounts;
  mailer: Mailer;
  /** The site's app client id: any other is Cognito's ResourceNotFoundException. */
  clientId: string;
  trigger: PreSignUpTrigger;
  /** The runtime's clock (the gateway's): a code's 24 hours are measured on it. */
  now?: () => number;
  region?: string;
}): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  const now = options.now ?? Date.now;
  const region = options.region ?? 'local';
  const userPoolId = `${region}_fivehaves`;
  const { accounts } = options;
  // One operation at a time: two sign-ups for one address must not both pass the check for it.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const newCode = async (resident: Omit<UnconfirmedResident, 'codeHash' | 'codeExpiresAt' | 'failures'>) => {
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    await accounts.putUnconfirmed({ ...resident, codeHash: hash(code).toString('hex'), codeExpiresAt: now() + CONFIRMATION_CODE_TTL_MS, failures: 0 });
    await options.mailer.send({
      to: resident.email,
      subject: VERIFICATION_EMAIL.subject,
      text: VERIFICATION_EMAIL.body.replaceAll('{####}', code),
    });
  };

  const operations: Record<string, (input: Record<string, unknown>) => Promise<unknown>> = {
    async SignUp(input) {
      const username = required(input, 'Username');
      const password = typeof input.Password === 'string' ? input.Password : undefined;
      if (password === undefined) throw new CognitoError('InvalidParameterException', 'Password is required for a user pool with password sign-in.');
      if (!EMAIL.test(username) || username.length > 128) throw new CognitoError('InvalidParameterException', 'Username should be an email.');
      if (password.length > PASSWORD_MAX_LENGTH || !/^[\S]+.*[\S]+$/.test(password)) {
        throw new CognitoError('InvalidParameterException', "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$");
      }
      const attributes = attributesOf(input.UserAttributes);
      const email = attributes.email ?? username;
      if (email !== username) throw new CognitoError('InvalidParameterException', 'The email attribute must be the username in this user pool.');
      const wrong = passwordProblem(password);
      if (wrong) throw new CognitoError('InvalidPasswordException', wrong);
      if ((await accounts.findByEmail(username)) || (await accounts.findUnconfirmed(username))) {
        throw new CognitoError('UsernameExistsException', 'An account with the given email already exists.');
      }
      const sub = randomUUID();
      const userAttributes = { ...attributes, email };
      const event: PreSignUpTriggerEvent = {
        version: '1',
        region,
        userPoolId,
        userName: sub,
        triggerSource: 'PreSignUp_SignUp',
        callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: options.clientId },
        request: {
          userAttributes,
          ...(isStringMap(input.ValidationData) ? { validationData: input.ValidationData } : {}),
          ...(isStringMap(input.ClientMetadata) ? { clientMetadata: input.ClientMetadata } : {}),
        },
        response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
      };
      let answered: PreSignUpTriggerEvent;
      try {
        answered = await options.trigger(event, lambdaContext('five-haves-local-resident-sign-up', 5_000));
      } catch (error) {
        throw new CognitoError('UserLambdaValidationException', `PreSignUp failed with error ${(error as Error).message}.`);
      }
      const resident = { sub, email, name: attributes.name ?? '', community: attributes['custom:community'] ?? '' };
      if (answered.response.autoConfirmUser) {
        await accounts.registerResident(resident);
        return { UserConfirmed: true, UserSub: sub };
      }
      await newCode(resident);
      return { CodeDeliveryDetails: delivery(email), UserConfirmed: false, UserSub: sub };
    },

    async ConfirmSignUp(input) {
      const username = required(input, 'Username');
      const code = required(input, 'ConfirmationCode');
      if (!/^[\S]+$/.test(code) || code.length > 2048) {
        throw new CognitoError('InvalidParameterException', "1 validation error detected: Value at 'confirmationCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+");
      }
      const pending = await accounts.findUnconfirmed(username);
      if (!pending) {
        if (await accounts.findByEmail(username)) throw new CognitoError('NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED');
        // PreventUserExistenceErrors: an unknown user is told what a wrong code is told.
        throw new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
      }
      if (pending.failures >= MAX_CODE_FAILURES) {
        throw new CognitoError('TooManyFailedAttemptsException', 'Too many failed attempts: request a new code.');
      }
      if (now() > pending.codeExpiresAt) throw new CognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.');
      if (!timingSafeEqual(hash(code), Buffer.from(pending.codeHash, 'hex'))) {
        await accounts.putUnconfirmed({ ...pending, failures: pending.failures + 1 });
        throw new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
      }
      await accounts.confirm(pending);
      return {};
    },

    async ResendConfirmationCode(input) {
      const username = required(input, 'Username');
      const pending = await accounts.findUnconfirmed(username);
      if (!pending) {
        if (await accounts.findByEmail(username)) throw new CognitoError('InvalidParameterException', 'User is already confirmed.');
        // PreventUserExistenceErrors: as if a code went to an address, though none exists.
        return { CodeDeliveryDetails: delivery(username) };
      }
      await newCode(pending);
      return { CodeDeliveryDetails: delivery(pending.email) };
    },
  };

  return async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== COGNITO_PATH && url.pathname !== COGNITO_PATH.slice(0, -1)) return false;
    const requestId = randomUUID();
    const answer = (status: number, body: unknown, type?: string) => {
      response.writeHead(status, {
        'content-type': JSON_1_1,
        'x-amzn-requestid': requestId,
        'cache-control': 'no-store',
        ...(type ? { 'x-amzn-errortype': `${type}:` } : {}),
      });
      response.end(JSON.stringify(body));
    };
    try {
      if (request.method !== 'POST') throw new CognitoError('UnknownOperationException', 'Cognito takes POST only.', 404);
      const target = String(request.headers['x-amz-target'] ?? '');
      const operation = target.startsWith(TARGET_PREFIX) ? operations[target.slice(TARGET_PREFIX.length)] : undefined;
      if (!operation || !Object.hasOwn(operations, target.slice(TARGET_PREFIX.length))) {
        throw new CognitoError('UnknownOperationException', `Unknown operation ${target || '(no X-Amz-Target)'}`);
      }
      const input = await readJson(request);
      const clientId = required(input, 'ClientId');
      if (clientId !== options.clientId) throw new CognitoError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
      const output = await serialized(() => operation(input));
      answer(200, output);
    } catch (error) {
      if (error instanceof CognitoError) answer(error.status, { __type: error.type, message: error.message }, error.type);
      else {
        console.error('[cognito]', error);
        answer(500, { __type: 'InternalErrorException', message: 'Internal error' }, 'InternalErrorException');
      }
    }
    return true;
  };
}

function required(input: Record<string, unknown>, member: string): string {
  const value = input[member];
  if (typeof value !== 'string' || value.length === 0) {
    throw new CognitoError('InvalidParameterException', `1 validation error detected: Value at '${member[0]!.toLowerCase()}${member.slice(1)}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

const isStringMap = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

/**
 * `UserAttributes: [{ Name, Value }]`, held to the site client's write attributes (anything else is
 * Cognito's NotAuthorizedException) and to the pool's schema constraints.
 */
function attributesOf(value: unknown): Partial<Record<SignUpAttribute, string>> {
  if (value === undefined) return {};
  if (!Array.isArray(value)) throw new CognitoError('SerializationException', 'UserAttributes must be a list of {Name, Value}.');
  const attributes: Partial<Record<SignUpAttribute, string>> = {};
  for (const item of value as unknown[]) {
    const { Name: name, Value: text } = (item ?? {}) as { Name?: unknown; Value?: unknown };
    if (typeof name !== 'string' || (text !== undefined && typeof text !== 'string')) {
      throw new CognitoError('SerializationException', 'Each user attribute is {Name: string, Value: string}.');
    }
    if (!Object.hasOwn(SIGN_UP_ATTRIBUTES, name)) throw new CognitoError('NotAuthorizedException', 'A client attempted to write unauthorized attribute');
    const limits = SIGN_UP_ATTRIBUTES[name as SignUpAttribute];
    const given = text ?? '';
    if (given.length < limits.minLength) {
      throw new CognitoError('InvalidParameterException', `Attributes did not conform to the schema: ${name}: String must be no shorter than ${limits.minLength} characters`);
    }
    if (given.length > limits.maxLength) {
      throw new CognitoError('InvalidParameterException', `Attributes did not conform to the schema: ${name}: String must be no longer than ${limits.maxLength} characters`);
    }
    attributes[name as SignUpAttribute] = given;
  }
  return attributes;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new CognitoError('SerializationException', 'The request is too large.', 413);
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw new CognitoError('SerializationException', 'The request body is not a JSON object.');
  }
}

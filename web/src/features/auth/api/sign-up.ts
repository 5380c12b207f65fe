import { config } from '../../../lib/config.ts';

/**
 * A resident's registration: the user pool's public, unauthenticated SignUp, ConfirmSignUp and
 * ResendConfirmationCode, called with the site's app client id at the endpoint the site
 * configuration names — Cognito's service endpoint in the cloud, `npm start`'s local endpoint for
 * the same operations locally. Plain fetch in Cognito's JSON 1.1 wire format; no SDK in the bundle.
 */
export class SignUpError extends Error {
  constructor(
    /** Cognito's error type (`UsernameExistsException`, …), or `network` when nothing came back. */
    readonly type: string,
    message: string,
  ) {
    super(message || type);
  }
}

export interface CodeDeliveryDetails {
  AttributeName?: string;
  DeliveryMedium?: string;
  Destination?: string;
}

async function call<T>(operation: 'SignUp' | 'ConfirmSignUp' | 'ResendConfirmationCode', input: Record<string, unknown>): Promise<T> {
  const site = config();
  let response: Response;
  try {
    response = await fetch(site.signUpEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
      body: JSON.stringify({ ClientId: site.clientId, ...input }),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    throw new SignUpError('network', '');
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    // `__type` is the error's name, sometimes with its namespace (`…#UsernameExistsException`).
    const type = String(body.__type ?? response.headers.get('x-amzn-errortype') ?? 'InternalErrorException');
    throw new SignUpError(type.split('#').pop()!.split(':')[0]!, String(body.message ?? body.Message ?? ''));
  }
  return body as T;
}

export interface Registration {
  email: string;
  name: string;
  password: string;
  community: string;
}

export function signUp(registration: Registration) {
  return call<{ UserConfirmed: boolean; UserSub: string; CodeDeliveryDetails?: CodeDeliveryDetails }>('SignUp', {
    Username: registration.email,
    Password: registration.password,
    UserAttributes: [
      { Name: 'email', Value: registration.email },
      { Name: 'name', Value: registration.name },
      { Name: 'custom:community', Value: registration.community },
    ],
  });
}

export function confirmSignUp(email: string, code: string) {
  return call<Record<string, unknown>>('ConfirmSignUp', { Username: email, ConfirmationCode: code });
}

export function resendCode(email: string) {
  return call<{ CodeDeliveryDetails?: CodeDeliveryDetails }>('ResendConfirmationCode', { Username: email });
}

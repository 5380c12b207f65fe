/**
 * The web app's security headers, one definition for CloudFront's response headers policy and for
 * `npm start`'s local server, so the app is tried locally under the policy it gets in the cloud.
 * Only the sign-in authority's origins differ: in the cloud the browser fetches Cognito's discovery
 * document and token endpoint; locally the provider is on the app's own origin.
 */
export function siteContentSecurityPolicy(options: { signInOrigins: readonly string[] }): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...options.signInOrigins].join(' ')}`,
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Two years, as the HSTS preload list asks. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/** The same headers as plain name/value pairs, for the local server. */
export function siteHeaders(options: { signInOrigins: readonly string[] }): Record<string, string> {
  return {
    'content-security-policy': siteContentSecurityPolicy(options),
    'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': REFERRER_POLICY,
  };
}

/**
 * The app's own routes are paths without a file extension; those fall back to index.html (the
 * History API routes them in the browser). The CloudFront Function on the default behaviour and the
 * local server decide by this one rule, and API paths never reach it (they have their own behaviours).
 */
export function isAppRoute(path: string): boolean {
  return !(path.split('/').pop() ?? '').includes('.');
}

/** The site's configuration, `/config.json`, written at deploy (and served by `npm start`). */
export interface SiteConfig {
  /** The API's base URL: the site's own origin, which routes the service paths to the HTTP API. */
  apiBase: string;
  /** The OpenID issuer (Cognito user pool, or the local issuer). */
  authority: string;
  /** Where the issuer's discovery document is, when not under `authority`. */
  metadataUrl?: string;
  clientId: string;
  /** Where signing out ends the provider's session, when its discovery document does not say (Cognito's /logout). */
  signOutUrl?: string;
  /**
   * Where residents register: Cognito's service endpoint (`https://cognito-idp.<region>.amazonaws.com/`),
   * whose public SignUp, ConfirmSignUp and ResendConfirmationCode the registration page calls with
   * `clientId`; under `npm start`, the local runtime's endpoint for the same operations.
   */
  signUpEndpoint: string;
}

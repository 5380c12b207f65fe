import { useSyncExternalStore } from 'react';
import type { UserManager } from 'oidc-client-ts';
import { config } from './config.ts';
import type { Role } from '../../../kernel/roles.ts';

/**
 * Sign-in: OpenID Connect authorization code with PKCE (oidc-client-ts) against the configured
 * authority — Cognito's managed login in the cloud, the local provider under `npm start`.
 *
 * Where the tokens are kept: the ID token (what the API's JWT authorizer checks) and its claims in
 * this tab's sessionStorage, and the PKCE verifier and state there too while a sign-in is under way.
 * sessionStorage survives a reload but not the tab, is not shared with other tabs, and is never
 * localStorage: a token does not outlive the visit. No refresh token is asked for; when the ID
 * token expires (one hour), the next call that needs it asks the user to sign in again.
 * oidc-client-ts itself is loaded only when signing in or out, so the public pages do not carry it.
 */
export interface Session {
  idToken: string;
  /** Seconds since the epoch. */
  expiresAt: number;
  sub: string;
  name?: string;
  email?: string;
  roles: Role[];
  jurisdiction: string;
  department?: string;
}

const SESSION_KEY = 'five-haves.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;

function read(): Session | null {
  if (cached !== undefined) return cached;
  try {
    const stored = sessionStorage.getItem(SESSION_KEY);
    cached = stored ? (JSON.parse(stored) as Session) : null;
  } catch {
    cached = null;
  }
  return cached;
}

function write(session: Session | null): void {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
  cached = session;
  for (const listener of listeners) listener();
}

/** The session while its ID token is valid; an expired one counts as none. */
export function currentSession(): Session | null {
  const session = read();
  return session && session.expiresAt * 1000 > Date.now() ? session : null;
}

export function useSession(): Session | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    currentSession,
  );
}

let manager: Promise<UserManager> | undefined;
function userManager(): Promise<UserManager> {
  manager ??= import('oidc-client-ts').then(({ UserManager, WebStorageStateStore, InMemoryWebStorage }) => {
    const site = config();
    const origin = window.location.origin;
    return new UserManager({
      authority: site.authority,
      ...(site.metadataUrl ? { metadataUrl: site.metadataUrl } : {}),
      ...(site.signOutUrl ? { metadataSeed: { end_session_endpoint: site.signOutUrl } } : {}),
      client_id: site.clientId,
      redirect_uri: `${origin}/auth/callback`,
      post_logout_redirect_uri: `${origin}/`,
      response_type: 'code',
      scope: 'openid email profile',
      loadUserInfo: false,
      automaticSilentRenew: false,
      monitorSession: false,
      // The session above is the one copy of the token; the library keeps only its sign-in state.
      userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
      stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    });
  });
  return manager;
}

/** To the provider's sign-in page, in the app's language; back to `returnTo` afterwards. */
export async function signIn(options: { returnTo?: string; locale: string }): Promise<void> {
  const returnTo = options.returnTo ?? window.location.pathname + window.location.search;
  await (await userManager()).signinRedirect({ state: { returnTo }, ui_locales: options.locale });
}

/** Completes the code exchange at /auth/callback and answers where to go next. */
export async function completeSignIn(): Promise<string> {
  const user = await (await userManager()).signinCallback();
  if (!user?.id_token) throw new Error('no ID token in the sign-in response');
  const claims = user.profile as Record<string, unknown>;
  const groups = claims['cognito:groups'];
  write({
    idToken: user.id_token,
    expiresAt: user.expires_at ?? Number(claims.exp),
    sub: String(claims.sub),
    ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
    ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
    roles: (Array.isArray(groups) ? groups : typeof groups === 'string' ? [groups] : []) as Role[],
    jurisdiction: String(claims['custom:jurisdiction'] ?? ''),
    ...(typeof claims['custom:department'] === 'string' ? { department: claims['custom:department'] } : {}),
  });
  const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo;
  return returnTo?.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
}

/** Forgets the tokens here and ends the provider's session (its sign-out page, then back home). */
export async function signOut(locale: string): Promise<void> {
  const session = read();
  write(null);
  const site = config();
  await (await userManager()).signoutRedirect({
    ...(session ? { id_token_hint: session.idToken } : {}),
    // Cognito's /logout names the return address `logout_uri`.
    extraQueryParams: { ui_locales: locale, ...(site.signOutUrl ? { logout_uri: `${window.location.origin}/` } : {}) },
  });
}

/** The API answered 401 to this session's token: it is no longer good. */
export function forgetSession(): void {
  write(null);
}

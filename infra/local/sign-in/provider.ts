import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { handler as preTokenGeneration } from '../../sign-up/resident-sign-up.ts';
import type { LocalIssuer } from '../issuer.ts';
import { LocalAccounts, type LocalAccount } from './accounts.ts';
import { errorPage, PAGE_CSP, signedOutPage, signInPage, signOutPage, type Lang } from './pages.ts';

/** Where the provider is mounted on the gateway's port. */
export const SIGN_IN_PATH = '/oidc';
/** The app's routes the provider sends the browser back to. */
export const APP_CALLBACK_PATH = '/auth/callback';
export const APP_SIGNED_OUT_PATH = '/';

export interface SignInProvider {
  /** Answers the request when it is the provider's (under /oidc); false otherwise. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  accounts: LocalAccounts;
}

/**
 * The local OpenID provider: panva's certified `oidc-provider`, authorization code with PKCE for the
 * web app's public client, ID tokens signed with the local issuer's key, carrying the claims a
 * Cognito ID token carries (`sub`, `cognito:groups`, `custom:jurisdiction`, `custom:department`,
 * `email`). Its issuer and the client id are the local issuer's issuer and audience, so the
 * gateway verifies these tokens as strictly as any other. Its page lists the seeded accounts and the
 * residents who registered — on the app's registration page, through the local Cognito endpoint
 * (./cognito.ts), which keeps them in these same accounts — and links to that page.
 */
export function startSignInProvider(options: {
  issuer: LocalIssuer;
  /** The origins the app is served from (http://localhost:PORT, http://127.0.0.1:PORT). */
  appOrigins: readonly string[];
  dataDir?: string;
}): SignInProvider {
  const accounts = new LocalAccounts(options.dataDir ? { dataDir: options.dataDir } : {});

  const seededClaims = (account: LocalAccount) => ({
    sub: account.sub,
    email: account.email,
    email_verified: true,
    name: account.name,
    'cognito:groups': account.roles,
    'cognito:username': account.sub,
    'custom:jurisdiction': account.jurisdiction,
    ...(account.department ? { 'custom:department': account.department } : {}),
    token_use: 'id',
  });
  /**
   * A self-registered resident's claims come as the user pool makes them: the user's attributes
   * (no group, no jurisdiction of an administrator's), then the pool's own pre-token-generation
   * trigger, which says `resident` in their community.
   */
  const registeredClaims = async (account: LocalAccount) => {
    const community = account.community ?? account.jurisdiction;
    const userAttributes = { sub: account.sub, email: account.email, email_verified: 'true', name: account.name, 'custom:community': community };
    const event = {
      version: '1',
      region: 'local',
      userPoolId: 'local_fivehaves',
      userName: account.sub,
      triggerSource: 'TokenGeneration_HostedAuth',
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: options.issuer.audience },
      request: { userAttributes, groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] } },
      response: {},
    } as unknown as PreTokenGenerationTriggerEvent;
    const overrides = (await preTokenGeneration(event)).response.claimsOverrideDetails;
    const claims: Record<string, unknown> & { sub: string } = {
      email: account.email,
      email_verified: true,
      name: account.name,
      'cognito:groups': [],
      'cognito:username': account.sub,
      token_use: 'id',
      ...overrides?.claimsToAddOrOverride,
      // The subject is the pool's, whatever a trigger says.
      sub: account.sub,
    };
    if (overrides?.groupOverrideDetails?.groupsToOverride) claims['cognito:groups'] = overrides.groupOverrideDetails.groupsToOverride;
    for (const name of overrides?.claimsToSuppress ?? []) delete claims[name];
    return claims;
  };
  const claimsOf = (account: LocalAccount) => (account.origin === 'registered' ? registeredClaims(account) : seededClaims(account));

  const configuration: Configuration = {
    clients: [
      {
        client_id: options.issuer.audience,
        client_name: 'Five Haves web app',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: options.appOrigins.map((origin) => origin + APP_CALLBACK_PATH),
        post_logout_redirect_uris: options.appOrigins.map((origin) => origin + APP_SIGNED_OUT_PATH),
        id_token_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [options.issuer.signingJwk] },
    // Cognito's ID tokens carry the groups and custom attributes whatever the scope.
    claims: {
      openid: ['sub', 'cognito:groups', 'cognito:username', 'custom:jurisdiction', 'custom:department', 'token_use'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const account = await accounts.find(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => claimsOf(account) };
    },
    pkce: { required: () => true },
    // The web app is this provider's only client, first party: its sign-in asks for no consent.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `${SIGN_IN_PATH}/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: { IdToken: 3600, AccessToken: 3600, Session: 8 * 3600, Interaction: 3600, Grant: 8 * 3600 },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx: KoaContextWithOIDC, form: string) {
          htmlPage(ctx, signOutPage(langOf(ctx.oidc.params?.ui_locales as string | undefined), form));
        },
        async postLogoutSuccessSource(ctx: KoaContextWithOIDC) {
          htmlPage(ctx, signedOutPage('zh-CN'));
        },
      },
    },
    async renderError(ctx, out) {
      htmlPage(ctx, errorPage('zh-CN', `${out.error}: ${out.error_description ?? ''}`));
    },
  };
  const provider = new Provider(options.issuer.issuer, configuration);
  const callback = provider.callback();

  async function interaction(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const [, uid, step] = /^\/oidc\/interaction\/([A-Za-z0-9_-]+)(?:\/(login))?$/.exec(url.pathname) ?? [];
    if (!uid) return send(response, 404, errorPage('zh-CN', 'Not found'));
    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(request, response);
    } catch {
      return send(response, 400, errorPage('zh-CN', 'This sign-in has expired: start again from the app.'));
    }
    if (details.uid !== uid) return send(response, 400, errorPage('zh-CN', 'This sign-in has expired: start again from the app.'));
    const method = request.method ?? 'GET';
    const form = method === 'POST' ? await readForm(request) : new URLSearchParams();
    const lang = langOf(url.searchParams.get('lang') ?? form.get('lang') ?? (details.params.ui_locales as string | undefined));
    const finish = (account: LocalAccount) =>
      provider.interactionFinished(request, response, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });

    if (!step && method === 'GET') return send(response, 200, signInPage(lang, uid, await accounts.all()));
    if (step === 'login' && method === 'POST') {
      const account = await accounts.find(form.get('account') ?? '');
      if (!account) return send(response, 400, signInPage(lang, uid, await accounts.all()));
      return finish(account);
    }
    return send(response, 405, errorPage(lang, 'Method not allowed'));
  }

  return {
    accounts,
    async handle(request, response) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname !== SIGN_IN_PATH && !url.pathname.startsWith(`${SIGN_IN_PATH}/`)) return false;
      if (url.pathname.startsWith(`${SIGN_IN_PATH}/interaction/`)) {
        await interaction(request, response, url);
        return true;
      }
      // oidc-provider finds its mount path from originalUrl, as under Express.
      const withOriginal = request as IncomingMessage & { originalUrl?: string };
      withOriginal.originalUrl = request.url;
      request.url = request.url!.slice(SIGN_IN_PATH.length) || '/';
      await callback(request, response);
      return true;
    },
  };
}

function langOf(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

function htmlPage(ctx: KoaContextWithOIDC, html: string): void {
  ctx.type = 'html';
  ctx.set('content-security-policy', PAGE_CSP);
  ctx.body = html;
}

function send(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PAGE_CSP,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(html);
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 16 * 1024) break;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

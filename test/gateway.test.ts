import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../infra/local/issuer.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';

/** The local gateway checks tokens as API Gateway's JWT authorizer does, before any function runs. */
let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t?.stop());

const claims = { 'cognito:groups': ['operator'], 'custom:jurisdiction': 'D01' };

async function forged(options: { issuer?: string; audience?: string; expiresIn?: number; notBefore?: number }) {
  const { privateKey } = await generateKeyPair('RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'not-ours' })
    .setSubject('intruder')
    .setIssuer(options.issuer ?? LOCAL_ISSUER)
    .setAudience(options.audience ?? LOCAL_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 600))
    .sign(privateKey);
}

describe('the JWT authorizer of the local gateway', () => {
  it('a valid operator token reaches the health route', async () => {
    const token = await t.token({ roles: ['operator'], jurisdiction: 'D01' });
    const response = await t.api('GET', '/recruitment/health', { token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ service: 'recruitment', status: 'ok' });
  });

  it('a token signed by another key is 401 with API Gateway’s body', async () => {
    const response = await t.api('GET', '/recruitment/health', { token: await forged({}) });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ message: 'Unauthorized' });
  });

  it('an expired token is 401', async () => {
    const token = await t.token({ roles: ['operator'], jurisdiction: 'D01', ttlSeconds: -60 });
    expect((await t.api('GET', '/recruitment/health', { token })).status).toBe(401);
  });

  it('an unsigned (alg: none) token is 401', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const body = Buffer.from(
      JSON.stringify({ ...claims, sub: 'x', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, iat: now, exp: now + 600 }),
    ).toString('base64url');
    expect((await t.api('GET', '/recruitment/health', { token: `${header}.${body}.` })).status).toBe(401);
  });

  it('no token is 401 and an unknown route is 404', async () => {
    expect((await t.api('GET', '/recruitment/health')).status).toBe(401);
    expect((await t.api('GET', '/recruitment/nothing-here')).status).toBe(404);
  });

  it('a valid token of the wrong role passes the gateway and is refused by the service with 403', async () => {
    const token = await t.token({ roles: ['resident'], jurisdiction: 'D01/S03' });
    const response = await t.api('GET', '/recruitment/health', { token });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('the gateway serves the JWKS the tokens are checked against', async () => {
    const response = await t.api('GET', '/.well-known/jwks.json');
    expect(response.status).toBe(200);
    expect(response.body.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(response.body.keys[0].d).toBeUndefined();
  });
});

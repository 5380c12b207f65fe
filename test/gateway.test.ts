import { mkdtemp } from 'node:fs/promises';
import { Agent, get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEEP_ALIVE_MS, startGateway, type Gateway, type HttpFunction } from '../infra/local/gateway.ts';
import { lambdaContext } from '../infra/local/lambda-context.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadIssuer, type LocalIssuer } from '../infra/local/issuer.ts';
import { authority } from '../services/authority/service.ts';
import { handler as authorityHttp } from '../services/authority/handlers/http.ts';
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

  it('keeps an idle connection open for a minute, not Node’s 5 s, so a client held up a few seconds does not reuse a closed one', async () => {
    const header = await new Promise<string | undefined>((resolve, reject) => {
      const request = httpGet(`${t.cloud.url}/.well-known/jwks.json`, { agent: new Agent({ keepAlive: true }) }, (response) => {
        response.resume();
        response.on('end', () => resolve([response.headers['keep-alive']].flat()[0]));
      });
      request.on('error', reject);
    });
    expect(header).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`);
    expect(KEEP_ALIVE_MS).toBeGreaterThanOrEqual(60_000);
  });

  it('the gateway serves the JWKS the tokens are checked against', async () => {
    const response = await t.api('GET', '/.well-known/jwks.json');
    expect(response.status).toBe(200);
    expect(response.body.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(response.body.keys[0].d).toBeUndefined();
  });
});

/**
 * What the gateway hands a function for a body that is not UTF-8, and what the kernel makes of it:
 * a gateway whose only function records the event, then the real authority handler given that event.
 */
describe('a body that is not UTF-8', () => {
  const NOT_UTF8 = Buffer.from([0xff, 0xfe, 0xc3, 0x28]);
  const power = (name: string | Buffer) =>
    Buffer.concat([
      Buffer.from('{"code":"CM-0901","name":"'),
      Buffer.from(name),
      Buffer.from('","domain":"law-enforcement","legalBasis":"Regulation, art. 1","fromDepartment":"urban-management"}'),
    ]);
  let issuer: LocalIssuer;
  let gateway: Gateway;
  const received: APIGatewayProxyEventV2[] = [];
  beforeAll(async () => {
    issuer = await loadIssuer(await mkdtemp(join(tmpdir(), 'five-haves-gateway-')));
    const record: HttpFunction = async (event) => {
      received.push(event);
      return { statusCode: 204 };
    };
    gateway = await startGateway({ services: [authority], functions: new Map([['authority', record]]), issuer, port: 0 });
  });
  afterAll(() => gateway?.close());

  async function send(body: Buffer): Promise<APIGatewayProxyEventV2> {
    const token = await issuer.sign({ roles: ['district-admin'], jurisdiction: 'D01' });
    received.length = 0;
    const response = await fetch(`${gateway.url}/authority/powers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(204);
    return received[0]!;
  }

  const answer = async (event: APIGatewayProxyEventV2) =>
    (await authorityHttp(event, lambdaContext('five-haves-authority-http'))) as APIGatewayProxyStructuredResultV2;

  it('reaches the function base64-encoded, byte for byte, as API Gateway hands over a binary body', async () => {
    const event = await send(power(NOT_UTF8));
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body!, 'base64')).toEqual(power(NOT_UTF8));
  });

  it('in UTF-8 the same JSON reaches the function as the text itself', async () => {
    const event = await send(power('Fines for unlicensed vending, 无证摊贩'));
    expect(event.isBase64Encoded).toBe(false);
    expect(event.body).toBe(power('Fines for unlicensed vending, 无证摊贩').toString('utf8'));
  });

  it('is refused by the kernel with 400 naming body, not stored with replacement characters', async () => {
    const response = await answer(await send(power(NOT_UTF8)));
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(response.body!).errors).toEqual([{ field: 'body', message: 'not valid UTF-8' }]);
  });

  it('a plain body holding text UTF-8 cannot carry (a lone surrogate) is refused by the kernel naming the field', async () => {
    const event = await send(power('Fines'));
    const response = await answer({ ...event, body: event.body!.replace('Fines', 'Fines\uD800') });
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body!).errors.map((e: { field: string }) => e.field)).toEqual(['body.name']);
  });
});

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import type { Role } from '../../kernel/roles.ts';

/**
 * The local stand-in for the Cognito user pool: an RS256 key pair kept in the data folder, a JWKS
 * the gateway verifies against (as the JWT authorizer fetches Cognito's), and ID tokens with the
 * same claims Cognito puts in them.
 */
export const LOCAL_ISSUER = 'https://issuer.five-haves.local';
export const LOCAL_AUDIENCE = 'five-haves-local-client';

export interface TokenClaims {
  sub?: string;
  roles: Role[];
  jurisdiction: string;
  department?: string;
  /** The verified e-mail address and the name, as Cognito's ID tokens carry them. */
  email?: string;
  name?: string;
  /** Seconds the token lives; default one hour. */
  ttlSeconds?: number;
}

export interface LocalIssuer {
  issuer: string;
  audience: string;
  jwks: { keys: JWK[] };
  /** The private signing key as a JWK (with its kid), for the local OpenID provider to sign ID tokens with. */
  signingJwk: JWK;
  sign(claims: TokenClaims): Promise<string>;
  /**
   * Signs exactly `payload` with the issuer's key, nothing added: for tests that need tokens a real
   * issuer would never mint (another audience, a future `iat`, claims missing or mistyped).
   * `kid: false` leaves the key id out of the header.
   */
  signPayload(payload: JWTPayload, options?: { kid?: boolean }): Promise<string>;
}

interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function loadIssuer(dataDir: string): Promise<LocalIssuer> {
  const file = join(dataDir, 'issuer', 'signing-key.json');
  let stored: StoredKey;
  try {
    stored = JSON.parse(await readFile(file, 'utf8')) as StoredKey;
  } catch {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = `local-${Date.now().toString(36)}`;
    stored = { kid, privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
    await mkdir(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(stored), { mode: 0o600 });
    await rename(temporary, file);
    // Two processes creating the key at once: the last rename wins; read back what is on disk.
    stored = JSON.parse(await readFile(file, 'utf8')) as StoredKey;
  }
  const privateKey = await importJWK(stored.privateJwk, 'RS256');
  return {
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    jwks: { keys: [{ ...stored.publicJwk, kid: stored.kid, alg: 'RS256', use: 'sig' }] },
    signingJwk: { ...stored.privateJwk, kid: stored.kid, alg: 'RS256', use: 'sig' },
    async sign(claims) {
      const now = Math.floor(Date.now() / 1000);
      const sub = claims.sub ?? `local-${claims.roles.join('+')}-${claims.jurisdiction.replaceAll('/', '-')}`;
      return new SignJWT({
        'cognito:groups': claims.roles,
        'cognito:username': sub,
        'custom:jurisdiction': claims.jurisdiction,
        ...(claims.department ? { 'custom:department': claims.department } : {}),
        ...(claims.email ? { email: claims.email, email_verified: true } : {}),
        ...(claims.name ? { name: claims.name } : {}),
        token_use: 'id',
      })
        .setProtectedHeader({ alg: 'RS256', kid: stored.kid, typ: 'JWT' })
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setSubject(sub)
        .setIssuedAt(now)
        .setExpirationTime(now + (claims.ttlSeconds ?? 3600))
        .sign(privateKey);
    },
    signPayload(payload, { kid = true } = {}) {
      return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(kid ? { kid: stored.kid } : {}) }).sign(privateKey);
    },
  };
}

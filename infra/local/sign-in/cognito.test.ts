import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodeMismatchException,
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  ExpiredCodeException,
  InvalidPasswordException,
  NotAuthorizedException,
  ResendConfirmationCodeCommand,
  SignUpCommand,
  TooManyFailedAttemptsException,
  UserLambdaValidationException,
  UsernameExistsException,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as residentSignUp } from '../../sign-up/resident-sign-up.ts';
import { CONFIRMATION_CODE_TTL_MS, VERIFICATION_EMAIL } from '../../sign-up/user-pool.ts';
import { startLocalMail, type Mailer } from '../mail.ts';
import { LocalAccounts } from './accounts.ts';
import { COGNITO_PATH, localCognito } from './cognito.ts';

/**
 * The local Cognito endpoint against the AWS SDK's own Cognito client (its serializer and its error
 * parser, so the wire format is Cognito's) and against plain fetch as the app's page calls it; the
 * pre sign-up trigger is the very one the stack deploys. The clock is the test's.
 */
const CLIENT_ID = 'five-haves-local-client';
const PASSWORD = 'Correct-Horse-9';
let server: Server;
let endpoint: string;
let dataDir: string;
let accounts: LocalAccounts;
let mailer: Mailer;
let clock = Date.parse('2026-12-02T08:00:00Z');
let cognito: CognitoIdentityProviderClient;
let serial = 0;

const address = (what: string) => `${what}-${(serial += 1)}-${Date.now().toString(36)}@example.com`;
const attributes = (email: string, community = 'D01/S03/C07', name = '孙悦'): AttributeType[] => [
  { Name: 'email', Value: email },
  { Name: 'name', Value: name },
  { Name: 'custom:community', Value: community },
];
const signUp = (email: string, community?: string, password = PASSWORD) =>
  cognito.send(new SignUpCommand({ ClientId: CLIENT_ID, Username: email, Password: password, UserAttributes: attributes(email, community) }));
const confirm = (email: string, code: string) => cognito.send(new ConfirmSignUpCommand({ ClientId: CLIENT_ID, Username: email, ConfirmationCode: code }));
/** The newest code mailed to the address, read from the mailbox as a person would. */
async function codeFor(email: string): Promise<string> {
  const mail = (await mailer.sent()).find((m) => m.to === email);
  expect(mail, `a mail to ${email}`).toBeDefined();
  return /\b(\d{6})\b/.exec(mail!.text)![1]!;
}
const mailsTo = async (email: string) => (await mailer.sent()).filter((m) => m.to === email).length;

async function raw(target: string, body: unknown, init: RequestInit = {}) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` },
    body: JSON.stringify(body),
    ...init,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'five-haves-cognito-'));
  accounts = new LocalAccounts({ dataDir });
  // The local runtime's real SMTP server, in memory: the codes go over SMTP as under npm start.
  mailer = await startLocalMail({});
  const handle = localCognito({ accounts, mailer, clientId: CLIENT_ID, trigger: residentSignUp, now: () => clock });
  server = createServer((request, response) => {
    void handle(request, response).then((answered) => {
      if (!answered) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}${COGNITO_PATH}`;
  // SignUp, ConfirmSignUp and ResendConfirmationCode are unauthenticated: no credentials, as in the browser.
  cognito = new CognitoIdentityProviderClient({ region: 'cn-north-1', endpoint, credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } });
});

afterAll(async () => {
  cognito?.destroy();
  await new Promise((resolve) => server?.close(resolve));
  await mailer?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("the local Cognito endpoint: a resident's registration", () => {
  it('signs up unconfirmed, mails a code, and on the code makes a resident of the chosen community, kept in the data folder', async () => {
    const email = address('sun');
    const answer = await signUp(email, 'D01/S03/C07');
    expect(answer.UserConfirmed).toBe(false);
    expect(answer.UserSub).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.CodeDeliveryDetails).toEqual({ AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 's***@e***' });
    const mail = (await mailer.sent())[0]!;
    expect(mail).toMatchObject({ to: email, subject: VERIFICATION_EMAIL.subject });
    // Not an account before the code is typed back: the sign-in page does not offer it.
    expect(await accounts.findByEmail(email)).toBeUndefined();

    await confirm(email, await codeFor(email));
    const account = await accounts.findByEmail(email);
    expect(account).toMatchObject({ sub: answer.UserSub, name: '孙悦', roles: ['resident'], jurisdiction: 'D01/S03/C07', origin: 'registered' });
    expect(account).not.toHaveProperty('department');
    const kept = JSON.parse(await readFile(join(dataDir, 'sign-in', 'residents.json'), 'utf8')) as Array<{ email: string }>;
    expect(kept.map((r) => r.email)).toContain(email);
    const pending = JSON.parse(await readFile(join(dataDir, 'sign-in', 'unconfirmed.json'), 'utf8')) as Array<{ email: string }>;
    expect(pending.map((r) => r.email)).not.toContain(email);
    // A fresh provider on the same folder (a restart) still knows the resident.
    expect(await new LocalAccounts({ dataDir }).findByEmail(email)).toMatchObject({ jurisdiction: 'D01/S03/C07' });
  });

  it("runs the user pool's own pre sign-up trigger: a community off the district's list is refused, nothing kept, nothing mailed", async () => {
    const email = address('off-list');
    const refused = signUp(email, 'D09/S99/C99');
    await expect(refused).rejects.toBeInstanceOf(UserLambdaValidationException);
    await expect(refused).rejects.toThrow(/^PreSignUp failed with error Choose your community from the district’s list/);
    await expect(signUp(address('no-community'), '')).rejects.toThrow(/String must be no shorter than 11 characters/);
    expect(await accounts.findUnconfirmed(email)).toBeUndefined();
    expect(await mailsTo(email)).toBe(0);
  });

  it('refuses an attribute the site client may not write (a jurisdiction, a department) as Cognito does', async () => {
    const email = address('scope');
    const refused = cognito.send(
      new SignUpCommand({ ClientId: CLIENT_ID, Username: email, Password: PASSWORD, UserAttributes: [...attributes(email), { Name: 'custom:jurisdiction', Value: 'D01' }] }),
    );
    await expect(refused).rejects.toBeInstanceOf(NotAuthorizedException);
    expect(await accounts.findUnconfirmed(email)).toBeUndefined();
  });

  it("holds the password to the pool's policy", async () => {
    for (const weak of ['Short-1a', 'no-upper-case-1', 'NO-LOWER-CASE-1', 'No-Digits-Here', 'NoSymbols12345']) {
      await expect(signUp(address('weak'), undefined, weak), weak).rejects.toBeInstanceOf(InvalidPasswordException);
    }
  });

  it('an address already registered, or signed up and not confirmed, is UsernameExistsException', async () => {
    const email = address('twice');
    await signUp(email);
    await expect(signUp(email)).rejects.toBeInstanceOf(UsernameExistsException);
    await confirm(email, await codeFor(email));
    await expect(signUp(email.toUpperCase())).rejects.toThrow(/An account with the given email already exists/);
    await expect(signUp('resident-wang-fang@five-haves.local')).rejects.toBeInstanceOf(UsernameExistsException);
  });

  it('a wrong code is CodeMismatchException, and after five a new code must be sent', async () => {
    const email = address('wrong');
    await signUp(email);
    const code = await codeFor(email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) await expect(confirm(email, wrong)).rejects.toBeInstanceOf(CodeMismatchException);
    await expect(confirm(email, code)).rejects.toBeInstanceOf(TooManyFailedAttemptsException);
    await cognito.send(new ResendConfirmationCodeCommand({ ClientId: CLIENT_ID, Username: email }));
    await confirm(email, await codeFor(email));
    expect(await accounts.findByEmail(email)).toBeDefined();
  });

  it("a code is good for 24 hours on the runtime's clock; then ExpiredCodeException, and a resent code works", async () => {
    const email = address('late');
    await signUp(email);
    const code = await codeFor(email);
    clock += CONFIRMATION_CODE_TTL_MS + 1;
    await expect(confirm(email, code)).rejects.toBeInstanceOf(ExpiredCodeException);
    const resent = await cognito.send(new ResendConfirmationCodeCommand({ ClientId: CLIENT_ID, Username: email }));
    expect(resent.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', Destination: 'l***@e***' });
    const fresh = await codeFor(email);
    expect(await mailsTo(email)).toBe(2);
    await confirm(email, fresh);
    expect(await accounts.findByEmail(email)).toBeDefined();
  });

  it('does not tell whether an address exists (PreventUserExistenceErrors), and a confirmed one stays confirmed', async () => {
    const nobody = address('nobody');
    await expect(confirm(nobody, '123456')).rejects.toBeInstanceOf(CodeMismatchException);
    const resent = await cognito.send(new ResendConfirmationCodeCommand({ ClientId: CLIENT_ID, Username: nobody }));
    expect(resent.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    expect(await mailsTo(nobody)).toBe(0);
    await expect(confirm('resident-li-qiang@five-haves.local', '123456')).rejects.toThrow(/Current status is CONFIRMED/);
  });
});

describe('the local Cognito endpoint: the wire format the app calls', () => {
  it("answers JSON 1.1 with a request id; errors are HTTP 400 with Cognito's __type and message", async () => {
    const email = address('wire');
    const ok = await raw('SignUp', { ClientId: CLIENT_ID, Username: email, Password: PASSWORD, UserAttributes: attributes(email) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(ok.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(ok.body).sort()).toEqual(['CodeDeliveryDetails', 'UserConfirmed', 'UserSub']);

    const again = await raw('SignUp', { ClientId: CLIENT_ID, Username: email, Password: PASSWORD, UserAttributes: attributes(email) });
    expect(again.status).toBe(400);
    expect(again.headers.get('x-amzn-errortype')).toBe('UsernameExistsException:');
    expect(again.body).toEqual({ __type: 'UsernameExistsException', message: 'An account with the given email already exists.' });

    const confirmed = await raw('ConfirmSignUp', { ClientId: CLIENT_ID, Username: email, ConfirmationCode: await codeFor(email) });
    expect(confirmed).toMatchObject({ status: 200, body: {} });
  });

  it('refuses another client id, an unknown operation, a body that is not JSON, a missing member and a GET', async () => {
    expect((await raw('SignUp', { ClientId: 'someone-else', Username: address('x'), Password: PASSWORD })).body).toMatchObject({
      __type: 'ResourceNotFoundException',
      message: 'User pool client someone-else does not exist.',
    });
    expect((await raw('AdminCreateUser', { ClientId: CLIENT_ID })).body.__type).toBe('UnknownOperationException');
    expect((await raw('toString', { ClientId: CLIENT_ID })).body.__type).toBe('UnknownOperationException');
    expect((await raw('SignUp', null, { body: '{"ClientId":' })).body.__type).toBe('SerializationException');
    const missing = await raw('ConfirmSignUp', { ClientId: CLIENT_ID, Username: address('x') });
    expect(missing).toMatchObject({ status: 400, body: { __type: 'InvalidParameterException' } });
    expect(missing.body.message).toContain('confirmationCode');
    expect((await raw('SignUp', { ClientId: CLIENT_ID, Username: 'not-an-address', Password: PASSWORD })).body).toEqual({
      __type: 'InvalidParameterException',
      message: 'Username should be an email.',
    });
    const get = await fetch(endpoint);
    expect(get.status).toBe(404);
    expect(((await get.json()) as { __type: string }).__type).toBe('UnknownOperationException');
  });
});

import type { PreSignUpTriggerEvent, PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from './resident-sign-up.ts';

const signUp = (userAttributes: Record<string, string>, triggerSource = 'PreSignUp_SignUp') =>
  ({ triggerSource, request: { userAttributes }, response: {} }) as unknown as PreSignUpTriggerEvent;
const token = (userAttributes: Record<string, string>) =>
  ({ triggerSource: 'TokenGeneration_Authentication', request: { userAttributes, groupConfiguration: {} }, response: {} }) as unknown as PreTokenGenerationTriggerEvent;

describe('resident self sign-up in the user pool', () => {
  it('a sign-up naming a community on the district list passes', async () => {
    await expect(handler(signUp({ email: 'a@example.com', 'custom:community': 'D01/S03/C07' }))).resolves.toBeTruthy();
  });

  it('a sign-up with a community not on the list is refused', async () => {
    await expect(handler(signUp({ email: 'a@example.com', 'custom:community': 'D09/S99/C99' }))).rejects.toThrow(/community/);
  });

  it('a sign-up that writes a jurisdiction of its own is refused', async () => {
    await expect(handler(signUp({ 'custom:community': 'D01/S03/C07', 'custom:jurisdiction': 'D01' }))).rejects.toThrow(/only themselves/);
  });

  it("an administrator's AdminCreateUser of an official passes untouched", async () => {
    const event = signUp({ email: 'o@example.com', 'custom:jurisdiction': 'D01/S03' }, 'PreSignUp_AdminCreateUser');
    await expect(handler(event)).resolves.toEqual(event);
  });

  it("a self-registered resident's ID token says resident in their community, and nothing else", async () => {
    const event = await handler(token({ 'custom:community': 'D01/S03/C07' }));
    expect(event.response.claimsOverrideDetails).toEqual({
      claimsToAddOrOverride: { 'custom:jurisdiction': 'D01/S03/C07' },
      claimsToSuppress: ['custom:department'],
      groupOverrideDetails: { groupsToOverride: ['resident'] },
    });
  });

  it("an official's token (jurisdiction set by an administrator) is left as the pool makes it", async () => {
    const event = await handler(token({ 'custom:jurisdiction': 'D01/S03' }));
    expect(event.response.claimsOverrideDetails).toBeUndefined();
  });
});

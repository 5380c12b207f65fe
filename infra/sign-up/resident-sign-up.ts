import type { PreSignUpTriggerEvent, PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { isListedCommunity } from '../../kernel/places.ts';

/**
 * The user pool's triggers for residents who register themselves (DESIGN section 2). Officials are
 * created by administrators, who set their groups and `custom:jurisdiction`; a resident chooses a
 * community at sign-up (`custom:community`, immutable: written once, at sign-up, never again).
 *
 * - Pre sign-up: a self sign-up must name a community on the district's list (kernel/places.ts);
 *   an administrator's AdminCreateUser passes untouched.
 * - Pre token generation: a user with a community and no jurisdiction of an administrator's is a
 *   self-registered resident: the ID token says so, role `resident` in that community, and nothing
 *   else, whatever else the user wrote.
 */
export const COMMUNITY_ATTRIBUTE = 'custom:community';

export async function handler<E extends PreSignUpTriggerEvent | PreTokenGenerationTriggerEvent>(event: E): Promise<E> {
  const attributes = event.request.userAttributes;
  if (event.triggerSource === 'PreSignUp_SignUp') {
    const community = attributes[COMMUNITY_ATTRIBUTE];
    if (!community || !isListedCommunity(community)) {
      // Cognito answers UserLambdaValidationException with this message: the app's registration page
      // says it in the reader's language beside the community; managed login's own sign-up page
      // (which cannot ask for a community) shows it as it is, so it says where to register.
      throw new Error('Choose your community from the district’s list: register on the Five Haves site’s registration page (居民注册 / Register as a resident).');
    }
    if (attributes['custom:jurisdiction'] || attributes['custom:department']) {
      throw new Error('Residents register only themselves, in their community.');
    }
    return event;
  }
  if (event.triggerSource.startsWith('TokenGeneration_')) {
    const community = attributes[COMMUNITY_ATTRIBUTE];
    const tokens = event as PreTokenGenerationTriggerEvent;
    if (community && isListedCommunity(community) && !attributes['custom:jurisdiction']) {
      tokens.response.claimsOverrideDetails = {
        claimsToAddOrOverride: { 'custom:jurisdiction': community },
        claimsToSuppress: ['custom:department'],
        groupOverrideDetails: { groupsToOverride: ['resident'] },
      };
    }
    return event;
  }
  return event;
}

import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (an esbuild alias, see
 * `infra/bundle/options.ts`). Lambda always hands a function its role's credentials in the
 * environment (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), so the default
 * chain's other sources (profiles, SSO, web identity, IMDS, the STS and SSO clients they bring) are
 * dead weight in a bundle: about a fifth of it, and init time to parse.
 */
export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);

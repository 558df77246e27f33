/**
 * Bundle-time stand-in for @aws-sdk/credential-provider-node in the Lambda bundles.
 * A Lambda function's credentials are always its role's, in AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN; the default chain's SSO, STS, INI, IMDS and
 * process providers (and the nested clients they pull in, ~80 KB) are never used there.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init = {}) => fromEnv(init);
export const credentialsTreatedAsExpired = () => false;
export const credentialsWillNeedRefresh = () => false;

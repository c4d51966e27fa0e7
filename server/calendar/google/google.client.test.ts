import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { APP_ACCOUNT_SCOPES, googleAppAuth } from './google.client.js';

const base = {
  clientId: null,
  clientSecret: null,
  appRefreshToken: null,
  serviceAccount: null,
  apiRootUrl: 'http://127.0.0.1:1/',
  oauthTokenUrl: 'http://127.0.0.1:1/token',
  oauthAuthUrl: 'http://127.0.0.1:1/auth',
  timeoutMs: 1000,
};

describe('googleAppAuth (the shared-calendar app account)', () => {
  const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const serviceAccount = { clientEmail: 'sync@project.iam.gserviceaccount.com', privateKey };

  it('is not there without credentials', () => {
    expect(googleAppAuth(base)).toBeNull();
  });

  it('prefers the OAuth refresh token, whose token URL can be pointed elsewhere', () => {
    const auth = googleAppAuth({
      ...base,
      clientId: 'id',
      clientSecret: 'secret',
      appRefreshToken: '1//r',
      serviceAccount,
    });
    expect(auth?.constructor.name).toBe('OAuth2Client');
    expect(auth?.credentials.refresh_token).toBe('1//r');
  });

  it('falls back to a service account with the calendar scope', () => {
    const auth = googleAppAuth({ ...base, serviceAccount });
    expect(auth?.constructor.name).toBe('JWT');
    expect((auth as { email?: string }).email).toBe(serviceAccount.clientEmail);
    expect((auth as { scopes?: string[] }).scopes).toEqual(APP_ACCOUNT_SCOPES);
  });
});

/**
 * A real OpenID Connect provider (oidc-provider 8) on 127.0.0.1 for login tests: one confidential
 * client that must use PKCE, accounts whose `sub` is whatever subject the test allows, and the
 * library's development login and consent pages (any password is accepted).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Errors the provider hit while serving requests (should stay empty). */
  errors: string[];
  /** The environment that points Kedjan at this provider. */
  env(extra?: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
}

export async function startOidcProvider(options: {
  /** Redirect URIs of the client (Kedjan's `<public URL>/auth/callback`). */
  redirectUris: string[];
  /** Subjects the provider knows; each logs in by typing it as the login name. */
  subjects: string[];
}): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'kedjan-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const known = new Set(options.subjects);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const errors: string[] = [];

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
    findAccount: (_ctx, id) =>
      known.has(id)
        ? { accountId: id, claims: () => ({ sub: id, name: `Test ${id}`, email: `${id}@idp.test` }) }
        : undefined,
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    features: { devInteractions: { enabled: true } },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
    },
  });
  provider.on('server_error', (_ctx, error) => errors.push(`${error.name}: ${error.message}`));
  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    errors,
    env: (extra = {}) => ({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_SCOPES: 'openid profile email',
      ...extra,
    }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

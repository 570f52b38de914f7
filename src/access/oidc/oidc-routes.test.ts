import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { ServerDeps } from '../../http/context.ts';
import { registerOidcRoutes } from './oidc-routes.ts';

const depsWith = (env: Record<string, string>) => ({ config: loadConfig(env) }) as unknown as ServerDeps;

describe('registerOidcRoutes', () => {
  it('refuses a plain-http issuer other than localhost at start', () => {
    const app = Fastify();
    expect(() =>
      registerOidcRoutes(app, depsWith({ OIDC_ISSUER: 'http://idp.example', OIDC_CLIENT_ID: 'kedjan' })),
    ).toThrow(/https/);
  });

  it('accepts plain http for localhost and 127.0.0.1, and registers the two routes', async () => {
    for (const issuer of ['http://localhost:8080', 'http://127.0.0.1:8080/realms/x', 'https://idp.example']) {
      const app = Fastify();
      registerOidcRoutes(app, depsWith({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'kedjan' }));
      await app.ready();
      expect(app.hasRoute({ method: 'GET', url: '/auth/login' })).toBe(true);
      expect(app.hasRoute({ method: 'GET', url: '/auth/callback' })).toBe(true);
      await app.close();
    }
  });

  it('registers nothing without OIDC configuration', async () => {
    const app = Fastify();
    registerOidcRoutes(app, depsWith({}));
    await app.ready();
    expect(app.hasRoute({ method: 'GET', url: '/auth/login' })).toBe(false);
    await app.close();
  });
});

/** OpenID Connect login (authorization code + PKCE). Placeholder until the OIDC module lands. */
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../http/context.ts';

export function registerOidcRoutes(_app: FastifyInstance, _deps: ServerDeps): void {}

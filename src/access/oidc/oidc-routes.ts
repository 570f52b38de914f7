/**
 * OpenID Connect login: authorization code flow with PKCE (S256), state and nonce.
 *
 * `GET /auth/login` discovers the provider (once, on first use), remembers state, nonce and code
 * verifier in the authenticated `kedjan_oidc` cookie and redirects to the provider.
 * `GET /auth/callback` checks the provider's answer against that cookie (openid-client checks
 * state, the ID token and its nonce, and sends the verifier), matches the `sub` claim to an active
 * user, starts a Kedjan session and redirects to the start page. Any failure redirects to
 * `/login?fel=inloggning`. Both outcomes are audit-logged; tokens and claims other than ids are
 * never logged.
 *
 * These are browser navigations, not JSON endpoints, so they are plain routes hidden from OpenAPI.
 */
import { maskDigits } from '../../shared/mask.ts';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import type { AuditEvent } from '../../audit/domain/audit-event.ts';
import { appendAuditEvent } from '../../audit/db/audit-writer.ts';
import type { OidcConfig } from '../../config.ts';
import type { ServerDeps } from '../../http/context.ts';
import { auditEvent } from '../../http/endpoint.ts';
import { setSessionCookie } from '../../http/security.ts';
import { createSession, endSession } from '../db/sessions.ts';
import { LOGIN_STATE_TTL_MS, openLoginState, sealLoginState } from './login-state.ts';
import { findOidcUser } from './oidc-user.ts';

export const OIDC_LOGIN_COOKIE = 'kedjan_oidc';
/** The cookie is only ever needed by the callback. */
const LOGIN_COOKIE_PATH = '/auth/callback';
const LOGIN_FAILED_REDIRECT = '/login?fel=inloggning';
const ACTION = 'auth.oidc-login';
const SYSTEM_MUNICIPALITY = '0000';
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

export function registerOidcRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const oidc = deps.config.oidc;
  if (!oidc) return;
  const provider = providerClient(oidc, app.log);

  app.get('/auth/login', { schema: { hide: true }, config: { action: ACTION } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const now = deps.clock.now();
    let configuration: client.Configuration;
    try {
      configuration = await provider();
    } catch (error) {
      request.log.warn({ err: describeError(error) }, 'OIDC provider discovery failed');
      await audit(request, deps, systemEvent(request, ACTION, 'failed', now, 'SERVICE_UNAVAILABLE'));
      return reply.redirect(LOGIN_FAILED_REDIRECT, 302);
    }
    const pending = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    const authorizationUrl = client.buildAuthorizationUrl(configuration, {
      redirect_uri: oidc.redirectUri,
      scope: oidc.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    reply.setCookie(OIDC_LOGIN_COOKIE, sealLoginState(pending, deps.config.sessionSecret, now), {
      path: LOGIN_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.cookieSecure,
      maxAge: LOGIN_STATE_TTL_MS / 1000,
    });
    return reply.redirect(authorizationUrl.href, 302);
  });

  app.get(
    '/auth/callback',
    { schema: { hide: true }, config: { action: ACTION } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      // Whatever happens, the pending login is used up.
      reply.clearCookie(OIDC_LOGIN_COOKIE, {
        path: LOGIN_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.cookieSecure,
      });
      const now = deps.clock.now();
      const refuse = async (reason: string, details: Record<string, unknown> = {}) => {
        request.log.warn({ reason, ...details }, 'OIDC login refused');
        await audit(request, deps, systemEvent(request, ACTION, 'denied', now, 'LOGIN_FAILED'));
        return reply.redirect(LOGIN_FAILED_REDIRECT, 302);
      };

      const pending = openLoginState(request.cookies[OIDC_LOGIN_COOKIE], deps.config.sessionSecret, now);
      if (!pending) return refuse('missing, altered or expired login state cookie');

      let subject: string | undefined;
      try {
        const configuration = await provider();
        // The redirect URI as registered, with the provider's answer (code, state, iss or error).
        const currentUrl = new URL(oidc.redirectUri);
        currentUrl.search = new URL(request.url, oidc.redirectUri).search;
        const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          pkceCodeVerifier: pending.codeVerifier,
          idTokenExpected: true,
        });
        subject = tokens.claims()?.sub;
      } catch (error) {
        return refuse('authorization response or code exchange failed', { err: describeError(error) });
      }
      if (!subject) return refuse('ID token without subject');

      let session: { cookieValue: string; expiresAt: Date };
      try {
        const found = await findOidcUser(deps.db, oidc.municipalityId, subject);
        if (found.status !== 'found') {
          return await refuse(
            found.status === 'no-municipality'
              ? 'no municipality: set OIDC_MUNICIPALITY when there are several'
              : 'no active user with this subject',
            // A subject may be a personnummer (e-legitimation): masked.
            {
              subject: maskDigits(subject),
              municipalityId: found.status === 'unknown-user' ? found.municipalityId : null,
            },
          );
        }
        session = await signIn(deps, request, found, now);
      } catch (error) {
        request.log.error({ err: describeError(error) }, 'OIDC login failed');
        await audit(request, deps, systemEvent(request, ACTION, 'failed', now, 'INTERNAL_ERROR'));
        return reply.redirect(LOGIN_FAILED_REDIRECT, 302);
      }
      setSessionCookie(reply, deps, session.cookieValue, session.expiresAt);
      return reply.redirect('/', 302);
    },
  );
}

/**
 * One transaction: ends the browser's previous session (a login replaces it), starts the user's
 * session and records the login in the audit log.
 */
async function signIn(
  deps: ServerDeps,
  request: FastifyRequest,
  user: { municipalityId: string; userId: string },
  now: Date,
): Promise<{ cookieValue: string; expiresAt: Date }> {
  const session = await deps.db.transaction().execute(async (db) => {
    const previous = request.principal;
    if (previous) await endSession(db, previous.municipalityId, previous.session.tokenHash, now);
    const created = await createSession(db, {
      municipalityId: user.municipalityId,
      userId: user.userId,
      authMethod: 'oidc',
      now,
      policy: deps.config.session,
    });
    await appendAuditEvent(db, {
      ...auditEvent(request, ACTION, 'allowed', 302, {}, now),
      municipalityId: user.municipalityId,
      actorUserId: user.userId,
    });
    return created;
  });
  request.audited = true;
  return session;
}

/** The provider's configuration, discovered on first use and kept; a failed discovery is retried. */
function providerClient(oidc: OidcConfig, log: FastifyBaseLogger): () => Promise<client.Configuration> {
  const issuer = new URL(oidc.issuer);
  const insecure = issuer.protocol === 'http:';
  if (insecure && !LOCAL_HOSTS.has(issuer.hostname)) {
    throw new Error('OIDC_ISSUER must use https (plain http is allowed only for localhost and 127.0.0.1)');
  }
  const clientAuth = oidc.clientSecret ? client.ClientSecretBasic(oidc.clientSecret) : client.None();
  let discovered: Promise<client.Configuration> | undefined;
  return () => {
    discovered ??= client
      .discovery(
        issuer,
        oidc.clientId,
        undefined,
        clientAuth,
        insecure ? { execute: [client.allowInsecureRequests] } : {},
      )
      .then((configuration) => {
        log.info({ issuer: configuration.serverMetadata().issuer }, 'OIDC provider discovered');
        return configuration;
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };
}

/** A login event before anyone is known: no actor, the system municipality. */
function systemEvent(
  request: FastifyRequest,
  action: string,
  outcome: AuditEvent['outcome'],
  now: Date,
  errorCode: string,
): AuditEvent {
  return {
    ...auditEvent(request, action, outcome, 302, {}, now, errorCode),
    municipalityId: SYSTEM_MUNICIPALITY,
    actorUserId: null,
  };
}

async function audit(request: FastifyRequest, deps: ServerDeps, event: AuditEvent): Promise<void> {
  request.audited = true;
  try {
    await deps.auditQueue.append(event);
  } catch (error) {
    request.log.error({ err: describeError(error) }, 'could not write audit event');
  }
}

/**
 * Only the kind of error and its protocol code: provider responses and library messages can
 * quote tokens or claims, so messages are not logged.
 */
function describeError(error: unknown): Record<string, unknown> {
  const e = error as { name?: unknown; code?: unknown; error?: unknown; status?: unknown; cause?: unknown };
  const cause = e?.cause as { code?: unknown } | undefined;
  return {
    name: typeof e?.name === 'string' ? e.name : typeof error,
    code: typeof e?.code === 'string' ? e.code : undefined,
    error: typeof e?.error === 'string' ? e.error : undefined,
    status: typeof e?.status === 'number' ? e.status : undefined,
    cause: typeof cause?.code === 'string' ? cause.code : undefined,
  };
}

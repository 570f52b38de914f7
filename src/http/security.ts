/**
 * Session, CSRF and security headers for every request.
 * CSRF: a state-changing request must echo a token in `x-csrf-token` — the session's token when
 * logged in, otherwise the `kedjan_csrf` cookie (double submit, for the login calls).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomToken, lookupSession, parseSessionCookie } from '../access/db/sessions.ts';
import { localeFromAcceptLanguage } from '../i18n/catalogue.ts';
import { AppError } from '../shared/errors.ts';
import type { ServerDeps } from './context.ts';

export const SESSION_COOKIE = 'kedjan_session';
export const CSRF_COOKIE = 'kedjan_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const isApiPath = (url: string) => url.startsWith('/api/') || url.startsWith('/auth/');

export function registerSecurity(app: FastifyInstance, deps: ServerDeps): void {
  app.decorateRequest('locale', 'sv');
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionStatus', 'none');
  app.decorateRequest('audited', false);
  app.decorateRequest('auditNotes', undefined);

  app.addHook('onRequest', async (request, reply) => {
    request.locale = localeFromAcceptLanguage(request.headers['accept-language']);
    if (!isApiPath(request.url)) return;
    const cookie = parseSessionCookie(request.cookies[SESSION_COOKIE]);
    if (cookie) {
      const found = await lookupSession(
        deps.db,
        cookie,
        deps.clock.now(),
        deps.config.session,
        deps.sessionCache,
      );
      request.sessionStatus = found.status;
      if (found.status === 'active') request.principal = found.principal;
      else clearSessionCookie(reply, deps);
    }
    if (!request.cookies[CSRF_COOKIE]) {
      reply.setCookie(CSRF_COOKIE, randomToken(), {
        path: '/',
        sameSite: 'strict',
        secure: deps.config.cookieSecure,
        httpOnly: false,
      });
    }
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'",
    );
    return payload;
  });
}

/** Run by every endpoint after authentication (so an anonymous call gets 401 first). */
export function checkCsrf(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const sent = request.headers['x-csrf-token'];
  const expected = request.principal?.session.csrfToken ?? request.cookies[CSRF_COOKIE];
  if (typeof sent !== 'string' || !expected || sent !== expected) throw new AppError('CSRF_TOKEN_INVALID');
}

export function setSessionCookie(
  reply: FastifyReply,
  deps: ServerDeps,
  value: string,
  expiresAt: Date,
): void {
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.cookieSecure,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: ServerDeps): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.cookieSecure,
  });
}

/**
 * The HTTP server: plugins (cookies, OpenAPI, static UI), security hooks, one error handler
 * that answers problem+json and audit-logs every denial, and the routes of each part.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { responseSerializerCompiler } from './response-serializer.ts';
import { sql } from 'kysely';
import { registerAccessRoutes } from '../access/api/routes.ts';
import { registerAssistanceRoutes } from '../assistance/api/routes.ts';
import { registerAuditRoutes } from '../audit/api/routes.ts';
import { registerFollowupRoutes } from '../followup/api/routes.ts';
import { registerLabourRoutes } from '../labour/api/routes.ts';
import { registerPeopleRoutes } from '../people/api/routes.ts';
import { AppError } from '../shared/errors.ts';
import { maskDigits } from '../shared/mask.ts';
import type { ServerDeps } from './context.ts';
import { auditEvent } from './endpoint.ts';
import { build, toProblem } from './problem.ts';
import { registerSecurity } from './security.ts';
import './request-state.ts';

export const API_BODY_LIMIT = 256 * 1024;

export interface ServerOptions {
  /** Extra route registrations (e.g. OpenID Connect), so the server does not depend on them. */
  plugins?: ((app: FastifyInstance, deps: ServerDeps) => void | Promise<void>)[];
  logger?: boolean;
}

export async function buildServer(deps: ServerDeps, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            serializers: {
              req: (req: FastifyRequest) => ({ method: req.method, url: maskDigits(req.url), id: req.id }),
            },
          },
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: API_BODY_LIMIT,
    trustProxy: false,
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Kedjan API',
        description:
          'Kedjan – från försörjningsstöd till egen försörjning. Every endpoint names its action and the permission it needs (x-action, x-permission).',
        version: '1',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kedjan_session' } },
      },
    },
    transform: (input) => {
      const transformed = jsonSchemaTransform(input);
      const config = input.route.config as { action?: string; permission?: string } | undefined;
      return {
        ...transformed,
        schema: { ...transformed.schema, 'x-action': config?.action, 'x-permission': config?.permission },
      } as typeof transformed;
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerSecurity(app, deps);
  registerErrorHandling(app, deps);

  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`SELECT 1 FROM schema_migration LIMIT 1`.execute(deps.db);
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'not-ready' });
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAccessRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerFollowupRoutes(app, deps);
  registerAssistanceRoutes(app, deps);
  registerLabourRoutes(app, deps);
  for (const plugin of options.plugins ?? []) await plugin(app, deps);

  await registerWebApp(app, deps);
  return app;
}

function registerErrorHandling(app: FastifyInstance, deps: ServerDeps): void {
  app.setErrorHandler(async (error, request, reply) => {
    const { problem, unexpected } = toProblem(error, request.locale);
    if (unexpected) request.log.error({ err: scrub(error) }, 'unexpected error');
    await auditFailure(request, deps, problem.status, problem.code);
    return reply.code(problem.status).type('application/problem+json').send(problem);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const problem = build('ROUTE_NOT_FOUND', request.locale);
    await auditFailure(request, deps, problem.status, problem.code);
    return reply.code(404).type('application/problem+json').send(problem);
  });
}

/** Every denied or failed request is logged, with whatever persons it had touched. */
async function auditFailure(request: FastifyRequest, deps: ServerDeps, status: number, code: string) {
  if (request.audited) return;
  request.audited = true;
  const action = request.routeOptions.config?.action ?? 'http.request';
  try {
    await deps.auditQueue.append(
      auditEvent(
        request,
        action,
        status >= 500 ? 'failed' : 'denied',
        status,
        request.auditNotes ?? {},
        deps.clock.now(),
        code,
      ),
    );
  } catch (error) {
    request.log.error({ err: scrub(error) }, 'could not write audit event');
  }
}

/** Errors may carry SQL parameters or request values: log only their name, code and message. */
function scrub(error: unknown) {
  const e = error as { name?: string; code?: string; message?: string };
  return { name: e?.name, code: e?.code, message: maskDigits(String(e?.message ?? '')) };
}

async function registerWebApp(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const root = deps.config.webRoot;
  const hasUi = existsSync(path.join(root, 'index.html'));
  if (hasUi) {
    await app.register(fastifyStatic, { root, wildcard: false, index: false, maxAge: '1h' });
  }
  // Client-side routes: any other GET that wants HTML gets the app shell.
  app.get('/*', { schema: { hide: true }, config: { action: 'http.request' } }, async (request, reply) => {
    const accept = request.headers.accept ?? '';
    if (
      !accept.includes('text/html') ||
      request.url.startsWith('/api/') ||
      request.url.startsWith('/auth/')
    ) {
      throw new AppError('ROUTE_NOT_FOUND');
    }
    if (!hasUi) {
      return reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="sv"><title>Kedjan</title><p>Gränssnittet är inte byggt. Kör <code>npm start</code>.</p></html>',
        );
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}

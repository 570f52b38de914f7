/**
 * Declares an API endpoint: its action, the permission it needs, its schemas and its handler.
 * The pipeline is: authenticate → check permission → validate → (transaction) handler → audit
 * event, written in the same transaction as the change it records.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasPermission } from '../access/domain/permissions.ts';
import type { Principal } from '../access/domain/principal.ts';
import type { AuditEvent } from '../audit/domain/audit-event.ts';
import { appendAuditEvent } from '../audit/db/audit-writer.ts';
import type { Database } from '../db/connection.ts';
import type { Locale } from '../i18n/catalogue.ts';
import { AppError } from '../shared/errors.ts';
import type { ServerDeps } from './context.ts';
import type { AuditNotes, EndpointPermission } from './request-state.ts';
import { SerializedJson } from './serialized-json.ts';

export type { AuditNotes };
import { checkCsrf } from './security.ts';

export interface EndpointContext<Params, Query, Body, P extends Principal | null> {
  db: Database;
  principal: P;
  params: Params;
  query: Query;
  body: Body;
  locale: Locale;
  audit: AuditNotes;
  deps: ServerDeps;
  request: FastifyRequest;
  reply: FastifyReply;
  now: Date;
}

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

interface EndpointBase<
  Perm extends EndpointPermission,
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  action: string;
  permission: Perm;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** Runs the handler and the audit event in one transaction. */
  write?: boolean;
  /** Whether to write an audit event when the request succeeds (default: yes). */
  audit?: boolean;
  /** The response carries personal data: never cache it. */
  personalData?: boolean;
  /** Changes who may do what (roles, users, sessions): checked sessions are forgotten after commit. */
  changesAccess?: boolean;
}

type PrincipalFor<Perm> = Perm extends 'public' ? Principal | null : Principal;

/** A document the endpoint answers with instead of JSON (a PDF, a bank file). */
export interface FileResponse {
  body: Buffer | string;
  contentType: string;
  fileName: string;
}

export type EndpointDef<
  Perm extends EndpointPermission,
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  R extends Schema | undefined,
> = EndpointBase<Perm, P, Q, B> &
  (
    | {
        /** Success body schema; without one the endpoint answers 204 No Content. */
        response?: R;
        status?: 200 | 201;
        file?: false;
        /** May answer with a body already serialised for the response schema (serialized-json.ts). */
        handler: (
          ctx: EndpointContext<Out<P>, Out<Q>, Out<B>, PrincipalFor<Perm>>,
        ) => Promise<Out<R> | SerializedJson<Out<R>>>;
      }
    | {
        response?: undefined;
        status?: undefined;
        /** The endpoint answers 200 with a file, sent as an attachment. */
        file: true;
        handler: (ctx: EndpointContext<Out<P>, Out<Q>, Out<B>, PrincipalFor<Perm>>) => Promise<FileResponse>;
      }
  );

export function registerEndpoint<
  Perm extends EndpointPermission,
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema | undefined = undefined,
>(app: FastifyInstance, deps: ServerDeps, def: EndpointDef<Perm, P, Q, B, R>): void {
  const successStatus = def.response || def.file ? (def.status ?? 200) : 204;
  app.withTypeProvider<ZodTypeProvider>().route({
    method: def.method,
    url: def.url,
    config: { action: def.action, permission: def.permission },
    schema: {
      summary: def.summary,
      tags: def.tags,
      ...(def.params ? { params: def.params } : {}),
      ...(def.query ? { querystring: def.query } : {}),
      ...(def.body ? { body: def.body } : {}),
      ...(def.file
        ? {}
        : {
            response: def.response
              ? { [successStatus]: def.response }
              : { 204: z.null().describe('No Content') },
          }),
    },
    preValidation: async (request) => authorize(request, def.permission),
    handler: async (request, reply) => {
      const now = deps.clock.now();
      const audit: AuditNotes = {
        personIds: new Set(),
        caseIds: new Set(),
        purpose: null,
        criteria: undefined,
        action: undefined,
      };
      request.auditNotes = audit;
      const run = async (db: Database) => {
        const result = await def.handler({
          db,
          principal: request.principal as PrincipalFor<Perm>,
          params: request.params as Out<P>,
          query: request.query as Out<Q>,
          body: request.body as Out<B>,
          locale: request.locale,
          audit,
          deps,
          request,
          reply,
          now,
        });
        if (def.audit !== false) {
          const event = auditEvent(request, def.action, 'allowed', successStatus, audit, now);
          // A change's event commits with it; a read's joins the others waiting to be written.
          await (def.write ? appendAuditEvent(db, event) : deps.auditQueue.append(event));
          request.audited = true;
        }
        return result;
      };
      const result = def.write ? await deps.db.transaction().execute(run) : await run(deps.db);
      if (def.changesAccess) deps.sessionCache.clear();
      if (def.personalData) reply.header('cache-control', 'no-store');
      if (def.file) {
        const file = result as FileResponse;
        reply.code(200).type(file.contentType);
        reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
        return reply.send(file.body);
      }
      reply.code(successStatus as 204);
      if (result instanceof SerializedJson)
        return reply.type('application/json; charset=utf-8').send(result.body);
      return successStatus === 204 ? reply.send() : result;
    },
  });
}

function authorize(request: FastifyRequest, permission: EndpointPermission): void {
  const principal = request.principal;
  if (permission !== 'public' && !principal) {
    throw new AppError(request.sessionStatus === 'expired' ? 'SESSION_EXPIRED' : 'NOT_AUTHENTICATED');
  }
  checkCsrf(request);
  if (!principal || permission === 'public') return;
  if (permission !== 'authenticated' && !hasPermission(principal.roles, permission)) {
    throw new AppError('FORBIDDEN');
  }
}

export function auditEvent(
  request: FastifyRequest,
  action: string,
  outcome: AuditEvent['outcome'],
  status: number,
  notes: Partial<AuditNotes>,
  now: Date,
  errorCode?: string,
): AuditEvent {
  const principal = request.principal;
  return {
    id: randomUUID(),
    occurredAt: now.toISOString(),
    municipalityId:
      principal?.municipalityId ?? notes.actor?.municipalityId ?? notes.municipalityId ?? '0000',
    actorUserId: principal?.userId ?? notes.actor?.userId ?? null,
    action: notes.action ?? action,
    outcome,
    personIds: [...(notes.personIds ?? [])].sort(),
    caseIds: [...(notes.caseIds ?? [])].sort(),
    purpose: notes.purpose ?? null,
    ...(notes.criteria ? { criteria: notes.criteria } : {}),
    request: {
      id: String(request.id),
      method: request.method,
      route: request.routeOptions.url ?? null,
      status,
      errorCode,
      ip: request.ip ?? null,
    },
  };
}

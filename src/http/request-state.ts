/** Per-request state added to Fastify's request. */
import type { Principal } from '../access/domain/principal.ts';
import type { Permission } from '../access/domain/permissions.ts';
import type { AccessPurpose } from '../access/domain/purposes.ts';
import type { Locale } from '../i18n/catalogue.ts';

/** What the handler tells the audit log about the request. */
export interface AuditNotes {
  personIds: Set<string>;
  caseIds: Set<string>;
  purpose: AccessPurpose | null;
  criteria: Record<string, string> | undefined;
  /** Overrides the endpoint's action, e.g. when a read turns out to open a protected identity. */
  action: string | undefined;
  /** Who acted, when the request had no session yet (a login). */
  actor?: { municipalityId: string; userId: string };
  /** The municipality of a request without any user (a citizen's e-application). */
  municipalityId?: string;
}

export type EndpointPermission = Permission | 'authenticated' | 'public';

export interface EndpointConfig {
  action: string;
  permission: EndpointPermission;
}

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    principal: Principal | null;
    sessionStatus: 'none' | 'expired' | 'active';
    /** Set once the request's own audit event is written, so the error path does not write a second. */
    audited: boolean;
    /** What the handler noted for the audit log so far; the error path logs it too. */
    auditNotes: Partial<AuditNotes> | undefined;
  }
  interface FastifyContextConfig {
    action?: string;
    permission?: EndpointPermission;
  }
}

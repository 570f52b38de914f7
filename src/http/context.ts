/** What the server hands to every route: the database, the clock and the settings. */
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/connection.ts';
import type { Clock } from '../shared/clock.ts';
import type { SessionCache } from '../access/db/session-cache.ts';
import type { AuditQueue } from '../audit/db/audit-queue.ts';

export interface ServerDeps {
  db: Database;
  config: AppConfig;
  clock: Clock;
  sessionCache: SessionCache;
  /** Writes the audit events of requests that change nothing, many at once. */
  auditQueue: AuditQueue;
}

/** The OpenAPI document, generated from the route schemas (committed as docs/openapi.json). */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../config.ts';
import { registerOidcRoutes } from '../access/oidc/oidc-routes.ts';
import type { DB } from '../db/schema.ts';
import { systemClock } from '../shared/clock.ts';
import { AuditQueue } from '../audit/db/audit-queue.ts';
import { SessionCache } from '../access/db/session-cache.ts';
import { buildServer } from './server.ts';

export async function generateOpenApi(): Promise<string> {
  // The document needs the routes, not a database: this pool never connects.
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }) });
  const config = loadConfig({ KEDJAN_DEMO: 'true', KEDJAN_LOG_LEVEL: 'silent' });
  const app = await buildServer(
    { db, config, clock: systemClock, sessionCache: new SessionCache(), auditQueue: new AuditQueue(db) },
    { logger: false, plugins: [registerOidcRoutes] },
  );
  await app.ready();
  const document = JSON.stringify(app.swagger(), null, 2) + '\n';
  await app.close();
  await db.destroy();
  return document;
}

/**
 * Starting Kedjan: open the database, migrate, fill the demo municipality on first start, switch
 * to the application role and build the server.
 */
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from './config.ts';
import { AuditQueue } from './audit/db/audit-queue.ts';
import { ensureAuditChains } from './audit/db/audit-writer.ts';
import { openDatabase, useApplicationRole, type DatabaseHandle } from './db/connection.ts';
import { migrate } from './db/migrate.ts';
import type { ServerDeps } from './http/context.ts';
import { buildServer, type ServerOptions } from './http/server.ts';
import { systemClock, type Clock } from './shared/clock.ts';
import { registerOidcRoutes } from './access/oidc/oidc-routes.ts';
import { ACCESS_CHANGED_CHANNEL, SessionCache } from './access/db/session-cache.ts';

export interface Kedjan {
  app: FastifyInstance;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** Opens the configured database, migrated, as the owner (for migrations and seeding). */
export async function openOwnerDatabase(config: AppConfig): Promise<DatabaseHandle> {
  const handle = await openDatabase(
    config.database.kind === 'postgres'
      ? { kind: 'postgres', url: config.database.url, poolSize: 2 }
      : { kind: 'pglite', dataDir: config.database.dataDir },
  );
  try {
    await migrate(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

export async function createKedjan(
  config: AppConfig,
  options: { clock?: Clock; logger?: boolean; database?: DatabaseHandle } & Pick<
    ServerOptions,
    'plugins'
  > = {},
): Promise<Kedjan> {
  const clock = options.clock ?? systemClock;
  let database = options.database ?? (await openOwnerDatabase(config));
  if (!options.database) {
    if (config.demoMode) {
      // Loaded only here: the generator is not needed once the demo exists.
      const { ensureDemo } = await import('./demo/ensure-demo.ts');
      await ensureDemo(database.db, clock, (message) => console.log(message));
    }
    await ensureAuditChains(database.db);
    if (database.kind === 'postgres' && config.database.kind === 'postgres') {
      await database.close();
      database = await openDatabase({
        kind: 'postgres',
        url: config.database.url,
        poolSize: config.database.poolSize,
        asApplicationRole: true,
      });
    } else {
      await useApplicationRole(database);
    }
  }
  const sessionCache = new SessionCache(config.session.cacheMs);
  const stopListening =
    config.session.cacheMs > 0 ? await keepInSync(database, sessionCache) : async () => {};
  const deps: ServerDeps = {
    db: database.db,
    config,
    clock,
    sessionCache,
    auditQueue: new AuditQueue(database.db),
  };
  const app = await buildServer(deps, {
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    plugins: [registerOidcRoutes, ...(options.plugins ?? [])],
  });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await stopListening();
      await database.close();
    },
  };
}

/**
 * The session cache is on only while this server hears the database's access-change
 * notifications; if the subscription breaks, the cache is bypassed until it is back.
 */
async function keepInSync(database: DatabaseHandle, cache: SessionCache): Promise<() => Promise<void>> {
  let unlisten: (() => Promise<void>) | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;
  const subscribe = async (): Promise<void> => {
    try {
      unlisten = await database.listen(
        ACCESS_CHANGED_CHANNEL,
        () => cache.clear(),
        () => {
          cache.disable();
          scheduleRetry();
        },
      );
      cache.enable();
    } catch {
      cache.disable();
      scheduleRetry();
    }
  };
  const scheduleRetry = () => {
    if (closed) return;
    retry = setTimeout(() => void subscribe(), 2_000);
    retry.unref();
  };
  await subscribe();
  return async () => {
    closed = true;
    clearTimeout(retry);
    cache.disable();
    await unlisten?.().catch(() => undefined);
  };
}

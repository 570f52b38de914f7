/**
 * The baseline of `npm run bench`: a bare `node:http` server, no framework, that per request runs
 * exactly the SQL Kedjan runs for the person view and the person search — the same select(s) and
 * the same audit write — and nothing else (no session lookup, no CSRF, no validation, no
 * response schema: that is Kedjan's extra work).
 *
 * "Exactly the same SQL": the statements are compiled from Kedjan's own query functions
 * (`findPersonDetail`, `searchPersons`) through a Kysely instance whose driver only records the
 * compiled statements. Compiling happens once per distinct person id / search text (cached), so
 * the request path builds no query. The audit events go through Kedjan's own `AuditQueue`, which
 * writes those of concurrent requests together, as Kedjan does. The compiled statements are sent through
 * Kedjan's own database connection (`openDatabase`: the same pg pool and size, application role,
 * type parsers and statement protocol, e.g. named prepared statements), as precompiled queries.
 *
 * Environment: DATABASE_URL, PORT, POOL_SIZE (10), BENCH_PRINCIPAL (JSON: userId, municipalityId, roles).
 * Answers GET /api/v1/persons/:id and POST /api/v1/persons/search {query, limit?}; GET /ready.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { Principal } from '../src/access/domain/principal.ts';
import { AuditQueue } from '../src/audit/db/audit-queue.ts';
import type { AuditEvent } from '../src/audit/domain/audit-event.ts';
import { openDatabase, type Database } from '../src/db/connection.ts';
import { findPersonDetail, searchPersons, type PersonDetailRow } from '../src/people/db/person-queries.ts';
import { presentPersonDetail } from '../src/people/api/person-presenter.ts';
import { swedishToday } from '../src/shared/clock.ts';

interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

/** A Kysely driver that runs nothing: it records each compiled statement and answers one fake row. */
class RecordingDriver implements Driver {
  recorded: Statement[] = [];
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return {
      executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
        this.recorded.push({ sql: query.sql, parameters: query.parameters });
        return { rows: [{ n: 0 } as R], numAffectedRows: 1n };
      },
      // eslint-disable-next-line require-yield
      streamQuery: async function* () {
        throw new Error('not supported');
      },
    };
  }
  async beginTransaction() {}
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {}
}

const recorder = new RecordingDriver();
const compiler: Database = new Kysely({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => recorder,
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

async function record(run: () => Promise<unknown>): Promise<Statement[]> {
  recorder.recorded = [];
  try {
    await run();
  } catch {
    // The fake rows may not satisfy the caller's post-processing; the statements are recorded.
  }
  const statements = recorder.recorded;
  recorder.recorded = [];
  return statements;
}

const env = process.env;
const principalInput = JSON.parse(env.BENCH_PRINCIPAL ?? '{}') as Pick<
  Principal,
  'userId' | 'municipalityId' | 'roles'
>;
if (!principalInput.userId || !principalInput.municipalityId) throw new Error('BENCH_PRINCIPAL is required');
const principal: Principal = {
  userId: principalInput.userId,
  municipalityId: principalInput.municipalityId,
  roles: principalInput.roles ?? [],
  displayName: '',
  municipalityName: '',
  permissions: [],
  protectedIdentityClearance: false,
  session: { tokenHash: '', csrfToken: '', authMethod: 'demo' },
};

const MAX_CACHED = 10_000;
const personStatements = new Map<string, Statement>();
const searchStatements = new Map<string, { rows: Statement; count: Statement | undefined }>();

async function personStatement(personId: string): Promise<Statement> {
  let statement = personStatements.get(personId);
  if (!statement) {
    const recorded = await record(() => findPersonDetail(compiler, principal, personId));
    const s = recorded[0];
    if (!s || recorded.length !== 1) {
      throw new Error(
        `findPersonDetail compiled to ${recorded.length} statements; the baseline needs updating`,
      );
    }
    statement = s;
    if (personStatements.size < MAX_CACHED) personStatements.set(personId, statement);
  }
  return statement;
}

/**
 * The statements of a name search: the page of rows, and a separate count unless the rows carry
 * the total themselves (a `total` column, e.g. `count(*) OVER ()`). Run concurrently, like Kedjan.
 */
async function searchStatementsFor(query: string, limit: number) {
  const key = `${limit}\n${query}`;
  let statements = searchStatements.get(key);
  if (!statements) {
    // The same name search Kedjan's route builds from the query (see people/api/routes.ts toSearch).
    const terms = query.split(/\s+/).filter(Boolean).slice(0, 4);
    const recorded = await record(() => searchPersons(compiler, principal, { kind: 'name', terms }, limit));
    const count =
      recorded.length > 1
        ? recorded.find((s) => /^\s*select count\(\*\)/i.test(s.sql.replace(/\/\*.*?\*\//g, '')))
        : undefined;
    const rows = recorded.find((s) => s !== count);
    if (!rows || recorded.length !== (count ? 2 : 1)) {
      throw new Error(`searchPersons compiled to ${recorded.length} statements; the baseline needs updating`);
    }
    statements = { rows, count };
    if (searchStatements.size < MAX_CACHED) searchStatements.set(key, statements);
  }
  return statements;
}

// Kedjan's connection to PostgreSQL, as createKedjan opens it for serving (pool size: KEDJAN_DB_POOL).
const database = await openDatabase({
  kind: 'postgres',
  url: env.DATABASE_URL ?? '',
  poolSize: Number(env.POOL_SIZE ?? 10),
  asApplicationRole: true,
});

async function query<R>(statement: Statement, values: readonly unknown[] = statement.parameters) {
  return database.db.executeQuery<R>(CompiledQuery.raw(statement.sql, [...values]));
}

/** Kedjan's own queue: the audit events of reads written many at once, as Kedjan writes them. */
const auditQueue = new AuditQueue(database.db);

function auditEvent(
  action: string,
  route: string,
  method: string,
  personIds: string[],
  caseIds: string[],
  ip: string | null,
  criteria?: Record<string, string>,
): AuditEvent {
  return {
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    municipalityId: principal.municipalityId,
    actorUserId: principal.userId,
    action,
    outcome: 'allowed',
    personIds: [...new Set(personIds)].sort(),
    caseIds: [...new Set(caseIds)].sort(),
    purpose: null,
    ...(criteria ? { criteria } : {}),
    request: { id: randomUUID(), method, route, status: 200, errorCode: undefined, ip },
  };
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const PERSON_URL = /^\/api\/v1\/persons\/([0-9a-f-]{36})$/;

async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = req.url ?? '/';
  const ip = req.socket.remoteAddress ?? null;
  const personMatch = req.method === 'GET' ? PERSON_URL.exec(url) : null;
  if (personMatch) {
    const personId = personMatch[1]!;
    const statement = await personStatement(personId);
    const result = await query<PersonDetailRow>(statement);
    const row = result.rows[0];
    if (!row || !row.visible) return send(res, row ? 403 : 404, { code: row ? 'FORBIDDEN' : 'NOT_FOUND' });
    const event = auditEvent(
      'person.read',
      '/api/v1/persons/:id',
      'GET',
      [personId],
      row.cases.map((c) => c.id),
      ip,
    );
    await auditQueue.append(event);
    return send(res, 200, presentPersonDetail(row, swedishToday({ now: () => new Date() })));
  }
  if (req.method === 'POST' && url === '/api/v1/persons/search') {
    const body = JSON.parse(await readBody(req)) as { query: string; limit?: number };
    const statements = await searchStatementsFor(body.query.trim(), body.limit ?? 50);
    const [rows, count] = await Promise.all([
      query<{
        id: string;
        first_name: string;
        last_name: string;
        birth_date: string;
        protected_identity: boolean;
        total?: number;
      }>(statements.rows),
      statements.count ? query<{ n: number }>(statements.count) : undefined,
    ]);
    const event = auditEvent(
      'person.search',
      '/api/v1/persons/search',
      'POST',
      rows.rows.map((r) => r.id),
      [],
      ip,
      { kind: 'name' },
    );
    await auditQueue.append(event);
    return send(res, 200, {
      items: rows.rows.map((r) => ({
        id: r.id,
        name: r.protected_identity ? null : `${r.first_name} ${r.last_name}`,
        birthYear: Number(r.birth_date.slice(0, 4)),
        protectedIdentity: r.protected_identity,
      })),
      total: Number(count ? (count.rows[0]?.n ?? 0) : (rows.rows[0]?.total ?? 0)),
    });
  }
  if (url === '/ready') {
    await query({ sql: 'SELECT 1', parameters: [] });
    return send(res, 200, { status: 'ready' });
  }
  return send(res, 404, { code: 'ROUTE_NOT_FOUND' });
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error('baseline error:', (error as Error).message);
    if (!res.headersSent) send(res, 500, { code: 'INTERNAL' });
    else res.destroy();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`baseline listening on ${typeof address === 'object' && address ? address.port : address}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    void database.close().then(() => process.exit(0));
  });
}

/**
 * `npm run bench`: Kedjan's speed and memory, driven from this (second) process over loopback.
 *
 * For each engine — PostgreSQL (a fresh database, created and dropped) and PGlite (a temporary
 * data folder) — the real server is started as a child process with the demo municipality, a
 * caseworker logs in through the demo login API like a browser, and autocannon drives the person
 * view (GET /api/v1/persons/:id) and the person search (POST /api/v1/persons/search) at 50
 * connections. On PostgreSQL a bare node:http + pg server that runs the same SQL (the baseline,
 * bench/baseline-server.ts) gets the same load. Also measured: the cold start of `npm start`.
 *
 * Settings (environment): BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (3), BENCH_CONNECTIONS (50),
 * BENCH_ENGINES ("postgres,pglite"), BENCH_SCENARIOS ("view,search,norm,payment,labour"; or name
 * them as arguments: `npm run bench -- labour`; "followup", the indicators at municipal and national
 * scale, only when named: bench/followup.ts), BENCH_COLD_RUNS (3, 0 skips
 * the cold start), BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres, a superuser
 * that may create databases), BENCH_CPU_PROF (1: write V8 CPU profiles of the servers on
 * PostgreSQL to bench/results/prof-<timestamp>/), BENCH_SERVER_ENV (extra settings for Kedjan's
 * server, e.g. "KEDJAN_DB_POOL=20"; the baseline's pool follows KEDJAN_DB_POOL).
 */
import { benchNorm, benchPaymentRun, type PaymentRunBench } from './assistance.ts';
import { benchFollowup, followupBars, printFollowup, type FollowupBench } from './followup.ts';
import { benchLabour, LABOUR_BARS, type LabourBench } from './labour.ts';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '..');
const RESULTS_DIR = path.join(ROOT, 'bench/results');
const STAMP = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '_');

const num = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
};
const env = { ...process.env };
// `npm run bench -- labour` (or any scenario names): only those scenarios, no engines' person
// view/search or cold starts unless asked for through the environment.
const ARG_SCENARIOS = process.argv.slice(2).filter((arg) => /^[a-z]+$/.test(arg));
if (ARG_SCENARIOS.length > 0) {
  env.BENCH_SCENARIOS ??= ARG_SCENARIOS.join(',');
  if (!ARG_SCENARIOS.some((s) => s === 'view' || s === 'search')) env.BENCH_ENGINES ??= 'none';
  env.BENCH_COLD_RUNS ??= '0';
}
const OPTIONS = {
  seconds: num(env.BENCH_SECONDS, 10),
  warmupSeconds: num(env.BENCH_WARMUP_SECONDS, 3),
  connections: num(env.BENCH_CONNECTIONS, 50),
  engines: (env.BENCH_ENGINES ?? 'postgres,pglite')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== 'none') as ('postgres' | 'pglite')[],
  scenarios: (env.BENCH_SCENARIOS ?? 'view,search,norm,payment,labour').split(',').map((s) => s.trim()) as (
    'view' | 'search' | 'norm' | 'payment' | 'labour' | 'followup'
  )[],
  coldRuns: num(env.BENCH_COLD_RUNS, 3),
  databaseUrl: env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  cpuProf: env.BENCH_CPU_PROF === '1' || env.BENCH_CPU_PROF === 'true',
  serverEnv: Object.fromEntries(
    (env.BENCH_SERVER_ENV ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  ) as Record<string, string>,
};
const BARS = {
  viewRps: 1500,
  viewP99Ms: 100,
  baselineRatio: 0.5,
  coldStartMs: 5000,
  normPerSecond: 200_000,
  paymentRunMs: 10_000,
  paymentRunRatio: 3,
};
const READY_TIMEOUT_MS = 300_000;
const HTTP_SCENARIOS = OPTIONS.scenarios.filter(
  (s): s is 'view' | 'search' => s === 'view' || s === 'search',
);
const SCENARIO_NAMES = { view: 'person view', search: 'person search' } as const;

const log = (...args: unknown[]) => console.log('[bench]', ...args);

// ---------------------------------------------------------------------------------------------
// Child processes

interface Child {
  name: string;
  proc: ChildProcess;
  pid: number;
  output: string[];
  exited: Promise<number | null>;
  isRunning(): boolean;
}

const children = new Set<Child>();

/** Spawns in its own process group, so stopping it also stops what it started (npm → sh → node). */
function startChild(name: string, command: string, args: string[], childEnv: NodeJS.ProcessEnv): Child {
  const proc = spawn(command, args, {
    cwd: ROOT,
    env: childEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  let running = true;
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => {
      running = false;
      resolve(code);
    }),
  );
  if (proc.pid === undefined) throw new Error(`could not start ${name}`);
  const child: Child = { name, proc, pid: proc.pid, output, exited, isRunning: () => running };
  children.add(child);
  void exited.then(() => children.delete(child));
  return child;
}

async function stopChild(child: Child, timeoutMs = 15_000): Promise<void> {
  if (!child.isRunning()) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), timeoutMs);
  await child.exited;
  clearTimeout(timer);
  // npm may exit before its node child has finished closing: wait for the group to be gone.
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(-child.pid, 0);
    } catch {
      return;
    }
    await sleep(50);
  }
  signalGroup('SIGKILL');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** The environment of a server child: ours without any Kedjan settings, plus the given ones. */
function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      key === 'DATABASE_URL' ||
      key === 'PORT' ||
      key === 'HOST' ||
      key.startsWith('KEDJAN_') ||
      key.startsWith('OIDC_')
    )
      continue;
    if (key.startsWith('npm_')) continue;
    base[key] = value;
  }
  return { ...base, ...extra };
}

/** Polls until `url` answers 200; returns the milliseconds since `since`. */
async function waitFor200(
  child: Child,
  url: string,
  since: number,
  { intervalMs = 50, headers = {} as Record<string, string>, timeoutMs = READY_TIMEOUT_MS } = {},
): Promise<number> {
  for (;;) {
    if (!child.isRunning()) {
      throw new Error(`${child.name} exited before answering ${url}:\n${child.output.join('').slice(-4000)}`);
    }
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > timeoutMs)
      throw new Error(`${child.name}: no 200 from ${url} within ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

// ---------------------------------------------------------------------------------------------
// Memory of a child: VmHWM after resetting it (clear_refs 5), and VmRSS sampled every 100 ms.

function readStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(
      new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'),
    );
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

class MemorySampler {
  private maxRssKb = 0;
  private timer: NodeJS.Timeout | undefined;
  private hwmReset = false;

  constructor(private readonly pid: number) {}

  start(): void {
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
      this.hwmReset = true;
    } catch {
      this.hwmReset = false;
    }
    this.maxRssKb = readStatusKb(this.pid, 'VmRSS') ?? 0;
    this.timer = setInterval(() => {
      this.maxRssKb = Math.max(this.maxRssKb, readStatusKb(this.pid, 'VmRSS') ?? 0);
    }, 100);
  }

  /** Peak resident memory in MB since start(). */
  stop(): number {
    clearInterval(this.timer);
    const hwm = this.hwmReset ? (readStatusKb(this.pid, 'VmHWM') ?? 0) : 0;
    return Math.max(hwm, this.maxRssKb) / 1024;
  }
}

// ---------------------------------------------------------------------------------------------
// Where the CPU goes during a run, in % of one core: the server child, the PostgreSQL processes
// of the bench database (its backends and the server's background processes), this process (the
// load generator), and the whole machine (max 100 × cores). "Other" is the rest: other work on
// the machine, and kernel time not charged to these processes.

const CLK_TCK = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(out.stdout?.trim());
  return n > 0 ? n : 100;
})();

function procTicks(pid: number): number | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function machineTicks(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return { busy: total - idle, total };
}

/** The PostgreSQL processes that work for the bench database: its backends and the background ones. */
async function postgresPids(databaseUrl: string): Promise<number[]> {
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  return admin(databaseUrl, async (c) =>
    (
      await c.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = $1 OR (datname IS NULL AND backend_type <> 'client backend')`,
        [database],
      )
    ).rows.map((r) => r.pid),
  );
}

export interface CpuShare {
  server: number;
  postgres: number | null;
  loadGenerator: number;
  machine: number;
  other: number;
  /** 1-minute load average when the run began */
  loadAverage: number;
}

const cpuText = (c: CpuShare) =>
  `server ${c.server.toFixed(0)}, PostgreSQL ${c.postgres === null ? '–' : c.postgres.toFixed(0)}, ` +
  `load generator ${c.loadGenerator.toFixed(0)}, other ${c.other.toFixed(0)} (machine ${c.machine.toFixed(0)} of ` +
  `${100 * os.cpus().length}; load average ${c.loadAverage.toFixed(1)})`;

class CpuMeter {
  private start = 0;
  private server = 0;
  private pg = new Map<number, number>();
  private self = process.cpuUsage();
  private machine = machineTicks();
  private loadAverage = 0;

  constructor(
    private readonly pid: number,
    private readonly databaseUrl: string | null,
  ) {}

  async begin(): Promise<void> {
    const pids = this.databaseUrl ? await postgresPids(this.databaseUrl) : [];
    this.loadAverage = os.loadavg()[0]!;
    this.start = performance.now();
    this.server = procTicks(this.pid) ?? 0;
    this.pg = new Map(pids.map((pid) => [pid, procTicks(pid) ?? 0]));
    this.self = process.cpuUsage();
    this.machine = machineTicks();
  }

  async end(): Promise<CpuShare> {
    const seconds = (performance.now() - this.start) / 1000;
    const serverTicks = (procTicks(this.pid) ?? this.server) - this.server;
    const self = process.cpuUsage(this.self);
    const machine = machineTicks();
    let pgTicks: number | null = null;
    if (this.databaseUrl) {
      pgTicks = 0;
      for (const pid of new Set([...this.pg.keys(), ...(await postgresPids(this.databaseUrl))])) {
        const now = procTicks(pid);
        if (now !== null) pgTicks += now - (this.pg.get(pid) ?? 0);
      }
    }
    const share = (ticks: number) => (100 * ticks) / CLK_TCK / seconds;
    const cores = os.cpus().length;
    const result = {
      server: share(serverTicks),
      postgres: pgTicks === null ? null : share(pgTicks),
      loadGenerator: (100 * (self.user + self.system)) / 1e6 / seconds,
      machine:
        (100 * cores * (machine.busy - this.machine.busy)) / Math.max(1, machine.total - this.machine.total),
      loadAverage: this.loadAverage,
    };
    return {
      ...result,
      other: Math.max(0, result.machine - result.server - (result.postgres ?? 0) - result.loadGenerator),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// A browser-like client: keeps cookies, sends the CSRF token.

// Responses are read loosely here; the server validates them against its schemas.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

class Client {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ status: number; json: Json; text: string }> {
    const csrf = this.csrfToken ?? this.cookies.get('kedjan_csrf');
    const response = await fetch(new URL(url, this.baseUrl), {
      method,
      redirect: 'manual',
      headers: {
        accept: 'application/json',
        ...(this.cookies.size ? { cookie: this.cookieHeader } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' && csrf ? { 'x-csrf-token': csrf } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    const text = await response.text();
    const json =
      text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
    return { status: response.status, json, text };
  }

  async expect(method: string, url: string, status: number, body?: unknown) {
    const response = await this.request(method, url, body);
    if (response.status !== status) {
      throw new Error(
        `${method} ${url}: expected ${status}, got ${response.status} ${response.text.slice(0, 500)}`,
      );
    }
    return response.json;
  }
}

interface Target {
  /** The logged-in caseworker, as the baseline needs it. */
  principal: { userId: string; municipalityId: string; roles: unknown[] };
  userName: string;
  personId: string;
  searchTerm: string;
  searchTotal: number;
}

interface Session {
  cookie: string;
  csrfToken: string;
}

/** Logs in as a caseworker exactly like the browser does; returns the session's cookie and token. */
async function login(
  baseUrl: string,
  userId?: string,
): Promise<{ client: Client; session: Session; user: Json }> {
  const client = new Client(baseUrl);
  await client.expect('GET', '/api/v1/auth/config', 200);
  if (!client.cookies.get('kedjan_csrf')) throw new Error('no kedjan_csrf cookie from /api/v1/auth/config');
  if (!userId) {
    const users = await client.expect('GET', '/api/v1/auth/demo-users', 200);
    const caseworker = (users.items as { id: string; roles: { role: string }[] }[]).find((u) =>
      u.roles.some((r) => r.role === 'caseworker'),
    );
    if (!caseworker) throw new Error('no caseworker among the demo users');
    userId = caseworker.id;
  }
  await client.expect('POST', '/api/v1/auth/demo-login', 204, { userId });
  if (!client.cookies.get('kedjan_session')) throw new Error('no kedjan_session cookie after demo login');
  const session = await client.expect('GET', '/api/v1/session', 200);
  client.csrfToken = session.csrfToken;
  return {
    client,
    session: { cookie: client.cookieHeader, csrfToken: session.csrfToken },
    user: session.user,
  };
}

/** A person the caseworker may see (an applicant of one of their cases) and a search term. */
async function discover(baseUrl: string): Promise<Target> {
  const { client, user } = await login(baseUrl);
  const cases = await client.expect('GET', '/api/v1/cases/mine', 200);
  const item = (cases.items as { applicant: { personId: string; protectedIdentity: boolean } }[]).find(
    (c) => !c.applicant.protectedIdentity,
  );
  if (!item) throw new Error(`caseworker ${user.displayName} has no open case with an unprotected applicant`);
  const person = await client.expect('GET', `/api/v1/persons/${item.applicant.personId}`, 200);
  const search = await client.expect('POST', '/api/v1/persons/search', 200, { query: person.lastName });
  return {
    principal: { userId: user.id, municipalityId: user.municipality.id, roles: user.roles },
    userName: user.displayName,
    personId: item.applicant.personId,
    searchTerm: person.lastName,
    searchTotal: search.total,
  };
}

// ---------------------------------------------------------------------------------------------
// Load

interface RunResult {
  engine: 'postgres' | 'pglite';
  server: 'kedjan' | 'baseline';
  scenario: (typeof SCENARIO_NAMES)[keyof typeof SCENARIO_NAMES];
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  peakRssMb: number;
  cpu: CpuShare;
  /** CPU time per successful request, in ms: the server, PostgreSQL, the load generator. */
  cpuMsPerRequest: { server: number; postgres: number | null; loadGenerator: number; total: number };
  /**
   * The throughput at which this run would saturate the machine's cores with its own work (server +
   * PostgreSQL + load generator), or the server's one JavaScript thread: an estimate of what an
   * otherwise idle machine would do, for comparing runs on a shared machine.
   */
  cpuBoundCeiling: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** PostgreSQL only: audit_log rows written during warm-up + measurement, and the 2xx counted then. */
  auditRowsWritten?: number;
  auditRowsExpected?: number;
  ratioToBaseline?: number;
}

function requestFor(scenario: 'view' | 'search', baseUrl: string, session: Session, target: Target) {
  const headers = { accept: 'application/json', cookie: session.cookie, 'accept-language': 'sv-SE,sv;q=0.9' };
  return scenario === 'view'
    ? { url: `${baseUrl}/api/v1/persons/${target.personId}`, method: 'GET' as const, headers }
    : {
        url: `${baseUrl}/api/v1/persons/search`,
        method: 'POST' as const,
        headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ query: target.searchTerm }),
      };
}

async function countAudit(databaseUrl: string | null): Promise<number | null> {
  if (!databaseUrl) return null;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM audit_log')).rows[0]!.n);
  } finally {
    await client.end();
  }
}

async function drive(
  child: Child,
  engine: 'postgres' | 'pglite',
  server: 'kedjan' | 'baseline',
  scenario: 'view' | 'search',
  baseUrl: string,
  session: Session,
  target: Target,
  databaseUrl: string | null,
): Promise<RunResult> {
  const request = requestFor(scenario, baseUrl, session, target);
  // One request first: the load must be measuring successes.
  const probe = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body ? { body: request.body } : {}),
  });
  const probeText = await probe.text();
  if (probe.status !== 200)
    throw new Error(`${server} ${scenario}: probe answered ${probe.status} ${probeText.slice(0, 300)}`);

  const auditBefore = await countAudit(databaseUrl);
  let warmupOk = 0;
  if (OPTIONS.warmupSeconds > 0) {
    const warm = await autocannon({
      ...request,
      connections: OPTIONS.connections,
      duration: OPTIONS.warmupSeconds,
      timeout: 10,
    });
    warmupOk = warm['2xx'];
  }
  const memory = new MemorySampler(child.pid);
  const cpu = new CpuMeter(child.pid, databaseUrl);
  await cpu.begin();
  memory.start();
  const result: Result = await autocannon({
    ...request,
    connections: OPTIONS.connections,
    duration: OPTIONS.seconds,
    timeout: 10,
  });
  const peakRssMb = memory.stop();
  const cpuShare = await cpu.end();
  const rps = result['2xx'] / result.duration;
  const msPerRequest = (percent: number) => (rps > 0 ? (10 * percent) / rps : 0);
  const perRequest = {
    server: msPerRequest(cpuShare.server),
    postgres: cpuShare.postgres === null ? null : msPerRequest(cpuShare.postgres),
    loadGenerator: msPerRequest(cpuShare.loadGenerator),
    total: msPerRequest(cpuShare.server + (cpuShare.postgres ?? 0) + cpuShare.loadGenerator),
  };
  const auditAfter = await countAudit(databaseUrl);
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]),
  );
  const run: RunResult = {
    engine,
    server,
    scenario: SCENARIO_NAMES[scenario],
    requestsPerSecond: rps,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    peakRssMb,
    cpu: cpuShare,
    cpuMsPerRequest: perRequest,
    // All cores for server + PostgreSQL + load generator, but the server's JavaScript (and PGlite
    // inside it) runs on one core.
    cpuBoundCeiling:
      perRequest.total > 0 && perRequest.server > 0
        ? Math.min((os.cpus().length * 1000) / perRequest.total, 1000 / perRequest.server)
        : 0,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    ...(auditBefore !== null && auditAfter !== null
      ? { auditRowsWritten: auditAfter - auditBefore, auditRowsExpected: warmupOk + result['2xx'] }
      : {}),
  };
  log(
    `${engine} ${server} ${run.scenario}: ${run.requestsPerSecond.toFixed(0)} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, ` +
      `peak RSS ${run.peakRssMb.toFixed(0)} MB, CPU % of a core: ${cpuText(cpuShare)}` +
      (run.non2xx || run.errors
        ? `, NON-2XX ${run.non2xx}, ERRORS ${run.errors} (${JSON.stringify(statusCodes)})`
        : '') +
      (run.auditRowsWritten !== undefined
        ? `, audit rows ${run.auditRowsWritten}/${run.auditRowsExpected}`
        : ''),
  );
  return run;
}

// ---------------------------------------------------------------------------------------------
// Engines

const NODE_TSX = ['--import', 'tsx'];
/**
 * The servers run with the Node flags of `npm start` (package.json): a young generation of 32 MB
 * semi-spaces instead of 16, so that a request's short-lived objects are collected half as often
 * (on this VM +20–25 % requests/s for the person view and the chain timeline).
 */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];

/**
 * V8 CPU profiles of a server, one file per thread (tsx's module loader runs in a second thread),
 * into bench/results/prof-<timestamp>/<label>/; the main thread's is the largest file.
 */
function profArgs(label: string): string[] {
  if (!OPTIONS.cpuProf) return [];
  const dir = path.join(RESULTS_DIR, `prof-${STAMP}`, label);
  mkdirSync(dir, { recursive: true });
  return ['--cpu-prof', '--cpu-prof-dir', dir];
}

async function startKedjan(name: string, extraEnv: Record<string, string>, nodeArgs: string[] = []) {
  const port = await freePort();
  const started = performance.now();
  const child = startChild(
    name,
    process.execPath,
    [...nodeArgs, ...SERVER_NODE_FLAGS, ...NODE_TSX, 'src/main.ts'],
    serverEnv({
      PORT: String(port),
      KEDJAN_DEMO: 'true',
      KEDJAN_LOG_LEVEL: 'warn',
      KEDJAN_COOKIE_SECURE: 'false',
      ...OPTIONS.serverEnv,
      ...extraEnv,
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const readyMs = await waitFor200(child, `${baseUrl}/ready`, started);
  return { child, baseUrl, readyMs };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const cleanups: (() => Promise<void>)[] = [];

async function benchPostgres(results: RunResult[], info: Record<string, unknown>) {
  const database = `kedjan_bench_${STAMP}`;
  const databaseUrl = withDatabase(OPTIONS.databaseUrl, database);
  await admin(OPTIONS.databaseUrl, (c) => c.query(`CREATE DATABASE ${database}`));
  const drop = async () => {
    await admin(OPTIONS.databaseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    log(`dropped database ${database}`);
  };
  cleanups.push(drop);
  log(`PostgreSQL: database ${database}`);

  // First start: migrations and the demo load. Then find the caseworker, person and search term.
  const first = await startKedjan('kedjan (PostgreSQL, first start)', { DATABASE_URL: databaseUrl });
  log(
    `first start on PostgreSQL (migrations + demo load) ready after ${(first.readyMs / 1000).toFixed(1)} s`,
  );
  info.postgresFirstStartMs = first.readyMs;
  const target = await discover(first.baseUrl);
  await stopChild(first.child);
  log(
    `caseworker ${target.userName}; person ${target.personId}; search "${target.searchTerm}" (${target.searchTotal} hits)`,
  );
  info.target = {
    userId: target.principal.userId,
    personId: target.personId,
    searchTerm: target.searchTerm,
    searchTotal: target.searchTotal,
  };
  // Planner statistics as a running database would have them (autovacuum would get there soon).
  await admin(databaseUrl, (c) => c.query('ANALYZE'));
  const counts = await admin(databaseUrl, async (c) => {
    const tables = [
      'person',
      'household',
      'household_member',
      'client_case',
      'app_user',
      'role_assignment',
      'audit_log',
    ];
    const n: Record<string, number> = {};
    for (const t of tables)
      n[t] = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`)).rows[0]!.n);
    return n;
  });
  info.postgresRowCounts = counts;
  log(`demo data: ${JSON.stringify(counts)}`);

  // The baseline first (so Kedjan is measured on the slightly larger audit log, not the other way).
  {
    const port = await freePort();
    const started = performance.now();
    const child = startChild(
      'baseline',
      process.execPath,
      [...profArgs('baseline'), ...SERVER_NODE_FLAGS, ...NODE_TSX, 'bench/baseline-server.ts'],
      serverEnv({
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        BENCH_PRINCIPAL: JSON.stringify(target.principal),
        POOL_SIZE: OPTIONS.serverEnv.KEDJAN_DB_POOL ?? '10',
      }),
    );
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      await waitFor200(child, `${baseUrl}/ready`, started);
      const session = { cookie: '', csrfToken: '' };
      for (const scenario of HTTP_SCENARIOS) {
        results.push(
          await drive(child, 'postgres', 'baseline', scenario, baseUrl, session, target, databaseUrl),
        );
      }
    } finally {
      await stopChild(child);
    }
  }

  {
    const { child, baseUrl } = await startKedjan(
      'kedjan (PostgreSQL)',
      { DATABASE_URL: databaseUrl },
      profArgs('kedjan-postgres'),
    );
    try {
      const { session } = await login(baseUrl, target.principal.userId);
      for (const scenario of HTTP_SCENARIOS) {
        results.push(
          await drive(child, 'postgres', 'kedjan', scenario, baseUrl, session, target, databaseUrl),
        );
      }
    } finally {
      await stopChild(child);
    }
  }
  cleanups.splice(cleanups.indexOf(drop), 1);
  await drop();
}

interface ColdStart {
  firstEver?: StartTiming;
  runs?: StartTiming[];
  medianMs?: number;
}

interface StartTiming {
  /** spawn of `npm start` → first 200 on GET / */
  ms: number;
  /** what Kedjan itself reports ("start N ms": from main.ts running, after its imports, to listening) */
  kedjanStartMs: number | null;
  /** `npm start` rebuilt the UI (a UI source changed meanwhile): this run is not a cold start of a built app */
  uiRebuilt: boolean;
}

async function timeNpmStart(label: string, dataDir: string): Promise<StartTiming> {
  const port = await freePort();
  const started = performance.now();
  const child = startChild(
    label,
    'npm',
    ['start'],
    serverEnv({ PORT: String(port), KEDJAN_DATA_DIR: dataDir }),
  );
  try {
    const ms = await waitFor200(child, `http://127.0.0.1:${port}/`, started, {
      intervalMs: 20,
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    const output = child.output.join('');
    const reported = output.match(/start (\d+) ms\)/);
    return {
      ms,
      kedjanStartMs: reported ? Number(reported[1]) : null,
      uiRebuilt: /vite build/.test(output),
    };
  } finally {
    await stopChild(child);
  }
}

/** Builds the UI if a source changed, outside any timing (the bar is for an installed, built app). */
function buildUiIfStale() {
  const built = spawnSync(process.execPath, ['scripts/build-web.js', '--if-stale'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('node scripts/build-web.js --if-stale failed');
}

async function benchPglite(results: RunResult[], info: Record<string, unknown>, cold: ColdStart) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kedjan-bench-pglite-'));
  const dataDir = path.join(dir, 'data');
  const remove = async () => rmSync(dir, { recursive: true, force: true });
  cleanups.push(remove);
  log(`PGlite: data folder ${dataDir}`);
  buildUiIfStale();

  // First-ever start, for information: initdb + migrations + demo load, through `npm start`.
  const firstEver = await timeNpmStart('npm start (first ever)', dataDir);
  log(
    `first-ever start (npm start: initdb + migrations + demo load) to the first page: ${(firstEver.ms / 1000).toFixed(2)} s` +
      ` (Kedjan's own start ${firstEver.kedjanStartMs ?? '?'} ms)`,
  );
  cold.firstEver = firstEver;

  if (OPTIONS.coldRuns > 0) {
    const runs: StartTiming[] = [];
    for (let attempt = 0; runs.length < OPTIONS.coldRuns && attempt < OPTIONS.coldRuns * 3; attempt++) {
      buildUiIfStale();
      const timing = await timeNpmStart(`npm start (cold ${runs.length + 1})`, dataDir);
      log(
        `cold start ${runs.length + 1}: ${(timing.ms / 1000).toFixed(2)} s (Kedjan's own start ${timing.kedjanStartMs ?? '?'} ms)` +
          (timing.uiRebuilt
            ? ' — the UI was rebuilt meanwhile (a source changed): not counted, repeated'
            : ''),
      );
      if (!timing.uiRebuilt) runs.push(timing);
    }
    cold.runs = runs;
    if (runs.length > 0) cold.medianMs = median(runs.map((r) => r.ms));
  }

  const { child, baseUrl } = await startKedjan('kedjan (PGlite)', { KEDJAN_DATA_DIR: dataDir });
  try {
    const target = await discover(baseUrl);
    info.pgliteTarget = {
      userId: target.principal.userId,
      personId: target.personId,
      searchTerm: target.searchTerm,
      searchTotal: target.searchTotal,
    };
    const { session } = await login(baseUrl, target.principal.userId);
    for (const scenario of HTTP_SCENARIOS) {
      results.push(await drive(child, 'pglite', 'kedjan', scenario, baseUrl, session, target, null));
    }
  } finally {
    await stopChild(child);
  }
  cleanups.splice(cleanups.indexOf(remove), 1);
  await remove();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// ---------------------------------------------------------------------------------------------
// Report

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (i >= 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

async function main() {
  const results: RunResult[] = [];
  const info: Record<string, unknown> = {};
  const cold: ColdStart = {};
  const cpus = os.cpus();
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const source = {
    commit: git('rev-parse', '--short', 'HEAD'),
    changed: git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean),
  };
  log(
    `source: commit ${source.commit || '?'}${source.changed.length ? ` + uncommitted changes in ${source.changed.length} file(s) under src/` : ''}`,
  );
  log(
    `${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; ` +
      `${OPTIONS.connections} connections, ${OPTIONS.warmupSeconds} s warm-up + ${OPTIONS.seconds} s per run`,
  );
  const errors: string[] = [];
  for (const engine of OPTIONS.engines) {
    try {
      if (engine === 'postgres') await benchPostgres(results, info);
      else if (engine === 'pglite') await benchPglite(results, info, cold);
      else throw new Error(`unknown engine ${engine}`);
    } catch (error) {
      const message = `${engine}: ${(error as Error).stack ?? String(error)}`;
      errors.push(message);
      console.error('[bench] FAILED', message);
    }
  }

  const assistance: { norm?: ReturnType<typeof benchNorm>; payment?: PaymentRunBench } = {};
  if (OPTIONS.scenarios.includes('norm')) {
    assistance.norm = benchNorm(Math.max(1, Math.min(OPTIONS.seconds, 5)));
    log(
      `norm calculation: ${Math.round(assistance.norm.perSecond).toLocaleString('en')} /s ` +
        `(baseline bare arithmetic ${Math.round(assistance.norm.baselinePerSecond).toLocaleString('en')} /s)`,
    );
  }
  if (OPTIONS.scenarios.includes('payment')) {
    const database = `kedjan_bench_pay_${STAMP}`;
    try {
      await admin(OPTIONS.databaseUrl, (c) => c.query(`CREATE DATABASE ${database}`));
      assistance.payment = await benchPaymentRun(withDatabase(OPTIONS.databaseUrl, database));
      const p = assistance.payment;
      log(
        `payment run, ${p.households} households → ${p.payments} payments, ${(p.xmlBytes / 1e6).toFixed(1)} MB pain.001: ` +
          `Kedjan ${p.kedjanMs.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}; ` +
          `baseline INSERT … SELECT ${p.baselineMs.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}; ` +
          `peak RSS ${p.peakRssMb.toFixed(0)} MB`,
      );
    } catch (error) {
      errors.push(`payment run: ${(error as Error).stack ?? String(error)}`);
    } finally {
      await admin(OPTIONS.databaseUrl, (c) =>
        c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
      ).catch(() => {});
    }
  }

  let labour: LabourBench | undefined;
  if (OPTIONS.scenarios.includes('labour')) {
    const database = `kedjan_bench_labour_${STAMP}`;
    try {
      await admin(OPTIONS.databaseUrl, (c) => c.query(`CREATE DATABASE ${database}`));
      labour = await benchLabour(withDatabase(OPTIONS.databaseUrl, database), {
        startKedjan: (name, extraEnv) => startKedjan(name, extraEnv),
        stopChild: (child) => stopChild(child as Child),
        login: (baseUrl, userId) => login(baseUrl, userId),
        log,
        connections: OPTIONS.connections,
        seconds: OPTIONS.seconds,
        warmupSeconds: OPTIONS.warmupSeconds,
      });
    } catch (error) {
      errors.push(`labour: ${(error as Error).stack ?? String(error)}`);
    } finally {
      await admin(OPTIONS.databaseUrl, (c) =>
        c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
      ).catch(() => {});
    }
  }

  // Not in the default scenarios: the national set alone takes many minutes to generate.
  let followup: FollowupBench | undefined;
  if (OPTIONS.scenarios.includes('followup')) {
    try {
      followup = await benchFollowup({
        databaseUrl: OPTIONS.databaseUrl,
        stamp: STAMP,
        log,
        onCleanup: (fn) => cleanups.push(fn),
      });
    } catch (error) {
      errors.push(`followup: ${(error as Error).stack ?? String(error)}`);
    }
  }

  // Ratios to the baseline (PostgreSQL, same scenario).
  for (const r of results) {
    const base = results.find(
      (b) => b.server === 'baseline' && b.engine === r.engine && b.scenario === r.scenario,
    );
    if (base && r.server === 'kedjan' && base.requestsPerSecond > 0)
      r.ratioToBaseline = r.requestsPerSecond / base.requestsPerSecond;
  }

  const rows = [
    [
      'engine',
      'server',
      'scenario',
      'req/s',
      'p50 ms',
      'p99 ms',
      'peak RSS MB',
      'vs baseline',
      'non-2xx/errors',
      'CPU ms/req srv+pg+load',
      'CPU ceiling req/s',
      'other CPU %',
    ],
    ...results.map((r) => [
      r.engine === 'postgres' ? 'PostgreSQL' : 'PGlite',
      r.server,
      r.scenario,
      r.requestsPerSecond.toFixed(0),
      String(r.p50Ms),
      String(r.p99Ms),
      r.peakRssMb.toFixed(0),
      r.ratioToBaseline !== undefined
        ? `${r.ratioToBaseline.toFixed(2)}×`
        : r.server === 'baseline'
          ? '1.00×'
          : '–',
      `${r.non2xx}/${r.errors}`,
      [r.cpuMsPerRequest.server, r.cpuMsPerRequest.postgres, r.cpuMsPerRequest.loadGenerator]
        .map((v) => (v === null ? '–' : v.toFixed(2)))
        .join('+'),
      r.cpuBoundCeiling.toFixed(0),
      r.cpu.other.toFixed(0),
    ]),
  ];
  console.log('');
  console.log(table(rows));
  console.log('');
  const busy = results.filter((r) => r.cpu.other > 25);
  if (busy.length > 0) {
    console.log(
      `warning: other work used CPU during ${busy.map((r) => `${r.engine} ${r.server} ${r.scenario} (${r.cpu.other.toFixed(0)} %)`).join(', ')}; ` +
        'the machine was shared, so those figures are low.',
    );
  }
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  if (cold.firstEver) {
    console.log(
      `first-ever start (initdb + migrations + demo load), npm start → first page: ${seconds(cold.firstEver.ms)}`,
    );
  }
  if (cold.runs && cold.medianMs !== undefined) {
    const own = cold.runs.map((r) => r.kedjanStartMs).filter((ms): ms is number => ms !== null);
    console.log(
      `cold start, npm start → first page (PGlite, built): ${cold.runs.map((r) => seconds(r.ms)).join(', ')}; ` +
        `median ${seconds(cold.medianMs)}` +
        (own.length
          ? ` (of which Kedjan's own start, after loading its modules: median ${median(own)} ms)`
          : ''),
    );
  }
  if (info.postgresFirstStartMs !== undefined) {
    console.log(
      `first start on PostgreSQL (migrations + demo load) to /ready: ${((info.postgresFirstStartMs as number) / 1000).toFixed(2)} s`,
    );
  }
  console.log('');

  const bars: { bar: string; value: string; pass: boolean | null }[] = [];
  const view = results.find(
    (r) => r.engine === 'postgres' && r.server === 'kedjan' && r.scenario === 'person view',
  );
  const clean = (r: RunResult) => r.non2xx === 0 && r.errors === 0 && r.timeouts === 0;
  if (view) {
    bars.push({
      bar: `person view on PostgreSQL ≥ ${BARS.viewRps} req/s`,
      value: `${view.requestsPerSecond.toFixed(0)} req/s`,
      pass: clean(view) && view.requestsPerSecond >= BARS.viewRps,
    });
    bars.push({
      bar: `person view on PostgreSQL p99 < ${BARS.viewP99Ms} ms`,
      value: `${view.p99Ms} ms`,
      pass: clean(view) && view.p99Ms < BARS.viewP99Ms,
    });
    bars.push({
      bar: `person view on PostgreSQL ≥ ${BARS.baselineRatio}× baseline`,
      value: view.ratioToBaseline !== undefined ? `${view.ratioToBaseline.toFixed(2)}×` : 'no baseline',
      pass:
        view.ratioToBaseline !== undefined
          ? clean(view) && view.ratioToBaseline >= BARS.baselineRatio
          : false,
    });
    // Requests still in flight when autocannon stops are answered (and audited) after it counted.
    if (view.auditRowsWritten !== undefined && view.auditRowsWritten < view.auditRowsExpected!) {
      console.log(
        `FAIL  audit: the person view wrote ${view.auditRowsWritten} audit rows for ${view.auditRowsExpected} successes`,
      );
    }
  } else if (OPTIONS.engines.includes('postgres') && OPTIONS.scenarios.includes('view')) {
    bars.push({ bar: 'person view on PostgreSQL', value: 'not measured', pass: false });
  }
  if (cold.medianMs !== undefined) {
    bars.push({
      bar: `cold start < ${BARS.coldStartMs / 1000} s (median of ${cold.runs?.length ?? 0})`,
      value: `${(cold.medianMs / 1000).toFixed(2)} s`,
      pass: cold.medianMs < BARS.coldStartMs,
    });
  } else if (OPTIONS.engines.includes('pglite') && OPTIONS.coldRuns > 0) {
    bars.push({ bar: 'cold start', value: 'not measured', pass: false });
  }
  if (assistance.norm) {
    const { perSecond, baselinePerSecond } = assistance.norm;
    bars.push({
      bar: `norm calculations ≥ ${BARS.normPerSecond.toLocaleString('en')} /s`,
      value: `${Math.round(perSecond).toLocaleString('en')} /s (${(perSecond / baselinePerSecond).toFixed(2)}× bare arithmetic)`,
      pass: perSecond >= BARS.normPerSecond,
    });
  } else if (OPTIONS.scenarios.includes('norm'))
    bars.push({ bar: 'norm calculations', value: 'not measured', pass: false });
  if (assistance.payment) {
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const kedjan = median(assistance.payment.kedjanMs);
    const baseline = median(assistance.payment.baselineMs);
    bars.push({
      bar: `payment run for ${assistance.payment.households.toLocaleString('en')} households < ${BARS.paymentRunMs / 1000} s`,
      value: `${(kedjan / 1000).toFixed(2)} s (median of ${assistance.payment.kedjanMs.length}), peak RSS ${assistance.payment.peakRssMb.toFixed(0)} MB`,
      pass: kedjan < BARS.paymentRunMs,
    });
    bars.push({
      bar: `payment run ≤ ${BARS.paymentRunRatio}× the INSERT … SELECT baseline`,
      value: `${(kedjan / baseline).toFixed(2)}× (baseline ${(baseline / 1000).toFixed(2)} s)`,
      pass: kedjan <= BARS.paymentRunRatio * baseline,
    });
  } else if (OPTIONS.scenarios.includes('payment'))
    bars.push({ bar: 'payment run', value: 'not measured', pass: false });
  if (labour) {
    const runOf = (scenario: string, connections = OPTIONS.connections) =>
      labour!.runs.find((r) => r.scenario === scenario && r.connections === connections);
    console.log(
      `labour-market unit (PostgreSQL, ${OPTIONS.connections} connections; the person: ${labour.chainEvents} events in ` +
        `${(labour.chainBytes / 1024).toFixed(0)} kB; occupancy: ${labour.occupancyInterventions} interventions, ` +
        `${labour.participants.toLocaleString('en')} participants):`,
    );
    console.log(
      table([
        ['scenario', 'connections', '', 'req/s', 'p50 ms', 'p99 ms', 'kB/response', 'non-2xx/errors'],
        ...labour.runs.map((r) => [
          r.scenario,
          String(r.connections),
          '',
          r.requestsPerSecond.toFixed(0),
          String(r.p50Ms),
          String(r.p99Ms),
          (r.bytesPerResponse / 1024).toFixed(1),
          `${r.non2xx}/${r.errors}`,
        ]),
      ]),
    );
    console.log('');
    const session = runOf('session');
    const view = runOf('person view');
    const versus = (r: { requestsPerSecond: number; p99Ms: number }) =>
      [
        session ? `${(r.p99Ms / Math.max(1, session.p99Ms)).toFixed(1)}× the session's p99` : null,
        view
          ? `${(r.requestsPerSecond / Math.max(1, view.requestsPerSecond)).toFixed(2)}× the person view's req/s`
          : null,
      ]
        .filter(Boolean)
        .join(', ');
    const chain = runOf('chain timeline');
    const single = runOf('chain timeline', 1);
    const occupancy = runOf('occupancy');
    const labourClean = (r: { non2xx: number; errors: number; timeouts: number }) =>
      r.non2xx === 0 && r.errors === 0 && r.timeouts === 0;
    if (chain)
      bars.push({
        bar: `whole-chain timeline (10 years) on PostgreSQL p99 < ${LABOUR_BARS.chainP99Ms} ms at ${OPTIONS.connections} connections`,
        value:
          `p50 ${chain.p50Ms} ms, p99 ${chain.p99Ms} ms, ${chain.requestsPerSecond.toFixed(0)} req/s (${versus(chain)})` +
          (single ? `; alone: p50 ${single.p50Ms} ms, p99 ${single.p99Ms} ms` : ''),
        pass: labourClean(chain) && chain.p99Ms < LABOUR_BARS.chainP99Ms,
      });
    else bars.push({ bar: 'whole-chain timeline', value: 'not measured', pass: false });
    if (occupancy)
      bars.push({
        bar: `occupancy overview (${labour.participants.toLocaleString('en')} participants) on PostgreSQL p99 < ${LABOUR_BARS.occupancyP99Ms} ms at ${OPTIONS.connections} connections`,
        value: `p50 ${occupancy.p50Ms} ms, p99 ${occupancy.p99Ms} ms, ${occupancy.requestsPerSecond.toFixed(0)} req/s (${versus(occupancy)})`,
        pass: labourClean(occupancy) && occupancy.p99Ms < LABOUR_BARS.occupancyP99Ms,
      });
    else bars.push({ bar: 'occupancy overview', value: 'not measured', pass: false });
  } else if (OPTIONS.scenarios.includes('labour'))
    bars.push({ bar: 'labour-market unit', value: 'not measured', pass: false });
  if (followup) {
    printFollowup(followup);
    bars.push(...followupBars(followup));
  } else if (OPTIONS.scenarios.includes('followup'))
    bars.push({ bar: 'follow-up indicators', value: 'not measured', pass: false });
  for (const b of bars) console.log(`${b.pass ? 'PASS' : 'FAIL'}  ${b.bar}: ${b.value}`);
  for (const r of results.filter((x) => !clean(x))) {
    console.log(
      `FAIL  ${r.engine} ${r.server} ${r.scenario}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts ${JSON.stringify(r.statusCodes)}`,
    );
  }
  for (const e of errors) console.log(`FAIL  ${e.split('\n')[0]}`);

  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${STAMP}.json`);
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        startedAt: STAMP,
        source,
        machine: {
          cpus: cpus.length,
          model: cpus[0]?.model,
          memoryGb: os.totalmem() / 2 ** 30,
          node: process.version,
        },
        options: { ...OPTIONS, databaseUrl: OPTIONS.databaseUrl.replace(/:[^:@/]*@/, ':***@') },
        bars: bars,
        results,
        coldStart: cold,
        assistance,
        labour,
        followup,
        info,
        errors,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nresults: ${path.relative(ROOT, file)}`);
}

async function cleanup() {
  await Promise.all([...children].map((c) => stopChild(c, 5_000)));
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch (error) {
      console.error('[bench] cleanup failed:', (error as Error).message);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`[bench] ${signal}: stopping servers and cleaning up`);
    void cleanup().then(() => process.exit(130));
  });
}

try {
  await main();
} finally {
  await cleanup();
}

/**
 * A real Kedjan server on a fresh test database, driven over HTTP with fetch, plus a tiny client
 * that keeps cookies and the CSRF token like a browser does.
 */
import { createServer } from 'node:net';
import type { AppConfig } from '../../src/config.ts';
import { loadConfig } from '../../src/config.ts';
import { createKedjan, type Kedjan } from '../../src/app.ts';
import type { Clock } from '../../src/shared/clock.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { loadFixture } from './fixture.ts';

export interface TestServer {
  url: string;
  kedjan: Kedjan;
  database: TestDatabase;
  config: AppConfig;
  close(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  clock?: Clock;
  /** Fills the database before the server starts (default: the small test fixture). */
  seed?: (database: TestDatabase) => Promise<void>;
  plugins?: Parameters<typeof createKedjan>[1] extends infer O
    ? O extends { plugins?: infer P }
      ? P
      : never
    : never;
  /**
   * Listen on this port (default: any free one). Use it when the public URL must be known before
   * the server starts (e.g. an OIDC redirect URI): KEDJAN_PUBLIC_URL then defaults to
   * http://127.0.0.1:<port>. See freePort().
   */
  port?: number;
}

/** A TCP port that was free a moment ago, for servers whose URL must be known in advance. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  await (options.seed ?? ((d) => d.asOwner((db) => loadFixture(db))))(database);
  const port = options.port ?? 0;
  const config = loadConfig({
    PORT: String(port),
    KEDJAN_DEMO: 'true',
    KEDJAN_LOG_LEVEL: 'silent',
    ...(options.port ? { KEDJAN_PUBLIC_URL: `http://127.0.0.1:${options.port}` } : {}),
    ...options.env,
  });
  const kedjan = await createKedjan(config, {
    database: database.app,
    logger: false,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.plugins ? { plugins: options.plugins } : {}),
  });
  const address = await kedjan.app.listen({ port, host: '127.0.0.1' });
  return {
    url: address,
    kedjan,
    database,
    config,
    close: async () => {
      await kedjan.app.close();
      await database.close();
    },
  };
}

/** A user agent: keeps cookies, sends the CSRF token on state-changing calls. */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.csrfToken ?? this.cookies.get('kedjan_csrf');
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      redirect: 'manual',
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' && csrf ? { 'x-csrf-token': csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name!);
      else this.cookies.set(name!, value);
    }
    const text = await response.text();
    const json =
      text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
    return { status: response.status, headers: response.headers, json, text };
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, undefined, headers);
  post = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', path, body ?? {}, headers);
  delete = (path: string) => this.request('DELETE', path);

  /** Demo login as a user; afterwards the client holds the session and its CSRF token. */
  async loginAs(userId: string) {
    await this.get('/api/v1/auth/config');
    const login = await this.post('/api/v1/auth/demo-login', { userId });
    if (login.status !== 204) throw new Error(`demo login failed: ${login.status} ${login.text}`);
    const session = await this.get('/api/v1/session');
    this.csrfToken = session.json.csrfToken;
    return session.json;
  }
}

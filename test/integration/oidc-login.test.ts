/**
 * OpenID Connect login against a real provider (oidc-provider on 127.0.0.1), driven over HTTP
 * like a browser: redirects followed by hand, the provider's login and consent forms submitted,
 * one cookie jar for both hosts (cookies are per host, not per port).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids, M } from '../support/fixture.ts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-test-provider.ts';
import { freePort, startTestServer, type TestServer } from '../support/server.ts';

const FAILED = '/login?fel=inloggning';

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

/** Just enough of a browser: a cookie jar (name + path), manual redirects, HTML forms. */
class Agent {
  readonly cookies = new Map<string, StoredCookie>();

  async fetch(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const target = new URL(url);
    const cookie = [...this.cookies.values()]
      .filter((c) => pathMatches(target.pathname, c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    const response = await fetch(target, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        accept: 'text/html,application/json',
        ...(cookie ? { cookie } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) this.store(line, target);
    const text = await response.text();
    const location = response.headers.get('location');
    return {
      url: target.href,
      status: response.status,
      headers: response.headers,
      setCookies: response.headers.getSetCookie(),
      location: location ? new URL(location, target).href : null,
      text,
    };
  }

  cookie(name: string): StoredCookie | undefined {
    return [...this.cookies.values()].find((c) => c.name === name);
  }

  private store(line: string, origin: URL) {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq);
    const value = pair!.slice(eq + 1);
    const attribute = (key: string) =>
      attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const path = attribute('path') ?? defaultPath(origin.pathname);
    const expires = attribute('expires');
    const maxAge = attribute('max-age');
    const gone =
      value === '' ||
      (maxAge !== undefined && Number(maxAge) <= 0) ||
      (expires !== undefined && new Date(expires).getTime() <= Date.now());
    if (gone) this.cookies.delete(`${name}|${path}`);
    else this.cookies.set(`${name}|${path}`, { name, value, path });
  }
}

const pathMatches = (requestPath: string, cookiePath: string) =>
  requestPath === cookiePath ||
  (requestPath.startsWith(cookiePath) &&
    (cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/'));
const defaultPath = (pathname: string) => pathname.slice(0, Math.max(1, pathname.lastIndexOf('/')));

/** The first form of a page: where it posts and its inputs with their values. */
function parseForm(html: string, pageUrl: string): { action: string; fields: Record<string, string> } | null {
  const form = html.match(/<form\b([^>]*)>([\s\S]*?)<\/form>/i);
  if (!form) return null;
  const action = form[1]!.match(/action="([^"]*)"/i)?.[1] ?? pageUrl;
  const fields: Record<string, string> = {};
  for (const input of form[2]!.matchAll(/<input\b([^>]*)>/gi)) {
    const name = input[1]!.match(/name="([^"]*)"/i)?.[1];
    if (name) fields[name] = input[1]!.match(/value="([^"]*)"/i)?.[1] ?? '';
  }
  return { action: new URL(action.replace(/&amp;/g, '&'), pageUrl).href, fields };
}

/**
 * Starts a login at Kedjan and goes through the provider as `subject` (login, then consent) up to
 * the redirect back to Kedjan's callback, which is returned unvisited so a test can alter it.
 */
async function throughProvider(agent: Agent, kedjanUrl: string, subject: string): Promise<string> {
  const start = await agent.fetch(`${kedjanUrl}/auth/login`);
  expect(start.status).toBe(302);
  let next = start.location!;
  for (let step = 0; step < 20; step++) {
    if (next.startsWith(`${kedjanUrl}/auth/callback`)) return next;
    const page = await agent.fetch(next);
    if (page.location) {
      next = page.location;
      continue;
    }
    expect(page.status, page.text.slice(0, 500)).toBe(200);
    const form = parseForm(page.text, page.url);
    if (!form) throw new Error(`no form on ${page.url}: ${page.text.slice(0, 500)}`);
    if ('login' in form.fields) Object.assign(form.fields, { login: subject, password: 'any' });
    const submitted = await agent.fetch(form.action, { form: form.fields });
    if (!submitted.location)
      throw new Error(`form on ${page.url} answered ${submitted.status}: ${submitted.text}`);
    next = submitted.location;
  }
  throw new Error('too many steps at the provider');
}

async function login(agent: Agent, kedjanUrl: string, subject: string) {
  return agent.fetch(await throughProvider(agent, kedjanUrl, subject));
}

let provider: TestOidcProvider;
let server: TestServer;
/** A second Kedjan, with no municipality configured while the fixture has two. */
let unconfigured: TestServer;

beforeAll(async () => {
  const [port, otherPort] = [await freePort(), await freePort()];
  provider = await startOidcProvider({
    redirectUris: [`http://127.0.0.1:${port}/auth/callback`, `http://127.0.0.1:${otherPort}/auth/callback`],
    subjects: ['sub-101', 'sub-102', 'sub-999'],
  });
  server = await startTestServer({ port, env: provider.env({ OIDC_MUNICIPALITY: M }) });
  unconfigured = await startTestServer({ port: otherPort, env: provider.env() });
});

afterAll(async () => {
  await unconfigured?.close();
  await server?.close();
  await provider?.close();
});

async function sessionOf(agent: Agent, url = server.url) {
  const response = await agent.fetch(`${url}/api/v1/session`);
  return { status: response.status, json: response.status === 200 ? JSON.parse(response.text) : undefined };
}

async function auditEntries(action: string, target = server) {
  return target.database.asOwner((db) =>
    db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', action)
      .orderBy('occurred_at', 'desc')
      .orderBy('seq', 'desc')
      .execute(),
  );
}

describe('OpenID Connect login', () => {
  it('redirects to the provider with PKCE (S256), state, nonce and the configured scopes', async () => {
    const agent = new Agent();
    const start = await agent.fetch(`${server.url}/auth/login`);
    expect(start.status).toBe(302);
    expect(start.headers.get('cache-control')).toBe('no-store');
    const authorize = new URL(start.location!);
    expect(authorize.origin).toBe(provider.issuer);
    const params = authorize.searchParams;
    expect(params.get('client_id')).toBe(provider.clientId);
    expect(params.get('redirect_uri')).toBe(`${server.url}/auth/callback`);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('scope')).toBe('openid profile email');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();
    expect(params.has('code_verifier')).toBe(false);

    const cookie = start.setCookies.find((line) => line.startsWith('kedjan_oidc='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/auth\/callback/i);
    expect(cookie).toMatch(/Max-Age=600/i);
    // Authenticated, and it does not give the state away in the clear next to the redirect.
    expect(agent.cookie('kedjan_oidc')!.value).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  });

  it('logs a known subject in: a session for the matching user, the login cookie cleared, an audit entry', async () => {
    const agent = new Agent();
    const callback = await login(agent, server.url, 'sub-101');
    expect(callback.status).toBe(302);
    expect(new URL(callback.location!).pathname).toBe('/');
    expect(callback.location).toBe(`${server.url}/`);
    expect(callback.setCookies.some((l) => l.startsWith('kedjan_session=') && /HttpOnly/i.test(l))).toBe(
      true,
    );
    expect(agent.cookie('kedjan_oidc')).toBeUndefined();

    const session = await sessionOf(agent);
    expect(session.status).toBe(200);
    expect(session.json.user).toMatchObject({ id: ids.caseworkerNorth, displayName: 'Anna Nord' });
    expect(session.json.user.municipality.id).toBe(M);
    expect(session.json.user.roles).toEqual([
      expect.objectContaining({ role: 'caseworker', unitId: ids.unitNorth }),
    ]);

    const stored = await server.database.asOwner((db) =>
      db
        .selectFrom('user_session')
        .select(['auth_method'])
        .where('user_id', '=', ids.caseworkerNorth)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow(),
    );
    expect(stored.auth_method).toBe('oidc');

    const [entry] = await auditEntries('auth.oidc-login');
    expect(entry).toMatchObject({
      outcome: 'allowed',
      actor_user_id: ids.caseworkerNorth,
      municipality_id: M,
    });
    const payload = JSON.parse(entry!.payload);
    expect(payload.request).toMatchObject({ method: 'GET', route: '/auth/callback', status: 302 });
    // Ids and codes only: no code, token or claim from the provider.
    expect(entry!.payload).not.toContain('sub-101');
    expect(entry!.payload).not.toMatch(/code=|eyJ/);
    expect(provider.errors).toEqual([]);
  });

  it('refuses a callback whose state was altered, and logs the refusal', async () => {
    const agent = new Agent();
    const callbackUrl = new URL(await throughProvider(agent, server.url, 'sub-101'));
    callbackUrl.searchParams.set('state', `${callbackUrl.searchParams.get('state')}x`);
    const callback = await agent.fetch(callbackUrl.href);
    expect(callback.status).toBe(302);
    expect(callback.location).toBe(`${server.url}${FAILED}`);
    expect(callback.setCookies.some((l) => l.startsWith('kedjan_session='))).toBe(false);
    expect((await sessionOf(agent)).status).toBe(401);

    const [entry] = await auditEntries('auth.oidc-login');
    expect(entry).toMatchObject({ outcome: 'denied', actor_user_id: null, municipality_id: '0000' });
    expect(JSON.parse(entry!.payload).request).toMatchObject({ errorCode: 'LOGIN_FAILED', status: 302 });
  });

  it('refuses a callback without state', async () => {
    const agent = new Agent();
    const callbackUrl = new URL(await throughProvider(agent, server.url, 'sub-101'));
    callbackUrl.searchParams.delete('state');
    const callback = await agent.fetch(callbackUrl.href);
    expect(callback.location).toBe(`${server.url}${FAILED}`);
    expect((await sessionOf(agent)).status).toBe(401);
  });

  it('refuses a callback when the login cookie is missing', async () => {
    const agent = new Agent();
    const callbackUrl = await throughProvider(agent, server.url, 'sub-101');
    for (const [key, cookie] of agent.cookies) if (cookie.name === 'kedjan_oidc') agent.cookies.delete(key);
    const callback = await agent.fetch(callbackUrl);
    expect(callback.location).toBe(`${server.url}${FAILED}`);
    expect((await sessionOf(agent)).status).toBe(401);
  });

  it('refuses a login cookie that was tampered with', async () => {
    const agent = new Agent();
    const callbackUrl = await throughProvider(agent, server.url, 'sub-101');
    const cookie = agent.cookie('kedjan_oidc')!;
    const [version, payload, signature] = cookie.value.split('.');
    const body = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    body.x += 3_600_000;
    cookie.value = [version, Buffer.from(JSON.stringify(body)).toString('base64url'), signature].join('.');
    const callback = await agent.fetch(callbackUrl);
    expect(callback.location).toBe(`${server.url}${FAILED}`);
    expect((await sessionOf(agent)).status).toBe(401);
  });

  it('refuses a callback meant for another browser (login CSRF)', async () => {
    const attacker = new Agent();
    const attackersCallback = await throughProvider(attacker, server.url, 'sub-102');
    const victim = new Agent();
    await victim.fetch(`${server.url}/auth/login`); // the victim has a login of her own pending
    const callback = await victim.fetch(attackersCallback);
    expect(callback.location).toBe(`${server.url}${FAILED}`);
    expect((await sessionOf(victim)).status).toBe(401);
  });

  it('refuses a subject that is no Kedjan user, and logs it without naming the subject', async () => {
    const agent = new Agent();
    const callback = await login(agent, server.url, 'sub-999');
    expect(callback.status).toBe(302);
    expect(callback.location).toBe(`${server.url}${FAILED}`);
    expect((await sessionOf(agent)).status).toBe(401);
    const [entry] = await auditEntries('auth.oidc-login');
    expect(entry).toMatchObject({ outcome: 'denied', actor_user_id: null, municipality_id: '0000' });
    expect(entry!.payload).not.toContain('sub-999');
  });

  it('refuses a user who has been deactivated', async () => {
    await server.database.asOwner((db) =>
      db.updateTable('app_user').set({ active: false }).where('id', '=', ids.caseworkerSouth).execute(),
    );
    const agent = new Agent();
    const callback = await login(agent, server.url, 'sub-102');
    expect(callback.location).toBe(`${server.url}${FAILED}`);
    expect((await sessionOf(agent)).status).toBe(401);
  });

  it('refuses when the user cancels at the provider', async () => {
    const agent = new Agent();
    const start = await agent.fetch(`${server.url}/auth/login`);
    let page = await agent.fetch(start.location!);
    while (page.location) page = await agent.fetch(page.location);
    const cancel = page.text.match(/<a href="([^"]+)">\[ Cancel \]<\/a>/)?.[1];
    expect(cancel).toBeDefined();
    let next = new URL(cancel!.replace(/&amp;/g, '&'), page.url).href;
    while (!next.startsWith(`${server.url}/auth/callback`)) next = (await agent.fetch(next)).location!;
    expect(new URL(next).searchParams.get('error')).toBe('access_denied');
    const callback = await agent.fetch(next);
    expect(callback.location).toBe(`${server.url}${FAILED}`);
    expect((await sessionOf(agent)).status).toBe(401);
  });

  it('refuses when no municipality is configured and there are several', async () => {
    const agent = new Agent();
    const callback = await login(agent, unconfigured.url, 'sub-101');
    expect(callback.location).toBe(`${unconfigured.url}${FAILED}`);
    expect((await sessionOf(agent, unconfigured.url)).status).toBe(401);
    const [entry] = await auditEntries('auth.oidc-login', unconfigured);
    expect(entry).toMatchObject({ outcome: 'denied', municipality_id: '0000' });
  });

  it('sends the user back to the login page when the provider cannot be reached', async () => {
    const closedPort = await freePort();
    const down = await startTestServer({
      env: { OIDC_ISSUER: `http://127.0.0.1:${closedPort}`, OIDC_CLIENT_ID: 'kedjan', OIDC_MUNICIPALITY: M },
    });
    try {
      const agent = new Agent();
      const start = await agent.fetch(`${down.url}/auth/login`);
      expect(start.status).toBe(302);
      expect(start.location).toBe(`${down.url}${FAILED}`);
      expect(agent.cookie('kedjan_oidc')).toBeUndefined();
      const [entry] = await auditEntries('auth.oidc-login', down);
      expect(entry).toMatchObject({ outcome: 'failed', actor_user_id: null, municipality_id: '0000' });
      expect(JSON.parse(entry!.payload).request).toMatchObject({ errorCode: 'SERVICE_UNAVAILABLE' });
    } finally {
      await down.close();
    }
  });

  it('is not there when OIDC is not configured', async () => {
    const plain = await startTestServer();
    try {
      const response = await fetch(`${plain.url}/auth/login`, {
        redirect: 'manual',
        headers: { accept: 'text/html' },
      });
      expect(response.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

/** Sessions expire after idle time and absolutely; an expired session is told apart from none. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/shared/clock.ts';
import { ids } from '../support/fixture.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

let now = new Date('2026-11-22T08:00:00Z');
const clock: Clock = { now: () => now };
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    clock,
    env: { KEDJAN_SESSION_IDLE_MINUTES: '30', KEDJAN_SESSION_HOURS: '10' },
  });
});
afterAll(async () => server?.close());

describe('session expiry', () => {
  it('keeps a session alive while it is used and ends it after 30 idle minutes', async () => {
    const client = new TestClient(server.url);
    await client.loginAs(ids.caseworkerNorth);
    now = new Date(now.getTime() + 20 * 60_000);
    expect((await client.get('/api/v1/session')).status).toBe(200);
    now = new Date(now.getTime() + 20 * 60_000);
    expect((await client.get('/api/v1/session')).status).toBe(200);
    now = new Date(now.getTime() + 31 * 60_000);
    const expired = await client.get('/api/v1/session');
    expect(expired.status).toBe(401);
    expect(expired.json.code).toBe('SESSION_EXPIRED');
  });

  it('ends a session after 10 hours even when it is used all the time', async () => {
    const client = new TestClient(server.url);
    await client.loginAs(ids.caseworkerNorth);
    for (let minutes = 25; minutes <= 600; minutes += 25) {
      now = new Date(now.getTime() + 25 * 60_000);
      const response = await client.get('/api/v1/session');
      if (minutes < 600) expect(response.status).toBe(200);
      else expect(response.json.code).toBe('SESSION_EXPIRED');
    }
  });

  it('sets the session cookie HttpOnly, Secure and SameSite', async () => {
    const client = new TestClient(server.url);
    await client.get('/api/v1/auth/config');
    const login = await client.post('/api/v1/auth/demo-login', { userId: ids.caseworkerNorth });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('kedjan_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });
});

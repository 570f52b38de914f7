/**
 * Checked sessions are remembered briefly, but never across an access change: the database
 * notifies every server when roles, users or sessions change.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/shared/clock.ts';
import { ids } from '../support/fixture.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

// A frozen clock and a long time to live: only a notification can clear a cached session here.
const clock: Clock = { now: () => new Date('2026-11-22T08:00:00Z') };
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock, env: { KEDJAN_SESSION_CACHE_MS: '60000' } });
});
afterAll(async () => server?.close());

async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe('the session cache', () => {
  it('serves a checked session from memory (a change that notifies nobody goes unseen)', async () => {
    const client = new TestClient(server.url);
    await client.loginAs(ids.caseworkerSouth);
    expect((await client.get(`/api/v1/persons/${ids.personSouth}`)).status).toBe(200);
    // With triggers off (as a superuser could), the change sends no notification.
    await server.database.asOwner(async (db) => {
      await sql`SET session_replication_role = replica`.execute(db);
      await sql`UPDATE app_user SET display_name = 'Sven Omdöpt' WHERE id = ${ids.caseworkerSouth}`.execute(
        db,
      );
      await sql`SET session_replication_role = DEFAULT`.execute(db);
    });
    expect((await client.get('/api/v1/session')).json.user.displayName).toBe('Sven Syd');
  });

  it('forgets it as soon as another server revokes the role', async () => {
    const client = new TestClient(server.url);
    await client.loginAs(ids.caseworkerNorth);
    expect((await client.get(`/api/v1/persons/${ids.personNorth}`)).status).toBe(200);
    await server.database.asOwner((db) =>
      db.deleteFrom('role_assignment').where('user_id', '=', ids.caseworkerNorth).execute(),
    );
    expect(
      await eventually(async () => (await client.get(`/api/v1/persons/${ids.personNorth}`)).status === 403),
    ).toBe(true);
  });
});

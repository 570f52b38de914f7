/** Log review (loggkontroll) by a unit manager, and a person's own access report. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/shared/clock.ts';
import { ids } from '../support/fixture.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

const clock: Clock = { now: () => new Date('2026-11-20T09:30:00Z') };
let server: TestServer;
let manager: TestClient;

beforeAll(async () => {
  server = await startTestServer({ clock });
  const caseworker = new TestClient(server.url);
  await caseworker.loginAs(ids.caseworkerNorth);
  await caseworker.get(`/api/v1/persons/${ids.personNorth}`);
  manager = new TestClient(server.url);
  await manager.loginAs(ids.managerNorth);
});
afterAll(async () => server?.close());

describe('log review', () => {
  it('shows a unit manager who opened a person, when and why', async () => {
    const response = await manager.get(`/api/v1/audit/entries?personId=${ids.personNorth}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.json.truncated).toBe(false);
    expect(response.json.items).toContainEqual(
      expect.objectContaining({
        actorName: 'Anna Nord',
        action: 'person.read',
        actionLabel: 'Personuppgifter lästes',
        outcome: 'allowed',
        personIds: [ids.personNorth],
      }),
    );
  });

  it('logs the review itself, with its criteria and purpose', async () => {
    await manager.get(`/api/v1/audit/entries?userId=${ids.caseworkerNorth}&from=2026-11-01`);
    const entry = await server.database.asOwner((db) =>
      db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'audit.search')
        .orderBy('occurred_at', 'desc')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow(),
    );
    const payload = JSON.parse(entry.payload);
    expect(entry.actor_user_id).toBe(ids.managerNorth);
    expect(payload.purpose).toBe('log_review');
    expect(payload.criteria).toEqual({ userId: ids.caseworkerNorth, from: '2026-11-01' });
  });

  it('lets the manager pick a user by name', async () => {
    const response = await manager.get('/api/v1/audit/users');
    expect(response.json.items).toContainEqual({ id: ids.caseworkerNorth, displayName: 'Anna Nord' });
    expect(response.json.items.map((u: { displayName: string }) => u.displayName)).not.toContain(
      'Granne Handläggare',
    );
  });

  it('is for unit managers only', async () => {
    const caseworker = new TestClient(server.url);
    await caseworker.loginAs(ids.caseworkerNorth);
    expect((await caseworker.get(`/api/v1/audit/entries?personId=${ids.personNorth}`)).status).toBe(403);
    expect((await caseworker.get('/api/v1/audit/users')).status).toBe(403);
  });

  it('produces a person’s access report: dates, purposes and units, without the reviews', async () => {
    const response = await manager.get(`/api/v1/audit/access-report/${ids.personNorth}`);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      personId: ids.personNorth,
      items: [
        { date: '2026-11-20', purposeLabel: 'Handläggning av ärende', unitName: 'Försörjningsenheten Nord' },
      ],
    });
  });
});

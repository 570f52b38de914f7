/** Access control: deny by default, unit scope, protected identities, revocation, municipalities. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids, PROTECTED_NAME } from '../support/fixture.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

async function lastAuditEntry(action?: string) {
  return server.database.asOwner(async (db) => {
    let query = db.selectFrom('audit_log').selectAll().orderBy('occurred_at', 'desc').orderBy('seq', 'desc');
    if (action) query = query.where('action', '=', action);
    return query.executeTakeFirstOrThrow();
  });
}

describe('access to persons', () => {
  it('lets a caseworker read a person of a case in their own unit, uncached, and logs the read', async () => {
    const client = new TestClient(server.url);
    await client.loginAs(ids.caseworkerNorth);
    const response = await client.get(`/api/v1/persons/${ids.personNorth}`);
    expect(response.status).toBe(200);
    expect(response.json.firstName).toBe('Lena');
    expect(response.json.personalNumber).toBe('19850709-9805');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const entry = await lastAuditEntry('person.read');
    expect(entry).toMatchObject({
      outcome: 'allowed',
      actor_user_id: ids.caseworkerNorth,
      person_ids: [ids.personNorth],
    });
  });

  it('refuses a caseworker of another unit with 403, no data, and logs the denial', async () => {
    const client = new TestClient(server.url);
    await client.loginAs(ids.caseworkerSouth);
    const response = await client.get(`/api/v1/persons/${ids.personNorth}`);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.json.code).toBe('FORBIDDEN');
    expect(response.text).not.toContain('Norrman');
    const entry = await lastAuditEntry('person.read');
    expect(entry).toMatchObject({
      outcome: 'denied',
      actor_user_id: ids.caseworkerSouth,
      person_ids: [ids.personNorth],
    });
    expect(JSON.parse(entry.payload).request.status).toBe(403);
  });

  it('answers 404 for a person of another municipality (an id swapped in the URL)', async () => {
    const client = new TestClient(server.url);
    await client.loginAs(ids.caseworkerNorth);
    const response = await client.get(`/api/v1/persons/${ids.personOther}`);
    expect(response.status).toBe(404);
    expect(response.text).not.toContain('Grann');
  });

  it('filters the person search in SQL to the user’s units', async () => {
    const client = new TestClient(server.url);
    await client.loginAs(ids.caseworkerSouth);
    const response = await client.post('/api/v1/persons/search', { query: 'Norrman' });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ items: [], total: 0 });
    const own = await client.post('/api/v1/persons/search', { query: 'Söderberg' });
    expect(own.json.items.map((p: { id: string }) => p.id)).toEqual([ids.personSouth]);
    expect(own.json.items[0].personalNumber).toBe('19900101-9810');
  });

  it('never shows a protected identity’s name in a list', async () => {
    const client = new TestClient(server.url);
    await client.loginAs(ids.caseworkerNorth);
    const byNumber = await client.post('/api/v1/persons/search', { query: '19770303-9805' });
    expect(byNumber.json.items).toEqual([
      { id: ids.protectedNorth, name: null, personalNumber: null, birthYear: 1977, protectedIdentity: true },
    ]);
    const byName = await client.post('/api/v1/persons/search', { query: PROTECTED_NAME.last });
    expect(byName.json.total).toBe(0);
    for (const response of [byNumber, byName]) {
      expect(response.text).not.toContain(PROTECTED_NAME.first);
      expect(response.text).not.toContain(PROTECTED_NAME.last);
    }
  });

  it('refuses to open a protected identity without clearance or assignment', async () => {
    const client = new TestClient(server.url);
    await client.loginAs(ids.caseworkerNorth);
    const response = await client.get(`/api/v1/persons/${ids.protectedNorth}`);
    expect(response.status).toBe(403);
    expect(response.json.code).toBe('FORBIDDEN');
    expect(response.text).not.toContain(PROTECTED_NAME.last);
  });

  it('requires a stated purpose to open a protected identity, and alerts the unit manager', async () => {
    const investigator = new TestClient(server.url);
    await investigator.loginAs(ids.fraud);
    const withoutPurpose = await investigator.get(`/api/v1/persons/${ids.protectedNorth}`);
    expect(withoutPurpose.status).toBe(403);
    expect(withoutPurpose.json.code).toBe('PROTECTED_IDENTITY_PURPOSE_REQUIRED');
    expect(withoutPurpose.text).not.toContain(PROTECTED_NAME.last);

    const opened = await investigator.post(`/api/v1/persons/${ids.protectedNorth}/protected-access`, {
      purpose: 'fraud_investigation',
    });
    expect(opened.status).toBe(200);
    expect(opened.json.lastName).toBe(PROTECTED_NAME.last);
    const entry = await lastAuditEntry('person.read-protected');
    expect(JSON.parse(entry.payload).purpose).toBe('fraud_investigation');

    const manager = new TestClient(server.url);
    await manager.loginAs(ids.managerNorth);
    const alerts = await manager.get('/api/v1/alerts');
    expect(alerts.json.items).toContainEqual(
      expect.objectContaining({
        actorName: 'Fia Utredare',
        personId: ids.protectedNorth,
        acknowledgedAt: null,
      }),
    );
  });

  it('keeps an analyst to aggregated statistics', async () => {
    const client = new TestClient(server.url);
    await client.loginAs(ids.analyst);
    expect((await client.get(`/api/v1/persons/${ids.personNorth}`)).status).toBe(403);
    expect((await client.post('/api/v1/persons/search', { query: 'Norrman' })).status).toBe(403);
    const stats = await client.get('/api/v1/stats/overview');
    expect(stats.status).toBe(200);
    // Three persons in the municipality: under five, so suppressed.
    expect(stats.json.figures).toContainEqual({ key: 'persons', value: null, suppressed: true });
  });

  it('applies a revoked role on the very next request', async () => {
    const caseworker = new TestClient(server.url);
    await caseworker.loginAs(ids.caseworkerSouth);
    expect((await caseworker.get(`/api/v1/persons/${ids.personSouth}`)).status).toBe(200);

    const admin = new TestClient(server.url);
    await admin.loginAs(ids.admin);
    const revoked = await admin.delete(
      `/api/v1/admin/users/${ids.caseworkerSouth}/roles/${ids.unitSouth}/caseworker`,
    );
    expect(revoked.status).toBe(204);

    expect((await caseworker.get(`/api/v1/persons/${ids.personSouth}`)).status).toBe(403);
  });
});

describe('authentication and request hygiene', () => {
  it('answers 401 to an anonymous call and logs it', async () => {
    const client = new TestClient(server.url);
    const response = await client.get(`/api/v1/persons/${ids.personNorth}`);
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({ code: 'NOT_AUTHENTICATED', status: 401 });
    expect(response.json.detail).toBe('Du är inte inloggad. Logga in och försök igen.');
    const entry = await lastAuditEntry('person.read');
    expect(entry).toMatchObject({ outcome: 'denied', actor_user_id: null, municipality_id: '0000' });
  });

  it('answers in English when asked', async () => {
    const client = new TestClient(server.url);
    const response = await client.get('/api/v1/session', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(response.json.detail).toBe('You are not logged in. Log in and try again.');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const client = new TestClient(server.url);
    await client.loginAs(ids.caseworkerNorth);
    const response = await client.post(
      '/api/v1/persons/search',
      { query: 'Norrman' },
      { 'x-csrf-token': 'wrong' },
    );
    expect(response.status).toBe(403);
    expect(response.json.code).toBe('CSRF_TOKEN_INVALID');
  });

  it('answers 404 problem+json to unknown API routes, and logs no identity number from the URL', async () => {
    const client = new TestClient(server.url);
    await client.loginAs(ids.caseworkerNorth);
    const response = await client.get('/api/v1/persons/by-number/198507099805');
    expect(response.status).toBe(404);
    expect(response.json.code).toBe('ROUTE_NOT_FOUND');
    const entry = await lastAuditEntry('http.request');
    expect(entry.payload).not.toContain('198507099805');
  });

  it('answers 413 to an oversized body', async () => {
    const client = new TestClient(server.url);
    await client.loginAs(ids.caseworkerNorth);
    const response = await client.post('/api/v1/persons/search', { query: 'x'.repeat(400_000) });
    expect(response.status).toBe(413);
    expect(response.json.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses unknown fields with a clear message', async () => {
    const client = new TestClient(server.url);
    await client.loginAs(ids.caseworkerNorth);
    const response = await client.post('/api/v1/persons/search', { query: 'Norrman', sortBy: 'name' });
    expect(response.status).toBe(400);
    expect(response.json.code).toBe('VALIDATION_FAILED');
    expect(response.json.detail).toContain('sortBy');
  });

  it('ends the session at logout', async () => {
    const client = new TestClient(server.url);
    await client.loginAs(ids.caseworkerNorth);
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await client.get('/api/v1/session')).status).toBe(401);
  });
});

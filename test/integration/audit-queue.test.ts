/**
 * The audit events of reads are written many at once (audit/db/audit-queue.ts): every event still
 * reaches the log, on an intact chain, and a request's answer waits for its event's commit.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditQueue } from '../../src/audit/db/audit-queue.ts';
import { verifyAuditLog } from '../../src/audit/db/audit-verify.ts';
import type { AuditEvent } from '../../src/audit/domain/audit-event.ts';
import { ids, M } from '../support/fixture.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

function event(over: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: randomUUID(),
    occurredAt: '2026-11-20T09:00:00.000Z',
    municipalityId: M,
    actorUserId: ids.caseworkerNorth,
    action: 'test.queue',
    outcome: 'allowed',
    personIds: [ids.personNorth],
    caseIds: [],
    purpose: null,
    request: { id: randomUUID(), method: 'GET', route: '/test', status: 200, ip: null },
    ...over,
  };
}

/** The logged events of an action, with the transaction that wrote each. */
async function logged(action: string) {
  const result = await server.database.asOwner((db) =>
    sql<{ id: string; person_ids: string[]; tx: string }>`
      SELECT id, person_ids, xmin::text AS tx FROM audit_log WHERE action = ${action}`.execute(db),
  );
  return result.rows;
}

describe('the audit queue', () => {
  it('writes every event of many at once, in fewer transactions, on an intact chain', async () => {
    const queue = new AuditQueue(server.database.app.db);
    const events = Array.from({ length: 40 }, () => event({ action: 'test.many' }));
    await Promise.all(events.map((e) => queue.append(e)));
    const rows = await logged('test.many');
    expect(rows.map((r) => r.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(rows.every((r) => r.person_ids.join() === ids.personNorth)).toBe(true);
    // The first is written alone; those that came while it ran go together.
    expect(new Set(rows.map((r) => r.tx)).size).toBeLessThan(events.length);
    const problems = (await verifyAuditLog(server.database.app.db)).flatMap((report) => report.problems);
    expect(problems).toEqual([]);
  });

  it('fails only the event that cannot be written, not those written with it', async () => {
    const queue = new AuditQueue(server.database.app.db);
    const good = [event({ action: 'test.mixed' }), event({ action: 'test.mixed' })];
    const bad = event({ action: 'test.mixed', actorUserId: 'not-a-uuid' });
    const results = await Promise.allSettled([
      queue.append(event({ action: 'test.mixed' })),
      ...[good[0]!, bad, good[1]!].map((e) => queue.append(e)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const written = (await logged('test.mixed')).map((r) => r.id);
    expect(written).toEqual(expect.arrayContaining(good.map((e) => e.id)));
    expect(written).not.toContain(bad.id);
  });

  it('answers reads only once their events are in the log', async () => {
    const client = new TestClient(server.url);
    await client.loginAs(ids.caseworkerNorth);
    const before = (await logged('person.read')).length;
    const reads = await Promise.all(
      Array.from({ length: 10 }, () => client.get(`/api/v1/persons/${ids.personNorth}`)),
    );
    expect(reads.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 200));
    expect((await logged('person.read')).length).toBe(before + 10);
  });
});

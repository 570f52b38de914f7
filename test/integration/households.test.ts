/** Registering a household: identity numbers validated at the boundary, all or nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids } from '../support/fixture.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

let server: TestServer;
let client: TestClient;
beforeAll(async () => {
  server = await startTestServer();
  client = new TestClient(server.url);
  await client.loginAs(ids.caseworkerNorth);
});
afterAll(async () => server?.close());

const counts = () =>
  server.database.asOwner(async (db) => ({
    persons: Number(
      (
        await db
          .selectFrom('person')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    households: Number(
      (
        await db
          .selectFrom('household')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    cases: Number(
      (
        await db
          .selectFrom('client_case')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  }));

const applicant = { personalNumber: '19850101-9801', firstName: 'Maja', lastName: 'Ny', role: 'applicant' };

describe('registering a household', () => {
  it('creates persons, members and a case that the caseworker can then open', async () => {
    const response = await client.post('/api/v1/households', {
      unitId: ids.unitNorth,
      members: [
        { ...applicant, personalNumber: '850101-9809' },
        { personalNumber: '20190615-9809', firstName: 'Ella', lastName: 'Ny', role: 'child' },
      ],
    });
    expect(response.status).toBe(201);
    const person = await client.get(`/api/v1/persons/${response.json.personIds[0]}`);
    expect(person.json).toMatchObject({
      personalNumber: '19850101-9809',
      birthDate: '1985-01-01',
      sex: 'female',
    });
    expect(person.json.households[0].members).toHaveLength(2);
  });

  it('refuses an invalid personnummer with a clear message in Swedish, and writes nothing', async () => {
    const before = await counts();
    const response = await client.post('/api/v1/households', {
      unitId: ids.unitNorth,
      members: [
        { ...applicant, personalNumber: '19900202-9809' },
        { personalNumber: '19850101-9802', firstName: 'Fel', lastName: 'Nummer', role: 'co_applicant' },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.json.code).toBe('INVALID_PERSONAL_NUMBER');
    expect(response.json.detail).toMatch(/^Personnumret är inte giltigt: /);
    expect(response.json.errors[0].path).toMatch(/^members\.\d\.personalNumber$/);
    expect(await counts()).toEqual(before);
  });

  it('writes nothing when a later step fails (no half-written household)', async () => {
    const before = await counts();
    // The second member repeats the first one's number: the member insert fails after the
    // household and first person are written, and the whole transaction must roll back.
    const response = await client.post('/api/v1/households', {
      unitId: ids.unitNorth,
      members: [
        { ...applicant, personalNumber: '19700707-9804', firstName: 'Dubbel' },
        { personalNumber: '19700707-9804', firstName: 'Dubbel', lastName: 'Ny', role: 'co_applicant' },
      ],
    });
    expect(response.status).toBe(409);
    expect(response.json.code).toBe('CONFLICT');
    expect(response.text).not.toMatch(/insert|duplicate|constraint|SELECT/i);
    expect(await counts()).toEqual(before);
  });

  it('refuses registering in a unit where the user has no caseworker role', async () => {
    const response = await client.post('/api/v1/households', {
      unitId: ids.unitSouth,
      members: [{ ...applicant, personalNumber: '19850101-9809' }],
    });
    expect(response.status).toBe(403);
  });
});

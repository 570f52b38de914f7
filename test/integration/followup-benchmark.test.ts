/**
 * Benchmarking with Kolada through the API: the shipped snapshot is imported with the import
 * function, eight adults' assistance in 2023 is imported from an "earlier system", the manager
 * sets Borås (1490) and its comparison group G175909, and then the comparison series and the
 * reconciliation show our computed values beside Kolada's, with the differences and verdicts a
 * reader would check by hand. Analysts may read them; caseworkers may not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importKolada } from '../../src/followup/db/kolada-import.ts';
import { loadKoladaSnapshot, type KoladaSnapshot } from '../../src/followup/kolada/kolada-snapshot.ts';
import { ids, M } from '../support/fixture.ts';
import { importHistory, monthRange, personnummer } from '../support/history.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

const now = new Date('2026-11-20T09:00:00Z');
let server: TestServer;
let snapshot: KoladaSnapshot;
let manager: TestClient;
let analyst: TestClient;
let caseworker: TestClient;

/** Five adults with assistance all of 2023 (long-term), three with three months. */
const adults = Array.from({ length: 8 }, (_, i) => ({
  pn: personnummer(`1971-02-${String(11 + i).padStart(2, '0')}`, 738),
  first: `Jämför${i}`,
  last: 'Testsson',
  openedOn: '2023-01-02',
  months: i < 5 ? monthRange('2023-01', '2023-12') : monthRange('2023-03', '2023-05'),
}));

/** Kolada's stored total (gender T) from the snapshot. */
const kolada = (kpi: string, code: string, year: number): number | null =>
  snapshot.values.find((v) => v.kpi === kpi && v.municipality === code && v.year === year && v.gender === 'T')
    ?.value ?? null;

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => now } });
  snapshot = await loadKoladaSnapshot();
  await server.database.asOwner(async (db) => {
    await db
      .insertInto('population')
      .values({
        municipality_id: M,
        year: 2023,
        total: 1000,
        children: 200,
        young_adults: 100,
        source: 'test',
      })
      .execute();
    await db
      .transaction()
      .execute((trx) => importKolada(trx, { ...snapshot, source: 'snapshot', fetchedAt: now }));
    // Kolada's share of inhabitants for 1490 in 2023 set to what we compute (8 of 1 000 = 0.8 %),
    // so that one indicator is reconciled within rounding.
    await importKolada(db, {
      values: [
        {
          kpi: 'N31807',
          municipality: '1490',
          year: 2023,
          gender: 'T',
          value: 0.8,
          count: 1,
          status: '',
          isDeleted: false,
        },
      ],
      source: 'test',
      fetchedAt: now,
    });
  });
  await importHistory(server.database.app.db, adults, { now });
  manager = new TestClient(server.url);
  await manager.loginAs(ids.managerNorth);
  analyst = new TestClient(server.url);
  await analyst.loginAs(ids.analyst);
  caseworker = new TestClient(server.url);
  await caseworker.loginAs(ids.caseworkerNorth);
});
afterAll(async () => server?.close());

describe('the comparison setting', () => {
  it('defaults to the municipality’s own code and no group, and the manager chooses Borås and its group', async () => {
    const before = await analyst.get('/api/v1/followup/benchmark-setting');
    expect(before.status).toBe(200);
    expect(before.json).toMatchObject({ koladaCode: M, comparisonGroupId: null, stored: false });
    expect(before.json.groups).toContainEqual({ id: 'G175909', title: expect.stringContaining('Arboga') });

    const unknown = await manager.request('PUT', '/api/v1/followup/benchmark-setting', {
      koladaCode: '1490',
      comparisonGroupId: 'G999',
    });
    expect(unknown.status).toBe(400);
    const byAnalyst = await analyst.request('PUT', '/api/v1/followup/benchmark-setting', {
      koladaCode: '1490',
      comparisonGroupId: 'G175909',
    });
    expect(byAnalyst.status).toBe(403);

    const saved = await manager.request('PUT', '/api/v1/followup/benchmark-setting', {
      koladaCode: '1490',
      comparisonGroupId: 'G175909',
    });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ koladaCode: '1490', comparisonGroupId: 'G175909', stored: true });
  });
});

describe('comparison series', () => {
  it('shows our value, Borås in Kolada, the group, all municipalities (the country, said so) and the country', async () => {
    const response = await analyst.get('/api/v1/followup/benchmark/long_term_adults_share?from=2019&to=2024');
    expect(response.status).toBe(200);
    const body = response.json;
    expect(body.municipality).toMatchObject({ id: M, koladaCode: '1490', koladaName: 'Borås' });
    expect(body.group).toMatchObject({ id: 'G175909' });
    expect(body.group.members).toHaveLength(7);
    expect(body.series.indicator).toMatchObject({
      id: 'long_term_adults_share',
      koladaId: 'N31814',
      unit: 'percent',
    });
    expect(body.series.points.map((p: { year: number }) => p.year)).toEqual([
      2019, 2020, 2021, 2022, 2023, 2024,
    ]);

    const p2023 = body.series.points.find((p: { year: number }) => p.year === 2023);
    expect(p2023).toEqual({
      year: 2023,
      own: 62.5, // 5 of 8 adults had assistance in 10–12 months
      ownSuppressed: false,
      ownKolada: kolada('N31814', '1490', 2023),
      group: kolada('N31814', 'G175909', 2023),
      groupBasis: 'kolada',
      groupMembersCounted: null,
      // only three municipalities are imported: the country stands in for all of them
      allMunicipalities: kolada('N31814', '0000', 2023),
      allBasis: 'country',
      allMunicipalitiesCounted: null,
      country: kolada('N31814', '0000', 2023),
    });
    expect(p2023.country).not.toBeNull();
    // no records before 2023: no own value, Kolada's still there
    const p2020 = body.series.points.find((p: { year: number }) => p.year === 2020);
    expect(p2020).toMatchObject({ own: null, ownKolada: kolada('N31814', '1490', 2020) });
  });

  it('lists every indicator with a Kolada id and says which have values in Kolada', async () => {
    const response = await manager.get('/api/v1/followup/benchmark?from=2021&to=2024');
    expect(response.status).toBe(200);
    const withValues = response.json.series
      .filter((s: { hasKoladaValues: boolean }) => s.hasKoladaValues)
      .map((s: { indicator: { koladaId: string } }) => s.indicator.koladaId)
      .sort();
    expect(withValues).toEqual(['N31807', 'N31814', 'U31462', 'U31803', 'U40455', 'U40806']);
    const share = response.json.series.find(
      (s: { indicator: { id: string } }) => s.indicator.id === 'inhabitants_with_assistance_share',
    );
    expect(share.points.find((p: { year: number }) => p.year === 2023)).toMatchObject({
      own: 0.8,
      ownKolada: 0.8,
    });
  });

  it('answers 404 for an indicator without a Kolada id, and refuses a range backwards', async () => {
    expect((await analyst.get('/api/v1/followup/benchmark/households_with_assistance')).status).toBe(404);
    expect(
      (await analyst.get('/api/v1/followup/benchmark/long_term_adults_share?from=2024&to=2020')).status,
    ).toBe(400);
  });
});

describe('reconciliation', () => {
  it('puts our value beside Kolada’s with the difference and a verdict, and links to the drill-down', async () => {
    const response = await analyst.get('/api/v1/followup/reconciliation?year=2023');
    expect(response.status).toBe(200);
    const rows = new Map(
      response.json.rows.map((r: { indicatorId: string }) => [r.indicatorId, r] as const),
    ) as Map<string, Record<string, unknown>>;

    expect(rows.get('inhabitants_with_assistance_share')).toMatchObject({
      koladaId: 'N31807',
      own: 0.8,
      kolada: 0.8,
      difference: 0,
      relativeDifference: 0,
      verdict: 'within_rounding',
      drilldownPath: '/uppfoljning/nyckeltal?indikator=inhabitants_with_assistance_share&period=2023',
    });

    const published = kolada('N31814', '1490', 2023)!;
    const difference = Math.round((62.5 - published) * 100) / 100;
    expect(rows.get('long_term_adults_share')).toMatchObject({
      koladaId: 'N31814',
      own: 62.5,
      kolada: published,
      difference,
      relativeDifference: Number((((62.5 - published) / published) * 100).toFixed(1)),
      verdict: 'differs',
    });
    // an indicator the snapshot has no value for
    expect(rows.get('very_long_term_adults_share')).toMatchObject({
      kolada: null,
      verdict: 'kolada_missing',
    });
    expect(response.json.summary.withinRounding).toBeGreaterThanOrEqual(1);
    expect(response.json.summary.differs).toBeGreaterThanOrEqual(1);
  });

  it('defaults to the latest past year in which Kolada has values for our code', async () => {
    const response = await manager.get('/api/v1/followup/reconciliation');
    expect(response.status).toBe(200);
    expect(response.json.year).toBe(2024);
  });

  it('takes only past years, and is closed to caseworkers', async () => {
    expect((await analyst.get('/api/v1/followup/reconciliation?year=2026')).status).toBe(400);
    expect((await caseworker.get('/api/v1/followup/reconciliation?year=2023')).status).toBe(403);
    expect((await caseworker.get('/api/v1/followup/benchmark/long_term_adults_share')).status).toBe(403);
  });
});

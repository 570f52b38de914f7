/**
 * The Kolada client against a local HTTP server that replays the shipped snapshot by Kolada's v3
 * URL paths (src/followup/kolada/snapshot/manifest.json): two pages linked by next_url, a 429
 * with Retry-After once, other data queries answered from the recorded rows. Then the import into
 * the database, the answer cache, and `kedjan kolada import` (live and --from-snapshot).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runKoladaImportCommand } from '../../src/cli/kolada-command.ts';
import { importKolada } from '../../src/followup/db/kolada-import.ts';
import { createDiskCache } from '../../src/followup/kolada/kolada-cache.ts';
import { createKoladaClient, type KoladaClientOptions } from '../../src/followup/kolada/kolada-client.ts';
import {
  readSnapshotBody,
  readSnapshotManifest,
  type SnapshotResponse,
} from '../../src/followup/kolada/kolada-snapshot.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const SNAPSHOT_DATA_PATH =
  '/v3/data/kpi/N31807,N31814,U31462,U31803,U40806,U40455/municipality/0000,0380,0381,1490,G175909/year/2019,2020,2021,2022,2023,2024';

interface RawRow {
  kpi: string;
  municipality: string;
  period: number;
}

/** A stand-in for api.kolada.se: recorded answers by path, 429 once on the first data page. */
class ReplayServer {
  server!: Server;
  baseUrl = '';
  requests: string[] = [];
  throttleOnce = new Set<string>();
  private recorded = new Map<string, unknown>();
  private rows: RawRow[] = [];
  private metadata = new Map<string, { id: string }[]>();

  async start(): Promise<void> {
    const manifest: SnapshotResponse[] = await readSnapshotManifest();
    for (const entry of manifest) {
      const body = (await readSnapshotBody(entry.file)) as { values: RawRow[] };
      this.recorded.set(entry.path, body);
      if (entry.kind === 'data') this.rows.push(...body.values);
      else
        this.metadata.set(entry.kind, [
          ...(this.metadata.get(entry.kind) ?? []),
          ...(body.values as unknown as { id: string }[]),
        ]);
    }
    this.server = createServer((req, res) => this.answer(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v3`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  count(prefix: string): number {
    return this.requests.filter((r) => r.startsWith(prefix)).length;
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '/';
    this.requests.push(url);
    if (this.throttleOnce.delete(url)) {
      res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
      res.end('{"detail":"Too many requests"}');
      return;
    }
    if (url.includes('U99999')) {
      res.writeHead(503, { 'retry-after': '2' });
      res.end();
      return;
    }
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const recorded = this.recorded.get(url);
    if (recorded) return json(recorded);
    // Other data queries: the recorded rows that match the path, as one page.
    const data = /^\/v3\/data\/kpi\/([^/]+)\/municipality\/([^/]+)\/year\/([^/?]+)/.exec(url);
    if (data) {
      const [kpis, areas, years] = [1, 2, 3].map((i) => decodeURIComponent(data[i]!).split(','));
      if ([kpis, areas, years].some((list) => list!.length > 25)) {
        res.writeHead(400).end();
        return;
      }
      const values = this.rows.filter(
        (r) => kpis!.includes(r.kpi) && areas!.includes(r.municipality) && years!.includes(String(r.period)),
      );
      return json({ values, count: values.length, next_url: null, previous_url: null });
    }
    // Other metadata queries by ids: the recorded items with those ids.
    const meta = /^\/v3\/(kpi|municipality|municipality_groups)\/([^/?]+)/.exec(url);
    if (meta) {
      const ids = decodeURIComponent(meta[2]!).split(',');
      const values = (this.metadata.get(meta[1]!) ?? []).filter((item) => ids.includes(item.id));
      return json({ values, count: values.length, next_url: null, previous_url: null });
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"detail":"Not Found"}');
  }
}

let database: TestDatabase;
const replay = new ReplayServer();
let cacheDir: string;
let sleeps: number[] = [];

const clientOptions = (extra: Partial<KoladaClientOptions> = {}): KoladaClientOptions => ({
  baseUrl: replay.baseUrl,
  requestsPerSecond: 1000,
  perPage: 100,
  sleep: async (ms) => {
    sleeps.push(ms);
  },
  ...extra,
});

beforeAll(async () => {
  database = await createTestDatabase();
  await replay.start();
  cacheDir = await mkdtemp(path.join(tmpdir(), 'kedjan-kolada-'));
});
afterAll(async () => {
  await replay?.stop();
  await database?.close();
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});
beforeEach(() => {
  sleeps = [];
});

describe('Kolada client against a replay of v3', () => {
  it('follows next_url to the second page, waits as Retry-After asks after a 429, and parses every value', async () => {
    const firstPage = `${SNAPSHOT_DATA_PATH}?per_page=100`;
    replay.throttleOnce.add(firstPage);
    const before = replay.requests.length;
    const client = createKoladaClient(clientOptions());
    const values = await client.fetchValues(
      ['N31807', 'N31814', 'U31462', 'U31803', 'U40806', 'U40455'],
      ['0000', '0380', '0381', '1490', 'G175909'],
      [2019, 2020, 2021, 2022, 2023, 2024],
    );
    expect(replay.requests.slice(before)).toEqual([
      firstPage,
      firstPage,
      `${SNAPSHOT_DATA_PATH}?page=2&per_page=100`,
    ]);
    expect(sleeps).toContain(1000);
    expect(client.requestCount).toBe(3);
    // 180 rows; N31807 is split by gender (T, K, M)
    expect(values).toHaveLength(30 * 3 + 150);
    expect(
      values.find(
        (v) => v.kpi === 'N31807' && v.municipality === '1490' && v.year === 2019 && v.gender === 'T',
      ),
    ).toMatchObject({ value: 4.4, count: 1, status: '' });
    expect(
      values.find((v) => v.kpi === 'N31814' && v.municipality === 'G175909' && v.year === 2024),
    ).toMatchObject({ count: 7 });
    expect(
      values.find((v) => v.kpi === 'U40806' && v.municipality === '0381' && v.year === 2019),
    ).toMatchObject({
      value: null,
      status: 'Missing',
    });
  });

  it('asks for at most 25 KPIs per request', async () => {
    const before = replay.requests.length;
    const ids = Array.from({ length: 29 }, (_, i) => `N${String(i + 1).padStart(5, '0')}`);
    const values = await createKoladaClient(clientOptions()).fetchValues(
      [...ids, 'N31807'],
      ['1490'],
      [2024],
    );
    const sent = replay.requests.slice(before);
    expect(sent).toHaveLength(2);
    expect(sent.map((url) => /\/kpi\/([^/]+)\//.exec(url)![1]!.split(',').length)).toEqual([25, 5]);
    expect(values.map((v) => v.gender).sort()).toEqual(['K', 'M', 'T']);
  });

  it('reads KPI metadata and the municipality group with its members', async () => {
    const client = createKoladaClient(clientOptions({ perPage: 5000 }));
    const kpis = await client.fetchKpis(['N31807', 'N31814', 'U31462', 'U31803', 'U40806', 'U40455']);
    expect(kpis.map((k) => k.id)).toEqual(['N31807', 'N31814', 'U31462', 'U31803', 'U40806', 'U40455']);
    expect(kpis[0]).toMatchObject({ isDividedByGender: true });
    const [group] = await client.fetchMunicipalityGroups({ ids: ['G175909'] });
    expect(group!.members.map((m) => m.id)).toEqual(['0380', '1472', '1473', '1490', '1499', '2034', '2583']);
  });

  it('answers a repeated question from the on-disk cache without asking Kolada again', async () => {
    const kpiPath = '/v3/kpi/N31807,N31814,U31462,U31803,U40806,U40455?per_page=5000';
    const before = replay.count(kpiPath);
    const cache = createDiskCache(cacheDir, 60_000);
    const ids = ['N31807', 'N31814', 'U31462', 'U31803', 'U40806', 'U40455'];
    const first = await createKoladaClient(clientOptions({ perPage: 5000, cache })).fetchKpis(ids);
    const second = createKoladaClient(clientOptions({ perPage: 5000, cache }));
    expect(await second.fetchKpis(ids)).toEqual(first);
    expect(second.requestCount).toBe(0);
    expect(replay.count(kpiPath)).toBe(before + 1);
    // older than the maximum age: asked again
    const later = createDiskCache(cacheDir, 60_000, () => Date.now() + 120_000);
    await createKoladaClient(clientOptions({ perPage: 5000, cache: later })).fetchKpis(ids);
    expect(replay.count(kpiPath)).toBe(before + 2);
  });

  it('gives up with the status when Kolada keeps refusing, after the retries', async () => {
    const client = createKoladaClient(clientOptions({ maxRetries: 2 }));
    await expect(client.fetchKpis(['U99999'])).rejects.toThrow(/HTTP 503/);
    expect(client.requestCount).toBe(3);
    expect(sleeps.filter((ms) => ms === 2000)).toHaveLength(2);
    await expect(client.fetchKpis(['N318'])).rejects.toThrow(/Invalid kpi/);
    await expect(client.fetchMunicipalityGroups({ title: 'finns inte' })).rejects.toThrow(/HTTP 404/);
  });
});

describe('storing Kolada values', () => {
  it('upserts values, KPIs and the group; a repeated import changes nothing', async () => {
    const client = createKoladaClient(clientOptions());
    const values = await client.fetchValues(['N31807', 'N31814'], ['1490', '0380', 'G175909'], [2022, 2023]);
    const groups = await client.fetchMunicipalityGroups({ ids: ['G175909'] });
    const kpis = await createKoladaClient(clientOptions({ perPage: 5000 })).fetchKpis([
      'N31807',
      'N31814',
      'U31462',
      'U31803',
      'U40806',
      'U40455',
    ]);
    const fetchedAt = new Date('2026-11-20T09:00:00Z');
    const db = database.app.db;
    const run = () =>
      db
        .transaction()
        .execute((trx) => importKolada(trx, { kpis, groups, values, source: 'test', fetchedAt }));
    // N31807 by gender (3) and N31814 (total), 3 areas, 2 years
    expect(await run()).toMatchObject({ values: 24, groups: 1, kpis: 6 });
    await run();
    const rows = await db
      .selectFrom('kolada_value')
      .selectAll()
      .where('source', '=', 'test')
      .orderBy(['kpi_id', 'municipality_code', 'year', 'gender'])
      .execute();
    expect(rows).toHaveLength(values.length);
    expect(
      rows.find((r) => r.kpi_id === 'N31814' && r.municipality_code === 'G175909' && r.year === 2023),
    ).toMatchObject({ gender: 'T', count: 7 });
    const members = await db
      .selectFrom('kolada_group_member')
      .select('member_id')
      .where('group_id', '=', 'G175909')
      .execute();
    expect(members).toHaveLength(7);
    // Kolada withdraws a value (from_date answers): it is removed
    const withdrawn = { ...values[0]!, isDeleted: true };
    const counts = await db
      .transaction()
      .execute((trx) => importKolada(trx, { values: [withdrawn], source: 'test', fetchedAt }));
    expect(counts.deleted).toBe(1);
  });
});

describe('kedjan kolada import', () => {
  const deps = (out: string[], err: string[]) => ({
    openDatabase: async () => ({ ...database.app, close: async () => {} }),
    out: (line: string) => out.push(line),
    err: (line: string) => err.push(line),
    env: { KOLADA_BASE_URL: replay.baseUrl },
    now: () => new Date('2026-11-20T09:00:00Z'),
    client: clientOptions(),
  });

  it('imports from the API for KPIs, municipalities, a group and years', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runKoladaImportCommand(
      { kpi: 'N31807,N31814', municipality: '1490,0380', group: 'G175909', years: '2019-2024', cache: false },
      deps(out, err),
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    // N31807: 3 genders, N31814: total only; 3 areas; 6 years
    expect(out[0]).toMatch(
      /^Kolada \(api http:\/\/127\.0\.0\.1:\d+\/v3\): 72 värden, 2 nyckeltal, 2 kommuner, 1 kommungrupper/,
    );
  });

  it('loads the shipped snapshot without network', async () => {
    const out: string[] = [];
    const before = replay.requests.length;
    const code = await runKoladaImportCommand({ fromSnapshot: true, years: '2024' }, deps(out, []));
    expect(code).toBe(0);
    expect(replay.requests.length).toBe(before);
    expect(out[0]).toBe(
      'Kolada (snapshot): 40 värden, 6 nyckeltal, 4 kommuner, 1 kommungrupper importerade.',
    );
    const riket = await database.app.db
      .selectFrom('kolada_value')
      .select(['value', 'source'])
      .where('kpi_id', '=', 'N31807')
      .where('municipality_code', '=', '0000')
      .where('year', '=', 2024)
      .where('gender', '=', 'T')
      .executeTakeFirstOrThrow();
    expect(riket.source).toBe('snapshot');
  });

  it('refuses ids that are not Kolada ids', async () => {
    const err: string[] = [];
    expect(
      await runKoladaImportCommand({ kpi: 'N31807', municipality: '149', years: '2024' }, deps([], err)),
    ).toBe(2);
    expect(err[0]).toMatch(/149/);
  });
});

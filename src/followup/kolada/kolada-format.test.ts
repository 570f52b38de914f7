import { describe, expect, it } from 'vitest';
import {
  chunk,
  dataUrls,
  KoladaFormatError,
  metadataUrls,
  parseDataRows,
  parseEnvelope,
  parseGroups,
  parseKpis,
  parseYears,
  resolveNextUrl,
  retryAfterMs,
  titleSearchUrl,
} from './kolada-format.ts';

const BASE = 'https://api.kolada.se/v3';
const kpiIds = (n: number) => Array.from({ length: n }, (_, i) => `N${String(i + 1).padStart(5, '0')}`);

describe('Kolada v3 URLs', () => {
  it('asks for KPIs, municipalities and years in one path, with the page size', () => {
    expect(dataUrls(BASE, ['N31807', 'N31814'], ['1490', '0380', 'G175909'], [2020, 2019])).toEqual([
      `${BASE}/data/kpi/N31807,N31814/municipality/1490,0380,G175909/year/2019,2020?per_page=5000`,
    ]);
  });

  it('splits every path list into pieces of at most 25 ids and asks for each combination', () => {
    const urls = dataUrls(BASE, kpiIds(30), ['1490'], [2024], 100);
    expect(urls).toHaveLength(2);
    expect(urls[0]).toContain(`/data/kpi/${kpiIds(25).join(',')}/municipality/1490/year/2024?per_page=100`);
    expect(urls[1]).toContain('/data/kpi/N00026,N00027,N00028,N00029,N00030/municipality/');
    expect(chunk(kpiIds(51)).map((c) => c.length)).toEqual([25, 25, 1]);
    const years = Array.from({ length: 30 }, (_, i) => 1995 + i);
    expect(dataUrls(BASE, kpiIds(26), ['1490'], years)).toHaveLength(4);
  });

  it('refuses ids that are not Kolada ids, so nothing odd reaches the path', () => {
    expect(() => dataUrls(BASE, ['N31807/../x'], ['1490'], [2024])).toThrow(KoladaFormatError);
    expect(() => dataUrls(BASE, ['N31807'], ['149'], [2024])).toThrow(/municipality/);
    expect(() => metadataUrls(BASE, 'municipality_groups', ['1490'])).toThrow(KoladaFormatError);
  });

  it('builds metadata and title-search URLs', () => {
    expect(metadataUrls(`${BASE}/`, 'kpi', ['N31807', 'N31807', 'U31462'])).toEqual([
      `${BASE}/kpi/N31807,U31462?per_page=5000`,
    ]);
    expect(titleSearchUrl(BASE, 'municipality_groups', 'liknande kommuner')).toBe(
      `${BASE}/municipality_groups?title=liknande%20kommuner&per_page=5000`,
    );
  });

  it("moves Kolada's absolute next-page URLs onto a configured mirror", () => {
    const next = `${BASE}/data/kpi/N31807/year/2024?page=2&per_page=100`;
    expect(resolveNextUrl(next, 'http://127.0.0.1:4000/v3')).toBe(
      'http://127.0.0.1:4000/v3/data/kpi/N31807/year/2024?page=2&per_page=100',
    );
    expect(resolveNextUrl(next, BASE)).toBe(next);
  });
});

describe('parsing Kolada v3 answers', () => {
  it('reads the envelope and its next-page field (next_url; next_page from v2-era clients)', () => {
    expect(parseEnvelope({ values: [], count: 0, next_url: null })).toEqual({ values: [], nextUrl: null });
    expect(parseEnvelope({ values: [1], count: 1, next_url: 'https://x/2' }).nextUrl).toBe('https://x/2');
    expect(parseEnvelope({ values: [1], next_page: 'https://x/2' }).nextUrl).toBe('https://x/2');
    expect(() => parseEnvelope({ error: 'nope' })).toThrow(KoladaFormatError);
  });

  it('flattens data rows to one value per gender, keeping missing values as null with their status', () => {
    const values = parseDataRows([
      {
        kpi: 'N31807',
        municipality: 'G175909',
        period: 2023,
        values: [
          { gender: 'K', count: 7, status: '', value: 3.4 },
          { gender: 'M', count: 7, status: '', value: 3.8 },
          { gender: 'T', count: 7, status: '', value: 3.6 },
        ],
      },
      {
        kpi: 'U40806',
        municipality: '0381',
        period: '2019',
        values: [{ gender: 'T', status: 'Missing', value: null }],
      },
    ]);
    expect(values).toHaveLength(4);
    expect(values[2]).toEqual({
      kpi: 'N31807',
      municipality: 'G175909',
      year: 2023,
      gender: 'T',
      value: 3.6,
      count: 7,
      status: '',
      isDeleted: false,
    });
    expect(values[3]).toMatchObject({ year: 2019, value: null, count: null, status: 'Missing' });
  });

  it('says which row is wrong when a value is not in the format', () => {
    expect(() =>
      parseDataRows([
        { kpi: 'N31807', municipality: '1490', period: 2023, values: [{ gender: 'X', value: 1 }] },
      ]),
    ).toThrow(/data row 1: values.0.gender/);
  });

  it('reads KPI metadata (auspice in v3, auspices in v2; gender split as boolean or 0/1)', () => {
    const [v3, v2] = parseKpis([
      { id: 'N31807', title: 'Invånare …', auspice: 'E', is_divided_by_gender: true, municipality_type: 'K' },
      { id: 'U31462', title: 'Ej återaktualiserade …', auspices: 'X', is_divided_by_gender: 0 },
    ]);
    expect(v3).toMatchObject({ id: 'N31807', auspice: 'E', isDividedByGender: true, municipalityType: 'K' });
    expect(v2).toMatchObject({ auspice: 'X', isDividedByGender: false, description: null });
  });

  it('reads municipality groups with their members', () => {
    const [group] = parseGroups([
      { id: 'G175909', title: 'Liknande kommuner', members: [{ id: '0380', title: 'Uppsala' }, '1490'] },
    ]);
    expect(group!.members).toEqual([
      { id: '0380', title: 'Uppsala' },
      { id: '1490', title: '' },
    ]);
  });
});

describe('command-line values', () => {
  it('reads year ranges and lists', () => {
    expect(parseYears('2019-2021')).toEqual([2019, 2020, 2021]);
    expect(parseYears('2024, 2019-2020')).toEqual([2019, 2020, 2024]);
    expect(() => parseYears('2024-2019')).toThrow(KoladaFormatError);
    expect(() => parseYears('19')).toThrow(KoladaFormatError);
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-11-20T09:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs('Fri, 20 Nov 2026 09:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
  });
});

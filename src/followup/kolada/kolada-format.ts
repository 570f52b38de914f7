/**
 * Kolada's public API v3 (https://api.kolada.se/v3): the URLs Kedjan asks for and the parsing of
 * the answers, without any I/O. What is verified about the format, and from where, is written down
 * in docs/kolada.md; the parsers accept the documented alternatives where the sources disagree
 * (the next-page field is `next_url` in v3, `next_page` in v2-era clients; `period` may be a number
 * or a string).
 */
import { z } from 'zod';

export const KOLADA_DEFAULT_BASE_URL = 'https://api.kolada.se/v3';
/** v3 refuses more than 25 items in one path parameter (kpi, municipality or year list). */
export const MAX_IDS_PER_PATH = 25;
/** v3 returns at most 5000 items per page. */
export const MAX_PER_PAGE = 5000;

export type KoladaGender = 'T' | 'K' | 'M';

/** One published value: a KPI for a municipality (or group, or the country '0000') and year. */
export interface KoladaValue {
  kpi: string;
  /** Kolada's municipality code: 4 digits ('0000' = the country, '00LL' = a region) or a group id 'G…'. */
  municipality: string;
  year: number;
  /** T = total, K = women, M = men. */
  gender: KoladaGender;
  value: number | null;
  /** Municipalities behind the value (groups: members contributing to the unweighted mean). */
  count: number | null;
  status: string;
  /** Only in answers to from_date queries: the value was withdrawn. */
  isDeleted: boolean;
}

export interface KoladaKpi {
  id: string;
  title: string;
  description: string | null;
  isDividedByGender: boolean;
  municipalityType: string | null;
  operatingArea: string | null;
  auspice: string | null;
  publicationDate: string | null;
}

export interface KoladaMunicipality {
  id: string;
  title: string;
  type: string | null;
}

export interface KoladaGroup {
  id: string;
  title: string;
  members: { id: string; title: string }[];
}

export interface KoladaPage {
  values: unknown[];
  nextUrl: string | null;
}

export const KPI_ID = /^[A-Z][0-9]{5}$/;
export const AREA_ID = /^([0-9]{4}|G[0-9]+)$/;
export const GROUP_ID = /^G[0-9]+$/;

export class KoladaFormatError extends Error {}

/** Splits a list into pieces of at most `size` (25: v3's limit per path parameter). */
export function chunk<T>(items: readonly T[], size = MAX_IDS_PER_PATH): T[][] {
  if (size < 1) throw new RangeError('chunk size must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const trimBase = (baseUrl: string) => baseUrl.replace(/\/+$/, '');
const uniq = <T>(items: readonly T[]): T[] => [...new Set(items)];
const list = (ids: readonly (string | number)[]) => ids.map((id) => encodeURIComponent(String(id))).join(',');

function checkIds(kind: string, ids: readonly string[], pattern: RegExp): void {
  const bad = ids.filter((id) => !pattern.test(id));
  if (bad.length > 0) throw new KoladaFormatError(`Invalid ${kind} id(s): ${bad.join(', ')}`);
}

/**
 * `/data/kpi/{kpis}/municipality/{municipalities}/year/{years}?per_page=N`, one URL per
 * combination of 25-id chunks, so that no path list exceeds v3's limit.
 */
export function dataUrls(
  baseUrl: string,
  kpiIds: readonly string[],
  municipalityIds: readonly string[],
  years: readonly number[],
  perPage = MAX_PER_PAGE,
): string[] {
  const kpis = uniq(kpiIds);
  const areas = uniq(municipalityIds);
  const ys = uniq(years).sort((a, b) => a - b);
  checkIds('KPI', kpis, KPI_ID);
  checkIds('municipality', areas, AREA_ID);
  if (kpis.length === 0 || areas.length === 0 || ys.length === 0)
    throw new KoladaFormatError('A data query needs at least one KPI, one municipality and one year');
  const urls: string[] = [];
  for (const k of chunk(kpis))
    for (const m of chunk(areas))
      for (const y of chunk(ys))
        urls.push(
          `${trimBase(baseUrl)}/data/kpi/${list(k)}/municipality/${list(m)}/year/${list(y)}?per_page=${perPage}`,
        );
  return urls;
}

export type MetadataEntity = 'kpi' | 'municipality' | 'municipality_groups';

/** `/{entity}/{ids}?per_page=N`, one URL per 25 ids. */
export function metadataUrls(
  baseUrl: string,
  entity: MetadataEntity,
  ids: readonly string[],
  perPage = MAX_PER_PAGE,
): string[] {
  const unique = uniq(ids);
  checkIds(entity, unique, entity === 'kpi' ? KPI_ID : entity === 'municipality' ? AREA_ID : GROUP_ID);
  return chunk(unique).map((part) => `${trimBase(baseUrl)}/${entity}/${list(part)}?per_page=${perPage}`);
}

/** `/{entity}?title=…`: Kolada's free-text search on titles. */
export function titleSearchUrl(
  baseUrl: string,
  entity: MetadataEntity,
  title: string,
  perPage = MAX_PER_PAGE,
): string {
  return `${trimBase(baseUrl)}/${entity}?title=${encodeURIComponent(title)}&per_page=${perPage}`;
}

/**
 * The next page's URL from an answer. Kolada writes absolute URLs on its own host: when Kedjan
 * talks to a mirror or a local replay (KOLADA_BASE_URL), the URL is moved onto that base.
 */
export function resolveNextUrl(next: string, baseUrl: string): string {
  const base = trimBase(baseUrl);
  if (next.startsWith(KOLADA_DEFAULT_BASE_URL) && base !== KOLADA_DEFAULT_BASE_URL)
    return base + next.slice(KOLADA_DEFAULT_BASE_URL.length);
  return new URL(next, `${base}/`).toString();
}

const Envelope = z.object({
  values: z.array(z.unknown()),
  count: z.number().int().optional(),
  next_url: z.string().nullish(),
  next_page: z.string().nullish(),
  previous_url: z.string().nullish(),
  previous_page: z.string().nullish(),
});

export function parseEnvelope(json: unknown): KoladaPage {
  const parsed = Envelope.safeParse(json);
  if (!parsed.success) throw new KoladaFormatError(`Not a Kolada answer: ${parsed.error.issues[0]?.message}`);
  const next = parsed.data.next_url ?? parsed.data.next_page ?? null;
  return { values: parsed.data.values, nextUrl: next && next.length > 0 ? next : null };
}

const Flag = z.union([z.boolean(), z.number()]).transform((v) => v === true || v === 1);

const ValueCell = z.object({
  gender: z.enum(['T', 'K', 'M']),
  value: z.number().nullish(),
  count: z.number().int().nullish(),
  status: z.string().nullish(),
  is_deleted: Flag.optional(),
  isdeleted: Flag.optional(),
});

const DataRow = z.object({
  kpi: z.string().regex(KPI_ID),
  municipality: z.string().regex(AREA_ID),
  period: z.union([z.number().int(), z.string().regex(/^[0-9]{4}$/)]).transform(Number),
  values: z.array(ValueCell),
});

function parseEach<S extends z.ZodType>(schema: S, values: unknown[], what: string): z.output<S>[] {
  return values.map((value, index) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new KoladaFormatError(
        `${what} ${index + 1}: ${issue?.path.join('.') || '(row)'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    return parsed.data;
  });
}

/** Flattens `/data` rows: one KoladaValue per row and gender. */
export function parseDataRows(values: unknown[]): KoladaValue[] {
  return parseEach(DataRow, values, 'data row').flatMap((row) =>
    row.values.map((cell) => ({
      kpi: row.kpi,
      municipality: row.municipality,
      year: row.period,
      gender: cell.gender,
      value: cell.value ?? null,
      count: cell.count ?? null,
      status: cell.status ?? '',
      isDeleted: cell.is_deleted === true || cell.isdeleted === true,
    })),
  );
}

const KpiRow = z.object({
  id: z.string().regex(KPI_ID),
  title: z.string(),
  description: z.string().nullish(),
  is_divided_by_gender: Flag.nullish(),
  municipality_type: z.string().nullish(),
  operating_area: z.string().nullish(),
  auspice: z.string().nullish(),
  auspices: z.string().nullish(),
  publication_date: z.string().nullish(),
});

export function parseKpis(values: unknown[]): KoladaKpi[] {
  return parseEach(KpiRow, values, 'KPI').map((k) => ({
    id: k.id,
    title: k.title,
    description: k.description ?? null,
    isDividedByGender: k.is_divided_by_gender === true,
    municipalityType: k.municipality_type ?? null,
    operatingArea: k.operating_area ?? null,
    auspice: k.auspice ?? k.auspices ?? null,
    publicationDate: k.publication_date ?? null,
  }));
}

const MunicipalityRow = z.object({
  id: z.string().regex(AREA_ID),
  title: z.string(),
  type: z.string().nullish(),
});

export function parseMunicipalities(values: unknown[]): KoladaMunicipality[] {
  return parseEach(MunicipalityRow, values, 'municipality').map((m) => ({
    id: m.id,
    title: m.title,
    type: m.type ?? null,
  }));
}

const GroupRow = z.object({
  id: z.string().regex(GROUP_ID),
  title: z.string(),
  // v2 documents members as {id, title}; a third-party v3 typing has plain ids: accept both.
  members: z
    .array(z.union([z.object({ id: z.string().regex(AREA_ID), title: z.string().nullish() }), z.string()]))
    .default([]),
});

export function parseGroups(values: unknown[]): KoladaGroup[] {
  return parseEach(GroupRow, values, 'municipality group').map((g) => ({
    id: g.id,
    title: g.title,
    members: g.members.map((m) =>
      typeof m === 'string' ? { id: m, title: '' } : { id: m.id, title: m.title ?? '' },
    ),
  }));
}

/** '2019-2024', '2019,2021' or '2024' → sorted years. */
export function parseYears(text: string): number[] {
  const years = new Set<number>();
  for (const part of text.split(',').map((p) => p.trim())) {
    const range = /^(\d{4})(?:-(\d{4}))?$/.exec(part);
    if (!range) throw new KoladaFormatError(`Invalid year or range: ${part}`);
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (to < from || to - from > 100) throw new KoladaFormatError(`Invalid year range: ${part}`);
    for (let y = from; y <= to; y++) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/** Comma-separated ids, trimmed, empty parts dropped. */
export const parseIdList = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** Retry-After as milliseconds to wait: delay-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

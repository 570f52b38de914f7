/**
 * Reads what the comparisons with Kolada need: the municipality's benchmark setting (its Kolada
 * code and comparison group), the group's members, Kolada's stored values of a KPI (total, gender
 * T), and our own values per year from the indicator engine (small counts suppressed). The rules
 * are in followup/domain/benchmark.
 */
import type { Database } from '../../db/connection.ts';
import type { OwnValue, KoladaPoint } from '../domain/benchmark/benchmark.ts';
import type { IndicatorDefinition } from '../domain/indicators/definitions.ts';
import { parsePeriod, type Period } from '../domain/indicators/periods.ts';
import { toIndicatorRows } from '../domain/indicators/report.ts';
import { cachedIndicatorValues } from './indicator-values.ts';

export interface BenchmarkSetting {
  /** The municipality's code in Kolada (defaults to its own id: Kolada uses SCB's codes). */
  koladaCode: string;
  comparisonGroupId: string | null;
  /** Whether a setting is stored (false: the defaults). */
  stored: boolean;
}

export async function loadBenchmarkSetting(db: Database, municipalityId: string): Promise<BenchmarkSetting> {
  const row = await db
    .selectFrom('benchmark_setting')
    .select(['kolada_code', 'comparison_group_id'])
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return {
    koladaCode: row?.kolada_code ?? municipalityId,
    comparisonGroupId: row?.comparison_group_id ?? null,
    stored: row !== undefined,
  };
}

export async function saveBenchmarkSetting(
  db: Database,
  municipalityId: string,
  setting: { koladaCode: string | null; comparisonGroupId: string | null },
  now: Date,
): Promise<void> {
  await db
    .insertInto('benchmark_setting')
    .values({
      municipality_id: municipalityId,
      kolada_code: setting.koladaCode,
      comparison_group_id: setting.comparisonGroupId,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('municipality_id').doUpdateSet({
        kolada_code: setting.koladaCode,
        comparison_group_id: setting.comparisonGroupId,
        updated_at: now,
      }),
    )
    .execute();
}

export interface KoladaGroupInfo {
  id: string;
  title: string;
  members: { id: string; title: string }[];
}

export async function loadKoladaGroup(db: Database, groupId: string): Promise<KoladaGroupInfo | null> {
  const group = await db
    .selectFrom('kolada_group')
    .select(['id', 'title'])
    .where('id', '=', groupId)
    .executeTakeFirst();
  if (!group) return null;
  const members = await db
    .selectFrom('kolada_group_member')
    .select(['member_id', 'member_title'])
    .where('group_id', '=', groupId)
    .orderBy('member_id')
    .execute();
  return { ...group, members: members.map((m) => ({ id: m.member_id, title: m.member_title })) };
}

export async function loadKoladaGroups(db: Database): Promise<{ id: string; title: string }[]> {
  return db.selectFrom('kolada_group').select(['id', 'title']).orderBy('title').execute();
}

export async function koladaMunicipalityTitle(db: Database, code: string): Promise<string | null> {
  const row = await db
    .selectFrom('kolada_municipality')
    .select('title')
    .where('id', '=', code)
    .executeTakeFirst();
  return row?.title ?? null;
}

/** Kolada's stored values (gender T) of the KPIs in the years, per KPI. */
export async function loadKoladaPoints(
  db: Database,
  kpiIds: readonly string[],
  fromYear: number,
  toYear: number,
): Promise<Map<string, KoladaPoint[]>> {
  const result = new Map<string, KoladaPoint[]>(kpiIds.map((id) => [id, []]));
  if (kpiIds.length === 0) return result;
  const rows = await db
    .selectFrom('kolada_value')
    .select(['kpi_id', 'municipality_code', 'year', 'value'])
    .where('kpi_id', 'in', [...kpiIds])
    .where('gender', '=', 'T')
    .where('year', '>=', fromYear)
    .where('year', '<=', toYear)
    .execute();
  for (const row of rows)
    result.get(row.kpi_id)?.push({ code: row.municipality_code, year: row.year, value: row.value });
  return result;
}

/**
 * Our own values per indicator and year, computed from the municipality's records for whole past
 * years only (a year still running has no value to compare): small counts are suppressed.
 */
export async function loadOwnYearValues(
  db: Database,
  municipalityId: string,
  definitions: readonly IndicatorDefinition[],
  years: readonly number[],
  currentYear: number,
): Promise<Map<string, OwnValue[]>> {
  const result = new Map<string, OwnValue[]>(definitions.map((d) => [d.id, []]));
  const past = years.filter((y) => y < currentYear);
  if (past.length === 0 || definitions.length === 0) return result;
  const periods = past.map((y) => parsePeriod(String(y)) as Period);
  const values = await cachedIndicatorValues(
    db,
    municipalityId,
    definitions,
    periods,
    `${currentYear - 1}-12`,
  );
  const rows = toIndicatorRows(values, 'sv');
  for (const row of rows)
    result.get(row.id)?.push({ year: Number(row.period), value: row.value, suppressed: row.suppressed });
  return result;
}

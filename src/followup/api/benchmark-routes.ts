/**
 * Benchmarking with Kolada: the comparison series of our indicators (own value, own value in
 * Kolada, comparison group, all municipalities, the country) year by year, the reconciliation of
 * our computed values with Kolada's published ones, and the setting of which Kolada code and group
 * the municipality compares with. Aggregates only, small counts suppressed (docs/kolada.md).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import type { Locale } from '../../i18n/catalogue.ts';
import type { Database } from '../../db/connection.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import {
  koladaMunicipalityTitle,
  loadBenchmarkSetting,
  loadKoladaGroup,
  loadKoladaGroups,
  loadKoladaPoints,
  loadOwnYearValues,
  saveBenchmarkSetting,
  type KoladaGroupInfo,
} from '../db/benchmark.ts';
import { benchmarkSeries, reconcile } from '../domain/benchmark/benchmark.ts';
import { INDICATORS, type IndicatorDefinition } from '../domain/indicators/definitions.ts';

const Year = z.coerce.number().int().min(1990).max(2100);

const Indicator = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.enum(['percent', 'count', 'kr_per_inhabitant', 'kr_per_household', 'kr', 'fte']),
  koladaId: z.string(),
  koladaTitle: z.string().nullable(),
  higherIsBetter: z.boolean().nullable(),
});

const Point = z.object({
  year: z.number().int(),
  own: z.number().nullable(),
  ownSuppressed: z.boolean(),
  ownKolada: z.number().nullable(),
  group: z.number().nullable(),
  groupBasis: z.enum(['kolada', 'members']).nullable(),
  groupMembersCounted: z.number().int().nullable(),
  allMunicipalities: z.number().nullable(),
  allBasis: z.enum(['mean', 'country']).nullable(),
  allMunicipalitiesCounted: z.number().int().nullable(),
  country: z.number().nullable(),
});

const Comparison = z.object({
  municipality: z.object({
    id: z.string(),
    name: z.string(),
    koladaCode: z.string(),
    koladaName: z.string().nullable(),
  }),
  group: z
    .object({
      id: z.string(),
      title: z.string(),
      members: z.array(z.object({ id: z.string(), title: z.string() })),
    })
    .nullable(),
});

const Series = z.object({ indicator: Indicator, hasKoladaValues: z.boolean(), points: z.array(Point) });

const Range = z.strictObject({ from: Year.optional(), to: Year.optional() });

const Setting = z.object({
  koladaCode: z.string(),
  comparisonGroupId: z.string().nullable(),
  stored: z.boolean(),
  groups: z.array(z.object({ id: z.string(), title: z.string() })),
});

const KOLADA_INDICATORS = INDICATORS.filter((d) => d.koladaId !== null);

const currentYearOf = (deps: ServerDeps): number => Number(swedishToday(deps.clock).slice(0, 4));

function yearRange(query: { from?: number | undefined; to?: number | undefined }, currentYear: number) {
  const to = query.to ?? currentYear - 1;
  const from = query.from ?? to - 5;
  if (from > to)
    throw new AppError('VALIDATION_FAILED', { details: 'from > to' }, [
      { path: '/from', message: 'from > to' },
    ]);
  if (to - from > 30)
    throw new AppError('VALIDATION_FAILED', { details: 'to − from > 30' }, [
      { path: '/to', message: 'at most 30 years' },
    ]);
  return { from, to, years: Array.from({ length: to - from + 1 }, (_, i) => from + i) };
}

interface ComparisonContext {
  municipality: z.infer<typeof Comparison>['municipality'];
  group: KoladaGroupInfo | null;
}

async function comparisonContext(
  db: Database,
  municipalityId: string,
  municipalityName: string,
): Promise<ComparisonContext> {
  const setting = await loadBenchmarkSetting(db, municipalityId);
  const group = setting.comparisonGroupId ? await loadKoladaGroup(db, setting.comparisonGroupId) : null;
  return {
    municipality: {
      id: municipalityId,
      name: municipalityName,
      koladaCode: setting.koladaCode,
      koladaName: await koladaMunicipalityTitle(db, setting.koladaCode),
    },
    group,
  };
}

/** The latest past year in which Kolada has a value for the code (the default year to reconcile). */
async function latestKoladaYear(db: Database, code: string, currentYear: number): Promise<number | null> {
  const row = await db
    .selectFrom('kolada_value')
    .select((eb) => eb.fn.max('year').as('year'))
    .where('municipality_code', '=', code)
    .where('year', '<', currentYear)
    .where('value', 'is not', null)
    .executeTakeFirst();
  return row?.year ?? null;
}

async function kpiTitles(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('kolada_kpi')
    .select(['id', 'title'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

async function seriesOf(
  db: Database,
  definitions: readonly IndicatorDefinition[],
  context: ComparisonContext,
  municipalityId: string,
  range: { from: number; to: number; years: number[] },
  currentYear: number,
  locale: Locale,
): Promise<z.infer<typeof Series>[]> {
  const koladaIds = definitions.map((d) => d.koladaId!);
  const [points, own, titles] = await Promise.all([
    loadKoladaPoints(db, koladaIds, range.from, range.to),
    loadOwnYearValues(db, municipalityId, definitions, range.years, currentYear),
    kpiTitles(db, koladaIds),
  ]);
  return definitions.map((d) => {
    const values = points.get(d.koladaId!) ?? [];
    return {
      indicator: {
        id: d.id,
        title: d.title[locale],
        unit: d.unit,
        koladaId: d.koladaId!,
        koladaTitle: titles.get(d.koladaId!) ?? null,
        higherIsBetter: d.higherIsBetter,
      },
      hasKoladaValues: values.some((v) => v.value !== null),
      points: benchmarkSeries({
        years: range.years,
        own: own.get(d.id) ?? [],
        ownCode: context.municipality.koladaCode,
        group: context.group
          ? { id: context.group.id, members: context.group.members.map((m) => m.id) }
          : null,
        values,
      }),
    };
  });
}

export function registerBenchmarkRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/followup/benchmark',
    action: 'benchmark.list',
    permission: 'followup:read',
    summary: 'Comparison series of every indicator with a Kolada id, year by year',
    tags: ['Uppföljning'],
    query: Range,
    response: Comparison.extend({ from: z.number().int(), to: z.number().int(), series: z.array(Series) }),
    handler: async ({ db, principal, query, locale, audit }) => {
      const currentYear = currentYearOf(deps);
      const range = yearRange(query, currentYear);
      audit.criteria = { from: String(range.from), to: String(range.to) };
      const context = await comparisonContext(db, principal.municipalityId, principal.municipalityName);
      const series = await seriesOf(
        db,
        KOLADA_INDICATORS,
        context,
        principal.municipalityId,
        range,
        currentYear,
        locale,
      );
      return { ...context, from: range.from, to: range.to, series };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/followup/benchmark/:indicatorId',
    action: 'benchmark.read',
    permission: 'followup:read',
    summary: 'Comparison series of one indicator: own, own in Kolada, group, all municipalities, country',
    tags: ['Uppföljning'],
    params: z.strictObject({ indicatorId: z.string().max(100) }),
    query: Range,
    response: Comparison.extend({ from: z.number().int(), to: z.number().int(), series: Series }),
    handler: async ({ db, principal, params, query, locale, audit }) => {
      const definition = KOLADA_INDICATORS.find((d) => d.id === params.indicatorId);
      if (!definition) throw new AppError('NOT_FOUND');
      const currentYear = currentYearOf(deps);
      const range = yearRange(query, currentYear);
      audit.criteria = { indicator: definition.id, from: String(range.from), to: String(range.to) };
      const context = await comparisonContext(db, principal.municipalityId, principal.municipalityName);
      const [series] = await seriesOf(
        db,
        [definition],
        context,
        principal.municipalityId,
        range,
        currentYear,
        locale,
      );
      return { ...context, from: range.from, to: range.to, series: series! };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/followup/reconciliation',
    action: 'benchmark.reconciliation',
    permission: 'followup:read',
    summary:
      'Our computed value beside Kolada’s published one, per indicator, for a past year (default: the latest with Kolada values)',
    tags: ['Uppföljning'],
    query: z.strictObject({ year: Year.optional() }),
    response: Comparison.extend({
      year: z.number().int(),
      rows: z.array(
        z.object({
          indicatorId: z.string(),
          title: z.string(),
          unit: Indicator.shape.unit,
          koladaId: z.string(),
          year: z.number().int(),
          own: z.number().nullable(),
          ownSuppressed: z.boolean(),
          kolada: z.number().nullable(),
          difference: z.number().nullable(),
          relativeDifference: z.number().nullable(),
          tolerance: z.number().nullable(),
          verdict: z.enum(['within_rounding', 'differs', 'kolada_missing', 'own_missing']),
          drilldownPath: z.string(),
        }),
      ),
      summary: z.object({
        withinRounding: z.number().int(),
        differs: z.number().int(),
        koladaMissing: z.number().int(),
        ownMissing: z.number().int(),
      }),
    }),
    handler: async ({ db, principal, query, locale, audit }) => {
      const currentYear = currentYearOf(deps);
      const context = await comparisonContext(db, principal.municipalityId, principal.municipalityName);
      const year =
        query.year ??
        (await latestKoladaYear(db, context.municipality.koladaCode, currentYear)) ??
        currentYear - 1;
      if (year >= currentYear)
        throw new AppError('VALIDATION_FAILED', { details: `year < ${currentYear}` }, [
          { path: '/year', message: `only past years (before ${currentYear})` },
        ]);
      audit.criteria = { year: String(year) };
      const koladaIds = KOLADA_INDICATORS.map((d) => d.koladaId!);
      const [points, own] = await Promise.all([
        loadKoladaPoints(db, koladaIds, year, year),
        loadOwnYearValues(db, principal.municipalityId, KOLADA_INDICATORS, [year], currentYear),
      ]);
      const code = context.municipality.koladaCode;
      const rows = KOLADA_INDICATORS.map((d) => {
        const kolada = (points.get(d.koladaId!) ?? []).find((p) => p.code === code)?.value ?? null;
        const row = reconcile(d.id, d.koladaId!, year, own.get(d.id)?.[0], kolada);
        return {
          ...row,
          title: d.title[locale],
          unit: d.unit,
          drilldownPath: `/uppfoljning/nyckeltal?indikator=${encodeURIComponent(d.id)}&period=${year}`,
        };
      });
      const count = (verdict: (typeof rows)[number]['verdict']) =>
        rows.filter((r) => r.verdict === verdict).length;
      return {
        ...context,
        year,
        rows,
        summary: {
          withinRounding: count('within_rounding'),
          differs: count('differs'),
          koladaMissing: count('kolada_missing'),
          ownMissing: count('own_missing'),
        },
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/followup/benchmark-setting',
    action: 'benchmark.setting-read',
    permission: 'followup:read',
    summary: 'Which Kolada code and comparison group the municipality compares with',
    tags: ['Uppföljning'],
    response: Setting,
    handler: async ({ db, principal }) => {
      const setting = await loadBenchmarkSetting(db, principal.municipalityId);
      return { ...setting, groups: await loadKoladaGroups(db) };
    },
  });

  registerEndpoint(app, deps, {
    method: 'PUT',
    url: '/api/v1/followup/benchmark-setting',
    action: 'benchmark.setting-update',
    permission: 'followup:write',
    summary: 'Sets the Kolada code and comparison group the municipality compares with',
    tags: ['Uppföljning'],
    write: true,
    body: z.strictObject({
      koladaCode: z
        .string()
        .regex(/^[0-9]{4}$/)
        .refine((code) => code !== '0000', 'not the country')
        .nullable(),
      comparisonGroupId: z
        .string()
        .regex(/^G[0-9]+$/)
        .nullable(),
    }),
    response: Setting,
    handler: async ({ db, principal, body, now, audit }) => {
      if (body.comparisonGroupId && !(await loadKoladaGroup(db, body.comparisonGroupId))) {
        const message = `unknown Kolada group ${body.comparisonGroupId} (import it first)`;
        throw new AppError('VALIDATION_FAILED', { details: message }, [
          { path: '/comparisonGroupId', message },
        ]);
      }
      await saveBenchmarkSetting(db, principal.municipalityId, body, now);
      audit.criteria = { koladaCode: body.koladaCode ?? '', comparisonGroupId: body.comparisonGroupId ?? '' };
      const setting = await loadBenchmarkSetting(db, principal.municipalityId);
      return { ...setting, groups: await loadKoladaGroups(db) };
    },
  });
}

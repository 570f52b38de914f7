/**
 * The indicators in the product: values per period with targets and the year before, series for
 * charts, the drill-down behind a figure, and targets (målvärden) per indicator and year. Values
 * are counted in the database (indicator-values.ts), the drill-down computed from the records by
 * the engine (loadIndicatorRecords + computeIndicators); small counts are suppressed as in report.ts.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hasPermission } from '../../access/domain/permissions.ts';
import type { Database } from '../../db/connection.ts';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import type { Locale } from '../../i18n/catalogue.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { drilldownSubjects, listTargets, setTarget, type TargetRow } from '../db/indicator-targets.ts';
import { cachedIndicatorRecords } from '../db/indicator-records-cache.ts';
import { cachedIndicatorValues } from '../db/indicator-values.ts';
import { subjectsBehind } from '../domain/indicators/aggregate-counts.ts';
import { computeIndicators, type IndicatorValue } from '../domain/indicators/compute.ts';
import { INDICATORS, indicatorById, type IndicatorDefinition } from '../domain/indicators/definitions.ts';
import {
  monthFromNumber,
  monthNumber,
  monthsOf,
  parsePeriod,
  periodLabel,
  type Period,
} from '../domain/indicators/periods.ts';
import { toIndicatorRows } from '../domain/indicators/report.ts';
import { suppressSmall } from '../domain/suppression.ts';

const tags = ['Uppföljning'];

const PeriodText = z
  .string()
  .refine((text) => parsePeriod(text) !== undefined, { message: 'ÅÅÅÅ, ÅÅÅÅ-T1…T3 eller ÅÅÅÅ-MM' });
const MonthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'ÅÅÅÅ-MM' });
const Year = z.coerce.number().int().min(2000).max(2100);
const IndicatorIdParams = z.object({ id: z.string().min(1).max(100) });

const Unit = z.enum(['percent', 'count', 'kr_per_inhabitant', 'kr_per_household', 'kr', 'fte']);
const Count = z.object({ value: z.number().int().nullable(), suppressed: z.boolean() });
const Target = z.object({
  year: z.number().int(),
  value: z.number(),
  comment: z.string().nullable(),
  setBy: z.string(),
  setAt: z.string(),
});
const Outcome = z.object({ period: z.string(), value: z.number().nullable(), suppressed: z.boolean() });

const IndicatorsResponse = z.object({
  period: z.string(),
  previousPeriod: z.string(),
  indicators: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      definition: z.string(),
      source: z.string(),
      unit: Unit,
      koladaId: z.string().nullable(),
      higherIsBetter: z.boolean().nullable(),
      value: z.number().nullable(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      suppressed: z.boolean(),
      /** What the drill-down lists, or null when the figure has none (amounts). */
      drilldown: z.enum(['household', 'person']).nullable(),
      target: Target.nullable(),
      previous: Outcome,
    }),
  ),
});

const SeriesResponse = z.object({
  id: z.string(),
  title: z.string(),
  unit: Unit,
  points: z.array(Outcome),
  targets: z.array(z.object({ year: z.number().int(), value: z.number() })),
});

const DrilldownResponse = z.object({
  id: z.string(),
  title: z.string(),
  period: z.string(),
  kind: z.enum(['household', 'person']).nullable(),
  total: Count,
  /** Named subjects within the user's units; null for users who see counts only. */
  items: z
    .array(
      z.object({
        personId: z.string().nullable(),
        householdId: z.string().nullable(),
        name: z.string().nullable(),
        protectedIdentity: z.boolean(),
      }),
    )
    .nullable(),
  outsideScope: Count.nullable(),
});

const TargetsResponse = z.object({
  year: z.number().int(),
  indicators: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      unit: Unit,
      target: Target.nullable(),
      outcomes: z.array(Outcome),
    }),
  ),
});

function requireIndicator(id: string): IndicatorDefinition {
  const definition = indicatorById(id);
  if (!definition) throw new AppError('NOT_FOUND');
  return definition;
}

const yearBefore = (period: Period): Period => ({ ...period, year: period.year - 1 });

/** The definitions' values for the periods, counted in the database (no drill-down lists). */
function compute(
  db: Database,
  municipalityId: string,
  definitions: readonly IndicatorDefinition[],
  periods: readonly Period[],
  now: Date,
): Promise<IndicatorValue[]> {
  const throughMonth = swedishToday({ now: () => now }).slice(0, 7);
  return cachedIndicatorValues(db, municipalityId, definitions, periods, throughMonth);
}

/** One definition's value for a period with who is counted, from the records (the drill-down). */
async function computeWithSubjects(
  db: Database,
  municipalityId: string,
  definition: IndicatorDefinition,
  period: Period,
  now: Date,
): Promise<IndicatorValue> {
  const months = monthsOf(period);
  const today = swedishToday({ now: () => now });
  const records = await cachedIndicatorRecords(db, municipalityId, months[0]!, months.at(-1)!, today);
  const [value] = computeIndicators([definition], { ...records, throughMonth: today.slice(0, 7) }, [period]);
  return value!;
}

function outcome(value: IndicatorValue | undefined, period: string, locale: Locale) {
  if (!value) return { period, value: null, suppressed: false };
  const [row] = toIndicatorRows([value], locale);
  return { period, value: row!.value, suppressed: row!.suppressed };
}

function presentTarget(target: TargetRow | undefined) {
  return target
    ? {
        year: target.year,
        value: target.value,
        comment: target.comment,
        setBy: target.setByName,
        setAt: target.setAt,
      }
    : null;
}

export function registerIndicatorRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/followup/indicators',
    action: 'followup.indicators-list',
    permission: 'followup:read',
    summary: 'Every indicator for a period (year, tertial or month) with its target and the year before',
    tags,
    query: z.object({ period: PeriodText }),
    response: IndicatorsResponse,
    handler: async ({ db, principal, query, locale, now }) => {
      const period = parsePeriod(query.period)!;
      const previous = yearBefore(period);
      const values = await compute(db, principal.municipalityId, INDICATORS, [previous, period], now);
      const targets = await listTargets(db, principal.municipalityId, [period.year]);
      const label = periodLabel(period);
      const previousLabel = periodLabel(previous);
      const byKey = new Map(values.map((v) => [`${v.id}|${v.period}`, v]));
      return {
        period: label,
        previousPeriod: previousLabel,
        indicators: INDICATORS.map((definition) => {
          const value = byKey.get(`${definition.id}|${label}`)!;
          const [row] = toIndicatorRows([value], locale);
          return {
            id: definition.id,
            title: definition.title[locale],
            definition: definition.definition,
            source: definition.source,
            unit: definition.unit,
            koladaId: definition.koladaId,
            higherIsBetter: definition.higherIsBetter,
            value: row!.value,
            numerator: row!.numerator,
            denominator: row!.denominator,
            suppressed: row!.suppressed,
            drilldown: subjectsBehind(value, definition)?.kind ?? null,
            target: presentTarget(targets.find((t) => t.indicatorId === definition.id)),
            previous: outcome(byKey.get(`${definition.id}|${previousLabel}`), previousLabel, locale),
          };
        }),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/followup/indicators/:id/series',
    action: 'followup.indicator-series',
    permission: 'followup:read',
    summary: "An indicator's values per month, tertial or year over a range of months (for charts)",
    tags,
    params: IndicatorIdParams,
    query: z
      .object({
        from: MonthText,
        to: MonthText,
        period: z.enum(['month', 'tertial', 'year']).default('month'),
      })
      .refine((q) => q.from <= q.to && monthNumber(q.to) - monthNumber(q.from) < 120, {
        message: 'from ≤ to, högst 120 månader',
        path: ['to'],
      }),
    response: SeriesResponse,
    handler: async ({ db, principal, params, query, locale, now }) => {
      const definition = requireIndicator(params.id);
      const periods = periodsBetween(query.from, query.to, query.period);
      const values = await compute(db, principal.municipalityId, [definition], periods, now);
      const years = [...new Set(periods.map((p) => p.year))];
      const targets = await listTargets(db, principal.municipalityId, years);
      return {
        id: definition.id,
        title: definition.title[locale],
        unit: definition.unit,
        points: values.map((v) => outcome(v, v.period, locale)),
        targets: targets
          .filter((t) => t.indicatorId === definition.id)
          .map((t) => ({ year: t.year, value: t.value })),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/followup/indicators/:id/drilldown',
    action: 'followup.indicator-drilldown',
    permission: 'followup:read',
    summary:
      'The households or persons behind a figure: named within the user’s units, otherwise counted (suppressed under 5)',
    tags,
    params: IndicatorIdParams,
    query: z.object({ period: PeriodText }),
    response: DrilldownResponse,
    personalData: true,
    handler: async ({ db, principal, params, query, locale, audit, now }) => {
      const definition = requireIndicator(params.id);
      const period = parsePeriod(query.period)!;
      const value = await computeWithSubjects(db, principal.municipalityId, definition, period, now);
      const subjects = value.subjects;
      const base = {
        id: definition.id,
        title: definition.title[locale],
        period: periodLabel(period),
        kind: subjects?.kind ?? null,
        total: suppressSmall(subjects?.ids.length ?? 0),
      };
      // Analysts (no access to persons) get counts only.
      if (!subjects || !hasPermission(principal.roles, 'person:read')) {
        return { ...base, items: null, outsideScope: null };
      }
      const found = await drilldownSubjects(db, principal, subjects.kind, subjects.ids);
      for (const item of found.items) if (item.personId) audit.personIds.add(item.personId);
      return {
        ...base,
        items: found.items.map((item) => ({
          personId: item.personId,
          householdId: item.householdId,
          name: item.protectedIdentity || !item.firstName ? null : `${item.firstName} ${item.lastName}`,
          protectedIdentity: item.protectedIdentity,
        })),
        outsideScope: suppressSmall(found.outsideScope),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/followup/targets',
    action: 'followup.targets-list',
    permission: 'followup:read',
    summary: 'Targets of a year per indicator, with the outcomes of T1, T2, T3 and the year',
    tags,
    query: z.object({ year: Year }),
    response: TargetsResponse,
    handler: async ({ db, principal, query, locale, now }) => {
      const periods: Period[] = [
        { kind: 'tertial', year: query.year, tertial: 1 },
        { kind: 'tertial', year: query.year, tertial: 2 },
        { kind: 'tertial', year: query.year, tertial: 3 },
        { kind: 'year', year: query.year },
      ];
      const values = await compute(db, principal.municipalityId, INDICATORS, periods, now);
      const targets = await listTargets(db, principal.municipalityId, [query.year]);
      const byKey = new Map(values.map((v) => [`${v.id}|${v.period}`, v]));
      return {
        year: query.year,
        indicators: INDICATORS.map((definition) => ({
          id: definition.id,
          title: definition.title[locale],
          unit: definition.unit,
          target: presentTarget(targets.find((t) => t.indicatorId === definition.id)),
          outcomes: periods.map((p) => {
            const label = periodLabel(p);
            return outcome(byKey.get(`${definition.id}|${label}`), label, locale);
          }),
        })),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'PUT',
    url: '/api/v1/followup/targets/:indicatorId/:year',
    action: 'followup.target-set',
    permission: 'followup:write',
    summary: 'Set the target (målvärde) of an indicator for a year',
    tags,
    params: z.object({ indicatorId: z.string().min(1).max(100), year: Year }),
    body: z.object({
      value: z.number().finite().min(-1e12).max(1e12),
      comment: z.string().trim().max(1000).nullish(),
    }),
    response: Target.extend({ indicatorId: z.string() }),
    write: true,
    handler: async ({ db, principal, params, body, now }) => {
      const definition = requireIndicator(params.indicatorId);
      const comment = body.comment ? body.comment : null;
      await setTarget(db, {
        municipalityId: principal.municipalityId,
        indicatorId: definition.id,
        year: params.year,
        value: body.value,
        comment,
        setBy: principal.userId,
        setAt: now,
      });
      return {
        indicatorId: definition.id,
        year: params.year,
        value: body.value,
        comment,
        setBy: principal.displayName,
        setAt: now.toISOString(),
      };
    },
  });
}

/** The periods of a kind that overlap the months from..to. */
function periodsBetween(from: string, to: string, kind: 'month' | 'tertial' | 'year'): Period[] {
  const periods = new Map<string, Period>();
  for (let n = monthNumber(from); n <= monthNumber(to); n++) {
    const month = monthFromNumber(n);
    const year = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7));
    const period: Period =
      kind === 'month'
        ? { kind, year, month: m }
        : kind === 'tertial'
          ? { kind, year, tertial: (Math.floor((m - 1) / 4) + 1) as 1 | 2 | 3 }
          : { kind, year };
    periods.set(periodLabel(period), period);
  }
  return [...periods.values()];
}

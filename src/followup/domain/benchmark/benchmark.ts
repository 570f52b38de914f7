/**
 * Benchmarking with Kolada, pure: the comparison series of one indicator year by year (our own
 * value as Kedjan computes it, our published value in Kolada, the comparison group's unweighted
 * mean, all municipalities' unweighted mean, the country), and the reconciliation of our computed
 * values with Kolada's published ones. The inputs are plain values; reading them is db/benchmark.ts.
 */

/** Sweden's municipalities (since 2003). */
export const SWEDISH_MUNICIPALITIES = 290;
/**
 * All municipalities' unweighted mean is computed from Kolada's values only when at least this many
 * municipalities have a value for the year (Kolada lacks a few every year); otherwise the country
 * value stands in, and the series says so (basis 'country').
 */
export const ALL_MUNICIPALITIES_MIN = 250;
/** Kolada's code of the country. */
export const COUNTRY_CODE = '0000';
/** Kedjan rounds its indicator values to this many decimals (compute.ts). */
export const OWN_DECIMALS = 2;

/** One value of one KPI as stored from Kolada (gender T); value null = Kolada publishes none. */
export interface KoladaPoint {
  code: string;
  year: number;
  value: number | null;
}

/** Our own computed value of a year; suppressed = resting on 1–4 persons or households. */
export interface OwnValue {
  year: number;
  value: number | null;
  suppressed: boolean;
}

export interface BenchmarkInput {
  years: readonly number[];
  own: readonly OwnValue[];
  /** The municipality's code in Kolada (null: none). */
  ownCode: string | null;
  /** The comparison group's Kolada id and its members' codes (null: no group chosen). */
  group: { id: string; members: readonly string[] } | null;
  /** Kolada's values of the KPI: municipalities, groups and the country, any years. */
  values: readonly KoladaPoint[];
}

export type GroupBasis = 'kolada' | 'members';
export type AllBasis = 'mean' | 'country';

export interface BenchmarkPoint {
  year: number;
  /** Kedjan's value from its own records. */
  own: number | null;
  ownSuppressed: boolean;
  /** Kolada's published value for our own code. */
  ownKolada: number | null;
  /** The group's unweighted mean: Kolada's published group value, or the mean of its members' values. */
  group: number | null;
  groupBasis: GroupBasis | null;
  /** Members with a value behind a mean computed here (null when Kolada's group value is used). */
  groupMembersCounted: number | null;
  /** All municipalities' unweighted mean, or the country value when too few are imported. */
  allMunicipalities: number | null;
  allBasis: AllBasis | null;
  allMunicipalitiesCounted: number | null;
  country: number | null;
}

/** Rounds half away from zero (−3.75 → −3.8, as 3.75 → 3.8). */
const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
};

/** The unweighted mean (each municipality counts once, whatever its size); null for none. */
export function unweightedMean(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return null;
  return present.reduce((sum, v) => sum + v, 0) / present.length;
}

const isMunicipality = (code: string): boolean => /^[0-9]{4}$/.test(code) && code !== COUNTRY_CODE;

/** The comparison series of one indicator, one point per year of `years`. */
export function benchmarkSeries(input: BenchmarkInput): BenchmarkPoint[] {
  const byYear = new Map<number, Map<string, number | null>>();
  for (const point of input.values) {
    let codes = byYear.get(point.year);
    if (!codes) byYear.set(point.year, (codes = new Map()));
    codes.set(point.code, point.value);
  }
  const ownByYear = new Map(input.own.map((o) => [o.year, o]));

  return input.years.map((year) => {
    const codes = byYear.get(year) ?? new Map<string, number | null>();
    const own = ownByYear.get(year);
    const country = codes.get(COUNTRY_CODE) ?? null;

    let group: number | null = null;
    let groupBasis: GroupBasis | null = null;
    let groupMembersCounted: number | null = null;
    if (input.group) {
      const published = codes.get(input.group.id);
      if (published !== undefined && published !== null) {
        group = published;
        groupBasis = 'kolada';
      } else {
        const memberValues = input.group.members.map((m) => codes.get(m) ?? null);
        const mean = unweightedMean(memberValues);
        if (mean !== null) {
          group = round(mean, OWN_DECIMALS);
          groupBasis = 'members';
          groupMembersCounted = memberValues.filter((v) => v !== null).length;
        }
      }
    }

    const municipalityValues = [...codes]
      .filter(([code, value]) => isMunicipality(code) && value !== null)
      .map(([, value]) => value);
    let allMunicipalities: number | null = null;
    let allBasis: AllBasis | null = null;
    let allMunicipalitiesCounted: number | null = null;
    if (municipalityValues.length >= ALL_MUNICIPALITIES_MIN) {
      allMunicipalities = round(unweightedMean(municipalityValues)!, OWN_DECIMALS);
      allBasis = 'mean';
      allMunicipalitiesCounted = municipalityValues.length;
    } else if (country !== null) {
      allMunicipalities = country;
      allBasis = 'country';
    }

    return {
      year,
      own: own && !own.suppressed ? own.value : null,
      ownSuppressed: own?.suppressed ?? false,
      ownKolada: input.ownCode ? (codes.get(input.ownCode) ?? null) : null,
      group,
      groupBasis,
      groupMembersCounted,
      allMunicipalities,
      allBasis,
      allMunicipalitiesCounted,
      country,
    };
  });
}

export type ReconciliationVerdict = 'within_rounding' | 'differs' | 'kolada_missing' | 'own_missing';

export interface ReconciliationRow {
  indicatorId: string;
  koladaId: string;
  year: number;
  own: number | null;
  ownSuppressed: boolean;
  kolada: number | null;
  /** own − Kolada, rounded to two decimals. */
  difference: number | null;
  /** (own − Kolada) / |Kolada|, in percent with one decimal; null when Kolada's value is 0. */
  relativeDifference: number | null;
  /** The largest difference that rounding alone explains (see roundingTolerance). */
  tolerance: number | null;
  verdict: ReconciliationVerdict;
}

/** The decimals a published number carries (4.30 is published as 4.3: one decimal). */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value)) return 0;
  for (let d = 0; d <= 6; d++) if (Math.abs(round(value, d) - value) < 1e-9) return d;
  return 6;
}

/**
 * The difference rounding alone explains: half a unit of the last decimal Kolada published
 * (4.3 → 0.05; 1250 → 0.5) plus half a unit of our own last decimal (0.005).
 */
export function roundingTolerance(kolada: number): number {
  return 0.5 * 10 ** -decimalsOf(kolada) + 0.5 * 10 ** -OWN_DECIMALS;
}

export function reconcile(
  indicatorId: string,
  koladaId: string,
  year: number,
  own: OwnValue | undefined,
  kolada: number | null,
): ReconciliationRow {
  const base = {
    indicatorId,
    koladaId,
    year,
    own: own && !own.suppressed ? own.value : null,
    ownSuppressed: own?.suppressed ?? false,
    kolada,
  };
  if (kolada === null)
    return {
      ...base,
      difference: null,
      relativeDifference: null,
      tolerance: null,
      verdict: 'kolada_missing',
    };
  const tolerance = round(roundingTolerance(kolada), 6);
  if (base.own === null)
    return { ...base, difference: null, relativeDifference: null, tolerance, verdict: 'own_missing' };
  const raw = base.own - kolada;
  return {
    ...base,
    difference: round(raw, 2),
    relativeDifference: kolada === 0 ? null : round((raw / Math.abs(kolada)) * 100, 1),
    tolerance,
    verdict: Math.abs(raw) <= tolerance + 1e-9 ? 'within_rounding' : 'differs',
  };
}

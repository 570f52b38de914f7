import { describe, expect, it } from 'vitest';
import {
  ALL_MUNICIPALITIES_MIN,
  benchmarkSeries,
  decimalsOf,
  reconcile,
  roundingTolerance,
  unweightedMean,
  type KoladaPoint,
} from './benchmark.ts';

describe('unweighted mean', () => {
  it('counts each municipality once and leaves out missing values', () => {
    expect(unweightedMean([2, 4, null, 6])).toBe(4);
    expect(unweightedMean([null, null])).toBeNull();
    expect(unweightedMean([])).toBeNull();
  });
});

describe('comparison series', () => {
  const group = { id: 'G1', members: ['1111', '2222', '3333'] };

  it('takes Kolada’s published group value and falls back to the country for all municipalities', () => {
    const values: KoladaPoint[] = [
      { code: '0000', year: 2023, value: 4.1 },
      { code: 'G1', year: 2023, value: 5.5 },
      { code: '1111', year: 2023, value: 6 },
      { code: '2222', year: 2023, value: 3 },
    ];
    const [point] = benchmarkSeries({
      years: [2023],
      own: [{ year: 2023, value: 6.12, suppressed: false }],
      ownCode: '1111',
      group,
      values,
    });
    expect(point).toEqual({
      year: 2023,
      own: 6.12,
      ownSuppressed: false,
      ownKolada: 6,
      group: 5.5,
      groupBasis: 'kolada',
      groupMembersCounted: null,
      allMunicipalities: 4.1,
      allBasis: 'country',
      allMunicipalitiesCounted: null,
      country: 4.1,
    });
  });

  it('computes the group’s mean from its members where Kolada has no group value', () => {
    const values: KoladaPoint[] = [
      { code: '1111', year: 2022, value: 6 },
      { code: '2222', year: 2022, value: 3 },
      { code: '3333', year: 2022, value: null },
    ];
    const [point] = benchmarkSeries({ years: [2022], own: [], ownCode: null, group, values });
    expect(point).toMatchObject({ group: 4.5, groupBasis: 'members', groupMembersCounted: 2 });
    expect(point).toMatchObject({ own: null, ownKolada: null, country: null, allMunicipalities: null });
  });

  it('computes all municipalities’ unweighted mean when (nearly) all are imported, never counting the country', () => {
    const values: KoladaPoint[] = [{ code: '0000', year: 2024, value: 100 }];
    for (let i = 0; i < ALL_MUNICIPALITIES_MIN; i++)
      values.push({ code: String(1000 + i), year: 2024, value: i % 2 === 0 ? 1 : 2 });
    values.push({ code: '9999', year: 2024, value: null });
    const [point] = benchmarkSeries({ years: [2024], own: [], ownCode: null, group: null, values });
    expect(point).toMatchObject({
      allMunicipalities: 1.5,
      allBasis: 'mean',
      allMunicipalitiesCounted: ALL_MUNICIPALITIES_MIN,
      country: 100,
      group: null,
    });
  });

  it('hides our own value when it is suppressed, and gives a year without data empty points', () => {
    const series = benchmarkSeries({
      years: [2020, 2021],
      own: [{ year: 2021, value: 50, suppressed: true }],
      ownCode: '1111',
      group,
      values: [],
    });
    expect(series.map((p) => [p.year, p.own, p.ownSuppressed, p.group, p.allBasis])).toEqual([
      [2020, null, false, null, null],
      [2021, null, true, null, null],
    ]);
  });
});

describe('reconciliation', () => {
  it('knows how many decimals Kolada published and what rounding explains', () => {
    expect(decimalsOf(4.3)).toBe(1);
    expect(decimalsOf(1250)).toBe(0);
    expect(decimalsOf(12.25)).toBe(2);
    expect(roundingTolerance(4.3)).toBeCloseTo(0.055, 9);
    expect(roundingTolerance(1250)).toBeCloseTo(0.505, 9);
  });

  it('calls a difference that rounding explains within rounding', () => {
    const row = reconcile('x', 'N31807', 2023, { year: 2023, value: 4.34, suppressed: false }, 4.3);
    expect(row).toMatchObject({ difference: 0.04, relativeDifference: 0.9, verdict: 'within_rounding' });
    expect(reconcile('x', 'N31807', 2023, { year: 2023, value: 4.35, suppressed: false }, 4.3).verdict).toBe(
      'within_rounding',
    );
  });

  it('calls a larger difference a difference, with its absolute and relative size', () => {
    const row = reconcile('x', 'N31814', 2023, { year: 2023, value: 38.5, suppressed: false }, 40);
    expect(row).toMatchObject({ own: 38.5, kolada: 40, difference: -1.5, relativeDifference: -3.8 });
    expect(row.verdict).toBe('differs');
    expect(reconcile('x', 'N', 2023, { year: 2023, value: 4.36, suppressed: false }, 4.3).verdict).toBe(
      'differs',
    );
  });

  it('says which side is missing, and has no relative difference against zero', () => {
    expect(reconcile('x', 'N', 2023, { year: 2023, value: 3, suppressed: false }, null)).toMatchObject({
      verdict: 'kolada_missing',
      difference: null,
    });
    expect(reconcile('x', 'N', 2023, undefined, 3)).toMatchObject({ verdict: 'own_missing', own: null });
    expect(reconcile('x', 'N', 2023, { year: 2023, value: 3, suppressed: true }, 3)).toMatchObject({
      verdict: 'own_missing',
      own: null,
      ownSuppressed: true,
    });
    expect(reconcile('x', 'N', 2023, { year: 2023, value: 2, suppressed: false }, 0)).toMatchObject({
      difference: 2,
      relativeDifference: null,
      verdict: 'differs',
    });
  });
});

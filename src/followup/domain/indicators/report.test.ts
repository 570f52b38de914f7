import { describe, expect, it } from 'vitest';
import { indicatorRowsToCsv, toIndicatorRows } from './report.ts';

describe('indicator rows', () => {
  const value = (ids: string[], v: number) => ({
    id: 'adults_with_assistance',
    period: '2024',
    value: v,
    numerator: ids.length,
    denominator: null,
    subjects: { kind: 'person' as const, ids },
  });

  it('suppresses values that rest on 1–4 persons, but not 0 or 5', () => {
    const rows = toIndicatorRows(
      [value(['a', 'b'], 2), value([], 0), value(['a', 'b', 'c', 'd', 'e'], 5)],
      'sv',
    );
    expect(rows.map((r) => [r.value, r.suppressed])).toEqual([
      [null, true],
      [0, false],
      [5, false],
    ]);
    expect(rows[0]!.title).toBe('Vuxna biståndsmottagare, antal');
  });

  it('suppresses figures counted in the database by their numerator, not amounts', () => {
    const counted = (id: string, numerator: number, v: number) => ({
      id,
      period: '2024',
      value: v,
      numerator,
      denominator: 40,
      subjects: null,
    });
    const rows = toIndicatorRows(
      [
        counted('long_term_adults_share', 3, 7.5),
        counted('long_term_adults_share', 6, 15),
        counted('paid_per_household', 3, 0.08),
      ],
      'sv',
    );
    expect(rows.map((r) => [r.value, r.suppressed])).toEqual([
      [null, true],
      [15, false],
      [0.08, false],
    ]);
  });

  it('writes semicolon-separated CSV with decimal comma and quotes where needed', () => {
    const [row] = toIndicatorRows(
      [{ ...value(['a', 'b', 'c', 'd', 'e'], 12.5), id: 'long_term_adults_share' }],
      'sv',
    );
    const csv = indicatorRowsToCsv([row!]);
    const [header, line] = csv.split('\r\n');
    expect(header).toBe('id;koladaId;title;period;unit;value;numerator;denominator;suppressed');
    expect(line).toBe(
      'long_term_adults_share;N31814;Vuxna biståndsmottagare med långvarigt ekonomiskt bistånd, andel (%);2024;percent;12,5;5;;false',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { suppressSmall } from './suppression.ts';

describe('suppressing small counts', () => {
  it('hides counts from 1 to 4', () => {
    for (const n of [1, 2, 3, 4]) expect(suppressSmall(n)).toEqual({ value: null, suppressed: true });
  });
  it('shows zero and counts of five or more', () => {
    expect(suppressSmall(0)).toEqual({ value: 0, suppressed: false });
    expect(suppressSmall(5)).toEqual({ value: 5, suppressed: false });
    expect(suppressSmall(1234)).toEqual({ value: 1234, suppressed: false });
  });
});

import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate.ts';

describe('the demo targets', () => {
  it("gives the target board's indicators a target for this year and last, set by Nord's manager", () => {
    const data = generateDemo({ households: 300, today: '2026-11-22' });
    const manager = data.app_user.find((u) => u.display_name === 'Maria Ek')!;
    const board = [
      'long_term_households',
      'long_term_households_closed',
      'households_inflow',
      'households_outflow',
    ];
    for (const year of [2025, 2026])
      for (const id of board) {
        const target = data.indicator_target.find((t) => t.indicator_id === id && t.year === year);
        expect(target, `${id} ${year}`).toMatchObject({ set_by: manager.id, municipality_id: '9001' });
        expect(target!.value).toBeGreaterThan(0);
      }
    expect(new Set(data.indicator_target.map((t) => t.year))).toEqual(new Set([2025, 2026]));
  });
});

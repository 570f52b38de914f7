import { describe, expect, it } from 'vitest';
import { occupancyOf, occupancyTotals } from './occupancy.ts';

describe('occupancy', () => {
  it('shows starts this year against capacity, with free places left', () => {
    expect(occupancyOf({ capacityPerYear: 35, startedInYear: 28, activeNow: 20, waiting: 0 })).toEqual({
      capacityPerYear: 35,
      startedInYear: 28,
      activeNow: 20,
      waiting: 0,
      sharePercent: 80,
      freePlaces: 7,
    });
  });

  it('never shows negative free places when over capacity', () => {
    expect(occupancyOf({ capacityPerYear: 30, startedInYear: 33, activeNow: 12, waiting: 4 })).toMatchObject({
      sharePercent: 110,
      freePlaces: 0,
    });
  });

  it('has no share or free places without a limit', () => {
    expect(occupancyOf({ capacityPerYear: null, startedInYear: 12, activeNow: 5, waiting: 0 })).toMatchObject(
      {
        sharePercent: null,
        freePlaces: null,
      },
    );
  });

  it('sums the unit, the share over the limited interventions only', () => {
    const total = occupancyTotals([
      { capacityPerYear: 280, startedInYear: 140, activeNow: 90, waiting: 0 },
      { capacityPerYear: 20, startedInYear: 24, activeNow: 10, waiting: 3 },
      { capacityPerYear: null, startedInYear: 50, activeNow: 30, waiting: 0 },
    ]);
    expect(total).toEqual({
      capacityPerYear: 300,
      startedInYear: 214,
      activeNow: 130,
      waiting: 3,
      sharePercent: 55,
      freePlaces: 140,
    });
  });
});

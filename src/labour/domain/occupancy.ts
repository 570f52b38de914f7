/** Occupancy (beläggning) of an intervention: starts this year against its capacity per year. */

export interface OccupancyCounts {
  capacityPerYear: number | null;
  startedInYear: number;
  activeNow: number;
  waiting: number;
}

export interface Occupancy extends OccupancyCounts {
  /** Started this year as a whole percentage of the capacity; null without a limit. */
  sharePercent: number | null;
  /** Places left to start this year; null without a limit. */
  freePlaces: number | null;
}

export function occupancyOf(counts: OccupancyCounts): Occupancy {
  const capacity = counts.capacityPerYear;
  return {
    ...counts,
    sharePercent: capacity === null ? null : Math.round((100 * counts.startedInYear) / capacity),
    freePlaces: capacity === null ? null : Math.max(0, capacity - counts.startedInYear),
  };
}

/** The unit's totals: share and free places over the interventions that have a limit. */
export function occupancyTotals(items: readonly OccupancyCounts[]): Occupancy {
  const limited = items.filter((i) => i.capacityPerYear !== null);
  const sum = (list: readonly OccupancyCounts[], pick: (i: OccupancyCounts) => number) =>
    list.reduce((total, i) => total + pick(i), 0);
  const capacity = sum(limited, (i) => i.capacityPerYear ?? 0);
  return {
    capacityPerYear: limited.length > 0 ? capacity : null,
    startedInYear: sum(items, (i) => i.startedInYear),
    activeNow: sum(items, (i) => i.activeNow),
    waiting: sum(items, (i) => i.waiting),
    sharePercent:
      limited.length > 0 ? Math.round((100 * sum(limited, (i) => i.startedInYear)) / capacity) : null,
    freePlaces: limited.length > 0 ? sum(limited, (i) => occupancyOf(i).freePlaces ?? 0) : null,
  };
}

/**
 * Capacity per calendar year and the waiting list (kö). An intervention takes at most
 * `capacityPerYear` starts in a calendar year; placements that started (active or ended) count,
 * cancelled ones do not. Beyond that a person is put on the waiting list, first come first served.
 */

export type PlacementOutcome = 'active' | 'waiting';

export interface CapacityState {
  /** null = no limit */
  capacityPerYear: number | null;
  /** Placements started (active or ended) in the calendar year of the new start. */
  startedInYear: number;
  /**
   * Placements already waiting for a start in that year: they get a freed place before anyone
   * new (default 0).
   */
  waitingInYear?: number;
}

/** Whether a new placement gets a place or goes on the waiting list. */
export function placementOutcome(state: CapacityState): PlacementOutcome {
  if (state.capacityPerYear === null) return 'active';
  return state.startedInYear + (state.waitingInYear ?? 0) < state.capacityPerYear ? 'active' : 'waiting';
}

/** Whether a waiting placement may be admitted now: a place is free in its start year. */
export function hasFreePlace(capacityPerYear: number | null, startedInYear: number): boolean {
  return capacityPerYear === null || startedInYear < capacityPerYear;
}

/** The calendar year of a date, as the capacity counts it. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export interface WaitingEntry {
  id: string;
  requestedOn: string;
  /** ISO timestamp */
  createdAt: string;
}

/** The waiting list's order: the earliest request first, then the earliest registered. */
export function compareWaiting(a: WaitingEntry, b: WaitingEntry): number {
  if (a.requestedOn !== b.requestedOn) return a.requestedOn < b.requestedOn ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The waiting list in order, each with its position (1 = next in line). */
export function waitingList<T extends WaitingEntry>(entries: readonly T[]): (T & { position: number })[] {
  return [...entries].sort(compareWaiting).map((entry, index) => ({ ...entry, position: index + 1 }));
}

import { describe, expect, it } from 'vitest';
import { hasFreePlace, placementOutcome, waitingList } from './capacity.ts';

describe('capacity per year and the waiting list', () => {
  it('gives a place while the year has starts left, else the waiting list', () => {
    expect(placementOutcome({ capacityPerYear: 35, startedInYear: 34 })).toBe('active');
    expect(placementOutcome({ capacityPerYear: 35, startedInYear: 35 })).toBe('waiting');
    expect(placementOutcome({ capacityPerYear: 35, startedInYear: 40 })).toBe('waiting');
  });

  it('never queues for an intervention without a limit', () => {
    expect(placementOutcome({ capacityPerYear: null, startedInYear: 1000 })).toBe('active');
  });

  it('lets those already waiting have a freed place before anyone new', () => {
    expect(placementOutcome({ capacityPerYear: 2, startedInYear: 1, waitingInYear: 1 })).toBe('waiting');
    expect(placementOutcome({ capacityPerYear: 3, startedInYear: 1, waitingInYear: 1 })).toBe('active');
  });

  it('admits from the waiting list only when a place is free', () => {
    expect(hasFreePlace(2, 1)).toBe(true);
    expect(hasFreePlace(2, 2)).toBe(false);
    expect(hasFreePlace(null, 99)).toBe(true);
  });

  it('orders the waiting list by request day, then by when it was registered', () => {
    const list = waitingList([
      { id: 'c', requestedOn: '2026-11-02', createdAt: '2026-11-02T08:00:00.000Z' },
      { id: 'a', requestedOn: '2026-11-01', createdAt: '2026-11-01T15:00:00.000Z' },
      { id: 'b', requestedOn: '2026-11-02', createdAt: '2026-11-02T07:00:00.000Z' },
    ]);
    expect(list.map((e) => [e.id, e.position])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });
});

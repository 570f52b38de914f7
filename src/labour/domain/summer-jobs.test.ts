import { describe, expect, it } from 'vitest';
import {
  allocateSummerJobs,
  lotteryKey,
  nextInLine,
  priorityGroupOf,
  summerAgeOk,
  summerDraw,
  summerReason,
  type SummerApplicant,
  type SummerPosition,
} from './summer-jobs.ts';

const applicant = (id: string, over: Partial<SummerApplicant> = {}): SummerApplicant => ({
  id,
  birthDate: '2010-05-01',
  appliedOn: '2026-03-01',
  householdWithAssistance: false,
  hadSummerJobBefore: false,
  preferences: [],
  ...over,
});

/** A crowd of applicants: every third had a job before, every fourth lives in a household with assistance. */
function crowd(n: number, positions: readonly SummerPosition[]): SummerApplicant[] {
  return Array.from({ length: n }, (_, i) =>
    applicant(`a-${String(i).padStart(4, '0')}`, {
      hadSummerJobBefore: i % 3 === 0,
      householdWithAssistance: i % 4 === 0,
      preferences: [positions[i % positions.length]!.id, positions[(i * 7) % positions.length]!.id],
    }),
  );
}

describe('priority groups', () => {
  it('puts first-timers from households with assistance first, then first-timers, then those who had one', () => {
    expect(priorityGroupOf({ hadSummerJobBefore: false, householdWithAssistance: true })).toBe(1);
    expect(priorityGroupOf({ hadSummerJobBefore: false, householdWithAssistance: false })).toBe(2);
    expect(priorityGroupOf({ hadSummerJobBefore: true, householdWithAssistance: true })).toBe(3);
    expect(priorityGroupOf({ hadSummerJobBefore: true, householdWithAssistance: false })).toBe(3);
  });

  it('gives the places to group 1 before group 2 before group 3, whatever the lottery', () => {
    const positions = [{ id: 'p-1', places: 2 }];
    const applicants = [
      applicant('had-before', { hadSummerJobBefore: true, householdWithAssistance: true }),
      applicant('first-timer'),
      applicant('first-timer-assisted', { householdWithAssistance: true }),
    ];
    for (const seed of [1, 2, 3, 42, 1_000_000]) {
      const result = allocateSummerJobs(applicants, positions, seed);
      expect(result.map((r) => [r.applicantId, r.priorityGroup, r.positionId])).toEqual([
        ['first-timer-assisted', 1, 'p-1'],
        ['first-timer', 2, 'p-1'],
        ['had-before', 3, null],
      ]);
      expect(result[2]!.reason).toBe('no_position_left');
    }
  });

  it('never places anyone of a later group while someone of an earlier group goes without', () => {
    const positions = [
      { id: 'p-a', places: 30 },
      { id: 'p-b', places: 20 },
    ];
    const result = allocateSummerJobs(crowd(120, positions), positions, 7);
    const worstPlacedGroup = Math.max(...result.filter((r) => r.positionId).map((r) => r.priorityGroup));
    const bestUnplacedGroup = Math.min(...result.filter((r) => !r.positionId).map((r) => r.priorityGroup));
    expect(worstPlacedGroup).toBeLessThanOrEqual(bestUnplacedGroup);
  });
});

describe('the lottery', () => {
  const positions = [
    { id: 'p-a', places: 5 },
    { id: 'p-b', places: 3 },
    { id: 'p-c', places: 1 },
  ];
  const applicants = crowd(40, positions);

  it('is deterministic for the same seed', () => {
    expect(allocateSummerJobs(applicants, positions, 12345)).toEqual(
      allocateSummerJobs(applicants, positions, 12345),
    );
  });

  it('does not depend on the order the applications were registered in', () => {
    const reversed = [...applicants].reverse();
    const shuffled = [...applicants].sort((x, y) => lotteryKey(99, x.id) - lotteryKey(99, y.id));
    const expected = allocateSummerJobs(applicants, positions, 2026);
    expect(allocateSummerJobs(reversed, positions, 2026)).toEqual(expected);
    expect(allocateSummerJobs(shuffled, positions, 2026)).toEqual(expected);
    expect(allocateSummerJobs(applicants, [...positions].reverse(), 2026)).toEqual(expected);
  });

  it('gives a different order with another seed', () => {
    const a = summerDraw(applicants, 1).map((d) => d.applicantId);
    const b = summerDraw(applicants, 2).map((d) => d.applicantId);
    expect(a).not.toEqual(b);
    expect([...a].sort()).toEqual([...b].sort());
  });

  it('numbers the applicants 1, 2, 3 … within each group, in allocation order', () => {
    const result = allocateSummerJobs(applicants, positions, 5);
    for (const group of [1, 2, 3]) {
      const numbers = result.filter((r) => r.priorityGroup === group).map((r) => r.lotteryNumber);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
    const groups = result.map((r) => r.priorityGroup);
    expect(groups).toEqual([...groups].sort());
  });

  it('uses a documented hash anyone can recompute: FNV-1a of "<seed>:<id>"', () => {
    // FNV-1a 32 of the empty string is the offset basis; of "a" it is 0xe40c292c.
    expect(lotteryKey(0, 'x')).not.toBe(lotteryKey(1, 'x'));
    const fnv = (text: string) => {
      let h = 0x811c9dc5;
      for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
      return h;
    };
    expect(fnv('a')).toBe(0xe40c292c);
    expect(lotteryKey(17, 'abc')).toBe(fnv('17:abc'));
  });
});

describe('preferences and places', () => {
  it('gives the first preference with a free place, else the next, else any free position, with the reason', () => {
    const positions = [
      { id: 'p-library', places: 1 },
      { id: 'p-park', places: 1 },
      { id: 'p-pool', places: 1 },
      { id: 'p-club', places: 1 },
    ];
    // All in group 2; the order within it comes from the lottery, so read it first.
    const people = ['u1', 'u2', 'u3', 'u4', 'u5'].map((id) =>
      applicant(id, { preferences: ['p-library', 'p-park', 'p-pool'] }),
    );
    const result = allocateSummerJobs(people, positions, 77);
    expect(result.map((r) => [r.positionId, r.reason])).toEqual([
      ['p-library', 'preference_1'],
      ['p-park', 'preference_2'],
      ['p-pool', 'preference_3'],
      ['p-club', 'any_free_position'],
      [null, 'no_position_left'],
    ]);
  });

  it('lets an applicant without preferences take any free position', () => {
    const result = allocateSummerJobs([applicant('x')], [{ id: 'p-b', places: 1 }], 1);
    expect(result).toEqual([
      {
        applicantId: 'x',
        positionId: 'p-b',
        priorityGroup: 2,
        lotteryNumber: 1,
        reason: 'any_free_position',
      },
    ]);
  });

  it('ignores preferences beyond the third and positions that do not exist', () => {
    const positions = [
      { id: 'p-1', places: 1 },
      { id: 'p-4', places: 1 },
    ];
    const [only] = allocateSummerJobs(
      [applicant('x', { preferences: ['gone', 'p-2', 'p-3', 'p-4'] })],
      positions,
      3,
    );
    expect(only).toMatchObject({ positionId: 'p-1', reason: 'any_free_position' });
  });

  it('never offers a position more places than it has, and fills every place when enough apply', () => {
    const positions = [
      { id: 'p-a', places: 13 },
      { id: 'p-b', places: 4 },
      { id: 'p-c', places: 1 },
      { id: 'p-d', places: 0 },
    ];
    for (const n of [5, 18, 200]) {
      const result = allocateSummerJobs(crowd(n, positions), positions, n);
      for (const p of positions) {
        expect(result.filter((r) => r.positionId === p.id).length).toBeLessThanOrEqual(p.places);
      }
      expect(result.filter((r) => r.positionId).length).toBe(Math.min(n, 18));
      expect(result).toHaveLength(n);
    }
  });

  it("computes an applicant's reason from their preferences and position", () => {
    expect(summerReason(['a', 'b', 'c'], 'c')).toBe('preference_3');
    expect(summerReason(['a', 'b', 'c', 'd'], 'd')).toBe('any_free_position');
    expect(summerReason(['a'], null)).toBe('no_position_left');
  });
});

describe('a declined place', () => {
  it('goes to the first applicant in the draw order who has no place', () => {
    const order = [{ applicantId: 'a' }, { applicantId: 'b' }, { applicantId: 'c' }, { applicantId: 'd' }];
    const placed = new Set(['a', 'b']);
    expect(nextInLine(order, (id) => placed.has(id))).toEqual({ applicantId: 'c' });
    expect(nextInLine(order, () => true)).toBeNull();
  });
});

describe('age', () => {
  it('counts the age reached during the year', () => {
    // Born on 31 December 2010: turns 16 on the last day of 2026, which counts.
    expect(summerAgeOk('2010-12-31', 2026, 16, 19)).toBe(true);
    expect(summerAgeOk('2011-01-01', 2026, 16, 19)).toBe(false);
    expect(summerAgeOk('2007-01-01', 2026, 16, 19)).toBe(true);
    expect(summerAgeOk('2006-12-31', 2026, 16, 19)).toBe(false);
  });
});

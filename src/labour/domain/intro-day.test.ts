import { describe, expect, it } from 'vitest';
import { introDaysBetween, isoWeekday, nextIntroDay } from './intro-day.ts';

describe('nextIntroDay', () => {
  // 2026-11-20 is a Friday.
  it('books the next Tuesday after a Friday', () => {
    expect(isoWeekday('2026-11-20')).toBe(5);
    expect(nextIntroDay({ today: '2026-11-20', weekday: 2, capacity: 20, booked: {} })).toBe('2026-11-24');
  });

  it('is strictly after today: on the introduction day itself the next week is booked', () => {
    expect(nextIntroDay({ today: '2026-11-24', weekday: 2, capacity: 20, booked: {} })).toBe('2026-12-01');
  });

  it('takes the day before the weekday to the next day', () => {
    expect(nextIntroDay({ today: '2026-11-23', weekday: 2, capacity: 20, booked: {} })).toBe('2026-11-24');
  });

  it('skips a full day to the next week with a free seat', () => {
    const booked = new Map([
      ['2026-11-24', 20],
      ['2026-12-01', 21],
      ['2026-12-08', 19],
    ]);
    expect(nextIntroDay({ today: '2026-11-20', weekday: 2, capacity: 20, booked })).toBe('2026-12-08');
  });

  it('crosses a year end', () => {
    expect(nextIntroDay({ today: '2026-12-31', weekday: 1, capacity: 5, booked: {} })).toBe('2027-01-04');
  });

  it('gives up after the weeks looked at', () => {
    const booked = { '2026-11-24': 1, '2026-12-01': 1 };
    expect(nextIntroDay({ today: '2026-11-20', weekday: 2, capacity: 1, booked, maxWeeks: 2 })).toBeNull();
  });
});

describe('introDaysBetween', () => {
  it('lists the weekday within the interval, both ends included', () => {
    expect(introDaysBetween('2026-11-20', '2026-12-04', 2)).toEqual(['2026-11-24', '2026-12-01']);
    expect(introDaysBetween('2026-11-24', '2026-12-01', 2)).toEqual(['2026-11-24', '2026-12-01']);
  });
});

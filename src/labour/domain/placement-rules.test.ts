import { describe, expect, it } from 'vitest';
import { ageOn, refusePlacement, weeksOf, type InterventionLimits } from './placement-rules.ts';

const puls: InterventionLimits = {
  name: 'PULS',
  workOriented: true,
  minAge: 20,
  maxAge: 55,
  maxWeeks: 52,
  maxHoursPerWeek: null,
};
const aktivKraft: InterventionLimits = {
  name: 'Aktiv Kraft',
  workOriented: false,
  minAge: null,
  maxAge: null,
  maxWeeks: 24,
  maxHoursPerWeek: 20,
};
const request = {
  startsOn: '2026-12-07',
  endsOn: '2027-03-28',
  hoursPerWeek: 10,
  birthDate: '1985-07-09',
  capacityHours: 20,
};
const settings = { workOrientedMinHours: 10 };

describe('placement rules', () => {
  it('places a person whose capacity, age and dates fit', () => {
    expect(refusePlacement(puls, request, settings)).toBeNull();
  });

  it('refuses a work-oriented intervention below the minimum capacity, with the numbers', () => {
    expect(refusePlacement(puls, { ...request, capacityHours: 8, hoursPerWeek: 8 }, settings)).toEqual({
      code: 'CAPACITY_TOO_LOW',
      params: { intervention: 'PULS', min: 10, hours: 8 },
    });
  });

  it('lets a person with low capacity into a step-1 intervention', () => {
    expect(
      refusePlacement(aktivKraft, { ...request, capacityHours: 8, hoursPerWeek: 8 }, settings),
    ).toBeNull();
  });

  it('takes the minimum capacity from the settings (configurable)', () => {
    const low = { ...request, capacityHours: 8, hoursPerWeek: 8 };
    expect(refusePlacement(puls, low, { workOrientedMinHours: 8 })).toBeNull();
    expect(refusePlacement(puls, { ...request, capacityHours: 12 }, { workOrientedMinHours: 15 })?.code).toBe(
      'CAPACITY_TOO_LOW',
    );
  });

  it('refuses more hours than the person can', () => {
    expect(refusePlacement(aktivKraft, { ...request, capacityHours: 8, hoursPerWeek: 12 }, settings)).toEqual(
      {
        code: 'HOURS_ABOVE_CAPACITY',
        params: { hours: 12, capacity: 8 },
      },
    );
  });

  it("refuses more hours than the intervention's own maximum", () => {
    expect(
      refusePlacement(aktivKraft, { ...request, capacityHours: 40, hoursPerWeek: 30 }, settings),
    ).toEqual({
      code: 'HOURS_ABOVE_INTERVENTION',
      params: { intervention: 'Aktiv Kraft', max: 20, hours: 30 },
    });
  });

  it('takes the age on the start day', () => {
    // Born 1971-01-15: 55 on 2026-12-07, 56 on 2027-01-15.
    const older = { ...request, birthDate: '1971-01-15' };
    expect(refusePlacement(puls, older, settings)).toBeNull();
    expect(
      refusePlacement(puls, { ...older, startsOn: '2027-01-15', endsOn: '2027-03-01' }, settings),
    ).toEqual({
      code: 'AGE_OUTSIDE_INTERVENTION',
      params: { intervention: 'PULS', minAge: 20, maxAge: 55, age: 56 },
    });
    expect(refusePlacement(puls, { ...request, birthDate: '2007-01-01' }, settings)).toMatchObject({
      code: 'AGE_OUTSIDE_INTERVENTION',
      params: { age: 19 },
    });
  });

  it('refuses a placement longer than the maximum number of weeks', () => {
    // 2026-12-07 .. 2027-05-23 is exactly 24 weeks; one day more starts a 25th.
    expect(refusePlacement(aktivKraft, { ...request, endsOn: '2027-05-23' }, settings)).toBeNull();
    expect(refusePlacement(aktivKraft, { ...request, endsOn: '2027-05-24' }, settings)).toEqual({
      code: 'PLACEMENT_TOO_LONG',
      params: { intervention: 'Aktiv Kraft', maxWeeks: 24 },
    });
  });

  it('refuses an end before the start', () => {
    expect(refusePlacement(puls, { ...request, endsOn: '2026-12-06' }, settings)?.code).toBe(
      'PLACEMENT_ENDS_BEFORE_START',
    );
  });

  it('counts ages and weeks on the calendar', () => {
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
    expect(weeksOf('2026-12-07', '2026-12-07')).toBe(1);
    expect(weeksOf('2026-12-07', '2026-12-13')).toBe(1);
    expect(weeksOf('2026-12-07', '2026-12-14')).toBe(2);
  });
});

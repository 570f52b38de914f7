import { describe, expect, it } from 'vitest';
import { goalProgress, goalYears, progressPercent } from './progress.ts';
import { smartCheck } from './smart.ts';
import { checkStatusComment, countStatuses, requiresComment } from './status.ts';

const context = {
  indicatorUnit: (id: string) =>
    ({ inhabitants_with_assistance_share: 'percent', households_with_assistance: 'count' })[id],
  plan: { periodFrom: '2019-09-01', periodTo: '2022-12-31' },
};

describe('the SMART check of a goal', () => {
  it('accepts a goal tied to an indicator, a target value, a date and a responsible unit', () => {
    const result = smartCheck(
      {
        indicatorId: 'inhabitants_with_assistance_share',
        targetValue: 4,
        targetDate: '2022-12-31',
        responsibleUnitId: 'u1',
      },
      context,
    );
    expect(result).toEqual({ measurable: true, warnings: [] });
  });

  it('warns about a goal that cannot be measured (the lesson of the 26-point plan)', () => {
    const result = smartCheck(
      { indicatorId: null, targetValue: null, targetDate: null, responsibleUnitId: null },
      context,
    );
    expect(result).toEqual({
      measurable: false,
      warnings: ['no_indicator', 'no_target_value', 'no_target_date', 'no_responsible'],
    });
  });

  it('warns about an unknown indicator, a share above 100 % and a date after the plan', () => {
    expect(
      smartCheck(
        { indicatorId: 'made_up', targetValue: 4, targetDate: '2022-12-31', responsibleUnitId: 'u' },
        context,
      ),
    ).toEqual({ measurable: false, warnings: ['unknown_indicator'] });
    expect(
      smartCheck(
        {
          indicatorId: 'inhabitants_with_assistance_share',
          targetValue: 140,
          targetDate: '2023-06-30',
          responsibleUnitId: 'u',
        },
        context,
      ),
    ).toEqual({ measurable: true, warnings: ['target_value_out_of_range', 'target_date_outside_plan'] });
  });
});

describe('status and comment', () => {
  it('requires a comment for deviating, partly on plan and stopped, not for done or on plan', () => {
    expect(requiresComment('done')).toBe(false);
    expect(requiresComment('on_plan')).toBe(false);
    expect(requiresComment('partly_on_plan')).toBe(true);
    expect(requiresComment('deviating')).toBe(true);
    expect(requiresComment('stopped')).toBe(true);
    expect(checkStatusComment('deviating', '   ')).toEqual({ ok: false, reason: 'comment_required' });
    expect(checkStatusComment('stopped', undefined)).toEqual({ ok: false, reason: 'comment_required' });
    expect(checkStatusComment('deviating', ' Leverantören är försenad ')).toEqual({
      ok: true,
      comment: 'Leverantören är försenad',
    });
    expect(checkStatusComment('done', '')).toEqual({ ok: true, comment: null });
  });

  it('counts statuses like the follow-up of October 2020 (12 done, 12 on plan, 1 deviating, 1 stopped)', () => {
    const statuses = [
      ...Array<'done'>(12).fill('done'),
      ...Array<'on_plan'>(12).fill('on_plan'),
      'deviating' as const,
      'stopped' as const,
    ];
    expect(countStatuses(statuses)).toEqual({
      done: 12,
      on_plan: 12,
      partly_on_plan: 0,
      deviating: 1,
      stopped: 1,
    });
  });
});

describe('progress towards a goal', () => {
  // Uppsala: about 5 % in 2018, at most 4 % by the end of 2022, 3.7 % in 2022.
  const baseline = { value: 5, date: '2018-12-31' };
  const target = { value: 4, date: '2022-12-31' };

  it('is achieved when the value has passed the target', () => {
    const p = goalProgress({ baseline, target, current: { value: 3.7, date: '2022-12-31' } });
    expect(p.status).toBe('achieved');
    expect(p.direction).toBe('decrease');
    expect(p.shareOfWay).toBeCloseTo(1.3);
    expect(progressPercent(p.shareOfWay)).toBe(100);
  });

  it('is on track when at least as far as a straight path, behind otherwise', () => {
    // two of four years gone: half the way expected
    const on = goalProgress({ baseline, target, current: { value: 4.4, date: '2020-12-31' } });
    expect(on.status).toBe('on_track');
    expect(on.shareOfWay).toBeCloseTo(0.6);
    expect(on.expectedShare).toBeCloseTo(0.5, 2);
    expect(progressPercent(on.shareOfWay)).toBe(60);
    const behind = goalProgress({ baseline, target, current: { value: 4.8, date: '2020-12-31' } });
    expect(behind.status).toBe('behind');
    // moving the wrong way shows an empty bar
    const worse = goalProgress({ baseline, target, current: { value: 5.3, date: '2020-12-31' } });
    expect(worse.shareOfWay).toBeCloseTo(-0.3);
    expect(progressPercent(worse.shareOfWay)).toBe(0);
  });

  it('is missed when the target date has come and the target is not reached', () => {
    const p = goalProgress({ baseline, target, current: { value: 4.2, date: '2022-12-31' } });
    expect(p.status).toBe('missed');
  });

  it('works for goals that should increase and has no data without a baseline or value', () => {
    const up = goalProgress({
      baseline: { value: 30, date: '2024-12-31' },
      target: { value: 40, date: '2026-12-31' },
      current: { value: 36, date: '2025-12-31' },
    });
    expect(up).toMatchObject({ direction: 'increase', status: 'on_track' });
    expect(up.shareOfWay).toBeCloseTo(0.6);
    expect(goalProgress({ baseline: null, target, current: null }).status).toBe('no_data');
  });

  it('measures from the year before the plan started and judges the latest complete year', () => {
    expect(goalYears('2025-02-20', '2026-12-31', '2026-11-22')).toEqual({
      baselineYear: 2024,
      years: [
        { year: 2025, complete: true },
        { year: 2026, complete: false },
      ],
      judgedYear: 2025,
    });
    expect(goalYears('2026-03-01', '2027-12-31', '2026-11-22').judgedYear).toBeNull();
  });
});

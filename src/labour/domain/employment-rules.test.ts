import { describe, expect, it } from 'vitest';
import * as sv from '../../i18n/sv/labour.ts';
import * as en from '../../i18n/en/labour.ts';
import { EMPLOYMENT_FORM_CODES } from './employment-forms.ts';
import {
  checkCancel,
  checkEnd,
  checkNewEmployment,
  checkStart,
  checkUnionReview,
  latestEnd,
  type EmploymentPeriod,
  type NewEmployment,
} from './employment-rules.ts';

const base: NewEmployment = {
  form: 'extratjanst',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  monthlySalaryCostOre: 2_500_000,
  monthlySupportOre: 2_500_000,
  extendsId: null,
};

const period = (over: Partial<EmploymentPeriod> & { id: string }): EmploymentPeriod => ({
  form: 'extratjanst',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  endedOn: null,
  status: 'planned',
  extendsId: null,
  ...over,
});

describe('employment forms', () => {
  it('has a Swedish and an English label for every form', () => {
    for (const code of EMPLOYMENT_FORM_CODES) {
      expect(sv.employmentForms[code as keyof typeof sv.employmentForms], code).toBeTruthy();
      expect(en.employmentForms[code as keyof typeof en.employmentForms], code).toBeTruthy();
    }
  });
});

describe('a new subsidised employment', () => {
  it('is accepted when nothing stands in the way', () => {
    expect(checkNewEmployment(base, [])).toBeNull();
  });

  it('needs a form that exists on the start day', () => {
    // introduktionsjobb exists from 2021
    expect(
      checkNewEmployment(
        { ...base, form: 'introduktionsjobb', startsOn: '2020-06-01', endsOn: '2020-12-31' },
        [],
      ),
    ).toEqual({ code: 'EMPLOYMENT_FORM_UNKNOWN', params: { form: 'introduktionsjobb', date: '2020-06-01' } });
    expect(checkNewEmployment({ ...base, form: 'fas3' }, [])?.code).toBe('EMPLOYMENT_FORM_UNKNOWN');
  });

  it('cannot end before it starts', () => {
    expect(checkNewEmployment({ ...base, endsOn: '2025-12-31' }, [])?.code).toBe('DATE_NOT_IN_RANGE');
  });

  it('lasts at most the longest length of its form (one year for an extratjänst)', () => {
    expect(latestEnd('2026-01-01', 12)).toBe('2026-12-31');
    expect(latestEnd('2026-03-15', 12)).toBe('2027-03-14');
    expect(checkNewEmployment({ ...base, endsOn: '2027-01-01' }, [], (c) => `label:${c}`)).toEqual({
      code: 'EMPLOYMENT_TOO_LONG',
      params: { form: 'label:extratjanst', months: 12 },
    });
    // a trygghetsanställning may be longer
    expect(
      checkNewEmployment(
        { ...base, form: 'trygghetsanstallning', endsOn: '2027-12-31', monthlySupportOre: 2_000_000 },
        [],
      ),
    ).toBeNull();
  });

  it('has no more support than salary cost', () => {
    expect(checkNewEmployment({ ...base, monthlySupportOre: 2_500_001 }, [])?.code).toBe(
      'EMPLOYMENT_SUPPORT_ABOVE_COST',
    );
  });

  it('may not overlap another employment of the person, and names its dates', () => {
    const other = period({ id: 'a', startsOn: '2025-07-01', endsOn: '2026-01-15' });
    expect(checkNewEmployment(base, [other])).toEqual({
      code: 'EMPLOYMENT_OVERLAP',
      params: { startsOn: '2025-07-01', endsOn: '2026-01-15' },
    });
    // a cancelled one does not count; one that ended early counts up to the day it ended
    expect(checkNewEmployment(base, [{ ...other, status: 'cancelled' }])).toBeNull();
    expect(checkNewEmployment(base, [{ ...other, status: 'ended', endedOn: '2025-12-31' }])).toBeNull();
    // touching is not overlapping
    expect(
      checkNewEmployment(base, [period({ id: 'b', startsOn: '2025-01-01', endsOn: '2025-12-31' })]),
    ).toBeNull();
  });
});

describe('one year, extendable one more (Borås)', () => {
  const first = period({ id: 'first', startsOn: '2025-01-01', endsOn: '2025-12-31', status: 'started' });

  it('an extension starts the day after the employment it extends ends', () => {
    expect(checkNewEmployment({ ...base, extendsId: 'first' }, [first])).toBeNull();
    expect(checkNewEmployment({ ...base, startsOn: '2026-01-05', extendsId: 'first' }, [first])).toEqual({
      code: 'EMPLOYMENT_EXTENSION_GAP',
      params: { day: '2026-01-01' },
    });
  });

  it('a chain holds at most one extension', () => {
    const second = period({ id: 'second', extendsId: 'first' });
    // extending the extension
    expect(
      checkNewEmployment({ ...base, startsOn: '2027-01-01', endsOn: '2027-12-31', extendsId: 'second' }, [
        first,
        second,
      ]),
    ).toEqual({ code: 'EMPLOYMENT_EXTENSION_LIMIT', params: {} });
    // extending the first one a second time
    expect(checkNewEmployment({ ...base, extendsId: 'first' }, [first, second])?.code).toBe(
      'EMPLOYMENT_EXTENSION_LIMIT',
    );
    // a cancelled extension does not use up the one extension
    expect(
      checkNewEmployment({ ...base, extendsId: 'first' }, [first, { ...second, status: 'cancelled' }]),
    ).toBeNull();
  });
});

describe('the union review and starting', () => {
  it('a placement refused by the union cannot start, with the reason', () => {
    expect(
      checkStart({ status: 'planned', unionReview: 'refused', unionReason: 'Ersätter ordinarie tjänst' }),
    ).toEqual({
      code: 'UNION_REVIEW_REFUSED',
      params: { reason: 'Ersätter ordinarie tjänst' },
    });
  });
  it('an unreviewed placement cannot start', () => {
    expect(checkStart({ status: 'planned', unionReview: 'pending', unionReason: null })?.code).toBe(
      'UNION_REVIEW_PENDING',
    );
  });
  it('an approved, planned placement starts; a started one does not start again', () => {
    expect(checkStart({ status: 'planned', unionReview: 'approved', unionReason: null })).toBeNull();
    expect(checkStart({ status: 'started', unionReview: 'approved', unionReason: null })?.code).toBe(
      'EMPLOYMENT_NOT_PLANNED',
    );
  });
  it('the union reviews once', () => {
    expect(checkUnionReview({ status: 'planned', unionReview: 'pending' })).toBeNull();
    expect(checkUnionReview({ status: 'planned', unionReview: 'approved' })?.code).toBe('UNION_REVIEW_DONE');
  });
  it('ends only when started, within its period; cancels only when planned', () => {
    const e = { status: 'started' as const, startsOn: '2026-01-01', endsOn: '2026-12-31' };
    expect(checkEnd(e, '2026-06-30')).toBeNull();
    expect(checkEnd(e, '2027-01-01')?.code).toBe('DATE_NOT_IN_RANGE');
    expect(checkEnd({ ...e, status: 'planned' }, '2026-06-30')?.code).toBe('EMPLOYMENT_NOT_STARTED');
    expect(checkCancel({ status: 'planned' })).toBeNull();
    expect(checkCancel({ status: 'started' })?.code).toBe('EMPLOYMENT_NOT_PLANNED');
  });
});

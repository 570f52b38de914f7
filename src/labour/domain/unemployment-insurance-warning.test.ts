import { describe, expect, it } from 'vitest';
import type { EmploymentPeriod } from './employment-rules.ts';
import { unemploymentInsuranceWarning } from './unemployment-insurance-warning.ts';

const e = (over: Partial<EmploymentPeriod> & { id: string; form: string }): EmploymentPeriod => ({
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  endedOn: null,
  status: 'planned',
  extendsId: null,
  ...over,
});

describe('the a-kassa warning', () => {
  it('warns when the last planned employment is an extratjänst, and suggests the qualifying forms', () => {
    const warning = unemploymentInsuranceWarning([e({ id: 'x', form: 'extratjanst' })]);
    expect(warning).toMatchObject({ employmentId: 'x', form: 'extratjanst', endsOn: '2026-12-31' });
    expect(warning?.qualifyingForms).toContain('nystartsjobb');
    expect(warning?.qualifyingForms).not.toContain('extratjanst');
  });

  it('is silent when a nystartsjobb follows the extratjänst', () => {
    expect(
      unemploymentInsuranceWarning([
        e({ id: 'x', form: 'extratjanst' }),
        e({ id: 'n', form: 'nystartsjobb', startsOn: '2027-01-01', endsOn: '2027-12-31' }),
      ]),
    ).toBeNull();
  });

  it('warns again when the following nystartsjobb is cancelled', () => {
    expect(
      unemploymentInsuranceWarning([
        e({ id: 'x', form: 'extratjanst' }),
        e({
          id: 'n',
          form: 'nystartsjobb',
          startsOn: '2027-01-01',
          endsOn: '2027-12-31',
          status: 'cancelled',
        }),
      ])?.employmentId,
    ).toBe('x');
  });

  it('looks at the one ending last, not the one added last', () => {
    expect(
      unemploymentInsuranceWarning([
        e({ id: 'n', form: 'nystartsjobb', startsOn: '2027-01-01', endsOn: '2027-12-31' }),
        e({ id: 'x', form: 'extratjanst' }),
      ]),
    ).toBeNull();
  });

  it('is silent without employments', () => {
    expect(unemploymentInsuranceWarning([])).toBeNull();
  });
});

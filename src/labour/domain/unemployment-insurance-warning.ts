/**
 * The a-kassa warning. Time in most subsidised employments does not count towards the work
 * condition of unemployment insurance (13 a § lagen (1997:238) om arbetslöshetsförsäkring; seed 000:
 * extratjänst and introduktionsjobb do not, nystartsjobb does). A person whose last employment does
 * not qualify is left without a-kassa when it ends and often comes back to financial assistance.
 * Borås' rule (seed 003, Jobb Borås): follow an extratjänst with a nystartsjobb, so that the last
 * employment qualifies.
 */
import { employmentFormOn, employmentFormsOn } from './employment-forms.ts';
import { effectiveEnd, type EmploymentPeriod } from './employment-rules.ts';

export interface UnemploymentInsuranceWarning {
  /** The person's last planned employment, which does not qualify. */
  employmentId: string;
  form: string;
  startsOn: string;
  endsOn: string;
  /** The forms that qualify on that employment's start day, to follow it with. */
  qualifyingForms: string[];
}

/**
 * The warning for a person's employments, or null: looks at the employment that ends last (not
 * cancelled) and warns if its form does not qualify for a-kassa on its start day.
 */
export function unemploymentInsuranceWarning(
  employments: readonly EmploymentPeriod[],
): UnemploymentInsuranceWarning | null {
  let last: EmploymentPeriod | undefined;
  for (const e of employments) {
    if (e.status === 'cancelled') continue;
    if (
      !last ||
      effectiveEnd(e) > effectiveEnd(last) ||
      (effectiveEnd(e) === effectiveEnd(last) && e.startsOn > last.startsOn)
    )
      last = e;
  }
  if (!last) return null;
  const form = employmentFormOn(last.form, last.startsOn);
  if (form?.qualifiesForUnemploymentInsurance) return null;
  return {
    employmentId: last.id,
    form: last.form,
    startsOn: last.startsOn,
    endsOn: effectiveEnd(last),
    qualifyingForms: employmentFormsOn(last.startsOn)
      .filter((f) => f.qualifiesForUnemploymentInsurance)
      .map((f) => f.code),
  };
}

/** React access to the screen texts of the subsidised employments and "växla bidrag mot lön". */
import { catalogues } from '../../src/i18n/catalogue.ts';
import type { DeepStrings } from '../../src/i18n/types.ts';
import { useLocale } from './i18n.ts';

export type EmploymentsTexts = DeepStrings<(typeof catalogues)['sv']['employmentsUi']>;

/** `const e = useEmploymentsT(); e.section.title` */
export function useEmploymentsT(): EmploymentsTexts {
  const [locale] = useLocale();
  return catalogues[locale].employmentsUi;
}

export const employmentPaths = {
  overview: '/jobb/anstallningar',
};

/** The words for the employment forms, statuses and union reviews (labour.ts). */
export function useEmploymentLabels() {
  const [locale] = useLocale();
  const labour = catalogues[locale].labour;
  return {
    form: (code: string) => (labour.employmentForms as Record<string, string>)[code] ?? code,
    status: labour.employmentStatuses,
    union: labour.unionReviews,
  };
}

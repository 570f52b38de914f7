/** React access to the summer-job texts (screen texts and the unit's code labels). */
import { catalogues, type Locale } from '../../src/i18n/catalogue.ts';
import type { DeepStrings } from '../../src/i18n/types.ts';
import { useLocale } from './i18n.ts';

export type SummerJobsTexts = DeepStrings<(typeof catalogues)['sv']['summerJobsUi']>;

/** `const s = useSummerJobsT(); s.title` */
export function useSummerJobsT(): SummerJobsTexts {
  const [locale] = useLocale();
  return catalogues[locale].summerJobsUi;
}

/** Employer kinds and offer statuses in words. */
export function useSummerJobsLabels(): Pick<
  (typeof catalogues)[Locale]['labour'],
  'employerKinds' | 'offerStatuses'
> {
  const [locale] = useLocale();
  return catalogues[locale].labour;
}

export const summerJobsPath = '/jobb/feriearbeten';

/** React access to the four-month report's texts (Uppföljning → Tertialrapport). */
import { catalogues, type Locale } from '../../src/i18n/catalogue.ts';
import type { DeepStrings } from '../../src/i18n/types.ts';
import { useLocale } from './i18n.ts';

export type ReportTexts = DeepStrings<(typeof catalogues)['sv']['reportUi']>;

/** `const r = useReportT(); r.title` */
export function useReportT(): ReportTexts {
  const [locale] = useLocale();
  return catalogues[locale].reportUi;
}

export function useReportLocale(): Locale {
  return useLocale()[0];
}

export const reportPath = '/uppfoljning/rapport';

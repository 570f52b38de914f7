/** React access to the labour-market unit's texts (screen texts and code labels). */
import { catalogues, type Locale } from '../../src/i18n/catalogue.ts';
import type { DeepStrings } from '../../src/i18n/types.ts';
import { useLocale } from './i18n.ts';

export type LabourTexts = DeepStrings<(typeof catalogues)['sv']['labourUi']>;
export type LabourLabels = (typeof catalogues)[Locale]['labour'];

/** The screen texts of the labour-market unit's referrals: `const l = useLabourT(); l.referral.title`. */
export function useLabourT(): LabourTexts {
  const [locale] = useLocale();
  return catalogues[locale].labourUi;
}

/** The words for the unit's stored codes (initiators, exit results, notice kinds…). */
export function useLabourLabels(): LabourLabels {
  const [locale] = useLocale();
  return catalogues[locale].labour;
}

/** The address of a referral's page. */
export const labourPaths = {
  participants: '/jobb/deltagare',
  referral: (id: string) => `/jobb/anvisningar/${encodeURIComponent(id)}`,
};

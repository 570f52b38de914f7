/** React access to the texts of the interventions, placements and attendance screens. */
import { catalogues, type Locale } from '../../../../src/i18n/catalogue.ts';
import type { DeepStrings } from '../../../../src/i18n/types.ts';
import { useLocale } from '../../i18n.ts';

export type InterventionsTexts = DeepStrings<(typeof catalogues)['sv']['interventionsUi']>;
export type LabourWords = (typeof catalogues)[Locale]['labour'];

/** `const x = useInterventionsT(); x.occupancy.title` */
export function useInterventionsT(): InterventionsTexts {
  const [locale] = useLocale();
  return catalogues[locale].interventionsUi;
}

/** The words for the unit's stored codes (kinds, statuses, absence reasons, notice kinds). */
export function useLabourWords(): LabourWords {
  const [locale] = useLocale();
  return catalogues[locale].labour;
}

/** ISO week number of a date (YYYY-MM-DD). */
export function isoWeek(date: string): number {
  const day = new Date(`${date}T12:00:00Z`);
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  return Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/** React access to the texts of the indicators, the target board and the drill-down. */
import { catalogues, type Locale } from '../../src/i18n/catalogue.ts';
import type { DeepStrings } from '../../src/i18n/types.ts';
import { formatNumber } from '../../src/i18n/format.ts';
import type { IndicatorUnit } from './api/indicators.ts';
import { fill, useLocale } from './i18n.ts';

export type IndicatorsTexts = DeepStrings<(typeof catalogues)['sv']['indicatorsUi']>;

/** `const x = useIndicatorsT(); x.board.title` */
export function useIndicatorsT(): IndicatorsTexts {
  const [locale] = useLocale();
  return catalogues[locale].indicatorsUi;
}

/** A value in its unit ("12,3 %", "1 234", "110 000 kr/hushåll"). */
export function formatIndicator(
  texts: IndicatorsTexts,
  locale: Locale,
  unit: IndicatorUnit,
  value: number,
): string {
  const decimals = unit === 'percent' || unit === 'fte' ? 1 : 0;
  return fill(texts.units[unit], { value: formatNumber(value, locale, decimals) });
}

export const TARGET_BOARD_PATH = '/uppfoljning/maltavla';
export const INDICATORS_PATH = '/uppfoljning/nyckeltal';

/** The drill-down page of a figure. */
export const drilldownPath = (id: string, period: string) =>
  `${INDICATORS_PATH}/${encodeURIComponent(id)}?period=${encodeURIComponent(period)}`;

/** React access to the message catalogue and the locale-aware formatters. */
import { useMemo, useSyncExternalStore } from 'react';
import { catalogues, interpolate, type Locale } from '../../src/i18n/catalogue.ts';
import type { DeepStrings } from '../../src/i18n/types.ts';
import { formatDate, formatDateTime, formatKronor, formatNumber } from '../../src/i18n/format.ts';
import { getLocale, setLocale, subscribeLocale } from './locale.ts';

export type UiTexts = DeepStrings<(typeof catalogues)['sv']['ui']>;

export function useLocale(): [Locale, (locale: Locale) => void] {
  const locale = useSyncExternalStore(subscribeLocale, getLocale);
  return [locale, setLocale];
}

/** The screen texts in the user's language: `const t = useT(); t.login.title`. */
export function useT(): UiTexts {
  const [locale] = useLocale();
  return catalogues[locale].ui;
}

/** Fills {placeholders} in a catalogue text. */
export const fill = interpolate;

export interface Formatters {
  date: (value: string | Date) => string;
  dateTime: (value: string | Date) => string;
  number: (value: number) => string;
  kronor: (value: number) => string;
}

export function useFormat(): Formatters {
  const [locale] = useLocale();
  return useMemo(
    () => ({
      date: (value) => formatDate(value, locale),
      dateTime: (value) => formatDateTime(value, locale),
      number: (value) => formatNumber(value, locale, 0),
      kronor: (value) => formatKronor(value, locale),
    }),
    [locale],
  );
}

/** Swedish formatting of dates, numbers and kronor (the locale decides separators). */
import type { Locale } from './catalogue.ts';

const TIME_ZONE = 'Europe/Stockholm';
const DATE_PARTS = { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' } as const;
const tag = (locale: Locale) => (locale === 'sv' ? 'sv-SE' : 'en-GB');

// Intl formatters are costly to build: one per locale and kind, made on first use.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let made = cache.get(key) as T | undefined;
  if (!made) cache.set(key, (made = make()));
  return made;
}

const dateFormat = (locale: Locale) =>
  formatter(`date:${locale}`, () => new Intl.DateTimeFormat(tag(locale), DATE_PARTS));

/** 2026-11-22 in Swedish; dates are shown as ISO dates, as Swedish authorities write them. */
export function formatDate(value: Date | string, locale: Locale = 'sv'): string {
  const date =
    typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  return dateFormat(locale).format(date);
}

export function formatDateTime(value: Date | string, locale: Locale = 'sv'): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return formatter(
    `datetime:${locale}`,
    () =>
      new Intl.DateTimeFormat(tag(locale), {
        ...DATE_PARTS,
        hour: '2-digit',
        minute: '2-digit',
      }),
  ).format(date);
}

export function formatNumber(value: number, locale: Locale = 'sv', maximumFractionDigits = 1): string {
  return formatter(
    `number:${locale}:${maximumFractionDigits}`,
    () => new Intl.NumberFormat(tag(locale), { maximumFractionDigits }),
  ).format(value);
}

/** 14 157 900 kr */
export function formatKronor(value: number, locale: Locale = 'sv'): string {
  return formatter(
    `kronor:${locale}`,
    () =>
      new Intl.NumberFormat(tag(locale), {
        style: 'currency',
        currency: 'SEK',
        currencyDisplay: locale === 'sv' ? 'symbol' : 'code',
        maximumFractionDigits: 0,
      }),
  ).format(value);
}

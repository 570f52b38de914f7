/**
 * The one message catalogue: every text a user reads (screens, documents, API errors) comes
 * from here. Swedish is the default; English is the second language.
 */
import * as en from './en/index.ts';
import * as sv from './sv/index.ts';

export type Locale = 'sv' | 'en';
export const LOCALES: readonly Locale[] = ['sv', 'en'];
export const DEFAULT_LOCALE: Locale = 'sv';

export const catalogues = { sv, en } as const;
export type ErrorCode = keyof typeof sv.errors;

/** Replaces {name} placeholders with the given values. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function errorMessage(
  locale: Locale,
  code: ErrorCode,
  params?: Record<string, string | number>,
): string {
  return interpolate(catalogues[locale].errors[code], params);
}

/** Picks the first supported language of an Accept-Language header; Swedish otherwise. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    const primary = tag.split('-')[0];
    if (primary === 'sv' || primary === 'en') return primary;
  }
  return DEFAULT_LOCALE;
}

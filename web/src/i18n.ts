/** React access to the message catalogue and the locale-aware formatters. */
import { useMemo, useSyncExternalStore } from 'react';
import { catalogues, interpolate, type Locale } from '../../src/i18n/catalogue.ts';
import type { DeepStrings } from '../../src/i18n/types.ts';
import { formatDate, formatDateTime, formatKronor, formatNumber } from '../../src/i18n/format.ts';
import { getLocale, setLocale, subscribeLocale } from './locale.ts';

export type UiTexts = DeepStrings<(typeof catalogues)['sv']['ui']>;
export type AssistanceTexts = DeepStrings<(typeof catalogues)['sv']['assistanceUi']>;
export type AssistanceLabels = (typeof catalogues)[Locale]['assistance'];
export type CaseworkTexts = DeepStrings<(typeof catalogues)['sv']['caseworkUi']>;
export type CaseworkLabels = (typeof catalogues)[Locale]['casework'];

export function useLocale(): [Locale, (locale: Locale) => void] {
  const locale = useSyncExternalStore(subscribeLocale, getLocale);
  return [locale, setLocale];
}

/** The screen texts in the user's language: `const t = useT(); t.login.title`. */
export function useT(): UiTexts {
  const [locale] = useLocale();
  return catalogues[locale].ui;
}

/** The screen texts of financial assistance: `const a = useAssistanceT(); a.myDay.title`. */
export function useAssistanceT(): AssistanceTexts {
  const [locale] = useLocale();
  return catalogues[locale].assistanceUi;
}

/** The server's labels of financial assistance (cost and income types, conditions, norm sections). */
export function useAssistanceLabels(): AssistanceLabels {
  const [locale] = useLocale();
  return catalogues[locale].assistance;
}

/** The screen texts of the casework on a case (journal, intake, reason codes, completion, bank accounts). */
export function useCaseworkT(): CaseworkTexts {
  const [locale] = useLocale();
  return catalogues[locale].caseworkUi;
}

/** The server's labels of the casework (intake steps, IB3 mapping fields, reason-code groups). */
export function useCaseworkLabels(): CaseworkLabels {
  const [locale] = useLocale();
  return catalogues[locale].casework;
}

/** Fills {placeholders} in a catalogue text. */
export const fill = interpolate;

export interface Formatters {
  date: (value: string | Date) => string;
  dateTime: (value: string | Date) => string;
  number: (value: number) => string;
  kronor: (value: number) => string;
  /** 'YYYY-MM' → "december 2026" */
  month: (value: string) => string;
  /** The time of day in Stockholm: "10:00" */
  time: (value: string | Date) => string;
}

const TAGS: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB' };

export function useFormat(): Formatters {
  const [locale] = useLocale();
  return useMemo(
    () => ({
      date: (value) => formatDate(value, locale),
      dateTime: (value) => formatDateTime(value, locale),
      number: (value) => formatNumber(value, locale, 0),
      kronor: (value) => formatKronor(value, locale),
      month: (value) =>
        new Intl.DateTimeFormat(TAGS[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(`${value.slice(0, 7)}-15T12:00:00Z`),
        ),
      time: (value) =>
        new Intl.DateTimeFormat(TAGS[locale], {
          hour: '2-digit',
          minute: '2-digit',
          timeZone: 'Europe/Stockholm',
        }).format(typeof value === 'string' ? new Date(value) : value),
    }),
    [locale],
  );
}

export type PublicTexts = DeepStrings<(typeof catalogues)['sv']['publicUi']>;
export type ControlTexts = DeepStrings<(typeof catalogues)['sv']['controlUi']>;
export type ControlLabels = (typeof catalogues)[Locale]['control'];

/** The texts of the citizen's pages without login (the e-application). */
export function usePublicT(): PublicTexts {
  const [locale] = useLocale();
  return catalogues[locale].publicUi;
}

/** The screen texts of control (investigations, recovery, double rent). */
export function useControlT(): ControlTexts {
  const [locale] = useLocale();
  return catalogues[locale].controlUi;
}

/** The server's labels of control (suspicions, outcomes). */
export function useControlLabels(): ControlLabels {
  const [locale] = useLocale();
  return catalogues[locale].control;
}

/**
 * The user's language, outside React so that the API client can send it as Accept-Language.
 * Swedish is the default; the choice is remembered in localStorage.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../src/i18n/catalogue.ts';

const STORAGE_KEY = 'kedjan.locale';
const listeners = new Set<() => void>();

function readStored(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  } catch {
    // localStorage can be blocked; fall back to the default.
  }
  return DEFAULT_LOCALE;
}

let current: Locale = readStored();
document.documentElement.lang = current;

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  document.documentElement.lang = locale;
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered, but still switched for this page.
  }
  for (const listener of listeners) listener();
}

export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

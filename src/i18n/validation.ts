/** A validation issue as a short sentence in the user's language (never echoing the value sent). */
import { catalogues, type Locale } from './catalogue.ts';

type ValidationKey = keyof (typeof catalogues)['sv']['validation'];

/**
 * `code` is the Zod issue code; a custom issue's `message` may name a catalogue key of its own
 * (the domain's refinements do), otherwise the code's generic sentence is used.
 */
export function validationMessage(locale: Locale, code: string, customMessage?: string): string {
  const messages = catalogues[locale].validation;
  if (customMessage && customMessage in messages) return messages[customMessage as ValidationKey];
  return code in messages ? messages[code as ValidationKey] : messages.invalid;
}

/** "members.1.age" from a Zod path. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

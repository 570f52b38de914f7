/** React access to the action-plan texts (Uppföljning → Handlingsplaner). */
import { catalogues } from '../../src/i18n/catalogue.ts';
import type { DeepStrings } from '../../src/i18n/types.ts';
import { useLocale } from './i18n.ts';

export type ActionPlansTexts = DeepStrings<(typeof catalogues)['sv']['actionPlansUi']>;

/** `const p = useActionPlansT(); p.title` */
export function useActionPlansT(): ActionPlansTexts {
  const [locale] = useLocale();
  return catalogues[locale].actionPlansUi;
}

export const actionPlansPath = '/uppfoljning/handlingsplaner';
export const actionPlanPath = (id: string) => `${actionPlansPath}/${encodeURIComponent(id)}`;

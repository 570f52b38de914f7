/** React access to the whole chain's screen texts (information flows, timeline, notices). */
import { catalogues } from '../../src/i18n/catalogue.ts';
import type { DeepStrings } from '../../src/i18n/types.ts';
import { useLocale } from './i18n.ts';

export type ChainTexts = DeepStrings<(typeof catalogues)['sv']['chainUi']>;

/** `const c = useChainT(); c.flows.title` */
export function useChainT(): ChainTexts {
  const [locale] = useLocale();
  return catalogues[locale].chainUi;
}

/** The catalogue of the user's language: code labels of assistance and the labour-market unit. */
export function useCatalogue() {
  const [locale] = useLocale();
  return catalogues[locale];
}

import { useQueryClient } from '@tanstack/react-query';
import { catalogues, type Locale } from '../../../src/i18n/catalogue.ts';
import { useLocale, useT } from '../i18n.ts';

/**
 * Switches between Swedish and English. The button names the other language in that language
 * ("English" / "Svenska"), marked with its lang so screen readers pronounce it right. Server
 * texts (error details, purpose labels) are fetched again in the new language.
 */
export function LanguageSwitch() {
  const [locale, setLocale] = useLocale();
  const t = useT();
  const queryClient = useQueryClient();
  const other: Locale = locale === 'sv' ? 'en' : 'sv';
  return (
    <button
      type="button"
      className="button-header"
      lang={other}
      title={t.language.switchHint}
      onClick={() => {
        setLocale(other);
        void queryClient.invalidateQueries();
      }}
    >
      {catalogues[other].ui.language.name}
    </button>
  );
}

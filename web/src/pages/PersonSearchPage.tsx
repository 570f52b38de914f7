import { Page } from '../components/Page.tsx';
import { useT } from '../i18n.ts';
import { PersonSearchSection } from '../sections/PersonSearchSection.tsx';

export function PersonSearchPage() {
  const t = useT();
  return (
    <Page title={t.personSearch.title}>
      <PersonSearchSection level={1} showHeading={false} />
    </Page>
  );
}

import { Page } from '../components/Page.tsx';
import { fill, useT } from '../i18n.ts';
import { Link, useLocation } from '../router.tsx';

export function NotFoundPage({ detail }: { detail?: string }) {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <Page title={t.notFound.title}>
      {detail ? <p>{detail}</p> : <p>{fill(t.notFound.text, { path: pathname })}</p>}
      <p>
        <Link to="/">{t.common.toStart}</Link>
      </p>
    </Page>
  );
}

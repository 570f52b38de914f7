import { Page } from '../components/Page.tsx';
import { useT } from '../i18n.ts';
import { Link } from '../router.tsx';

/** "Du har inte behörighet": for routes the user lacks permission for and for 403 answers. */
export function ForbiddenPage({ detail }: { detail?: string }) {
  const t = useT();
  return (
    <Page title={t.forbidden.title}>
      <div className="notice notice-warning">
        <p>{detail ?? t.forbidden.text}</p>
        <p>{t.forbidden.advice}</p>
      </div>
      <p>
        <Link to="/">{t.common.toStart}</Link>
      </p>
    </Page>
  );
}

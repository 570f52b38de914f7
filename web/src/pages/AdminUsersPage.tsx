import { Page } from '../components/Page.tsx';
import { useT } from '../i18n.ts';
import { AdminUsersSection } from '../sections/AdminUsersSection.tsx';

export function AdminUsersPage() {
  const t = useT();
  return (
    <Page title={t.admin.title}>
      <AdminUsersSection level={2} showHeading={false} />
    </Page>
  );
}

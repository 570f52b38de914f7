import { ApiError } from '../api/client.ts';
import { Page } from './Page.tsx';
import { ErrorMessage, isForbidden, isNotFound } from './Feedback.tsx';
import { ForbiddenPage } from '../pages/ForbiddenPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';

/** A whole page for a failed main request: 403 → the "no access" page, 404 → not found, else the detail. */
export function ApiErrorPage({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title: string;
  onRetry?: () => void;
}) {
  const detail = error instanceof ApiError ? error.detail : undefined;
  if (isForbidden(error)) return <ForbiddenPage detail={detail} />;
  if (isNotFound(error)) return <NotFoundPage detail={detail} />;
  return (
    <Page title={title}>
      <ErrorMessage error={error} onRetry={onRetry} />
    </Page>
  );
}

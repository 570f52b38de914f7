/** Loading, error and empty states shared by all pages. */
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useT } from '../i18n.ts';

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="status" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t.common.loading}
    </p>
  );
}

function detailOf(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.detail;
  return fallback;
}

/** Shows an API error's detail (already in the user's language) and any field errors. */
export function ErrorMessage({
  error,
  onRetry,
  fieldLabel,
}: {
  error: unknown;
  onRetry?: () => void;
  /** Names the field of a field error ("roles.0.unitId" → "Roll 1: Enhet") in the summary list. */
  fieldLabel?: (path: string) => string | undefined;
}) {
  const t = useT();
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{t.errors.title}</p>
      <p>{detailOf(error, t.errors.crashText)}</p>
      {fieldErrors.length > 0 ? (
        <>
          <p>{t.errors.fieldErrors}</p>
          <ul>
            {fieldErrors.map((fieldError) => (
              <li key={`${fieldError.path}:${fieldError.message}`}>
                {fieldLabel?.(fieldError.path) ? `${fieldLabel(fieldError.path)}: ` : ''}
                {fieldError.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {onRetry ? (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t.common.retry}
        </button>
      ) : null}
    </div>
  );
}

export function SuccessMessage({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-success" role="status">
      <p>{children}</p>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

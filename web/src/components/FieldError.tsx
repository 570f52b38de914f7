/** Field errors next to their fields: the server's (problem+json errors[]) and the form's own. */
import { ApiError } from '../api/client.ts';

/** "items.0.reason", "/items/0/reason" and "items[0].reason" all name the same field. */
export function normaliseFieldPath(path: string): string {
  return path
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/\[(\d+)\]/g, '.$1');
}

/** The server's field errors of a failed call, by normalised path. */
export function serverFieldErrors(error: unknown): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  if (!(error instanceof ApiError)) return byPath;
  for (const { path, message } of error.fieldErrors) {
    const key = normaliseFieldPath(path);
    byPath.set(key, [...(byPath.get(key) ?? []), message]);
  }
  return byPath;
}

/** Joins the ids an input is described by, leaving out the absent ones. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}

/** The error text under a field; render it with the id the input names in aria-describedby. */
export function FieldMessage({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <span className="field-error" id={id}>
      {messages.join(' ')}
    </span>
  );
}

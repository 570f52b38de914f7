/** A labelled form field with its hint and error, for the intervention and placement forms. */
import { useId, type ReactElement, cloneElement } from 'react';
import { describedBy, FieldMessage } from '../../components/FieldError.tsx';

export function Field({
  label,
  hint,
  messages = [],
  children,
}: {
  label: string;
  hint?: string;
  messages?: readonly string[];
  /** The input, select or textarea; it gets id, aria-invalid and aria-describedby. */
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = messages.length > 0;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {cloneElement(children, {
        id,
        'aria-invalid': invalid || undefined,
        'aria-describedby': describedBy(hint && hintId, invalid && errorId),
      })}
      <FieldMessage id={errorId} messages={messages} />
    </div>
  );
}

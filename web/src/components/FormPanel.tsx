import { useId, type ReactNode } from 'react';
import { ErrorMessage, SuccessMessage } from './Feedback.tsx';

/** What the panel needs of a React Query mutation without variables. */
export interface PanelMutation {
  mutate: () => void;
  isPending: boolean;
  error: Error | null;
  isSuccess: boolean;
}

/**
 * A form in a panel: its heading (also its accessible name), the change's error or success, the
 * fields, and the submit button (offered once `ready`), with a cancel button if asked for.
 */
export function FormPanel({
  title,
  heading: Heading = 'h3',
  save,
  done,
  submit,
  submitting = submit,
  cancel,
  ready = true,
  noValidate = false,
  children,
}: {
  title: string;
  heading?: 'h3' | 'h4';
  save: PanelMutation;
  /** Shown once the change is saved. */
  done?: string;
  submit: string;
  /** The button's text while the change is being saved. */
  submitting?: string;
  cancel?: { label: string; onClick: () => void };
  ready?: boolean;
  /** Skip the browser's own checks, for forms whose field errors come from the server. */
  noValidate?: boolean;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <form
      className="form-panel"
      aria-labelledby={headingId}
      noValidate={noValidate}
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) save.mutate();
      }}
    >
      <Heading id={headingId}>{title}</Heading>
      {save.error ? <ErrorMessage error={save.error} /> : null}
      {done && save.isSuccess ? <SuccessMessage>{done}</SuccessMessage> : null}
      {children}
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={save.isPending || !ready}>
          {save.isPending ? submitting : submit}
        </button>
        {cancel ? (
          <button type="button" className="button-secondary" onClick={cancel.onClick}>
            {cancel.label}
          </button>
        ) : null}
      </div>
    </form>
  );
}

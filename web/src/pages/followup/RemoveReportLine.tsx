import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useInvalidateReport } from '../../api/report.ts';
import { ErrorMessage } from '../../components/Feedback.tsx';
import { fill } from '../../i18n.ts';
import { useReportT } from '../../report-i18n.ts';

/**
 * "Ta bort" of a line of the four-month report (budget line, assignment, risk), asked once more
 * before it is done. A line that has been followed up is part of reports already made: instead
 * of the button it says why it stays (the server refuses it too). Meant for a .button-group.
 */
export function RemoveReportLine({
  name,
  followedUp,
  remove,
  onRemoved,
}: {
  /** What the user knows the line by: its activity, its text. */
  name: string;
  followedUp: boolean;
  remove: () => Promise<void>;
  onRemoved: () => void;
}) {
  const e = useReportT().edit;
  const invalidate = useInvalidateReport();
  const [asking, setAsking] = useState(false);
  const removal = useMutation({
    mutationFn: remove,
    onSuccess: () => {
      onRemoved();
      invalidate();
    },
  });
  if (followedUp) return <span className="cell-note button-group-line">{e.removeBlocked}</span>;
  if (!asking)
    return (
      <button
        type="button"
        className="button-secondary button-small"
        aria-label={fill(e.removeNamed, { name })}
        onClick={() => {
          removal.reset();
          setAsking(true);
        }}
      >
        {e.remove}
      </button>
    );
  return (
    <div role="group" className="button-group-line" aria-label={fill(e.removeNamed, { name })}>
      {removal.isError ? <ErrorMessage error={removal.error} /> : null}
      <p>{fill(e.confirmRemove, { name })}</p>
      <div className="button-group">
        <button
          type="button"
          className="button-small"
          disabled={removal.isPending}
          onClick={() => removal.mutate()}
        >
          {e.confirmRemoveYes}
        </button>
        {/* Focus stays in the question the button was replaced by; Avbryt is the safe answer. */}
        <button
          type="button"
          className="button-secondary button-small"
          autoFocus
          onClick={() => setAsking(false)}
        >
          {e.cancel}
        </button>
      </div>
    </div>
  );
}

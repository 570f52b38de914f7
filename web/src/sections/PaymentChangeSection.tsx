import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.ts';
import { queryKeys } from '../api/queries.ts';
import type { PaymentRun } from '../api/types.ts';
import { ErrorMessage } from '../components/Feedback.tsx';
import { describedBy, FieldMessage, serverFieldErrors } from '../components/FieldError.tsx';
import { fill, useCaseworkT } from '../i18n.ts';

export type RunPayment = PaymentRun['payments'][number];
export type PaymentChangeKind = 'stop' | 'reverse';

/** A planned payment of a prepared run can be stopped; a sent payment of an approved run reversed. */
export function paymentChangeOf(run: PaymentRun, payment: RunPayment): PaymentChangeKind | null {
  if (run.status === 'prepared' && payment.status === 'planned') return 'stop';
  if (run.status === 'approved' && payment.status === 'sent') return 'reverse';
  return null;
}

/** The payee as the texts name them (a protected identity is never named). */
export function usePayeeName(): (payment: RunPayment) => string {
  const w = useCaseworkT();
  return (payment) => payment.payee ?? w.paymentChange.protectedPayee;
}

/** "Stoppa" / "Återför" in a payment's row; opens the form that asks for the reason. */
export function PaymentChangeButton({
  kind,
  payment,
  expanded,
  controls,
  onClick,
}: {
  kind: PaymentChangeKind;
  payment: RunPayment;
  expanded: boolean;
  controls: string | undefined;
  onClick: () => void;
}) {
  const w = useCaseworkT();
  const texts = w.paymentChange;
  const payee = usePayeeName()(payment);
  return (
    <button
      type="button"
      className="button-small button-secondary"
      aria-label={fill(kind === 'stop' ? texts.stopLabel : texts.reverseLabel, { payee })}
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={onClick}
    >
      {kind === 'stop' ? texts.stop : texts.reverse}
    </button>
  );
}

/**
 * Stopping a payment before its run is approved, or recording that a sent one was reversed; the
 * reason is required and kept with the payment. Afterwards the run (and the case) are asked again.
 */
export function PaymentChangeForm({
  id,
  run,
  payment,
  kind,
  onDone,
  onCancel,
}: {
  id: string;
  run: PaymentRun;
  payment: RunPayment;
  kind: PaymentChangeKind;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const w = useCaseworkT();
  const texts = w.paymentChange;
  const queryClient = useQueryClient();
  const payee = usePayeeName()(payment);
  const prefix = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const change = useMutation({
    mutationFn: (text: string) =>
      kind === 'stop' ? api.stopPayment(payment.id, text) : api.reversePayment(payment.id, text),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.paymentRun(run.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.paymentRuns, exact: true }),
        queryClient.invalidateQueries({ queryKey: queryKeys.assistanceCase(payment.caseId), exact: true }),
      ]);
      onDone(fill(kind === 'stop' ? texts.stopped : texts.reversed, { payee }));
    },
  });
  const messages = [
    ...(missing ? [texts.reasonRequired] : []),
    ...(serverFieldErrors(change.error).get('reason') ?? []),
  ];

  useEffect(() => reasonRef.current?.focus(), []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = reason.trim();
    setMissing(text === '');
    if (text !== '') change.mutate(text);
  };

  return (
    <form id={id} className="form-panel" aria-labelledby={`${prefix}-title`} onSubmit={onSubmit} noValidate>
      <h3 id={`${prefix}-title`}>
        {fill(kind === 'stop' ? texts.stopTitle : texts.reverseTitle, { payee })}
      </h3>
      <p className="section-intro">{kind === 'stop' ? texts.stopIntro : texts.reverseIntro}</p>
      {change.isError ? <ErrorMessage error={change.error} /> : null}
      <div className="field">
        <label htmlFor={`${prefix}-reason`}>{texts.reason}</label>
        <textarea
          ref={reasonRef}
          id={`${prefix}-reason`}
          rows={2}
          required
          value={reason}
          aria-invalid={messages.length > 0 || undefined}
          aria-describedby={describedBy(messages.length > 0 && `${prefix}-reason-error`)}
          onChange={(event) => setReason(event.target.value)}
        />
        <FieldMessage id={`${prefix}-reason-error`} messages={messages} />
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={change.isPending}>
          {change.isPending ? texts.submitting : kind === 'stop' ? texts.submitStop : texts.submitReverse}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {w.common.cancel}
        </button>
      </div>
    </form>
  );
}

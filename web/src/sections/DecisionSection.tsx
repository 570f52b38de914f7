import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { outcomeOf } from '../../../src/assistance/domain/decisions/decision-items.ts';
import { api } from '../api/endpoints.ts';
import { queryKeys } from '../api/queries.ts';
import type { ApplicationNorm, ConditionKind, NewDecision } from '../api/types.ts';
import { ErrorMessage } from '../components/Feedback.tsx';
import { describedBy, FieldMessage, serverFieldErrors } from '../components/FieldError.tsx';
import { lastWeekdayBefore } from '../dates.ts';
import { fill, useAssistanceLabels, useAssistanceT, useFormat } from '../i18n.ts';
import { oreToInput, oreToKronor, parseKronor } from '../money.ts';

type Proposal = ApplicationNorm['proposal'][number];

/** The form's fields and the server paths whose errors belong under them. */
const SERVER_PATHS: Record<string, string[]> = {
  'reduction.amount': ['reduction', 'reduction.amountOre'],
  'reduction.reason': ['reduction.reason'],
  'condition.kind': ['condition', 'condition.kind'],
  'condition.detail': ['condition.detail'],
};

/** Whether the amount is what the norm accepts below what was applied for (the municipality's cap). */
const cappedDefault = (item: Proposal, granted: number | null) =>
  granted === item.acceptedOre && item.acceptedOre < item.appliedOre;

/**
 * The decision on an application, per item: the amount granted (the norm's accepted amount to
 * start with), the outcome as it follows, a reason where not granted in full, the legal basis;
 * then the reasons, an optional reduction and condition, and the payment date.
 */
export function DecisionSection({
  norm,
  caseId,
  onCreated,
}: {
  norm: ApplicationNorm;
  caseId: string | null;
  onCreated: (decisionId: string) => void;
}) {
  const a = useAssistanceT();
  const labels = useAssistanceLabels();
  const format = useFormat();
  const queryClient = useQueryClient();
  const texts = a.applicationPage.decision;
  const idPrefix = useId();
  const [granted, setGranted] = useState<Record<number, string>>(() =>
    Object.fromEntries(norm.proposal.map((item) => [item.lineNo, oreToInput(item.acceptedOre)])),
  );
  const [reasonsByLine, setReasonsByLine] = useState<Record<number, string>>({});
  const [reasons, setReasons] = useState('');
  const [reductionAmount, setReductionAmount] = useState('');
  const [reductionReason, setReductionReason] = useState('');
  const [conditionKind, setConditionKind] = useState<ConditionKind | ''>('');
  const [conditionDetail, setConditionDetail] = useState('');
  const [payOn, setPayOn] = useState(() => lastWeekdayBefore(norm.month));
  const [submitted, setSubmitted] = useState(false);

  const create = useMutation({
    mutationFn: (decision: NewDecision) => api.createDecision(norm.applicationId, decision),
    onSuccess: ({ id }) => {
      if (caseId) void queryClient.invalidateQueries({ queryKey: queryKeys.assistanceCase(caseId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.myDay });
      onCreated(id);
    },
  });

  const amounts = new Map(
    norm.proposal.map((item) => [item.lineNo, parseKronor(granted[item.lineNo] ?? '')]),
  );
  const reductionOre = reductionAmount.trim() === '' ? 0 : parseKronor(reductionAmount);
  const sumGranted = [...amounts.values()].reduce<number>((sum, ore) => sum + (ore ?? 0), 0);
  const toPay = Math.max(0, sumGranted - norm.incomesOre - (reductionOre ?? 0));

  /** The problems the form sees itself, shown live once the caseworker has tried to save. */
  const check = (): Map<string, string> => {
    const errors = new Map<string, string>();
    for (const item of norm.proposal) {
      const ore = amounts.get(item.lineNo) ?? null;
      if (ore === null) errors.set(`item.${item.lineNo}.granted`, a.common.invalidAmount);
      else if (ore > item.appliedOre) errors.set(`item.${item.lineNo}.granted`, texts.aboveApplied);
      else if (
        outcomeOf(item.appliedOre, ore) !== 'granted' &&
        !cappedDefault(item, ore) &&
        !(reasonsByLine[item.lineNo] ?? '').trim()
      )
        errors.set(`item.${item.lineNo}.reason`, texts.reasonRequired);
    }
    if (reductionOre === null) errors.set('reduction.amount', a.common.invalidAmount);
    else if (reductionOre > 0 && !reductionReason.trim())
      errors.set('reduction.reason', texts.reductionReasonRequired);
    if (conditionKind !== '' && !conditionDetail.trim())
      errors.set('condition.detail', texts.conditionDetailRequired);
    if (payOn === '') errors.set('payOn', a.common.dateRequired);
    return errors;
  };

  /** What was sent, so that the server's "items.0.reason" finds its line. */
  const sentLines = create.variables?.items.map((item) => item.lineNo) ?? [];
  const server = serverFieldErrors(create.error);
  const serverMessages = (field: string): string[] => {
    const line = /^item\.(\d+)\.(granted|reason)$/.exec(field);
    if (!line) return (SERVER_PATHS[field] ?? [field]).flatMap((path) => server.get(path) ?? []);
    const index = sentLines.indexOf(Number(line[1]));
    return index < 0
      ? []
      : (server.get(`items.${index}.${line[2] === 'granted' ? 'grantedOre' : 'reason'}`) ?? []);
  };
  const localNow = submitted ? check() : new Map<string, string>();
  const field = (name: string) => {
    const id = `${idPrefix}-${name.replace(/\./g, '-')}`;
    const messages = [...(localNow.has(name) ? [localNow.get(name) ?? ''] : []), ...serverMessages(name)];
    const errorId = `${id}-error`;
    return {
      id,
      errorId: messages.length > 0 ? errorId : undefined,
      invalid: messages.length > 0 || undefined,
      error: <FieldMessage id={errorId} messages={messages} />,
    };
  };

  const labelOf = (path: string): string | undefined => {
    const item = /^items\.(\d+)\.(grantedOre|reason)$/.exec(path);
    if (item) {
      const proposal = norm.proposal.find((entry) => entry.lineNo === sentLines[Number(item[1])]);
      if (!proposal) return undefined;
      return fill(item[2] === 'reason' ? texts.reasonLabel : texts.grantedLabel, { item: proposal.label });
    }
    const simple: Record<string, string> = {
      reasons: texts.reasons,
      'reduction.amountOre': texts.reductionAmount,
      'reduction.reason': texts.reductionReason,
      'condition.kind': texts.conditionKind,
      'condition.detail': texts.conditionDetail,
      payOn: texts.payOn,
    };
    return simple[path];
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = check();
    setSubmitted(true);
    if (errors.size > 0) {
      create.reset();
      return;
    }
    const items: NewDecision['items'] = [];
    for (const item of norm.proposal) {
      const ore = amounts.get(item.lineNo) ?? item.acceptedOre;
      const reason = (reasonsByLine[item.lineNo] ?? '').trim();
      // Lines left as proposed are decided by the server as the norm accepts them.
      if (ore !== item.acceptedOre || reason)
        items.push({ lineNo: item.lineNo, grantedOre: ore, ...(reason ? { reason } : {}) });
    }
    create.mutate({
      items,
      reasons: reasons.trim(),
      reduction: reductionOre ? { amountOre: reductionOre, reason: reductionReason.trim() } : null,
      condition: conditionKind === '' ? null : { kind: conditionKind, detail: conditionDetail.trim() },
      payOn,
    });
  };

  const reasonsField = field('reasons');
  const reductionAmountField = field('reduction.amount');
  const reductionReasonField = field('reduction.reason');
  const conditionKindField = field('condition.kind');
  const conditionDetailField = field('condition.detail');
  const payOnField = field('payOn');
  const payOnHint = `${idPrefix}-pay-on-hint`;
  const hasLocalErrors = submitted && localNow.size > 0;

  return (
    <section className="panel" aria-labelledby="application-decision-form">
      <h2 id="application-decision-form">{texts.title}</h2>
      <p className="section-intro">{texts.intro}</p>
      <form onSubmit={onSubmit} noValidate aria-labelledby="application-decision-form">
        {hasLocalErrors ? (
          <div className="notice notice-error" role="alert">
            <p>{a.common.checkFields}</p>
          </div>
        ) : null}
        {create.isError ? <ErrorMessage error={create.error} fieldLabel={labelOf} /> : null}
        <div className="table-scroll" tabIndex={0}>
          <table className="table decision-items">
            <caption className="visually-hidden">{texts.itemsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{texts.item}</th>
                <th scope="col" className="cell-number">
                  {texts.applied}
                </th>
                <th scope="col">{texts.granted}</th>
                <th scope="col">{texts.outcome}</th>
                <th scope="col">{texts.reason}</th>
                <th scope="col">{texts.provision}</th>
              </tr>
            </thead>
            <tbody>
              {norm.proposal.map((item) => {
                const ore = amounts.get(item.lineNo) ?? null;
                const outcome = ore === null ? null : outcomeOf(item.appliedOre, ore);
                const grantedField = field(`item.${item.lineNo}.granted`);
                const reasonField = field(`item.${item.lineNo}.reason`);
                const capped = cappedDefault(item, ore);
                const cappedId = `${reasonField.id}-capped`;
                return (
                  <tr key={item.lineNo}>
                    <th scope="row">{item.label}</th>
                    <td className="cell-number">{format.kronor(oreToKronor(item.appliedOre))}</td>
                    <td>
                      <label className="visually-hidden" htmlFor={grantedField.id}>
                        {fill(texts.grantedLabel, { item: item.label })}
                      </label>
                      <input
                        id={grantedField.id}
                        className="input-amount"
                        inputMode="decimal"
                        autoComplete="off"
                        value={granted[item.lineNo] ?? ''}
                        aria-invalid={grantedField.invalid}
                        aria-describedby={grantedField.errorId}
                        onChange={(event) =>
                          setGranted((current) => ({ ...current, [item.lineNo]: event.target.value }))
                        }
                      />
                      {grantedField.error}
                    </td>
                    <td aria-live="polite">
                      {outcome ? (
                        <span className={`badge badge-outcome-${outcome}`}>{a.outcome[outcome]}</span>
                      ) : null}
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={reasonField.id}>
                        {fill(texts.reasonLabel, { item: item.label })}
                      </label>
                      <input
                        id={reasonField.id}
                        className="input-reason"
                        autoComplete="off"
                        value={reasonsByLine[item.lineNo] ?? ''}
                        aria-invalid={reasonField.invalid}
                        aria-describedby={describedBy(capped && cappedId, reasonField.errorId)}
                        onChange={(event) =>
                          setReasonsByLine((current) => ({ ...current, [item.lineNo]: event.target.value }))
                        }
                      />
                      {capped ? (
                        <span className="hint" id={cappedId}>
                          {texts.reasonOptionalCapped}
                        </span>
                      ) : null}
                      {reasonField.error}
                    </td>
                    <td className="receipt-rule">{item.provision}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <dl className="sums" aria-live="polite">
          <div>
            <dt>{texts.sumGranted}</dt>
            <dd>{format.kronor(oreToKronor(sumGranted))}</dd>
          </div>
          <div>
            <dt>{texts.sumIncomes}</dt>
            <dd>{format.kronor(-oreToKronor(norm.incomesOre))}</dd>
          </div>
          {reductionOre ? (
            <div>
              <dt>{texts.sumReduction}</dt>
              <dd>{format.kronor(-oreToKronor(reductionOre))}</dd>
            </div>
          ) : null}
          <div className="sums-total">
            <dt>{texts.sumToPay}</dt>
            <dd>{format.kronor(oreToKronor(toPay))}</dd>
          </div>
        </dl>

        <div className="field">
          <label htmlFor={reasonsField.id}>{texts.reasons}</label>
          <textarea
            id={reasonsField.id}
            rows={4}
            value={reasons}
            aria-invalid={reasonsField.invalid}
            aria-describedby={reasonsField.errorId}
            onChange={(event) => setReasons(event.target.value)}
          />
          {reasonsField.error}
        </div>

        <div className="form-columns">
          <fieldset>
            <legend>{texts.reduction}</legend>
            <div className="field">
              <label htmlFor={reductionAmountField.id}>{texts.reductionAmount}</label>
              <input
                id={reductionAmountField.id}
                className="input-amount"
                inputMode="decimal"
                autoComplete="off"
                value={reductionAmount}
                aria-invalid={reductionAmountField.invalid}
                aria-describedby={reductionAmountField.errorId}
                onChange={(event) => setReductionAmount(event.target.value)}
              />
              {reductionAmountField.error}
            </div>
            <div className="field">
              <label htmlFor={reductionReasonField.id}>{texts.reductionReason}</label>
              <input
                id={reductionReasonField.id}
                autoComplete="off"
                value={reductionReason}
                aria-invalid={reductionReasonField.invalid}
                aria-describedby={reductionReasonField.errorId}
                onChange={(event) => setReductionReason(event.target.value)}
              />
              {reductionReasonField.error}
            </div>
          </fieldset>
          <fieldset>
            <legend>{texts.condition}</legend>
            <div className="field">
              <label htmlFor={conditionKindField.id}>{texts.conditionKind}</label>
              <select
                id={conditionKindField.id}
                value={conditionKind}
                aria-invalid={conditionKindField.invalid}
                aria-describedby={conditionKindField.errorId}
                onChange={(event) => setConditionKind(event.target.value as ConditionKind | '')}
              >
                <option value="">{texts.noCondition}</option>
                <option value="practice">{labels.conditions.practice}</option>
                <option value="skills_activity">{labels.conditions.skills_activity}</option>
              </select>
              {conditionKindField.error}
            </div>
            <div className="field">
              <label htmlFor={conditionDetailField.id}>{texts.conditionDetail}</label>
              <input
                id={conditionDetailField.id}
                autoComplete="off"
                value={conditionDetail}
                aria-invalid={conditionDetailField.invalid}
                aria-describedby={conditionDetailField.errorId}
                onChange={(event) => setConditionDetail(event.target.value)}
              />
              {conditionDetailField.error}
            </div>
          </fieldset>
        </div>

        <div className="field field-date">
          <label htmlFor={payOnField.id}>{texts.payOn}</label>
          <span className="hint" id={payOnHint}>
            {texts.payOnHint}
          </span>
          <input
            id={payOnField.id}
            type="date"
            value={payOn}
            aria-invalid={payOnField.invalid}
            aria-describedby={describedBy(payOnHint, payOnField.errorId)}
            onChange={(event) => setPayOn(event.target.value)}
          />
          {payOnField.error}
        </div>
        <p className="button-row">
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {create.isPending ? texts.submitting : texts.submit}
          </button>
        </p>
      </form>
    </section>
  );
}

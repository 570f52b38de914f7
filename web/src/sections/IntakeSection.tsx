import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { MAPPING_FIELDS, mappingProblem } from '../../../src/assistance/domain/intake/intake-plan.ts';
import { api } from '../api/endpoints.ts';
import { queryKeys, useIntake } from '../api/queries.ts';
import type { AssistanceCase, Ib3Mapping, IntakeStep, IntakeStepRow, MappingField } from '../api/types.ts';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../components/Feedback.tsx';
import {
  describedBy,
  FieldMessage,
  normaliseFieldPath,
  serverFieldErrors,
} from '../components/FieldError.tsx';
import { fill, useCaseworkLabels, useCaseworkT, useFormat } from '../i18n.ts';

/**
 * "Utredning och uppföljning": the intake steps of the case (responsibility, consent, checks,
 * IB1–IB5) with due date, owner and when each was done; the next steps in order can be marked
 * done, IB3 with the mapping made at the new visit. The server decides the order and says why not.
 */
export function IntakeSection({ data, canWrite }: { data: AssistanceCase; canWrite: boolean }) {
  const w = useCaseworkT();
  const intake = useIntake(data.id);
  const texts = w.intake;
  return (
    <section className="panel" aria-labelledby="case-intake">
      <h2 id="case-intake">{texts.title}</h2>
      {intake.isPending ? <Loading /> : null}
      {intake.isError ? <ErrorMessage error={intake.error} onRetry={() => void intake.refetch()} /> : null}
      {intake.data && intake.data.steps.length === 0 ? <Empty>{texts.empty}</Empty> : null}
      {intake.data && intake.data.steps.length > 0 ? (
        <IntakeTable data={data} steps={intake.data.steps} canWrite={canWrite} />
      ) : null}
    </section>
  );
}

function IntakeTable({
  data,
  steps,
  canWrite,
}: {
  data: AssistanceCase;
  steps: IntakeStepRow[];
  canWrite: boolean;
}) {
  const w = useCaseworkT();
  const labels = useCaseworkLabels();
  const format = useFormat();
  const texts = w.intake;
  const queryClient = useQueryClient();
  const mappingFormId = useId();
  const [mappingOpen, setMappingOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const mark = useMutation({
    mutationFn: (input: { step: IntakeStep; mapping?: Ib3Mapping }) =>
      api.markStepDone(data.id, input.step, input.mapping),
    onSuccess: (_result, input) => {
      const label = steps.find((s) => s.step === input.step)?.label ?? input.step;
      setDone(fill(texts.markedDone, { step: label }));
      if (input.step === 'ib3') setMappingOpen(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.intake(data.id) });
      // IB3's mapping is written to the journal as a signed note.
      if (input.step === 'ib3') void queryClient.invalidateQueries({ queryKey: queryKeys.journal(data.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.myDay });
    },
    onMutate: () => setDone(null),
  });
  const ib3 = steps.find((s) => s.step === 'ib3');
  const showActions = canWrite && steps.some((s) => s.doneOn === null);

  return (
    <>
      <p className="section-intro">{texts.intro}</p>
      {done ? <SuccessMessage>{done}</SuccessMessage> : null}
      {mark.isError && !(mappingOpen && mark.variables?.step === 'ib3') ? (
        <ErrorMessage error={mark.error} />
      ) : null}
      <table className="table">
        <caption className="visually-hidden">{texts.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{texts.step}</th>
            <th scope="col">{texts.dueOn}</th>
            <th scope="col">{texts.owner}</th>
            <th scope="col">{texts.done}</th>
            {showActions ? (
              <th scope="col" className="cell-action">
                {texts.actions}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {steps.map((step) => (
            <tr key={step.step} className={step.doneOn ? 'row-muted' : undefined}>
              <th scope="row">
                {step.label}
                {step.overdue ? (
                  <>
                    {' '}
                    <span className="badge badge-overdue">{w.common.overdue}</span>
                  </>
                ) : null}
              </th>
              <td className="cell-date">{format.date(step.dueOn)}</td>
              <td>{step.owner.name ?? texts.noOwner}</td>
              <td>
                {step.doneOn
                  ? step.doneBy
                    ? fill(texts.doneByOn, { date: format.date(step.doneOn), name: step.doneBy })
                    : format.date(step.doneOn)
                  : texts.notDone}
                {step.mapping ? (
                  <details className="intake-mapping">
                    <summary>{texts.mapping.show}</summary>
                    <dl className="mapping-fields">
                      {MAPPING_FIELDS.filter((field) => step.mapping?.[field]).map((field) => (
                        <div key={field}>
                          <dt>{labels.mappingFields[field]}</dt>
                          <dd className="prewrap">{step.mapping?.[field]}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                ) : null}
              </td>
              {showActions ? (
                <td className="cell-action">
                  {step.doneOn === null && step.canBeDone ? (
                    step.step === 'ib3' ? (
                      <button
                        type="button"
                        className="button-small"
                        aria-label={fill(texts.mapping.openLabel, { step: step.label })}
                        aria-expanded={mappingOpen}
                        aria-controls={mappingOpen ? mappingFormId : undefined}
                        onClick={() => setMappingOpen((open) => !open)}
                      >
                        {texts.markDone}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button-small"
                        aria-label={fill(texts.markDoneLabel, { step: step.label })}
                        disabled={mark.isPending}
                        onClick={() => mark.mutate({ step: step.step })}
                      >
                        {mark.isPending && mark.variables?.step === step.step
                          ? texts.marking
                          : texts.markDone}
                      </button>
                    )
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {canWrite && mappingOpen && ib3 && ib3.doneOn === null ? (
        <MappingForm
          id={mappingFormId}
          hasChildren={data.members.some((member) => member.role === 'child')}
          pending={mark.isPending}
          error={mark.variables?.step === 'ib3' ? mark.error : null}
          onCancel={() => setMappingOpen(false)}
          onSubmit={(mapping) => mark.mutate({ step: 'ib3', mapping })}
        />
      ) : null}
    </>
  );
}

function MappingForm({
  id,
  hasChildren,
  pending,
  error,
  onCancel,
  onSubmit,
}: {
  id: string;
  hasChildren: boolean;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (mapping: Ib3Mapping) => void;
}) {
  const w = useCaseworkT();
  const labels = useCaseworkLabels();
  const texts = w.intake.mapping;
  const prefix = useId();
  const [values, setValues] = useState<Ib3Mapping>({});
  const [problem, setProblem] = useState<ReturnType<typeof mappingProblem>>(null);
  const server = serverFieldErrors(error);
  const messagesOf = (field: MappingField): string[] => [
    ...(field === 'childrenSituation' && problem === 'children_situation_missing'
      ? [texts.childrenRequired]
      : []),
    ...(field === 'socioEconomicSituation' && problem === 'empty' ? [texts.emptyRequired] : []),
    ...(server.get(normaliseFieldPath(`ib3Mapping.${field}`)) ?? []),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = mappingProblem(values, hasChildren);
    setProblem(found);
    if (found) return;
    onSubmit(Object.fromEntries(Object.entries(values).filter(([, value]) => value && value.trim() !== '')));
  };

  return (
    <form id={id} className="form-panel" aria-labelledby={`${prefix}-title`} onSubmit={submit} noValidate>
      <h3 id={`${prefix}-title`}>{texts.title}</h3>
      <p className="section-intro">{texts.intro}</p>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="form-columns">
        {MAPPING_FIELDS.map((field) => {
          const inputId = `${prefix}-${field}`;
          const messages = messagesOf(field);
          const hint = field === 'childrenSituation' && hasChildren;
          return (
            <div className="field" key={field}>
              <label htmlFor={inputId}>{labels.mappingFields[field]}</label>
              {hint ? (
                <span className="hint" id={`${inputId}-hint`}>
                  {texts.childrenHint}
                </span>
              ) : null}
              <textarea
                id={inputId}
                rows={3}
                value={values[field] ?? ''}
                aria-required={hint || undefined}
                aria-invalid={messages.length > 0 || undefined}
                aria-describedby={describedBy(
                  hint && `${inputId}-hint`,
                  messages.length > 0 && `${inputId}-error`,
                )}
                onChange={(event) => setValues((prev) => ({ ...prev, [field]: event.target.value }))}
              />
              <FieldMessage id={`${inputId}-error`} messages={messages} />
            </div>
          );
        })}
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={pending}>
          {pending ? w.common.saving : texts.submit}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {w.common.cancel}
        </button>
      </div>
    </form>
  );
}

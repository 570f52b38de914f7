import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import {
  chainApi,
  chainKeys,
  useInformationFlows,
  type FlowBasis,
  type FlowDirection,
  type InformationFlows,
  type NewFlow,
} from '../api/chain.ts';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../components/Feedback.tsx';
import { swedishToday } from '../dates.ts';
import { useCatalogue, useChainT } from '../chain-i18n.ts';
import { fill, useFormat, useT } from '../i18n.ts';
import { useHasPermission } from '../session.tsx';

type Editing =
  { mode: 'record'; direction: FlowDirection } | { mode: 'revoke'; direction: FlowDirection; flowId: string };

/**
 * "Samtycke och informationsflöden" on the person page: per direction between financial assistance
 * and the labour-market unit, whether the person's consent or a legal basis stands, and buttons
 * to record one or to revoke it. Without a standing flow the other unit sees nothing of the person.
 */
export function InformationFlowSection({ personId }: { personId: string }) {
  const c = useChainT();
  const flows = useInformationFlows(personId);
  return (
    <section className="panel" aria-labelledby="person-flows">
      <h2 id="person-flows">{c.flows.title}</h2>
      <p className="section-intro">{c.flows.intro}</p>
      {flows.isPending ? <Loading /> : null}
      {flows.isError ? <ErrorMessage error={flows.error} onRetry={() => void flows.refetch()} /> : null}
      {flows.data ? <FlowTable personId={personId} data={flows.data} /> : null}
    </section>
  );
}

function FlowTable({ personId, data }: { personId: string; data: InformationFlows }) {
  const c = useChainT();
  const t = useT();
  const format = useFormat();
  const texts = c.flows;
  const canWrite = useHasPermission('assistance:write', 'labour:write');
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const labelOf = (direction: FlowDirection) =>
    data.directions.find((d) => d.direction === direction)?.label ?? direction;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: chainKeys.flows(personId) });
    void queryClient.invalidateQueries({ queryKey: chainKeys.chain(personId) });
  };
  const record = useMutation({
    mutationFn: (flow: NewFlow) => chainApi.recordFlow(personId, flow),
    onMutate: () => setDone(null),
    onSuccess: (flow) => {
      setEditing(null);
      setDone(fill(texts.recorded, { direction: flow.directionLabel }));
      refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (input: { flowId: string; revokedOn: string }) =>
      chainApi.revokeFlow(personId, input.flowId, input.revokedOn),
    onMutate: () => setDone(null),
    onSuccess: (flow) => {
      setEditing(null);
      setDone(fill(texts.revokedDone, { direction: flow.directionLabel }));
      refresh();
    },
  });
  const history = data.items.filter((flow) => flow.revokedOn !== null);

  const open = (next: Editing) => {
    record.reset();
    revoke.reset();
    setDone(null);
    setEditing(next);
  };

  return (
    <>
      {!data.separateAuthority ? (
        <div className="notice">
          <p>{texts.sameAuthority}</p>
        </div>
      ) : null}
      {done ? <SuccessMessage>{done}</SuccessMessage> : null}
      <table className="table">
        <caption className="visually-hidden">{texts.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{texts.direction}</th>
            <th scope="col">{texts.status}</th>
            <th scope="col">{texts.basis}</th>
            <th scope="col">{texts.legalReference}</th>
            <th scope="col">{texts.givenOn}</th>
            <th scope="col">{texts.recordedBy}</th>
            {canWrite ? (
              <th scope="col">
                <span className="visually-hidden">{texts.record}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {data.directions.map(({ direction, label, standing, current }) => (
            <tr key={direction}>
              <th scope="row">{label}</th>
              <td>
                <span className={standing ? 'badge badge-open' : 'badge badge-closed'}>
                  {standing ? texts.standing : texts.notStanding}
                </span>
              </td>
              <td>{current ? current.basisLabel : t.common.none}</td>
              <td>{current?.legalReference ?? t.common.none}</td>
              <td className="cell-date">{current ? format.date(current.givenOn) : t.common.none}</td>
              <td>{current ? current.recordedBy.name : t.common.none}</td>
              {canWrite ? (
                <td>
                  {current ? (
                    <button
                      type="button"
                      className="button-secondary button-small"
                      aria-label={fill(texts.revokeFor, { direction: label })}
                      onClick={() => open({ mode: 'revoke', direction, flowId: current.id })}
                    >
                      {texts.revoke}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button-small"
                      aria-label={fill(texts.recordFor, { direction: label })}
                      onClick={() => open({ mode: 'record', direction })}
                    >
                      {texts.record}
                    </button>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>

      {editing?.mode === 'record' ? (
        <RecordForm
          title={fill(texts.recordFor, { direction: labelOf(editing.direction) })}
          pending={record.isPending}
          error={record.isError ? record.error : null}
          onSubmit={(input) => record.mutate({ direction: editing.direction, ...input })}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {editing?.mode === 'revoke' ? (
        <RevokeForm
          title={fill(texts.revokeFor, { direction: labelOf(editing.direction) })}
          pending={revoke.isPending}
          error={revoke.isError ? revoke.error : null}
          onSubmit={(revokedOn) => revoke.mutate({ flowId: editing.flowId, revokedOn })}
          onCancel={() => setEditing(null)}
        />
      ) : null}

      <div className="subsection">
        <h3 id="person-flows-history">{texts.history}</h3>
        {history.length === 0 ? (
          <Empty>{texts.none}</Empty>
        ) : (
          <table className="table" aria-labelledby="person-flows-history">
            <thead>
              <tr>
                <th scope="col">{texts.direction}</th>
                <th scope="col">{texts.basis}</th>
                <th scope="col">{texts.legalReference}</th>
                <th scope="col">{texts.givenOn}</th>
                <th scope="col">{texts.revokedOn}</th>
                <th scope="col">{texts.recordedBy}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((flow) => (
                <tr key={flow.id} className="row-muted">
                  <td>{flow.directionLabel}</td>
                  <td>{flow.basisLabel}</td>
                  <td>{flow.legalReference ?? t.common.none}</td>
                  <td className="cell-date">{format.date(flow.givenOn)}</td>
                  <td className="cell-date">
                    {flow.revokedOn ? format.date(flow.revokedOn) : t.common.none}
                    {flow.revokedBy ? <span className="cell-note">{flow.revokedBy.name}</span> : null}
                  </td>
                  <td>{flow.recordedBy.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}

/** What the record and revoke forms are given: `onSubmit` receives the form's input. */
interface FlowFormProps<Input> {
  title: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: Input) => void;
  onCancel: () => void;
}

function RecordForm({
  title,
  pending,
  error,
  onSubmit,
  onCancel,
}: FlowFormProps<{ basis: FlowBasis; legalReference?: string; givenOn: string }>) {
  const c = useChainT();
  const labels = useCatalogue();
  const texts = c.flows.form;
  const [basis, setBasis] = useState<FlowBasis>('consent');
  const [legalReference, setLegalReference] = useState('');
  const [givenOn, setGivenOn] = useState(swedishToday());
  const [missing, setMissing] = useState(false);
  const id = useId();

  const submit = () => {
    if (basis === 'law' && legalReference.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    onSubmit({
      basis,
      givenOn,
      ...(legalReference.trim() !== '' ? { legalReference: legalReference.trim() } : {}),
    });
  };

  return (
    <FlowForm
      title={title}
      error={error}
      pending={pending}
      submitLabel={texts.save}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="field">
        <label htmlFor={`${id}-basis`}>{texts.basis}</label>
        <select
          id={`${id}-basis`}
          value={basis}
          onChange={(event) => setBasis(event.target.value as FlowBasis)}
        >
          {(['consent', 'law'] as const).map((value) => (
            <option key={value} value={value}>
              {labels.labour.flowBases[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reference`}>{texts.legalReference}</label>
        <span className="hint" id={`${id}-reference-hint`}>
          {texts.legalReferenceHint}
        </span>
        <input
          id={`${id}-reference`}
          type="text"
          maxLength={200}
          value={legalReference}
          aria-required={basis === 'law' || undefined}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-reference-hint ${id}-reference-error` : `${id}-reference-hint`}
          onChange={(event) => setLegalReference(event.target.value)}
        />
        {missing ? (
          <span className="field-error" id={`${id}-reference-error`}>
            {labels.validation.legal_reference_required}
          </span>
        ) : null}
      </div>
      <DateField label={texts.givenOn} value={givenOn} onChange={setGivenOn} />
    </FlowForm>
  );
}

function RevokeForm({ title, pending, error, onSubmit, onCancel }: FlowFormProps<string>) {
  const c = useChainT();
  const texts = c.flows.form;
  const [revokedOn, setRevokedOn] = useState(swedishToday());
  return (
    <FlowForm
      title={title}
      error={error}
      pending={pending}
      submitLabel={texts.confirmRevoke}
      onSubmit={() => onSubmit(revokedOn)}
      onCancel={onCancel}
    >
      <DateField label={texts.revokedOn} value={revokedOn} onChange={setRevokedOn} />
    </FlowForm>
  );
}

/** The frame of the record and revoke forms: heading (the form's name), error, fields, save and cancel. */
function FlowForm({
  title,
  error,
  pending,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const texts = useChainT().flows.form;
  const id = useId();
  return (
    <form
      className="form-panel form-narrow"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      noValidate
    >
      <h3 id={`${id}-title`}>{title}</h3>
      {error ? <ErrorMessage error={error} /> : null}
      {children}
      <p className="button-row">
        <button type="submit" className="button-primary" disabled={pending}>
          {pending ? texts.saving : submitLabel}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {texts.cancel}
        </button>
      </p>
    </form>
  );
}

function DateField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" required value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

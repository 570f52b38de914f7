import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { employmentFormsOn } from '../../../../src/labour/domain/employment-forms.ts';
import {
  employmentApi,
  employmentKeys,
  useEmployments,
  type AkassaWarning,
  type Employment,
  type EmploymentList,
  type ExchangeFigures,
  type NewEmployment,
} from '../../api/employments.ts';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../../components/Feedback.tsx';
import { describedBy, FieldMessage, serverFieldErrors } from '../../components/FieldError.tsx';
import { swedishToday } from '../../dates.ts';
import { useEmploymentLabels, useEmploymentsT } from '../../employments-i18n.ts';
import { formatNumber } from '../../../../src/i18n/format.ts';
import { fill, useFormat, useLocale } from '../../i18n.ts';
import { oreToKronor, parseKronor } from '../../money.ts';
import { useHasPermission } from '../../session.tsx';

/**
 * "Anställningar" on a referral: the person's subsidised employments with the union's review,
 * start, end and cancel; the a-kassa warning when the last planned employment does not qualify;
 * a form for a new employment or an extension; and "växla bidrag mot lön" for the person.
 */
export function EmploymentsSection({ referralId }: { referralId: string }) {
  const e = useEmploymentsT();
  const headingId = useId();
  const list = useEmployments(referralId);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{e.section.title}</h2>
      <p className="section-intro">{e.section.intro}</p>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorMessage error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? <EmploymentsView referralId={referralId} data={list.data} /> : null}
    </section>
  );
}

export function AkassaWarningBox({ warning }: { warning: AkassaWarning }) {
  const e = useEmploymentsT();
  return (
    <div className="notice notice-warning" role="alert">
      <p className="notice-title">{e.akassaWarningTitle}</p>
      <p>{warning.message}</p>
    </div>
  );
}

function EmploymentsView({ referralId, data }: { referralId: string; data: EmploymentList }) {
  const e = useEmploymentsT();
  const canWrite = useHasPermission('labour:write') && !data.closed;
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      {data.warning ? <AkassaWarningBox warning={data.warning} /> : null}
      {data.closed ? <p className="panel-meta">{e.section.referralClosed}</p> : null}
      {done ? <SuccessMessage>{done}</SuccessMessage> : null}
      {data.employments.length === 0 ? (
        <Empty>{e.section.empty}</Empty>
      ) : (
        <EmploymentTable referralId={referralId} data={data} canWrite={canWrite} onDone={setDone} />
      )}
      {data.exchange ? <PersonExchange exchange={data.exchange} /> : null}
      {canWrite ? <NewEmploymentForm referralId={referralId} data={data} onDone={setDone} /> : null}
    </>
  );
}

type Action = { kind: 'refuse' | 'end'; id: string } | null;

function EmploymentTable({
  referralId,
  data,
  canWrite,
  onDone,
}: {
  referralId: string;
  data: EmploymentList;
  canWrite: boolean;
  onDone: (message: string | null) => void;
}) {
  const e = useEmploymentsT();
  const labels = useEmploymentLabels();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: employmentKeys.list(referralId) });
    void queryClient.invalidateQueries({ queryKey: ['labour', 'employments', 'overview'] });
  };
  const change = useMutation({
    mutationFn: async (input: { id: string; kind: 'approve' | 'start' | 'cancel' }) => {
      if (input.kind === 'approve')
        return employmentApi.unionReview(input.id, { decision: 'approved', reviewedOn: swedishToday() });
      if (input.kind === 'start') return employmentApi.start(input.id);
      return employmentApi.cancel(input.id);
    },
    onMutate: () => onDone(null),
    onSuccess: (result, input) => {
      onDone(
        input.kind === 'approve'
          ? e.section.approved
          : input.kind === 'start'
            ? result.assistanceNotified
              ? e.section.startedNotified
              : e.section.started
            : e.section.cancelled,
      );
      refresh();
    },
  });
  const byId = new Map(data.employments.map((item) => [item.id, item]));

  return (
    <>
      {change.isError ? <ErrorMessage error={change.error} /> : null}
      <div className="table-scroll" tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">{e.section.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{e.section.form}</th>
              <th scope="col">{e.section.employer}</th>
              <th scope="col">{e.section.period}</th>
              <th scope="col" className="cell-number">
                {e.section.hours}
              </th>
              <th scope="col" className="cell-number">
                {e.section.salaryCost}
              </th>
              <th scope="col" className="cell-number">
                {e.section.support}
              </th>
              <th scope="col">{e.section.union}</th>
              <th scope="col">{e.section.status}</th>
              {canWrite ? (
                <th scope="col" className="cell-action">
                  {e.section.actions}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {data.employments.map((item) => {
              const extended = item.extendsId ? byId.get(item.extendsId) : undefined;
              const pending = change.isPending && change.variables?.id === item.id;
              return (
                <tr key={item.id} className={item.status === 'cancelled' ? 'row-muted' : undefined}>
                  <td>
                    {item.formLabel}
                    <span className="cell-note">
                      {item.qualifiesForUnemploymentInsurance ? e.qualifies : e.notQualifies}
                    </span>
                    {extended ? (
                      <span className="cell-note">
                        {fill(e.section.extends, {
                          startsOn: format.date(extended.startsOn),
                          endsOn: format.date(extended.endsOn),
                        })}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {item.employer}
                    {item.workplace ? <span className="cell-note">{item.workplace}</span> : null}
                  </td>
                  <td className="nowrap">
                    {format.date(item.startsOn)}–{format.date(item.endsOn)}
                    {item.endedOn ? (
                      <span className="cell-note">
                        {fill(e.section.endedOn, { date: format.date(item.endedOn) })}
                      </span>
                    ) : null}
                  </td>
                  <td className="cell-number">{item.hoursPerWeek}</td>
                  <td className="cell-number">{format.kronor(oreToKronor(item.monthlySalaryCostOre))}</td>
                  <td className="cell-number">{format.kronor(oreToKronor(item.monthlySupportOre))}</td>
                  <td>
                    {labels.union[item.unionReview]}
                    {item.unionReason ? <span className="cell-note">{item.unionReason}</span> : null}
                  </td>
                  <td>{item.statusLabel}</td>
                  {canWrite ? (
                    <td className="cell-action">
                      <Actions
                        item={item}
                        disabled={pending}
                        onApprove={() => change.mutate({ id: item.id, kind: 'approve' })}
                        onRefuse={() => setAction({ kind: 'refuse', id: item.id })}
                        onStart={() => change.mutate({ id: item.id, kind: 'start' })}
                        onEnd={() => setAction({ kind: 'end', id: item.id })}
                        onCancel={() => change.mutate({ id: item.id, kind: 'cancel' })}
                      />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {action?.kind === 'refuse' ? (
        <RefuseForm
          id={action.id}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            onDone(e.section.refused);
            refresh();
          }}
        />
      ) : null}
      {action?.kind === 'end' && byId.get(action.id) ? (
        <EndForm
          employment={byId.get(action.id)!}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            onDone(e.section.ended);
            refresh();
          }}
        />
      ) : null}
    </>
  );
}

function Actions({
  item,
  disabled,
  onApprove,
  onRefuse,
  onStart,
  onEnd,
  onCancel,
}: {
  item: Employment;
  disabled: boolean;
  onApprove: () => void;
  onRefuse: () => void;
  onStart: () => void;
  onEnd: () => void;
  onCancel: () => void;
}) {
  const e = useEmploymentsT();
  if (item.status === 'started')
    return (
      <button type="button" className="button-secondary button-small" onClick={onEnd} disabled={disabled}>
        {e.section.end}
      </button>
    );
  if (item.status !== 'planned') return null;
  return (
    <div className="button-group">
      {item.unionReview === 'pending' ? (
        <>
          <button type="button" className="button-small" onClick={onApprove} disabled={disabled}>
            {e.section.approve}
          </button>
          <button
            type="button"
            className="button-secondary button-small"
            onClick={onRefuse}
            disabled={disabled}
          >
            {e.section.refuse}
          </button>
        </>
      ) : null}
      <button type="button" className="button-small" onClick={onStart} disabled={disabled}>
        {e.section.start}
      </button>
      <button type="button" className="button-secondary button-small" onClick={onCancel} disabled={disabled}>
        {e.section.cancel}
      </button>
    </div>
  );
}

function RefuseForm({ id, onClose, onDone }: { id: string; onClose: () => void; onDone: () => void }) {
  const e = useEmploymentsT();
  const ids = { reason: useId(), reasonError: useId(), date: useId() };
  const [reason, setReason] = useState('');
  const [reviewedOn, setReviewedOn] = useState(swedishToday());
  const [missing, setMissing] = useState(false);
  const refuse = useMutation({
    mutationFn: () =>
      employmentApi.unionReview(id, { decision: 'refused', reason: reason.trim(), reviewedOn }),
    onSuccess: onDone,
  });
  const onSubmit = () => {
    const empty = reason.trim() === '';
    setMissing(empty);
    if (!empty) refuse.mutate();
  };
  return (
    <ActionForm
      title={e.section.refuse}
      action={refuse}
      submitLabel={e.section.refuseSubmit}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <div className="field">
        <label htmlFor={ids.reason}>{e.section.refuseReason}</label>
        <textarea
          id={ids.reason}
          value={reason}
          maxLength={2000}
          rows={3}
          aria-invalid={missing || undefined}
          aria-describedby={describedBy(missing && ids.reasonError)}
          onChange={(event) => setReason(event.target.value)}
        />
        <FieldMessage id={ids.reasonError} messages={missing ? [e.form.required] : []} />
      </div>
      <div className="field">
        <label htmlFor={ids.date}>{e.section.reviewedOn}</label>
        <input
          id={ids.date}
          type="date"
          value={reviewedOn}
          onChange={(event) => setReviewedOn(event.target.value)}
        />
      </div>
    </ActionForm>
  );
}

function EndForm({
  employment,
  onClose,
  onDone,
}: {
  employment: Employment;
  onClose: () => void;
  onDone: () => void;
}) {
  const e = useEmploymentsT();
  const dateId = useId();
  const today = swedishToday();
  const [endedOn, setEndedOn] = useState(today < employment.endsOn ? today : employment.endsOn);
  const end = useMutation({ mutationFn: () => employmentApi.end(employment.id, endedOn), onSuccess: onDone });
  return (
    <ActionForm
      title={`${e.section.end}: ${employment.formLabel}, ${employment.employer}`}
      action={end}
      submitLabel={e.section.endSubmit}
      onSubmit={() => end.mutate()}
      onClose={onClose}
    >
      <div className="field">
        <label htmlFor={dateId}>{e.section.endDate}</label>
        <input
          id={dateId}
          type="date"
          value={endedOn}
          min={employment.startsOn}
          max={employment.endsOn}
          onChange={(event) => setEndedOn(event.target.value)}
        />
      </div>
    </ActionForm>
  );
}

/** The frame of the refuse and end forms: heading (the form's name), error, fields, submit and close. */
function ActionForm({
  title,
  action,
  submitLabel,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  action: { isPending: boolean; error: Error | null };
  submitLabel: string;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const e = useEmploymentsT();
  const headingId = useId();
  return (
    <form
      className="form-panel"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      noValidate
    >
      <h3 id={headingId}>{title}</h3>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      {children}
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={action.isPending}>
          {submitLabel}
        </button>
        <button type="button" className="button-secondary" onClick={onClose}>
          {e.section.close}
        </button>
      </div>
    </form>
  );
}

function PersonExchange({ exchange }: { exchange: NonNullable<EmploymentList['exchange']> }) {
  const e = useEmploymentsT();
  const format = useFormat();
  const [locale] = useLocale();
  const headingId = useId();
  const kr = (ore: number | null) =>
    ore === null ? e.exchange.notAvailable : format.kronor(oreToKronor(ore));
  const rows: [string, (f: ExchangeFigures) => string][] = [
    [e.exchange.salaryCost, (f) => kr(f.salaryCostOre)],
    [e.exchange.support, (f) => kr(f.supportOre)],
    [e.exchange.netCost, (f) => kr(f.netCostOre)],
    [e.exchange.monthsEmployed, (f) => formatNumber(f.monthsEmployed, locale, 2)],
    [e.exchange.assistancePaid, (f) => kr(f.assistancePaidOre)],
    [e.exchange.assistanceAvoided, (f) => kr(f.assistanceAvoidedOre)],
  ];
  return (
    <div className="subsection">
      <h3 id={headingId}>{e.exchange.title}</h3>
      <p className="section-intro">{e.exchange.personIntro}</p>
      {exchange.assistanceAllowed ? null : <p className="panel-meta">{e.exchange.noAssistanceData}</p>}
      <table className="table table-figures" aria-labelledby={headingId}>
        <thead>
          <tr>
            <td />
            <th scope="col" className="cell-number">
              {fill(e.exchange.thisMonth, { month: format.month(exchange.month) })}
            </th>
            <th scope="col" className="cell-number">
              {e.exchange.yearToDate}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="cell-number">{value(exchange.thisMonth)}</td>
              <td className="cell-number">{value(exchange.yearToDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface Draft {
  form: string;
  employer: string;
  workplace: string;
  startsOn: string;
  endsOn: string;
  hoursPerWeek: string;
  salaryCost: string;
  support: string;
  extendsId: string;
}

const EMPTY: Draft = {
  form: '',
  employer: '',
  workplace: '',
  startsOn: '',
  endsOn: '',
  hoursPerWeek: '40',
  salaryCost: '',
  support: '',
  extendsId: '',
};

function NewEmploymentForm({
  referralId,
  data,
  onDone,
}: {
  referralId: string;
  data: EmploymentList;
  onDone: (message: string | null) => void;
}) {
  const e = useEmploymentsT();
  const labels = useEmploymentLabels();
  const format = useFormat();
  const queryClient = useQueryClient();
  const base = useId();
  const id = (name: string) => `${base}-${name}`;
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const set = (name: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));

  const forms = employmentFormsOn(draft.startsOn || swedishToday());
  const chosen = forms.find((f) => f.code === draft.form);
  // Extendable: a standing employment that is neither an extension nor already extended.
  const extendable = data.employments.filter(
    (item) => item.status !== 'cancelled' && item.extendsId === null && item.extendedBy === null,
  );

  const create = useMutation({
    mutationFn: (employment: NewEmployment) => employmentApi.create(referralId, employment),
    onMutate: () => onDone(null),
    onSuccess: () => {
      setDraft(EMPTY);
      onDone(e.section.created);
      void queryClient.invalidateQueries({ queryKey: employmentKeys.list(referralId) });
      void queryClient.invalidateQueries({ queryKey: ['labour', 'employments', 'overview'] });
    },
  });
  const server = serverFieldErrors(create.error);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Partial<Record<keyof Draft, string>> = {};
    for (const name of ['form', 'employer', 'startsOn', 'endsOn'] as const)
      if (draft[name].trim() === '') found[name] = e.form.required;
    const hours = Number(draft.hoursPerWeek);
    if (!/^\d+$/.test(draft.hoursPerWeek.trim()) || hours < 1 || hours > 40)
      found.hoursPerWeek = e.form.hoursInvalid;
    const salary = parseKronor(draft.salaryCost);
    const support = parseKronor(draft.support);
    if (salary === null) found.salaryCost = e.form.amountInvalid;
    if (support === null) found.support = e.form.amountInvalid;
    setErrors(found);
    if (Object.keys(found).length > 0 || salary === null || support === null) return;
    create.mutate({
      form: draft.form,
      employer: draft.employer.trim(),
      workplace: draft.workplace.trim() || null,
      startsOn: draft.startsOn,
      endsOn: draft.endsOn,
      hoursPerWeek: hours,
      monthlySalaryCostOre: salary,
      monthlySupportOre: support,
      extendsId: draft.extendsId || null,
    });
  };

  const field = (
    name: keyof Draft,
    serverName: string,
    label: string,
    input: (props: { id: string; invalid: boolean; describedBy: string | undefined }) => ReactNode,
    hint?: string,
  ) => {
    const messages = [...(errors[name] ? [errors[name]] : []), ...(server.get(serverName) ?? [])];
    const errorId = id(`${name}-error`);
    const hintId = id(`${name}-hint`);
    return (
      <div className="field">
        <label htmlFor={id(name)}>{label}</label>
        {input({
          id: id(name),
          invalid: messages.length > 0,
          describedBy: describedBy(hint && hintId, messages.length > 0 && errorId),
        })}
        {hint ? (
          <span className="hint" id={hintId}>
            {hint}
          </span>
        ) : null}
        <FieldMessage id={errorId} messages={messages} />
      </div>
    );
  };

  const text =
    (name: keyof Draft, type: 'text' | 'date' = 'text', inputMode?: 'numeric' | 'decimal') =>
    (props: { id: string; invalid: boolean; describedBy: string | undefined }) => (
      <input
        id={props.id}
        type={type}
        inputMode={inputMode}
        value={draft[name]}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        onChange={(event) => set(name)(event.target.value)}
      />
    );

  return (
    <form className="form-panel" aria-labelledby={id('heading')} onSubmit={onSubmit} noValidate>
      <h3 id={id('heading')}>{e.form.title}</h3>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      <div className="form-grid">
        {field(
          'form',
          'form',
          e.form.form,
          (props) => (
            <select
              id={props.id}
              value={draft.form}
              aria-invalid={props.invalid || undefined}
              aria-describedby={props.describedBy}
              onChange={(event) => set('form')(event.target.value)}
            >
              <option value="">{e.form.choose}</option>
              {forms.map((f) => (
                <option key={f.code} value={f.code}>
                  {f.qualifiesForUnemploymentInsurance
                    ? `${labels.form(f.code)} (${e.qualifies})`
                    : labels.form(f.code)}
                </option>
              ))}
            </select>
          ),
          chosen ? fill(e.form.maxMonths, { months: chosen.maxMonths }) : undefined,
        )}
        {field('employer', 'employer', e.form.employer, text('employer'))}
        {field('workplace', 'workplace', e.form.workplace, text('workplace'))}
        {field('startsOn', 'startsOn', e.form.startsOn, text('startsOn', 'date'))}
        {field('endsOn', 'endsOn', e.form.endsOn, text('endsOn', 'date'))}
        {field('hoursPerWeek', 'hoursPerWeek', e.form.hoursPerWeek, text('hoursPerWeek', 'text', 'numeric'))}
        {field(
          'salaryCost',
          'monthlySalaryCostOre',
          e.form.salaryCost,
          text('salaryCost', 'text', 'decimal'),
        )}
        {field('support', 'monthlySupportOre', e.form.support, text('support', 'text', 'decimal'))}
        {field('extendsId', 'extendsId', e.form.extends, (props) => (
          <select
            id={props.id}
            value={draft.extendsId}
            aria-describedby={props.describedBy}
            onChange={(event) => set('extendsId')(event.target.value)}
          >
            <option value="">{e.form.notExtension}</option>
            {extendable.map((item) => (
              <option key={item.id} value={item.id}>
                {`${item.formLabel}, ${item.employer}, ${format.date(item.startsOn)}–${format.date(item.endsOn)}`}
              </option>
            ))}
          </select>
        ))}
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {create.isPending ? e.form.submitting : e.form.submit}
        </button>
      </div>
    </form>
  );
}

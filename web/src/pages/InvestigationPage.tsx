import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import {
  INVESTIGATION_OUTCOMES,
  type InvestigationOutcome,
} from '../../../src/assistance/domain/control/investigations.ts';
import type { Investigation, Recovery } from '../api/control-types.ts';
import { controlApi } from '../api/endpoints.ts';
import { controlKeys, useInvestigation } from '../api/queries.ts';
import { ApiErrorPage } from '../components/ApiErrorPage.tsx';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../components/Feedback.tsx';
import { describedBy, FieldMessage, serverFieldErrors } from '../components/FieldError.tsx';
import { Page } from '../components/Page.tsx';
import { PersonName } from '../components/PersonName.tsx';
import { swedishToday } from '../dates.ts';
import { fill, useAssistanceT, useControlLabels, useControlT, useFormat } from '../i18n.ts';
import { oreToKronor, parseKronor } from '../money.ts';
import { assistancePaths, controlPaths } from '../paths.ts';
import { Link } from '../router.tsx';

/**
 * /kontroll/utredningar/:id — one investigation of incorrect payments: its findings, the case's
 * payments in the period, recovery decisions with their repayment plans, and closing it.
 */
export function InvestigationPage({ id }: { id: string }) {
  const c = useControlT();
  const investigation = useInvestigation(id);
  if (investigation.isPending) {
    return (
      <Page title={c.investigation.loadingTitle}>
        <Loading />
      </Page>
    );
  }
  if (investigation.isError) {
    return (
      <ApiErrorPage
        error={investigation.error}
        title={c.investigation.loadingTitle}
        onRetry={() => void investigation.refetch()}
      />
    );
  }
  return <InvestigationView data={investigation.data} />;
}

/** After a change: the investigation and the lists are asked again. */
function useRefresh(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: controlKeys.all });
}

function InvestigationView({ data }: { data: Investigation }) {
  const c = useControlT();
  const format = useFormat();
  const texts = c.investigation;
  const open = data.status === 'open';
  const [justClosed, setJustClosed] = useState(false);

  return (
    <Page title={fill(texts.title, { suspicion: data.suspicionLabel })}>
      <p>
        <Link to={controlPaths.investigations}>{texts.back}</Link>
      </p>
      {justClosed && !open ? <SuccessMessage>{texts.close.done}</SuccessMessage> : null}
      <section className="panel" aria-labelledby="investigation-details">
        <h2 id="investigation-details">{texts.details}</h2>
        <dl className="details">
          <div>
            <dt>{texts.applicant}</dt>
            <dd>
              <PersonName name={data.applicantName} />
            </dd>
          </div>
          <div>
            <dt>{texts.case}</dt>
            <dd>
              <Link to={assistancePaths.case(data.caseId)}>{texts.toCase}</Link>
            </dd>
          </div>
          <div>
            <dt>{texts.status}</dt>
            <dd>
              <span className={`badge badge-${data.status}`}>{c.status[data.status]}</span>
            </dd>
          </div>
          <div>
            <dt>{texts.openedOn}</dt>
            <dd className="cell-date">{format.date(data.openedOn)}</dd>
          </div>
          <div>
            <dt>{texts.daysOpen}</dt>
            <dd>{format.number(data.daysOpen)}</dd>
          </div>
          <div>
            <dt>{texts.period}</dt>
            <dd>
              {fill(texts.periodValue, {
                from: format.date(data.periodFrom),
                to: format.date(data.periodTo),
              })}
            </dd>
          </div>
          {data.outcomeLabel ? (
            <div>
              <dt>{texts.outcome}</dt>
              <dd>{data.outcomeLabel}</dd>
            </div>
          ) : null}
          {data.closedOn ? (
            <div>
              <dt>{texts.closedOn}</dt>
              <dd className="cell-date">{format.date(data.closedOn)}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      <FindingsSection data={data} />
      <PaymentsSection data={data} />
      <RecoverySection data={data} />
      {open ? <CloseSection data={data} onClosed={() => setJustClosed(true)} /> : null}
    </Page>
  );
}

function FindingsSection({ data }: { data: Investigation }) {
  const c = useControlT();
  const texts = c.investigation.findings;
  const refresh = useRefresh();
  const ids = { heading: useId(), text: useId() };
  const [findings, setFindings] = useState(data.findings);
  const save = useMutation({
    mutationFn: () => controlApi.saveFindings(data.id, findings.trim()),
    onSuccess: refresh,
  });
  const open = data.status === 'open';

  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{texts.title}</h2>
      {!open ? (
        data.findings ? (
          <p className="prewrap">{data.findings}</p>
        ) : (
          <Empty>{texts.empty}</Empty>
        )
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          {save.isError ? <ErrorMessage error={save.error} /> : null}
          {save.isSuccess ? <SuccessMessage>{texts.saved}</SuccessMessage> : null}
          <div className="field">
            <label htmlFor={ids.text}>{texts.label}</label>
            <textarea
              id={ids.text}
              rows={8}
              value={findings}
              onChange={(event) => {
                setFindings(event.target.value);
                if (save.isSuccess) save.reset();
              }}
            />
          </div>
          <p className="button-row">
            <button type="submit" disabled={save.isPending}>
              {save.isPending ? texts.saving : texts.save}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}

function PaymentsSection({ data }: { data: Investigation }) {
  const c = useControlT();
  const a = useAssistanceT();
  const format = useFormat();
  const texts = c.investigation.payments;
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{texts.title}</h2>
      {data.payments.length === 0 ? (
        <Empty>{texts.empty}</Empty>
      ) : (
        <>
          <table className="table">
            <caption className="visually-hidden">{texts.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{texts.month}</th>
                <th scope="col">{texts.payOn}</th>
                <th scope="col" className="cell-number">
                  {texts.amount}
                </th>
                <th scope="col">{texts.status}</th>
              </tr>
            </thead>
            <tbody>
              {data.payments.map((payment) => (
                <tr key={payment.id}>
                  <td>{format.month(payment.month)}</td>
                  <td className="cell-date">{format.date(payment.payOn)}</td>
                  <td className="cell-number">{format.kronor(oreToKronor(payment.amountOre))}</td>
                  <td>{a.paymentStatus[payment.status] ?? payment.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="details">
            <div>
              <dt>{texts.paid}</dt>
              <dd className="amount-strong">{format.kronor(oreToKronor(data.paidOre))}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}

function RecoverySection({ data }: { data: Investigation }) {
  const c = useControlT();
  const texts = c.investigation;
  const headingId = useId();
  const allowed = data.outcome !== 'no_incorrect_payment';
  const [decided, setDecided] = useState<string | null>(null);

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{texts.recovery.title}</h2>
      {decided ? <SuccessMessage>{texts.recovery.done}</SuccessMessage> : null}
      {data.recoveries.length > 0 ? (
        <div className="recoveries">
          {data.recoveries.map((recovery) => (
            <RecoveryView key={recovery.id} recovery={recovery} />
          ))}
        </div>
      ) : null}
      {allowed ? (
        <RecoveryForm data={data} onDecided={(recovery) => setDecided(recovery.id)} />
      ) : (
        <p>{texts.recovery.notAllowed}</p>
      )}
    </section>
  );
}

function RecoveryView({ recovery }: { recovery: Recovery }) {
  const c = useControlT();
  const format = useFormat();
  const texts = c.investigation.recoveries;
  const headingId = useId();
  const decidedOn = format.date(recovery.decidedOn);
  return (
    <article className="subsection" aria-labelledby={headingId}>
      <h3 id={headingId}>{fill(texts.heading, { date: decidedOn })}</h3>
      <dl className="details">
        <div>
          <dt>{texts.amount}</dt>
          <dd className="amount-strong">{format.kronor(oreToKronor(recovery.amountOre))}</dd>
        </div>
        <div>
          <dt>{texts.monthly}</dt>
          <dd>{format.kronor(oreToKronor(recovery.monthlyOre))}</dd>
        </div>
        <div>
          <dt>{texts.provision}</dt>
          <dd>{recovery.provision}</dd>
        </div>
        <div>
          <dt>{texts.grantedFrom}</dt>
          <dd className="cell-date">{format.date(recovery.grantedFrom)}</dd>
        </div>
        <div className="details-wide">
          <dt>{texts.reasons}</dt>
          <dd className="prewrap">{recovery.reasons}</dd>
        </div>
      </dl>
      <table className="table table-narrow">
        <caption>{fill(texts.planCaption, { date: decidedOn })}</caption>
        <thead>
          <tr>
            <th scope="col" className="cell-number">
              {texts.no}
            </th>
            <th scope="col">{texts.dueOn}</th>
            <th scope="col" className="cell-number">
              {texts.instalment}
            </th>
          </tr>
        </thead>
        <tbody>
          {recovery.plan.map((instalment) => (
            <tr key={instalment.no}>
              <td className="cell-number">{instalment.no}</td>
              <td className="cell-date">{format.date(instalment.dueOn)}</td>
              <td className="cell-number">{format.kronor(oreToKronor(instalment.amountOre))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {texts.total}
            </th>
            <td className="cell-number amount-strong">{format.kronor(oreToKronor(recovery.amountOre))}</td>
          </tr>
        </tfoot>
      </table>
    </article>
  );
}

function RecoveryForm({ data, onDecided }: { data: Investigation; onDecided: (r: Recovery) => void }) {
  const c = useControlT();
  const texts = c.investigation.recovery;
  const refresh = useRefresh();
  const prefix = useId();
  const [amount, setAmount] = useState('');
  const [monthly, setMonthly] = useState('');
  const [firstDueOn, setFirstDueOn] = useState('');
  const [grantedFrom, setGrantedFrom] = useState(data.periodFrom);
  const [reasons, setReasons] = useState('');
  const [local, setLocal] = useState<Map<string, string>>(new Map());
  const decide = useMutation({
    mutationFn: () =>
      controlApi.decideRecovery(data.id, {
        amountOre: parseKronor(amount) ?? 0,
        monthlyOre: parseKronor(monthly) ?? 0,
        firstDueOn,
        grantedFrom,
        reasons: reasons.trim(),
      }),
    onSuccess: async (recovery) => {
      setAmount('');
      setMonthly('');
      setReasons('');
      onDecided(recovery);
      await refresh();
    },
  });
  const server = serverFieldErrors(decide.error);
  const field = (name: string, serverName: string) => {
    const messages = [...(local.has(name) ? [local.get(name) ?? ''] : []), ...(server.get(serverName) ?? [])];
    const id = `${prefix}-${name}`;
    return {
      id,
      invalid: messages.length > 0 || undefined,
      describedBy: describedBy(messages.length > 0 && `${id}-error`),
      error: <FieldMessage id={`${id}-error`} messages={messages} />,
    };
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = new Map<string, string>();
    if (!parseKronor(amount)) errors.set('amount', texts.invalidAmount);
    if (!parseKronor(monthly)) errors.set('monthly', texts.invalidAmount);
    if (firstDueOn === '') errors.set('firstDueOn', texts.dateRequired);
    if (grantedFrom === '') errors.set('grantedFrom', texts.dateRequired);
    if (reasons.trim() === '') errors.set('reasons', texts.reasonsRequired);
    setLocal(errors);
    if (errors.size > 0) {
      decide.reset();
      return;
    }
    decide.mutate();
  };

  const amountField = field('amount', 'amountOre');
  const monthlyField = field('monthly', 'monthlyOre');
  const dueField = field('firstDueOn', 'firstDueOn');
  const grantedField = field('grantedFrom', 'grantedFrom');
  const reasonsField = field('reasons', 'reasons');
  const introId = `${prefix}-intro`;

  return (
    <form
      className="form-panel"
      aria-label={texts.title}
      aria-describedby={introId}
      onSubmit={onSubmit}
      noValidate
    >
      <p className="section-intro" id={introId}>
        {texts.intro}
      </p>
      {decide.isError ? <ErrorMessage error={decide.error} /> : null}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={amountField.id}>{texts.amount}</label>
          <input
            id={amountField.id}
            className="input-amount"
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            aria-invalid={amountField.invalid}
            aria-describedby={amountField.describedBy}
            onChange={(event) => setAmount(event.target.value)}
          />
          {amountField.error}
        </div>
        <div className="field">
          <label htmlFor={monthlyField.id}>{texts.monthly}</label>
          <input
            id={monthlyField.id}
            className="input-amount"
            inputMode="decimal"
            autoComplete="off"
            value={monthly}
            aria-invalid={monthlyField.invalid}
            aria-describedby={monthlyField.describedBy}
            onChange={(event) => setMonthly(event.target.value)}
          />
          {monthlyField.error}
        </div>
        <div className="field field-date">
          <label htmlFor={dueField.id}>{texts.firstDueOn}</label>
          <input
            id={dueField.id}
            type="date"
            value={firstDueOn}
            aria-invalid={dueField.invalid}
            aria-describedby={dueField.describedBy}
            onChange={(event) => setFirstDueOn(event.target.value)}
          />
          {dueField.error}
        </div>
        <div className="field field-date">
          <label htmlFor={grantedField.id}>{texts.grantedFrom}</label>
          <input
            id={grantedField.id}
            type="date"
            value={grantedFrom}
            aria-invalid={grantedField.invalid}
            aria-describedby={grantedField.describedBy}
            onChange={(event) => setGrantedFrom(event.target.value)}
          />
          {grantedField.error}
        </div>
      </div>
      <div className="field">
        <label htmlFor={reasonsField.id}>{texts.reasons}</label>
        <textarea
          id={reasonsField.id}
          rows={4}
          value={reasons}
          aria-invalid={reasonsField.invalid}
          aria-describedby={reasonsField.describedBy}
          onChange={(event) => setReasons(event.target.value)}
        />
        {reasonsField.error}
      </div>
      <p className="button-row">
        <button type="submit" disabled={decide.isPending}>
          {decide.isPending ? texts.submitting : texts.submit}
        </button>
      </p>
    </form>
  );
}

function CloseSection({ data, onClosed }: { data: Investigation; onClosed: () => void }) {
  const c = useControlT();
  const labels = useControlLabels();
  const texts = c.investigation.close;
  const refresh = useRefresh();
  const ids = { heading: useId(), outcome: useId(), date: useId() };
  const [outcome, setOutcome] = useState<InvestigationOutcome | ''>('');
  const [closedOn, setClosedOn] = useState(() => swedishToday());
  const [local, setLocal] = useState<Map<string, string>>(new Map());
  const close = useMutation({
    mutationFn: () => controlApi.closeInvestigation(data.id, outcome, closedOn),
    onSuccess: async () => {
      onClosed();
      await refresh();
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = new Map<string, string>();
    if (outcome === '') errors.set('outcome', texts.outcomeRequired);
    if (closedOn === '') errors.set('closedOn', texts.dateRequired);
    setLocal(errors);
    if (errors.size > 0) {
      close.reset();
      return;
    }
    close.mutate();
  };
  const outcomeError = local.get('outcome');
  const dateError = local.get('closedOn');

  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{texts.title}</h2>
      <form aria-labelledby={ids.heading} onSubmit={onSubmit} noValidate>
        {close.isError ? <ErrorMessage error={close.error} /> : null}
        <div className="inline-form">
          <div className="field">
            <label htmlFor={ids.outcome}>{texts.outcome}</label>
            <select
              id={ids.outcome}
              value={outcome}
              aria-invalid={outcomeError ? true : undefined}
              aria-describedby={describedBy(outcomeError && `${ids.outcome}-error`)}
              onChange={(event) => setOutcome(event.target.value as InvestigationOutcome | '')}
            >
              <option value="">{texts.chooseOutcome}</option>
              {INVESTIGATION_OUTCOMES.map((value) => (
                <option key={value} value={value}>
                  {labels.outcomes[value]}
                </option>
              ))}
            </select>
            <FieldMessage id={`${ids.outcome}-error`} messages={outcomeError ? [outcomeError] : []} />
          </div>
          <div className="field field-date">
            <label htmlFor={ids.date}>{texts.closedOn}</label>
            <input
              id={ids.date}
              type="date"
              value={closedOn}
              aria-invalid={dateError ? true : undefined}
              aria-describedby={describedBy(dateError && `${ids.date}-error`)}
              onChange={(event) => setClosedOn(event.target.value)}
            />
            <FieldMessage id={`${ids.date}-error`} messages={dateError ? [dateError] : []} />
          </div>
          <button type="submit" disabled={close.isPending}>
            {close.isPending ? texts.submitting : texts.submit}
          </button>
        </div>
      </form>
    </section>
  );
}

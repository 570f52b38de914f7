import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api, documentUrls } from '../api/endpoints.ts';
import { queryKeys, usePaymentRun, usePaymentRuns } from '../api/queries.ts';
import type { PaymentRun } from '../api/types.ts';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../components/Feedback.tsx';
import { describedBy, FieldMessage, serverFieldErrors } from '../components/FieldError.tsx';
import { Page } from '../components/Page.tsx';
import { PersonName } from '../components/PersonName.tsx';
import { nextMonth, swedishToday } from '../dates.ts';
import { fill, useAssistanceT, useCaseworkT, useFormat } from '../i18n.ts';
import { oreToKronor } from '../money.ts';
import { assistancePaths } from '../paths.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useHasPermission } from '../session.tsx';
import {
  PaymentChangeButton,
  PaymentChangeForm,
  paymentChangeOf,
} from '../sections/PaymentChangeSection.tsx';

/**
 * /ekonomiskt-bistand/utbetalningar(?korning=id) — prepare the month's payment run, preview what is
 * paid and what is withheld and why, approve it (another person than the one who prepared it) and
 * fetch the bank file; earlier runs below.
 */
export function PaymentRunsPage() {
  const a = useAssistanceT();
  const { search } = useLocation();
  const runId = search.get('korning');
  const texts = a.paymentsPage;

  return (
    <Page title={texts.title} intro={texts.intro}>
      <PrepareForm />
      {runId ? <RunPanel key={runId} runId={runId} /> : null}
      <RunList current={runId} />
    </Page>
  );
}

function PrepareForm() {
  const a = useAssistanceT();
  const texts = a.paymentsPage.prepare;
  const queryClient = useQueryClient();
  const ids = { heading: useId(), month: useId(), error: useId() };
  const [month, setMonth] = useState(() => nextMonth(swedishToday()));
  const [missing, setMissing] = useState(false);
  const prepare = useMutation({
    mutationFn: (value: string) => api.preparePaymentRun(value),
    onSuccess: (run) => {
      queryClient.setQueryData(queryKeys.paymentRun(run.id), run);
      void queryClient.invalidateQueries({ queryKey: queryKeys.paymentRuns, exact: true });
      navigate(assistancePaths.paymentRun(run.id));
    },
  });
  const messages = [
    ...(missing ? [a.common.monthRequired] : []),
    ...(serverFieldErrors(prepare.error).get('month') ?? []),
  ];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const valid = /^\d{4}-\d{2}$/.test(month);
    setMissing(!valid);
    if (valid) prepare.mutate(month);
  };

  return (
    <form className="form-panel" aria-labelledby={ids.heading} onSubmit={onSubmit} noValidate>
      <h2 id={ids.heading}>{texts.title}</h2>
      {prepare.isError ? <ErrorMessage error={prepare.error} /> : null}
      <div className="inline-form">
        <div className="field">
          <label htmlFor={ids.month}>{texts.month}</label>
          <input
            id={ids.month}
            type="month"
            value={month}
            aria-invalid={messages.length > 0 || undefined}
            aria-describedby={describedBy(messages.length > 0 && ids.error)}
            onChange={(event) => setMonth(event.target.value)}
          />
          <FieldMessage id={ids.error} messages={messages} />
        </div>
        <button type="submit" className="button-primary" disabled={prepare.isPending}>
          {prepare.isPending ? texts.submitting : texts.submit}
        </button>
      </div>
    </form>
  );
}

function RunPanel({ runId }: { runId: string }) {
  const run = usePaymentRun(runId);
  if (run.isPending) return <Loading />;
  if (run.isError) return <ErrorMessage error={run.error} onRetry={() => void run.refetch()} />;
  return <RunView run={run.data} />;
}

function RunView({ run }: { run: PaymentRun }) {
  const a = useAssistanceT();
  const w = useCaseworkT();
  const format = useFormat();
  const canApprove = useHasPermission('payment:approve');
  const queryClient = useQueryClient();
  const texts = a.paymentsPage.run;
  const month = format.month(run.month);
  const approve = useMutation({
    mutationFn: () => api.approvePaymentRun(run.id),
    onSuccess: (approved) => {
      queryClient.setQueryData(queryKeys.paymentRun(run.id), approved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.paymentRuns, exact: true });
    },
  });
  const headingId = `run-${run.id}`;
  // Stopping (prepared run) or reversing (approved run) one payment, with a reason.
  const [changing, setChanging] = useState<string | null>(null);
  const [changed, setChanged] = useState<string | null>(null);
  const changeFormId = `${headingId}-change`;
  const changingPayment = run.payments.find((payment) => payment.id === changing);
  const changingKind = changingPayment ? paymentChangeOf(run, changingPayment) : null;
  const showChanges = canApprove && run.payments.some((payment) => paymentChangeOf(run, payment) !== null);

  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{fill(texts.title, { month })}</h2>
        <Link to={assistancePaths.paymentRuns} className="panel-meta">
          {texts.close}
        </Link>
      </div>
      {approve.isSuccess ? <SuccessMessage>{texts.approved}</SuccessMessage> : null}
      {changed ? <SuccessMessage>{changed}</SuccessMessage> : null}
      <dl className="details">
        <div>
          <dt>{texts.status}</dt>
          <dd>
            <span className={`badge badge-run-${run.status}`}>{a.runStatus[run.status]}</span>
          </dd>
        </div>
        <div>
          <dt>{texts.payOn}</dt>
          <dd className="cell-date">{format.date(run.payOn)}</dd>
        </div>
        <div>
          <dt>{texts.count}</dt>
          <dd className="amount-strong">{format.number(run.count)}</dd>
        </div>
        <div>
          <dt>{texts.total}</dt>
          <dd className="amount-strong">{format.kronor(oreToKronor(run.totalOre))}</dd>
        </div>
        <div>
          <dt>{texts.preparedBy}</dt>
          <dd>{fill(texts.byAt, { name: run.preparedBy, time: format.dateTime(run.preparedAt) })}</dd>
        </div>
        {run.approvedBy ? (
          <div>
            <dt>{texts.approvedBy}</dt>
            <dd>{fill(texts.byAt, { name: run.approvedBy, time: format.dateTime(run.approvedAt ?? '') })}</dd>
          </div>
        ) : null}
      </dl>

      <div className="subsection">
        <h3 id={`${headingId}-payments`}>{texts.paymentsCaption}</h3>
        {run.payments.length === 0 ? (
          <Empty>{texts.paymentsEmpty}</Empty>
        ) : (
          <table className="table" aria-labelledby={`${headingId}-payments`}>
            <thead>
              <tr>
                <th scope="col">{texts.payee}</th>
                <th scope="col">{texts.account}</th>
                <th scope="col" className="cell-number">
                  {texts.amount}
                </th>
                <th scope="col">{texts.paymentStatus}</th>
                {showChanges ? (
                  <th scope="col" className="cell-action">
                    {w.paymentChange.actions}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {run.payments.map((payment) => (
                <tr key={payment.id} className={payment.status === 'stopped' ? 'row-muted' : undefined}>
                  <td>
                    <Link to={assistancePaths.case(payment.caseId)}>
                      <PersonName name={payment.payee} />
                    </Link>
                  </td>
                  <td className="nowrap">{payment.account}</td>
                  <td className="cell-number">{format.kronor(oreToKronor(payment.amountOre))}</td>
                  <td>
                    {a.paymentStatus[payment.status]}
                    {payment.statusReason ? <span className="cell-note">{payment.statusReason}</span> : null}
                  </td>
                  {showChanges ? (
                    <td className="cell-action">
                      {(() => {
                        const kind = paymentChangeOf(run, payment);
                        return kind ? (
                          <PaymentChangeButton
                            kind={kind}
                            payment={payment}
                            expanded={changing === payment.id}
                            controls={changing === payment.id ? changeFormId : undefined}
                            onClick={() => {
                              setChanged(null);
                              setChanging(changing === payment.id ? null : payment.id);
                            }}
                          />
                        ) : null;
                      })()}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {changingPayment && changingKind ? (
          <PaymentChangeForm
            key={changingPayment.id}
            id={changeFormId}
            run={run}
            payment={changingPayment}
            kind={changingKind}
            onCancel={() => setChanging(null)}
            onDone={(message) => {
              setChanging(null);
              setChanged(message);
            }}
          />
        ) : null}
      </div>

      {run.withheld.length > 0 ? (
        <div className="subsection">
          <h3 id={`${headingId}-withheld`}>{texts.withheldTitle}</h3>
          <p className="section-intro">{texts.withheldIntro}</p>
          <table className="table" aria-labelledby={`${headingId}-withheld`}>
            <thead>
              <tr>
                <th scope="col">{texts.payee}</th>
                <th scope="col" className="cell-number">
                  {texts.amount}
                </th>
                <th scope="col">{texts.reason}</th>
              </tr>
            </thead>
            <tbody>
              {run.withheld.map((item) => (
                <tr key={item.decisionId}>
                  <td>
                    <Link to={assistancePaths.case(item.caseId)}>
                      <PersonName name={item.payee} />
                    </Link>
                  </td>
                  <td className="cell-number">{format.kronor(oreToKronor(item.amountOre))}</td>
                  <td>{a.withheldReasons[item.reason]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {approve.isError ? <ErrorMessage error={approve.error} /> : null}
      {run.status === 'prepared' ? (
        canApprove ? (
          <div className="button-row">
            <button
              type="button"
              className="button-primary"
              disabled={approve.isPending}
              aria-describedby={`${headingId}-approve-hint`}
              onClick={() => approve.mutate()}
            >
              {approve.isPending ? texts.approving : texts.approve}
            </button>
            <span className="hint" id={`${headingId}-approve-hint`}>
              {texts.approveHint}
            </span>
          </div>
        ) : (
          <p className="notice">{texts.waitingForApproval}</p>
        )
      ) : null}
      {run.status === 'approved' && canApprove ? (
        <p className="button-row">
          <a className="button button-secondary" href={documentUrls.bankFile(run.id)} download>
            {texts.bankFile}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function RunList({ current }: { current: string | null }) {
  const a = useAssistanceT();
  const format = useFormat();
  const runs = usePaymentRuns();
  const texts = a.paymentsPage.list;
  return (
    <section className="panel" aria-labelledby="payment-runs-list">
      <h2 id="payment-runs-list">{texts.title}</h2>
      {runs.isPending ? <Loading /> : null}
      {runs.isError ? <ErrorMessage error={runs.error} onRetry={() => void runs.refetch()} /> : null}
      {runs.data && runs.data.items.length === 0 ? <Empty>{texts.empty}</Empty> : null}
      {runs.data && runs.data.items.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{texts.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.month}</th>
              <th scope="col">{texts.status}</th>
              <th scope="col" className="cell-number">
                {texts.count}
              </th>
              <th scope="col" className="cell-number">
                {texts.total}
              </th>
              <th scope="col">{texts.preparedAt}</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.items.map((run) => (
              <tr key={run.id}>
                <td>
                  <Link
                    to={assistancePaths.paymentRun(run.id)}
                    aria-current={run.id === current ? 'true' : undefined}
                  >
                    {format.month(run.month)}
                  </Link>
                </td>
                <td>
                  <span className={`badge badge-run-${run.status}`}>{a.runStatus[run.status]}</span>
                </td>
                <td className="cell-number">{format.number(run.count)}</td>
                <td className="cell-number">{format.kronor(oreToKronor(run.totalOre))}</td>
                <td className="cell-date">{format.dateTime(run.preparedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

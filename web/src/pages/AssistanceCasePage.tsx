import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { EXIT_REASONS } from '../../../src/assistance/domain/exit-reasons.ts';
import { api, documentUrls } from '../api/endpoints.ts';
import { queryKeys, useAssistanceCase } from '../api/queries.ts';
import type { AssistanceCase, ExitReason, VisitStatus } from '../api/types.ts';
import { ApiErrorPage } from '../components/ApiErrorPage.tsx';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../components/Feedback.tsx';
import { describedBy, FieldMessage, serverFieldErrors } from '../components/FieldError.tsx';
import { Page } from '../components/Page.tsx';
import { PersonName } from '../components/PersonName.tsx';
import { localDateTimeToIso, swedishToday } from '../dates.ts';
import { fill, useAssistanceT, useFormat, useT } from '../i18n.ts';
import { oreToKronor } from '../money.ts';
import { assistancePaths } from '../paths.ts';
import { Link } from '../router.tsx';
import { AssistanceLabourSection } from '../sections/AssistanceLabourSection.tsx';
import { BankAccountSection } from '../sections/BankAccountSection.tsx';
import { CompletionRequestsSection } from '../sections/CompletionRequestsSection.tsx';
import { IntakeSection } from '../sections/IntakeSection.tsx';
import { JournalSection } from '../sections/JournalSection.tsx';
import { NewApplicationSection } from '../sections/NewApplicationSection.tsx';
import { ReasonCodeSection } from '../sections/ReasonCodeSection.tsx';
import { useHasPermission } from '../session.tsx';

/**
 * /ekonomiskt-bistand/arenden/:caseId — a household's assistance case: who, what happened,
 * applications, decisions, payments and visits, and the caseworker's actions on it.
 */
export function AssistanceCasePage({ caseId }: { caseId: string }) {
  const a = useAssistanceT();
  const overview = useAssistanceCase(caseId);

  if (overview.isPending) {
    return (
      <Page title={a.casePage.loadingTitle}>
        <Loading />
      </Page>
    );
  }
  if (overview.isError) {
    return (
      <ApiErrorPage
        error={overview.error}
        title={a.casePage.loadingTitle}
        onRetry={() => void overview.refetch()}
      />
    );
  }
  return <CaseView data={overview.data} />;
}

/** After any change to the case: the case itself and the caseworker's day are asked again. */
function useRefreshCase(caseId: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.assistanceCase(caseId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.myDay }),
      queryClient.invalidateQueries({ queryKey: queryKeys.myCases }),
    ]);
  };
}

function CaseView({ data }: { data: AssistanceCase }) {
  const t = useT();
  const a = useAssistanceT();
  const format = useFormat();
  const canWrite = useHasPermission('assistance:write');
  const applicant = data.members.find((member) => member.role === 'applicant');
  const title = fill(a.casePage.title, { applicant: applicant?.name ?? t.protectedIdentity });
  const open = data.closedOn === null;
  const texts = a.casePage;
  const [justClosed, setJustClosed] = useState(false);

  return (
    <Page title={title}>
      {justClosed && !open ? <SuccessMessage>{texts.exit.closed}</SuccessMessage> : null}
      <section className="panel" aria-labelledby="case-details">
        <h2 id="case-details">{texts.details}</h2>
        <dl className="details">
          <div>
            <dt>{texts.applicant}</dt>
            <dd>
              {applicant ? (
                <PersonName name={applicant.name} protectedIdentity={applicant.protectedIdentity} />
              ) : (
                t.common.none
              )}
            </dd>
          </div>
          <div>
            <dt>{texts.unit}</dt>
            <dd>{data.unitName}</dd>
          </div>
          <div>
            <dt>{texts.caseworker}</dt>
            <dd>{data.caseworker.name ?? texts.noCaseworker}</dd>
          </div>
          <div>
            <dt>{texts.openedOn}</dt>
            <dd className="cell-date">{format.date(data.openedOn)}</dd>
          </div>
          <div>
            <dt>{texts.status}</dt>
            <dd>
              {open ? (
                <span className="badge badge-open">{texts.open}</span>
              ) : (
                <span className="badge badge-closed">
                  {fill(texts.closed, { date: format.date(data.closedOn ?? '') })}
                </span>
              )}
            </dd>
          </div>
          {data.exitReason ? (
            <div>
              <dt>{texts.exitReason}</dt>
              <dd>{a.exitReasons[data.exitReason] ?? data.exitReason}</dd>
            </div>
          ) : null}
        </dl>
        <div className="subsection">
          <h3 id="case-household">{texts.household}</h3>
          <table className="table table-narrow" aria-labelledby="case-household">
            <thead>
              <tr>
                <th scope="col">{texts.member}</th>
                <th scope="col">{texts.role}</th>
                <th scope="col">{texts.birthYear}</th>
              </tr>
            </thead>
            <tbody>
              {data.members.map((member) => (
                <tr key={member.personId}>
                  <td>
                    <Link to={`/personer/${encodeURIComponent(member.personId)}`}>
                      <PersonName name={member.name} protectedIdentity={member.protectedIdentity} />
                    </Link>
                  </td>
                  <td>{t.person.memberRoles[member.role] ?? member.role}</td>
                  <td>{member.birthYear}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="case-columns">
        <div className="case-main">
          <ApplicationsPanel data={data} />
          <DecisionsPanel data={data} />
          <PaymentsPanel data={data} />
          <VisitsPanel data={data} canWrite={canWrite && open} />
          <BankAccountSection data={data} canWrite={canWrite} />
          <IntakeSection data={data} canWrite={canWrite} />
          <CompletionRequestsSection data={data} canWrite={canWrite} />
          <ReasonCodeSection data={data} canWrite={canWrite} />
          <AssistanceLabourSection data={data} canWrite={canWrite} />
          <JournalSection caseId={data.id} canWrite={canWrite} />
          {canWrite && open ? <NewApplicationSection data={data} level={2} /> : null}
          {canWrite && open ? <ExitPanel data={data} onClosed={() => setJustClosed(true)} /> : null}
        </div>
        <TimelinePanel data={data} />
      </div>
    </Page>
  );
}

function TimelinePanel({ data }: { data: AssistanceCase }) {
  const a = useAssistanceT();
  const format = useFormat();
  return (
    <section className="panel case-side" aria-labelledby="case-timeline">
      <h2 id="case-timeline">{a.casePage.timeline.title}</h2>
      {data.timeline.length === 0 ? (
        <Empty>{a.casePage.timeline.empty}</Empty>
      ) : (
        <ol className="timeline">
          {data.timeline.map((event, index) => (
            <li key={`${event.kind}:${event.refId ?? ''}:${index}`} className={`timeline-${event.kind}`}>
              <span className="timeline-when">
                {event.at.length === 10 ? format.date(event.at) : format.dateTime(event.at)}
              </span>
              <span className="timeline-what">{a.timeline[event.kind] ?? event.kind}</span>
              {event.amountOre !== null ? (
                <span className="timeline-amount">{format.kronor(oreToKronor(event.amountOre))}</span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ApplicationsPanel({ data }: { data: AssistanceCase }) {
  const a = useAssistanceT();
  const format = useFormat();
  const texts = a.casePage.applications;
  return (
    <section className="panel" aria-labelledby="case-applications">
      <h2 id="case-applications">{texts.title}</h2>
      {data.applications.length === 0 ? (
        <Empty>{texts.empty}</Empty>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{texts.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.month}</th>
              <th scope="col">{texts.kind}</th>
              <th scope="col">{texts.receivedOn}</th>
              <th scope="col">{texts.status}</th>
            </tr>
          </thead>
          <tbody>
            {data.applications.map((application) => (
              <tr key={application.id}>
                <td>
                  <Link to={assistancePaths.application(application.id, data.id)}>
                    {format.month(application.month)}
                  </Link>
                </td>
                <td>
                  {a.applicationKind[application.kind] ?? application.kind}
                  {application.channel === 'e_application' ? (
                    <>
                      {' '}
                      <span className="badge badge-info">{a.channel.e_application}</span>
                    </>
                  ) : null}
                  {application.reactualised ? (
                    <>
                      {' '}
                      <span className="badge badge-info">{texts.reactualised}</span>
                    </>
                  ) : null}
                </td>
                <td className="cell-date">{format.date(application.receivedOn)}</td>
                <td>{a.applicationStatus[application.status] ?? application.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DecisionsPanel({ data }: { data: AssistanceCase }) {
  const a = useAssistanceT();
  const format = useFormat();
  const texts = a.casePage.decisions;
  return (
    <section className="panel" aria-labelledby="case-decisions">
      <h2 id="case-decisions">{texts.title}</h2>
      {data.decisions.length === 0 ? (
        <Empty>{texts.empty}</Empty>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{texts.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.month}</th>
              <th scope="col">{texts.status}</th>
              <th scope="col">{texts.decidedOn}</th>
              <th scope="col" className="cell-number">
                {texts.granted}
              </th>
              <th scope="col">{texts.payOn}</th>
              <th scope="col">{texts.letter}</th>
            </tr>
          </thead>
          <tbody>
            {data.decisions.map((decision) => {
              const month = format.month(decision.month);
              return (
                <tr key={decision.id}>
                  <td className="nowrap">
                    <Link to={assistancePaths.application(decision.applicationId, data.id)}>{month}</Link>
                  </td>
                  <td>
                    <span className={`badge badge-${decision.status}`}>
                      {a.decisionStatus[decision.status] ?? decision.status}
                    </span>
                  </td>
                  <td className="cell-date">{format.date(decision.decidedOn)}</td>
                  <td className="cell-number">{format.kronor(oreToKronor(decision.grantedOre))}</td>
                  <td className="cell-date">{format.date(decision.payOn)}</td>
                  <td>
                    {decision.letterAvailable ? (
                      <a
                        href={documentUrls.decisionLetter(decision.id)}
                        aria-label={fill(texts.letterLabel, { month })}
                      >
                        {texts.letterLink}
                      </a>
                    ) : decision.status === 'signed' ? (
                      texts.earlierSystem
                    ) : (
                      texts.notSigned
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PaymentsPanel({ data }: { data: AssistanceCase }) {
  const a = useAssistanceT();
  const format = useFormat();
  const texts = a.casePage.payments;
  return (
    <section className="panel" aria-labelledby="case-payments">
      <h2 id="case-payments">{texts.title}</h2>
      {data.payments.length === 0 ? (
        <Empty>{texts.empty}</Empty>
      ) : (
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
              <tr key={payment.id} className={payment.status === 'stopped' ? 'row-muted' : undefined}>
                <td>{format.month(payment.month)}</td>
                <td className="cell-date">{format.date(payment.payOn)}</td>
                <td className="cell-number">{format.kronor(oreToKronor(payment.amountOre))}</td>
                <td>
                  {a.paymentStatus[payment.status] ?? payment.status}
                  {payment.statusReason ? <span className="cell-note">{payment.statusReason}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function VisitsPanel({ data, canWrite }: { data: AssistanceCase; canWrite: boolean }) {
  const a = useAssistanceT();
  const format = useFormat();
  const texts = a.casePage.visits;
  const refresh = useRefreshCase(data.id);
  const update = useMutation({
    mutationFn: (input: { id: string; status: Exclude<VisitStatus, 'booked'> }) =>
      api.setVisitStatus(input.id, input.status),
    onSettled: refresh,
  });
  const visits = [...data.visits].sort((x, y) => y.startsAt.localeCompare(x.startsAt));
  const actions: { status: Exclude<VisitStatus, 'booked'>; text: string; label: string }[] = [
    { status: 'held', text: texts.held, label: texts.heldLabel },
    { status: 'no_show', text: texts.noShow, label: texts.noShowLabel },
    { status: 'cancelled', text: texts.cancel, label: texts.cancelLabel },
  ];

  return (
    <section className="panel" aria-labelledby="case-visits">
      <h2 id="case-visits">{texts.title}</h2>
      {update.isError ? <ErrorMessage error={update.error} /> : null}
      {visits.length === 0 ? (
        <Empty>{texts.empty}</Empty>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{texts.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.time}</th>
              <th scope="col">{texts.caseworker}</th>
              <th scope="col">{texts.status}</th>
              {canWrite ? (
                <th scope="col" className="cell-action">
                  {texts.actions}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {visits.map((visit) => {
              const time = format.dateTime(visit.startsAt);
              return (
                <tr key={visit.id} className={visit.status === 'cancelled' ? 'row-muted' : undefined}>
                  <td className="cell-date">{time}</td>
                  <td>{visit.caseworkerName}</td>
                  <td>{a.visitStatus[visit.status] ?? visit.status}</td>
                  {canWrite ? (
                    <td className="cell-action">
                      {visit.status === 'booked' ? (
                        <span className="button-group">
                          {actions.map((action) => (
                            <button
                              key={action.status}
                              type="button"
                              className={
                                action.status === 'held' ? 'button-small' : 'button-small button-secondary'
                              }
                              aria-label={fill(action.label, { time })}
                              disabled={update.isPending}
                              onClick={() => update.mutate({ id: visit.id, status: action.status })}
                            >
                              {action.text}
                            </button>
                          ))}
                        </span>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {canWrite ? <BookVisitForm caseId={data.id} /> : null}
    </section>
  );
}

function BookVisitForm({ caseId }: { caseId: string }) {
  const a = useAssistanceT();
  const format = useFormat();
  const texts = a.casePage.visits.book;
  const refresh = useRefreshCase(caseId);
  const ids = { heading: useId(), input: useId(), hint: useId(), error: useId() };
  const [startsAt, setStartsAt] = useState('');
  const [missing, setMissing] = useState(false);
  const [booked, setBooked] = useState<string | null>(null);
  const book = useMutation({
    mutationFn: (iso: string) => api.bookVisit(caseId, iso),
    onSuccess: (_data, iso) => {
      setBooked(fill(texts.booked, { time: format.dateTime(iso) }));
      setStartsAt('');
      void refresh();
    },
  });
  const serverErrors = serverFieldErrors(book.error).get('startsAt') ?? [];
  const messages = [...(missing ? [a.common.dateRequired] : []), ...serverErrors];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBooked(null);
    const iso = localDateTimeToIso(startsAt);
    setMissing(iso === null);
    if (iso === null) return;
    book.mutate(iso);
  };

  return (
    <form className="form-panel" aria-labelledby={ids.heading} onSubmit={onSubmit} noValidate>
      <h3 id={ids.heading}>{texts.title}</h3>
      {booked ? <SuccessMessage>{booked}</SuccessMessage> : null}
      {book.isError ? <ErrorMessage error={book.error} /> : null}
      <div className="inline-form">
        <div className="field">
          <label htmlFor={ids.input}>{texts.startsAt}</label>
          <span className="hint" id={ids.hint}>
            {texts.hint}
          </span>
          <input
            id={ids.input}
            type="datetime-local"
            step={900}
            value={startsAt}
            aria-invalid={messages.length > 0 || undefined}
            aria-describedby={describedBy(ids.hint, messages.length > 0 && ids.error)}
            onChange={(event) => setStartsAt(event.target.value)}
          />
          <FieldMessage id={ids.error} messages={messages} />
        </div>
        <button type="submit" className="button-primary" disabled={book.isPending}>
          {book.isPending ? texts.submitting : texts.submit}
        </button>
      </div>
    </form>
  );
}

function ExitPanel({ data, onClosed }: { data: AssistanceCase; onClosed: () => void }) {
  const a = useAssistanceT();
  const texts = a.casePage.exit;
  const refresh = useRefreshCase(data.id);
  const ids = { date: useId(), dateError: useId(), reason: useId(), reasonError: useId() };
  const [exitOn, setExitOn] = useState(() => swedishToday());
  const [reason, setReason] = useState<ExitReason | ''>('');
  const [local, setLocal] = useState<{ date?: string; reason?: string }>({});
  const exit = useMutation({
    mutationFn: (input: { exitOn: string; reason: ExitReason }) =>
      api.exitCase(data.id, input.exitOn, input.reason),
    onSuccess: () => {
      onClosed();
      void refresh();
    },
  });
  const server = serverFieldErrors(exit.error);
  const dateMessages = [...(local.date ? [local.date] : []), ...(server.get('exitOn') ?? [])];
  const reasonMessages = [...(local.reason ? [local.reason] : []), ...(server.get('reason') ?? [])];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = {
      ...(exitOn === '' ? { date: a.common.dateRequired } : {}),
      ...(reason === '' ? { reason: texts.reasonRequired } : {}),
    };
    setLocal(errors);
    if (reason === '' || exitOn === '') return;
    exit.mutate({ exitOn, reason });
  };

  return (
    <section className="panel" aria-labelledby="case-exit">
      <h2 id="case-exit">{texts.title}</h2>
      {exit.isError ? <ErrorMessage error={exit.error} /> : null}
      <form onSubmit={onSubmit} noValidate aria-labelledby="case-exit">
        <div className="inline-form">
          <div className="field">
            <label htmlFor={ids.date}>{texts.exitOn}</label>
            <input
              id={ids.date}
              type="date"
              value={exitOn}
              aria-invalid={dateMessages.length > 0 || undefined}
              aria-describedby={describedBy(dateMessages.length > 0 && ids.dateError)}
              onChange={(event) => setExitOn(event.target.value)}
            />
            <FieldMessage id={ids.dateError} messages={dateMessages} />
          </div>
          <div className="field">
            <label htmlFor={ids.reason}>{texts.reason}</label>
            <select
              id={ids.reason}
              value={reason}
              aria-invalid={reasonMessages.length > 0 || undefined}
              aria-describedby={describedBy(reasonMessages.length > 0 && ids.reasonError)}
              onChange={(event) => setReason(event.target.value as ExitReason | '')}
            >
              <option value="">{texts.choose}</option>
              {EXIT_REASONS.map((code) => (
                <option key={code} value={code}>
                  {a.exitReasons[code]}
                </option>
              ))}
            </select>
            <FieldMessage id={ids.reasonError} messages={reasonMessages} />
          </div>
          <button type="submit" className="button-primary" disabled={exit.isPending}>
            {exit.isPending ? texts.submitting : texts.submit}
          </button>
        </div>
      </form>
    </section>
  );
}

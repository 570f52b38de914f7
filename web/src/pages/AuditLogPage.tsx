import { useId, useState, type FormEvent } from 'react';
import { useAccessReport, useAuditEntries, useAuditUsers } from '../api/queries.ts';
import type { AuditQuery } from '../api/types.ts';
import { Empty, ErrorMessage, Loading } from '../components/Feedback.tsx';
import { Page } from '../components/Page.tsx';
import { fill, useFormat, useT } from '../i18n.ts';
import { useLocation } from '../router.tsx';

/**
 * /logg — loggkontroll for unit managers: search the audit log by person or user and period,
 * and produce a person's own access report (registerutdrag). Opening /logg?personId=… (from an
 * alert or the person page) searches at once; person ids are not personal numbers, so they may
 * be in the URL.
 */
/** Up to two ids are shown as they are; longer lists (e.g. "listed own cases") fold away. */
function PersonIds({ ids }: { ids: string[] }) {
  const t = useT();
  if (ids.length === 0) return <>{t.common.none}</>;
  const list = ids.map((id) => (
    <code key={id} className="id">
      {id}
    </code>
  ));
  if (ids.length <= 2) return <>{list}</>;
  return (
    <details>
      <summary>{fill(t.audit.personCount, { count: ids.length })}</summary>
      {list}
    </details>
  );
}

export function AuditLogPage() {
  const t = useT();
  const format = useFormat();
  const { search } = useLocation();
  const initialPersonId = search.get('personId') ?? '';
  const [personId, setPersonId] = useState(initialPersonId);
  const [userId, setUserId] = useState(search.get('userId') ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [query, setQuery] = useState<AuditQuery | null>(
    initialPersonId ? { personId: initialPersonId } : null,
  );
  const [reportFor, setReportFor] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const entries = useAuditEntries(query);
  const users = useAuditUsers();
  const report = useAccessReport(reportFor);
  const ids = {
    personId: useId(),
    personHint: useId(),
    userId: useId(),
    userHint: useId(),
    from: useId(),
    to: useId(),
    formError: useId(),
    results: useId(),
    report: useId(),
  };

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: AuditQuery = {
      personId: personId.trim() || undefined,
      userId: userId.trim() || undefined,
      from: from || undefined,
      to: to || undefined,
    };
    setFormError(null);
    if (JSON.stringify(next) === JSON.stringify(query)) void entries.refetch();
    else setQuery(next);
  };

  const onReport = () => {
    const id = personId.trim();
    if (!id) {
      setFormError(t.audit.report.needsPerson);
      return;
    }
    setFormError(null);
    if (id === reportFor) void report.refetch();
    else setReportFor(id);
  };

  return (
    <Page title={t.audit.title} intro={t.audit.intro}>
      <form className="form-panel" onSubmit={onSearch} noValidate aria-label={t.audit.criteria}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={ids.personId}>{t.audit.personId}</label>
            <span className="hint" id={ids.personHint}>
              {t.audit.personIdHint}
            </span>
            <input
              id={ids.personId}
              value={personId}
              autoComplete="off"
              spellCheck={false}
              className="input-id"
              aria-describedby={formError ? `${ids.personHint} ${ids.formError}` : ids.personHint}
              onChange={(event) => setPersonId(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.userId}>{t.audit.userId}</label>
            <span className="hint" id={ids.userHint}>
              {t.audit.userIdHint}
            </span>
            <select
              id={ids.userId}
              value={userId}
              aria-describedby={ids.userHint}
              onChange={(event) => setUserId(event.target.value)}
            >
              <option value="">{t.audit.anyUser}</option>
              {(users.data?.items ?? []).map((user) => (
                <option key={user.id} value={user.id}>
                  {user.displayName}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.from}>{t.audit.from}</label>
            <input id={ids.from} type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.to}>{t.audit.to}</label>
            <input id={ids.to} type="date" value={to} onChange={(event) => setTo(event.target.value)} />
          </div>
        </div>
        {formError ? (
          <p className="field-error" id={ids.formError} role="alert">
            {formError}
          </p>
        ) : null}
        <p className="button-row">
          <button type="submit" className="button-primary" disabled={entries.isFetching}>
            {entries.isFetching ? t.audit.searching : t.audit.search}
          </button>
          <button type="button" className="button-secondary" onClick={onReport} disabled={report.isFetching}>
            {t.audit.report.button}
          </button>
        </p>
      </form>

      {reportFor ? (
        <section className="panel report" aria-labelledby={ids.report}>
          <div className="panel-head">
            <h2 id={ids.report}>{t.audit.report.title}</h2>
            {report.data ? (
              <button
                type="button"
                className="button-secondary button-small no-print"
                onClick={() => window.print()}
              >
                {t.audit.report.print}
              </button>
            ) : null}
          </div>
          <p className="section-intro">{t.audit.report.intro}</p>
          {report.isPending ? <Loading /> : null}
          {report.isError ? (
            <ErrorMessage error={report.error} onRetry={() => void report.refetch()} />
          ) : null}
          {report.data && report.data.items.length === 0 ? <Empty>{t.audit.report.empty}</Empty> : null}
          {report.data && report.data.items.length > 0 ? (
            <table className="table">
              <caption>{fill(t.audit.report.caption, { personId: report.data.personId })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.audit.report.date}</th>
                  <th scope="col">{t.audit.report.purpose}</th>
                  <th scope="col">{t.audit.report.unit}</th>
                </tr>
              </thead>
              <tbody>
                {report.data.items.map((item, index) => (
                  <tr key={`${item.date}:${item.unitName}:${index}`}>
                    <td className="cell-date">{format.date(item.date)}</td>
                    <td>{item.purposeLabel}</td>
                    <td>{item.unitName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}

      {query ? (
        <section className="panel" aria-labelledby={ids.results}>
          <div className="panel-head">
            <h2 id={ids.results}>{t.audit.caption}</h2>
            {entries.data ? (
              <span className="panel-meta">{fill(t.audit.count, { count: entries.data.items.length })}</span>
            ) : null}
          </div>
          {entries.isPending ? <Loading /> : null}
          {entries.isError ? (
            <ErrorMessage error={entries.error} onRetry={() => void entries.refetch()} />
          ) : null}
          {entries.data && entries.data.items.length === 0 ? <Empty>{t.audit.empty}</Empty> : null}
          {entries.data?.truncated ? (
            <p className="notice" role="status">
              {fill(t.audit.truncated, { count: entries.data.items.length })}
            </p>
          ) : null}
          {entries.data && entries.data.items.length > 0 ? (
            <table className="table table-log">
              <thead>
                <tr>
                  <th scope="col">{t.audit.time}</th>
                  <th scope="col">{t.audit.actor}</th>
                  <th scope="col">{t.audit.action}</th>
                  <th scope="col">{t.audit.outcome}</th>
                  <th scope="col">{t.audit.purpose}</th>
                  <th scope="col">{t.audit.persons}</th>
                </tr>
              </thead>
              <tbody>
                {entries.data.items.map((entry) => (
                  <tr key={entry.id}>
                    <td className="cell-date">{format.dateTime(entry.occurredAt)}</td>
                    <td>{entry.actorName ?? t.audit.system}</td>
                    <td>{entry.actionLabel}</td>
                    <td>
                      <span className={`badge badge-${entry.outcome}`}>
                        {t.audit.outcomes[entry.outcome] ?? entry.outcome}
                      </span>
                    </td>
                    <td>{entry.purposeLabel ?? t.common.none}</td>
                    <td className="cell-ids">
                      <PersonIds ids={entry.personIds} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}

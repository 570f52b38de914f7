import { useId, useState, type FormEvent } from 'react';
import type { InvestigationSort, InvestigationStatus } from '../api/control-types.ts';
import { useInvestigations } from '../api/queries.ts';
import { Empty, ErrorMessage, Loading } from '../components/Feedback.tsx';
import { Page } from '../components/Page.tsx';
import { PersonName } from '../components/PersonName.tsx';
import { fill, useControlLabels, useControlT, useFormat } from '../i18n.ts';
import { assistancePaths, controlPaths } from '../paths.ts';
import { Link, navigate, useLocation } from '../router.tsx';

const PAGE_SIZE = 25;

/** The list's state lives in the address (?status=open&sort=-opened&sida=2), so it can be linked. */
function listHref(status: InvestigationStatus | '', sort: InvestigationSort, page: number): string {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (sort !== 'opened') params.set('sort', sort);
  if (page > 1) params.set('sida', String(page));
  const search = params.toString();
  return search ? `${controlPaths.investigations}?${search}` : controlPaths.investigations;
}

/**
 * /kontroll/utredningar — the fraud investigator's investigations, filtered, sorted and paged by
 * the server: open ones first, then by the day opened.
 */
export function InvestigationsPage() {
  const c = useControlT();
  const { search } = useLocation();
  const statusParam = search.get('status');
  const status: InvestigationStatus | '' =
    statusParam === 'open' || statusParam === 'closed' ? statusParam : '';
  const sort: InvestigationSort = search.get('sort') === '-opened' ? '-opened' : 'opened';
  const page = Math.max(1, Math.min(100_000, Number.parseInt(search.get('sida') ?? '1', 10) || 1));

  return (
    <Page title={c.investigations.title} intro={c.investigations.intro}>
      <Filters key={`${status}|${sort}`} status={status} sort={sort} />
      <Results status={status} sort={sort} page={page} />
    </Page>
  );
}

function Filters({ status, sort }: { status: InvestigationStatus | ''; sort: InvestigationSort }) {
  const c = useControlT();
  const texts = c.investigations;
  const ids = { heading: useId(), status: useId(), sort: useId() };
  const [statusValue, setStatusValue] = useState(status);
  const [sortValue, setSortValue] = useState(sort);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(listHref(statusValue, sortValue, 1));
  };
  return (
    <form className="form-panel" aria-labelledby={ids.heading} onSubmit={onSubmit}>
      <h2 id={ids.heading}>{texts.filters}</h2>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={ids.status}>{texts.status}</label>
          <select
            id={ids.status}
            value={statusValue}
            onChange={(event) => setStatusValue(event.target.value as InvestigationStatus | '')}
          >
            <option value="">{texts.statusAll}</option>
            <option value="open">{texts.statusOpen}</option>
            <option value="closed">{texts.statusClosed}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.sort}>{texts.sort}</label>
          <select
            id={ids.sort}
            value={sortValue}
            onChange={(event) => setSortValue(event.target.value as InvestigationSort)}
          >
            <option value="opened">{texts.sortOldest}</option>
            <option value="-opened">{texts.sortNewest}</option>
          </select>
        </div>
        <button type="submit">{texts.apply}</button>
      </div>
    </form>
  );
}

function Results({
  status,
  sort,
  page,
}: {
  status: InvestigationStatus | '';
  sort: InvestigationSort;
  page: number;
}) {
  const c = useControlT();
  const labels = useControlLabels();
  const format = useFormat();
  const texts = c.investigations;
  const headingId = useId();
  const list = useInvestigations({ ...(status ? { status } : {}), sort, page, pageSize: PAGE_SIZE });

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />;
  const { items, total } = list.data;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{fill(texts.total, { total: format.number(total) })}</h2>
      </div>
      {items.length === 0 ? (
        <Empty>{texts.empty}</Empty>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">{fill(texts.caption, { page, pages })}</caption>
            <thead>
              <tr>
                <th scope="col">{texts.suspicion}</th>
                <th scope="col">{texts.applicant}</th>
                <th scope="col">{texts.case}</th>
                <th scope="col">{texts.openedOn}</th>
                <th scope="col" className="cell-number">
                  {texts.daysOpen}
                </th>
                <th scope="col">{texts.statusColumn}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={controlPaths.investigation(item.id)}>{item.suspicionLabel}</Link>
                  </td>
                  <td>
                    <PersonName name={item.applicantName} />
                  </td>
                  <td>
                    <Link
                      to={assistancePaths.case(item.caseId)}
                      aria-label={fill(texts.toCaseLabel, { date: format.date(item.openedOn) })}
                    >
                      {texts.toCase}
                    </Link>
                  </td>
                  <td className="cell-date">{format.date(item.openedOn)}</td>
                  <td className="cell-number">{format.number(item.daysOpen)}</td>
                  <td>
                    <span className={`badge badge-${item.status}`}>{c.status[item.status]}</span>
                    {item.outcome ? <span className="cell-note">{labels.outcomes[item.outcome]}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 || page > 1 ? (
        <nav className="pager" aria-label={texts.pages}>
          {page > 1 ? (
            <Link to={listHref(status, sort, Math.min(page - 1, pages))}>{texts.previous}</Link>
          ) : null}
          <span>{fill(texts.pageOf, { page, pages })}</span>
          {page < pages ? <Link to={listHref(status, sort, page + 1)}>{texts.next}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}

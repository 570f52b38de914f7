import { useId, useState, type FormEvent } from 'react';
import { catalogues } from '../../../../src/i18n/catalogue.ts';
import type { DeepStrings } from '../../../../src/i18n/types.ts';
import {
  nationalStatisticsApi,
  useNationalStatisticsCheck,
  type NationalStatisticsCheck,
} from '../../api/national-statistics.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { describedBy, FieldMessage } from '../../components/FieldError.tsx';
import { Page } from '../../components/Page.tsx';
import { swedishToday } from '../../dates.ts';
import { fill, useFormat, useLocale } from '../../i18n.ts';
import { oreToKronor } from '../../money.ts';
import { assistancePaths } from '../../paths.ts';
import { Link, navigate, useLocation } from '../../router.tsx';
import { useHasPermission } from '../../session.tsx';

const PATH = '/uppfoljning/statistikleverans';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

type Texts = DeepStrings<(typeof catalogues)['sv']['nationalStatisticsUi']>;

function useTexts(): Texts {
  const [locale] = useLocale();
  return catalogues[locale].nationalStatisticsUi;
}

/** The month before today's: the one due by the 15th. */
function previousMonth(): string {
  const [year, month] = swedishToday().split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/**
 * /uppfoljning/statistikleverans(?manad=ÅÅÅÅ-MM) — the month's delivery to Socialstyrelsen
 * (HSLF-FS 2015:30): counts, the problems per case (by a reference that names no one, with a
 * link to the case), and for managers the download of the file once there are no errors.
 */
export function NationalStatisticsPage() {
  const x = useTexts();
  const { search } = useLocation();
  const param = search.get('manad');
  const month = param && MONTH.test(param) ? param : previousMonth();
  return (
    <Page title={x.title} intro={x.intro}>
      <MonthForm key={month} month={month} />
      <Report month={month} />
    </Page>
  );
}

function MonthForm({ month }: { month: string }) {
  const x = useTexts();
  const ids = { month: useId(), error: useId() };
  const [value, setValue] = useState(month);
  const [invalid, setInvalid] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ok = MONTH.test(value);
    setInvalid(!ok);
    if (ok) navigate(`${PATH}?manad=${value}`);
  };
  return (
    <form className="form-panel" aria-label={x.title} onSubmit={onSubmit} noValidate>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={ids.month}>{x.month}</label>
          <input
            id={ids.month}
            type="month"
            value={value}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy(invalid && ids.error)}
            onChange={(event) => setValue(event.target.value)}
          />
          <FieldMessage id={ids.error} messages={invalid ? [x.monthRequired] : []} />
        </div>
        <button type="submit">{x.show}</button>
      </div>
    </form>
  );
}

function Report({ month }: { month: string }) {
  const check = useNationalStatisticsCheck(month);
  if (check.isPending) return <Loading />;
  if (check.isError) return <ErrorMessage error={check.error} onRetry={() => void check.refetch()} />;
  return (
    <>
      <Summary check={check.data} />
      <Problems check={check.data} />
      <Download check={check.data} />
    </>
  );
}

function Summary({ check }: { check: NationalStatisticsCheck }) {
  const x = useTexts();
  const format = useFormat();
  const headingId = useId();
  const c = check.counts;
  const rows: [string, string][] = [
    [x.counts.households, format.number(c.households)],
    [x.counts.adults, format.number(c.adults)],
    [x.counts.children, format.number(c.children)],
    [x.counts.paidKronor, format.kronor(oreToKronor(c.paidOre))],
    [x.counts.inMeasure, format.number(c.adultsInMeasure)],
    [x.counts.closedCases, format.number(c.closedCases)],
    [x.counts.rows, format.number(c.rows)],
  ];
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{fill(x.summaryHeading, { month: format.month(check.month) })}</h2>
        <span className="panel-meta">{fill(x.dueOn, { date: format.date(check.dueOn) })}</span>
      </div>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Problems({ check }: { check: NationalStatisticsCheck }) {
  const x = useTexts();
  const format = useFormat();
  const headingId = useId();
  const canOpenCases = useHasPermission('assistance:read');
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{x.problemsHeading}</h2>
        <span className="panel-meta">
          {fill(x.errorsCount, { count: check.errors })} · {fill(x.warningsCount, { count: check.warnings })}
        </span>
      </div>
      {check.problems.length === 0 ? (
        <Empty>{fill(x.noProblems, { month: format.month(check.month) })}</Empty>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{x.problemsHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{x.columns.severity}</th>
              <th scope="col">{x.columns.problem}</th>
              <th scope="col">{x.columns.case}</th>
            </tr>
          </thead>
          <tbody>
            {check.problems.map((p, index) => (
              <tr key={`${p.rule}-${p.caseId}-${index}`}>
                <td>
                  <span className={p.severity === 'error' ? 'badge badge-failed' : 'badge badge-info'}>
                    {x.severity[p.severity]}
                  </span>
                </td>
                <td>{p.message}</td>
                <td>
                  {canOpenCases ? (
                    <Link
                      to={assistancePaths.case(p.caseId)}
                      aria-label={fill(x.toCaseLabel, { ref: p.caseRef })}
                    >
                      {p.caseRef}
                    </Link>
                  ) : (
                    p.caseRef
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Download({ check }: { check: NationalStatisticsCheck }) {
  const x = useTexts();
  const canDownload = useHasPermission('followup:write');
  if (!canDownload) return null;
  return (
    <section className="panel" aria-label={x.download}>
      <p className="cell-note">{x.unverified}</p>
      {check.errors > 0 ? (
        <>
          <p className="notice notice-warning">{x.hasErrors}</p>
          <button type="button" className="button-secondary" disabled>
            {x.download}
          </button>
          <p className="cell-note">{x.downloadBlocked}</p>
        </>
      ) : (
        <>
          <a className="button" href={nationalStatisticsApi.fileUrl(check.month)} download={check.fileName}>
            {x.download}
          </a>
          <p className="cell-note">{x.downloadHint}</p>
        </>
      )}
    </section>
  );
}

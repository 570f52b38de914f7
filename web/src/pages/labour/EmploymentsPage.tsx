import { useId, useState, type FormEvent } from 'react';
import {
  useEmploymentsOverview,
  type EmploymentsOverview,
  type ExchangeTotals,
} from '../../api/employments.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { PersonName } from '../../components/PersonName.tsx';
import { swedishToday } from '../../dates.ts';
import { employmentPaths, useEmploymentsT } from '../../employments-i18n.ts';
import { formatNumber } from '../../../../src/i18n/format.ts';
import { fill, useFormat, useLocale } from '../../i18n.ts';
import { oreToKronor } from '../../money.ts';
import { Link, navigate, useLocation } from '../../router.tsx';

const referralPath = (id: string) => `/jobb/anvisningar/${encodeURIComponent(id)}`;

/**
 * /jobb/anstallningar(?manad=YYYY-MM) — the unit's subsidised employments: counts per form in the
 * month (as in seed 003's table of Jobb Borås), employments ending within 60 days, and "Växla
 * bidrag mot lön" per person and for the unit, for the month and the year to date.
 */
export function EmploymentsPage() {
  const e = useEmploymentsT();
  const { search } = useLocation();
  const param = search.get('manad');
  const month = param && /^\d{4}-(0[1-9]|1[0-2])$/.test(param) ? param : swedishToday().slice(0, 7);
  const overview = useEmploymentsOverview(month);
  return (
    <Page title={e.page.title} intro={e.page.intro}>
      <MonthForm key={month} month={month} />
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? (
        <ErrorMessage error={overview.error} onRetry={() => void overview.refetch()} />
      ) : null}
      {overview.data ? (
        <>
          <ByForm data={overview.data} />
          <Ending data={overview.data} />
          <Exchange data={overview.data} />
        </>
      ) : null}
    </Page>
  );
}

function MonthForm({ month }: { month: string }) {
  const e = useEmploymentsT();
  const ids = { heading: useId(), month: useId() };
  const [value, setValue] = useState(month);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (/^\d{4}-\d{2}$/.test(value)) navigate(`${employmentPaths.overview}?manad=${value}`);
  };
  return (
    <form className="inline-form" aria-label={e.page.month} onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={ids.month}>{e.page.month}</label>
        <input id={ids.month} type="month" value={value} onChange={(event) => setValue(event.target.value)} />
      </div>
      <button type="submit" className="button-secondary">
        {e.page.show}
      </button>
    </form>
  );
}

function ByForm({ data }: { data: EmploymentsOverview }) {
  const e = useEmploymentsT();
  const format = useFormat();
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{fill(e.page.byFormTitle, { month: format.month(data.month) })}</h2>
      {data.byForm.length === 0 ? (
        <Empty>{e.page.byFormEmpty}</Empty>
      ) : (
        <table className="table table-narrow">
          <caption className="visually-hidden">{e.page.byFormCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{e.page.formColumn}</th>
              <th scope="col">{e.page.qualifiesColumn}</th>
              <th scope="col" className="cell-number">
                {e.page.countColumn}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.byForm.map((row) => (
              <tr key={row.form}>
                <th scope="row">{row.label}</th>
                <td>{row.qualifies ? e.page.yes : e.page.no}</td>
                <td className="cell-number">{format.number(row.count)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{e.page.total}</th>
              <td />
              <td className="cell-number amount-strong">{format.number(data.totalEmployed)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}

function Ending({ data }: { data: EmploymentsOverview }) {
  const e = useEmploymentsT();
  const format = useFormat();
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{e.page.endingTitle}</h2>
      {data.ending.length === 0 ? (
        <Empty>{e.page.endingEmpty}</Empty>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{e.page.endingCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{e.page.person}</th>
              <th scope="col">{e.page.formColumn}</th>
              <th scope="col">{e.section.employer}</th>
              <th scope="col">{e.page.endsOn}</th>
              <th scope="col" className="cell-number">
                {e.page.daysLeft}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.ending.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link to={referralPath(row.referralId)}>
                    <PersonName name={row.name} protectedIdentity={row.protectedIdentity} />
                  </Link>
                </td>
                <td>{row.formLabel}</td>
                <td>{row.employer}</td>
                <td className="cell-date">{format.date(row.endsOn)}</td>
                <td className="cell-number">{format.number(row.daysLeft)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Exchange({ data }: { data: EmploymentsOverview }) {
  const e = useEmploymentsT();
  const format = useFormat();
  const [locale] = useLocale();
  const headingId = useId();
  const kr = (ore: number | null) =>
    ore === null ? e.exchange.notAvailable : format.kronor(oreToKronor(ore));
  const { month, yearToDate, persons } = data.exchange;
  const totalRow = (label: string, totals: ExchangeTotals) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="cell-number">{format.number(totals.persons)}</td>
      <td className="cell-number">{kr(totals.salaryCostOre)}</td>
      <td className="cell-number">{kr(totals.supportOre)}</td>
      <td className="cell-number amount-strong">{kr(totals.netCostOre)}</td>
      <td className="cell-number amount-strong">{kr(totals.assistanceAvoidedOre)}</td>
    </tr>
  );
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{e.exchange.title}</h2>
      <p className="section-intro">{e.exchange.personIntro}</p>
      <table className="table table-figures">
        <caption>{e.exchange.total}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col" className="cell-number">
              {e.exchange.persons}
            </th>
            <th scope="col" className="cell-number">
              {e.exchange.salaryCost}
            </th>
            <th scope="col" className="cell-number">
              {e.exchange.support}
            </th>
            <th scope="col" className="cell-number">
              {e.exchange.netCost}
            </th>
            <th scope="col" className="cell-number">
              {e.exchange.assistanceAvoided}
            </th>
          </tr>
        </thead>
        <tbody>
          {totalRow(fill(e.exchange.thisMonth, { month: format.month(data.month) }), month)}
          {totalRow(e.exchange.yearToDate, yearToDate)}
        </tbody>
      </table>
      {yearToDate.personsWithoutAssistanceData > 0 ? (
        <p className="panel-meta">
          {fill(e.exchange.withoutData, { count: yearToDate.personsWithoutAssistanceData })}
        </p>
      ) : null}
      {persons.length === 0 ? (
        <Empty>{e.exchange.empty}</Empty>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table className="table table-figures">
            <caption>{fill(e.exchange.caption, { month: format.month(data.month) })}</caption>
            <thead>
              <tr>
                <th scope="col">{e.exchange.person}</th>
                <th scope="col" className="cell-number">
                  {e.exchange.monthsEmployed}
                </th>
                <th scope="col" className="cell-number">
                  {e.exchange.netCost}
                </th>
                <th scope="col" className="cell-number">
                  {`${e.exchange.netCost}, ${e.exchange.yearToDate.toLowerCase()}`}
                </th>
                <th scope="col" className="cell-number">
                  {e.exchange.assistanceAvoided}
                </th>
                <th scope="col" className="cell-number">
                  {`${e.exchange.assistanceAvoided}, ${e.exchange.yearToDate.toLowerCase()}`}
                </th>
              </tr>
            </thead>
            <tbody>
              {persons.map((p) => (
                <tr key={p.personId}>
                  <td>
                    <Link to={referralPath(p.referralId)}>
                      <PersonName name={p.name} protectedIdentity={p.protectedIdentity} />
                    </Link>
                  </td>
                  <td className="cell-number">{formatNumber(p.yearToDate.monthsEmployed, locale, 2)}</td>
                  <td className="cell-number">{kr(p.thisMonth.netCostOre)}</td>
                  <td className="cell-number">{kr(p.yearToDate.netCostOre)}</td>
                  <td className="cell-number">{kr(p.thisMonth.assistanceAvoidedOre)}</td>
                  <td className="cell-number">{kr(p.yearToDate.assistanceAvoidedOre)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

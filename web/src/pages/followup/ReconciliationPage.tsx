import { useId, useState, type FormEvent } from 'react';
import { formatNumber } from '../../../../src/i18n/format.ts';
import { useReconciliation, type ReconciliationItem } from '../../api/benchmark.ts';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { describedBy, FieldMessage } from '../../components/FieldError.tsx';
import { Page } from '../../components/Page.tsx';
import { fill, useLocale } from '../../i18n.ts';
import { Link, navigate, useLocation } from '../../router.tsx';
import { BenchmarkValue, useBenchmarkT } from './BenchmarkPage.tsx';

const PATH = '/uppfoljning/avstamning';

const VERDICT_BADGE: Record<ReconciliationItem['verdict'], string> = {
  within_rounding: 'badge badge-allowed',
  differs: 'badge badge-failed',
  kolada_missing: 'badge badge-info',
  own_missing: 'badge badge-info',
};

/**
 * /uppfoljning/avstamning(?ar=ÅÅÅÅ) — for a past year, each indicator with a Kolada id: our
 * computed value, Kolada's published one, the difference (absolute and relative) and whether
 * rounding explains it; differences are highlighted, and each row links to the drill-down.
 */
export function ReconciliationPage() {
  const b = useBenchmarkT();
  const { search } = useLocation();
  const lastYear = new Date().getFullYear() - 1;
  const param = search.get('ar');
  // Without ?ar= the server picks the latest past year with Kolada values for our code.
  const year = param && /^\d{4}$/.test(param) && Number(param) <= lastYear ? Number(param) : null;
  const result = useReconciliation(year);
  const shownYear = year ?? result.data?.year ?? null;
  return (
    <Page title={b.reconciliation.title} intro={b.reconciliation.intro}>
      {shownYear === null ? null : <YearForm key={shownYear} year={shownYear} lastYear={lastYear} />}
      <ReconciliationTable result={result} />
    </Page>
  );
}

function YearForm({ year, lastYear }: { year: number; lastYear: number }) {
  const b = useBenchmarkT();
  const ids = { year: useId(), error: useId() };
  const [value, setValue] = useState(String(year));
  const [invalid, setInvalid] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ok = /^\d{4}$/.test(value) && Number(value) <= lastYear;
    setInvalid(!ok);
    if (ok) navigate(`${PATH}?ar=${value}`);
  };
  return (
    <form className="form-panel" aria-label={b.reconciliation.title} onSubmit={onSubmit} noValidate>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={ids.year}>{b.reconciliation.year}</label>
          <input
            id={ids.year}
            inputMode="numeric"
            size={6}
            value={value}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy(invalid && ids.error)}
            onChange={(event) => setValue(event.target.value)}
          />
          <FieldMessage id={ids.error} messages={invalid ? [b.reconciliation.yearInvalid] : []} />
        </div>
        <button type="submit">{b.reconciliation.show}</button>
      </div>
    </form>
  );
}

function ReconciliationTable({ result }: { result: ReturnType<typeof useReconciliation> }) {
  const b = useBenchmarkT();
  const [locale] = useLocale();
  const texts = b.reconciliation;
  if (result.isPending) return <Loading />;
  if (result.isError) return <ErrorMessage error={result.error} onRetry={() => void result.refetch()} />;
  const { municipality, rows, summary, year } = result.data;
  const signed = (value: number, decimals: number) =>
    `${value > 0 ? '+' : ''}${formatNumber(value, locale, decimals)}`;
  return (
    <>
      <p>
        {fill(texts.comparedWith, {
          name: municipality.koladaName ?? municipality.koladaCode,
          code: municipality.koladaCode,
        })}{' '}
        {fill(texts.summary, {
          differs: summary.differs,
          within: summary.withinRounding,
          missing: summary.koladaMissing + summary.ownMissing,
        })}
      </p>
      <div className="table-scroll">
        <table className="table table-figures">
          <caption>{fill(texts.caption, { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.indicator}</th>
              <th scope="col">{texts.koladaId}</th>
              <th scope="col" className="cell-number">
                {texts.own}
              </th>
              <th scope="col" className="cell-number">
                {texts.kolada}
              </th>
              <th scope="col" className="cell-number">
                {texts.difference}
              </th>
              <th scope="col" className="cell-number">
                {texts.relative}
              </th>
              <th scope="col">{texts.verdict}</th>
              <th scope="col">{texts.explain}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.indicatorId} data-verdict={row.verdict}>
                <th scope="row">{row.title}</th>
                <td>{row.koladaId}</td>
                <td className="cell-number">
                  <BenchmarkValue value={row.own} unit={row.unit} suppressed={row.ownSuppressed} />
                </td>
                <td className="cell-number">
                  <BenchmarkValue value={row.kolada} unit={row.unit} />
                </td>
                <td className="cell-number">
                  {row.difference === null ? (
                    <abbr title={b.missingTitle}>{b.missing}</abbr>
                  ) : row.verdict === 'differs' ? (
                    <strong>{signed(row.difference, 2)}</strong>
                  ) : (
                    signed(row.difference, 2)
                  )}
                </td>
                <td className="cell-number">
                  {row.relativeDifference === null ? (
                    <abbr title={b.missingTitle}>{b.missing}</abbr>
                  ) : (
                    `${signed(row.relativeDifference, 1)} %`
                  )}
                </td>
                <td>
                  <span
                    className={VERDICT_BADGE[row.verdict]}
                    title={
                      row.tolerance === null
                        ? undefined
                        : fill(texts.tolerance, { tolerance: formatNumber(row.tolerance, locale, 3) })
                    }
                  >
                    {texts.verdicts[row.verdict]}
                  </span>
                </td>
                <td>
                  <Link
                    to={row.drilldownPath}
                    aria-label={fill(texts.explainLabel, { indicator: row.title, year: row.year })}
                  >
                    {texts.explainLink}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

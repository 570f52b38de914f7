import { useId } from 'react';
import { useStats } from '../api/queries.ts';
import { Empty, ErrorMessage, Loading } from '../components/Feedback.tsx';
import { Heading, type HeadingLevel } from '../components/Page.tsx';
import { fill, useFormat, useT } from '../i18n.ts';

/** A number, or "–" (read out as "färre än 5") when it is suppressed to protect individuals. */
function Figure({ value, suppressed }: { value: number | null; suppressed: boolean }) {
  const t = useT();
  const format = useFormat();
  if (suppressed || value === null) {
    return (
      <>
        <span aria-hidden="true">{t.common.none}</span>
        <span className="visually-hidden">{t.stats.suppressed}</span>
      </>
    );
  }
  return <>{format.number(value)}</>;
}

/** The analyst's aggregated statistics; small numbers come suppressed from the server. */
export function StatsSection({ level }: { level: HeadingLevel }) {
  const t = useT();
  const stats = useStats();
  const headingId = useId();
  const noteId = useId();
  const sub: HeadingLevel = level === 1 ? 2 : 3;
  const anySuppressed =
    stats.data !== undefined &&
    (stats.data.figures.some((figure) => figure.suppressed) ||
      stats.data.byUnit.some((unit) => unit.suppressed));

  return (
    <section className="panel" aria-labelledby={headingId}>
      <Heading level={level} id={headingId}>
        {t.stats.title}
      </Heading>
      {stats.isPending ? <Loading /> : null}
      {stats.isError ? <ErrorMessage error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      {stats.data ? (
        <>
          <p className="section-intro">
            {fill(t.stats.intro, { municipality: stats.data.municipality.name })}
          </p>
          <div className="stats-grid">
            <div>
              <Heading level={sub}>{t.stats.figuresCaption}</Heading>
              <table className="table table-figures" aria-describedby={anySuppressed ? noteId : undefined}>
                <thead>
                  <tr>
                    <th scope="col">{t.stats.figure}</th>
                    <th scope="col" className="cell-number">
                      {t.stats.value}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {stats.data.figures.map((figure) => (
                    <tr key={figure.key}>
                      <th scope="row">{t.stats.figures[figure.key] ?? figure.key}</th>
                      <td className="cell-number">
                        <Figure value={figure.value} suppressed={figure.suppressed} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div>
              <Heading level={sub}>{t.stats.byUnitCaption}</Heading>
              {stats.data.byUnit.length === 0 ? (
                <Empty>{t.stats.noUnits}</Empty>
              ) : (
                <table className="table table-figures" aria-describedby={anySuppressed ? noteId : undefined}>
                  <thead>
                    <tr>
                      <th scope="col">{t.stats.unit}</th>
                      <th scope="col" className="cell-number">
                        {t.stats.openCases}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {stats.data.byUnit.map((unit) => (
                      <tr key={unit.unitName}>
                        <th scope="row">{unit.unitName}</th>
                        <td className="cell-number">
                          <Figure value={unit.openCases} suppressed={unit.suppressed} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          </div>
          <p className="footnote" id={noteId}>
            {t.stats.suppressedNote}
          </p>
        </>
      ) : null}
    </section>
  );
}

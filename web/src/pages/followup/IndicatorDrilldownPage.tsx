/**
 * /uppfoljning/nyckeltal/:id?period=: the households or persons behind a figure. Managers see
 * those of their own units by name (never a protected identity's) and how many are outside;
 * analysts see counts only, suppressed under 5.
 */
import { useDrilldown, type Count } from '../../api/indicators.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { PersonName } from '../../components/PersonName.tsx';
import { swedishToday } from '../../dates.ts';
import { fill, useFormat } from '../../i18n.ts';
import { INDICATORS_PATH, useIndicatorsT } from '../../indicators-i18n.ts';
import { Link, useLocation } from '../../router.tsx';

export function IndicatorDrilldownPage({ id }: { id: string }) {
  const x = useIndicatorsT();
  const format = useFormat();
  const period = useLocation().search.get('period') ?? swedishToday().slice(0, 4);
  const drilldown = useDrilldown(id, period);
  const count = (c: Count) => (c.suppressed ? x.suppressed : format.number(c.value ?? 0));
  const data = drilldown.data;
  return (
    <Page title={data ? fill(x.drilldown.title, { title: data.title }) : x.list.title}>
      <p>
        <Link to={`${INDICATORS_PATH}?period=${encodeURIComponent(period)}`}>{x.drilldown.back}</Link>
      </p>
      {drilldown.isPending ? <Loading /> : null}
      {drilldown.error ? (
        <ErrorMessage error={drilldown.error} onRetry={() => void drilldown.refetch()} />
      ) : null}
      {data ? (
        <section className="panel" aria-label={fill(x.drilldown.period, { period: data.period })}>
          <p>{fill(x.drilldown.period, { period: data.period })}</p>
          {data.kind === null ? (
            <Empty>{x.drilldown.noSubjects}</Empty>
          ) : (
            <>
              <dl className="table-meta">
                <dt>{x.drilldown.total}</dt>
                <dd>{count(data.total)}</dd>
                {data.outsideScope ? (
                  <>
                    <dt>{x.drilldown.outsideScope}</dt>
                    <dd>{count(data.outsideScope)}</dd>
                  </>
                ) : null}
              </dl>
              {data.items === null ? <p>{x.drilldown.countsOnly}</p> : null}
              {data.items && data.items.length === 0 ? <Empty>{x.drilldown.none}</Empty> : null}
              {data.items && data.items.length > 0 ? (
                <table className="table">
                  <caption>
                    {data.kind === 'household' ? x.drilldown.households : x.drilldown.persons}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{x.drilldown.name}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((item) => (
                      <tr key={item.householdId ?? item.personId}>
                        <td>
                          {item.personId ? (
                            <Link to={`/personer/${encodeURIComponent(item.personId)}`}>
                              <PersonName name={item.name} protectedIdentity={item.protectedIdentity} />
                            </Link>
                          ) : (
                            <PersonName name={item.name} protectedIdentity={item.protectedIdentity} />
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              <p className="hint">{x.suppressedHint}</p>
            </>
          )}
        </section>
      ) : null}
    </Page>
  );
}

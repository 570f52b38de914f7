import { useMyCases } from '../api/queries.ts';
import { Empty, ErrorMessage, Loading } from '../components/Feedback.tsx';
import { Heading, type HeadingLevel } from '../components/Page.tsx';
import { PersonName } from '../components/PersonName.tsx';
import { fill, useFormat, useT } from '../i18n.ts';
import { assistancePaths } from '../paths.ts';
import { Link } from '../router.tsx';
import { useHasPermission } from '../session.tsx';

/** "Mina ärenden": the caseworker's or consultant's own cases, open ones first. */
export function MyCasesSection({ level }: { level: HeadingLevel }) {
  const t = useT();
  const format = useFormat();
  const cases = useMyCases();
  const canReadAssistance = useHasPermission('assistance:read');
  const items = [...(cases.data?.items ?? [])].sort(
    (a, b) =>
      Number(a.closedOn !== null) - Number(b.closedOn !== null) || b.openedOn.localeCompare(a.openedOn),
  );
  const open = items.filter((item) => item.closedOn === null).length;

  return (
    <section className="panel" aria-labelledby="section-my-cases">
      <div className="panel-head">
        <Heading level={level} id="section-my-cases">
          {t.myCases.title}
        </Heading>
        {cases.data ? (
          <span className="panel-meta">{fill(t.myCases.count, { open, total: items.length })}</span>
        ) : null}
      </div>
      {cases.isPending ? <Loading /> : null}
      {cases.isError ? <ErrorMessage error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {cases.data && items.length === 0 ? <Empty>{t.myCases.empty}</Empty> : null}
      {items.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{t.myCases.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.myCases.applicant}</th>
              <th scope="col">{t.myCases.kind}</th>
              <th scope="col">{t.myCases.unit}</th>
              <th scope="col">{t.myCases.openedOn}</th>
              <th scope="col">{t.myCases.status}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className={item.closedOn ? 'row-muted' : undefined}>
                <td>
                  <Link to={`/personer/${encodeURIComponent(item.applicant.personId)}`}>
                    <PersonName
                      name={item.applicant.name}
                      protectedIdentity={item.applicant.protectedIdentity}
                    />
                  </Link>
                </td>
                <td>
                  {item.kind === 'assistance' && canReadAssistance ? (
                    <Link to={assistancePaths.case(item.id)}>{t.caseKind[item.kind]}</Link>
                  ) : (
                    (t.caseKind[item.kind] ?? item.kind)
                  )}
                </td>
                <td>{item.unitName}</td>
                <td className="cell-date">{format.date(item.openedOn)}</td>
                <td>
                  {item.closedOn
                    ? fill(t.myCases.closedOn, { date: format.date(item.closedOn) })
                    : t.myCases.open}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

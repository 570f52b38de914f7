import { useCaseloads } from '../api/queries.ts';
import { Empty, ErrorMessage, Loading } from '../components/Feedback.tsx';
import { Heading, type HeadingLevel } from '../components/Page.tsx';
import { fill, useAssistanceT } from '../i18n.ts';

/** The unit manager's view of each caseworker's caseload (Borås: at most 40–45 cases each). */
export function CaseloadSection({ level }: { level: HeadingLevel }) {
  const a = useAssistanceT();
  const texts = a.caseloads;
  const caseloads = useCaseloads();
  const items = caseloads.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="section-caseloads">
      <div className="panel-head">
        <Heading level={level} id="section-caseloads">
          {texts.title}
        </Heading>
      </div>
      {caseloads.data ? <p>{fill(texts.intro, { limit: caseloads.data.limit })}</p> : null}
      {caseloads.isPending ? <Loading /> : null}
      {caseloads.isError ? (
        <ErrorMessage error={caseloads.error} onRetry={() => void caseloads.refetch()} />
      ) : null}
      {caseloads.data && items.length === 0 ? <Empty>{texts.empty}</Empty> : null}
      {items.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{texts.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.caseworker}</th>
              <th scope="col">{texts.unit}</th>
              <th scope="col" className="cell-number">
                {texts.open}
              </th>
              <th scope="col" className="cell-number">
                {texts.overdue}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.caseworkerId}-${item.unitName}`}>
                <td>{item.name}</td>
                <td>{item.unitName}</td>
                <td className="cell-number">
                  {item.open}
                  {item.over ? <span className="badge badge-overdue">{texts.over}</span> : null}
                </td>
                <td className="cell-number">{item.waitingOverdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

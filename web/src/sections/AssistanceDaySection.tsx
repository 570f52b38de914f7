import { useMyDay } from '../api/queries.ts';
import { Empty, ErrorMessage, Loading } from '../components/Feedback.tsx';
import { Heading, subLevel, type HeadingLevel } from '../components/Page.tsx';
import { PersonName } from '../components/PersonName.tsx';
import { fill, useAssistanceT, useFormat } from '../i18n.ts';
import { assistancePaths } from '../paths.ts';
import { Link } from '../router.tsx';

function Overdue() {
  const a = useAssistanceT();
  return <span className="badge badge-overdue">{a.common.overdue}</span>;
}

function ApplicantLink({ caseId, applicant }: { caseId: string; applicant: string | null }) {
  return (
    <Link to={assistancePaths.case(caseId)}>
      <PersonName name={applicant} />
    </Link>
  );
}

/**
 * "Min dag": the caseworker's visits today, applications waiting for a decision (due by the
 * service norm), intake steps due, cases without a visit this month, and the caseload.
 */
export function AssistanceDaySection({ level }: { level: HeadingLevel }) {
  const a = useAssistanceT();
  const format = useFormat();
  const day = useMyDay();
  const sub = subLevel(level);
  const texts = a.myDay;
  const data = day.data;

  return (
    <section className="panel" aria-labelledby="section-my-day">
      <div className="panel-head">
        <Heading level={level} id="section-my-day">
          {texts.title}
        </Heading>
        {data ? (
          <span className={data.caseload.over ? 'panel-meta panel-meta-attention' : 'panel-meta'}>
            {fill(texts.caseload, { open: data.caseload.open, limit: data.caseload.limit })}
          </span>
        ) : null}
      </div>
      {day.isPending ? <Loading /> : null}
      {day.isError ? <ErrorMessage error={day.error} onRetry={() => void day.refetch()} /> : null}
      {data?.caseload.over ? (
        <div className="notice notice-warning">
          <p>{fill(texts.caseloadOver, { open: data.caseload.open, limit: data.caseload.limit })}</p>
        </div>
      ) : null}
      {data ? (
        <div className="day-grid">
          <div className="day-block">
            <Heading level={sub} id="my-day-visits">
              {texts.visits.title}
            </Heading>
            {data.visitsToday.length === 0 ? (
              <Empty>{texts.visits.empty}</Empty>
            ) : (
              <table className="table" aria-labelledby="my-day-visits">
                <thead>
                  <tr>
                    <th scope="col">{texts.visits.time}</th>
                    <th scope="col">{texts.applicant}</th>
                    <th scope="col">{texts.visits.status}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.visitsToday.map((visit) => (
                    <tr key={visit.id}>
                      <td className="cell-date">{format.time(visit.startsAt)}</td>
                      <td>
                        <ApplicantLink caseId={visit.caseId} applicant={visit.applicant} />
                      </td>
                      <td>{a.visitStatus[visit.status as keyof typeof a.visitStatus] ?? visit.status}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>

          <div className="day-block">
            <Heading level={sub} id="my-day-waiting">
              {texts.waiting.title}
            </Heading>
            {data.waitingApplications.length === 0 ? (
              <Empty>{texts.waiting.empty}</Empty>
            ) : (
              <table className="table" aria-labelledby="my-day-waiting">
                <thead>
                  <tr>
                    <th scope="col">{texts.applicant}</th>
                    <th scope="col">{texts.waiting.month}</th>
                    <th scope="col">{texts.waiting.receivedOn}</th>
                    <th scope="col">{texts.waiting.dueOn}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.waitingApplications.map((application) => (
                    <tr key={application.id}>
                      <td>
                        <ApplicantLink caseId={application.caseId} applicant={application.applicant} />
                      </td>
                      <td>
                        <Link to={assistancePaths.application(application.id, application.caseId)}>
                          {format.month(application.month)}
                        </Link>
                      </td>
                      <td className="cell-date">{format.date(application.receivedOn)}</td>
                      <td className="cell-date">
                        {application.dueOn ? format.date(application.dueOn) : texts.waiting.notComplete}
                        {application.overdue ? (
                          <>
                            {' '}
                            <Overdue />
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>

          <div className="day-block">
            <Heading level={sub} id="my-day-steps">
              {texts.steps.title}
            </Heading>
            {data.stepsDue.length === 0 ? (
              <Empty>{texts.steps.empty}</Empty>
            ) : (
              <table className="table" aria-labelledby="my-day-steps">
                <thead>
                  <tr>
                    <th scope="col">{texts.applicant}</th>
                    <th scope="col">{texts.steps.step}</th>
                    <th scope="col">{texts.steps.dueOn}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.stepsDue.map((step) => (
                    <tr key={`${step.caseId}:${step.step}`}>
                      <td>
                        <ApplicantLink caseId={step.caseId} applicant={step.applicant} />
                      </td>
                      <td>{a.intakeSteps[step.step as keyof typeof a.intakeSteps] ?? step.step}</td>
                      <td className="cell-date">
                        {format.date(step.dueOn)}
                        {step.overdue ? (
                          <>
                            {' '}
                            <Overdue />
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>

          <div className="day-block">
            <Heading level={sub} id="my-day-no-visit">
              {texts.noVisit.title}
            </Heading>
            {data.noVisitThisMonth.length === 0 ? (
              <Empty>{texts.noVisit.empty}</Empty>
            ) : (
              <ul className="plain-list link-list" aria-labelledby="my-day-no-visit">
                {data.noVisitThisMonth.map((item) => (
                  <li key={item.caseId}>
                    <ApplicantLink caseId={item.caseId} applicant={item.applicant} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      ) : null}
    </section>
  );
}

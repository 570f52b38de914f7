import { useLabourNotices } from '../api/chain.ts';
import { Empty, ErrorMessage, Loading } from '../components/Feedback.tsx';
import { Heading, type HeadingLevel } from '../components/Page.tsx';
import { PersonName } from '../components/PersonName.tsx';
import { useChainT } from '../chain-i18n.ts';
import { fill, useFormat } from '../i18n.ts';
import { assistancePaths } from '../paths.ts';
import { Link } from '../router.tsx';

/** The ISO week number of a date (YYYY-MM-DD). */
function isoWeek(date: string): number {
  const day = new Date(`${date}T12:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0
  day.setUTCDate(day.getUTCDate() - weekday + 3); // the Thursday of the week
  const firstThursday = new Date(Date.UTC(day.getUTCFullYear(), 0, 4));
  const firstWeekday = (firstThursday.getUTCDay() + 6) % 7;
  firstThursday.setUTCDate(firstThursday.getUTCDate() - firstWeekday + 3);
  return 1 + Math.round((day.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
}

/**
 * "Från arbetsmarknadsenheten" on the assistance caseworker's start page: the unit's notices
 * (absence, deviation from the plan, a started employment, the exit) about the user's cases that
 * are not yet acknowledged, each linking to the case. An exit to work may lower next month's
 * payment, and says so.
 */
export function LabourNoticesSection({ level }: { level: HeadingLevel }) {
  const c = useChainT();
  const format = useFormat();
  const notices = useLabourNotices();
  const texts = c.notices;
  return (
    <section className="panel" aria-labelledby="section-labour-notices">
      <div className="panel-head">
        <Heading level={level} id="section-labour-notices">
          {texts.title}
        </Heading>
      </div>
      <p className="section-intro">{texts.intro}</p>
      {notices.isPending ? <Loading /> : null}
      {notices.isError ? <ErrorMessage error={notices.error} onRetry={() => void notices.refetch()} /> : null}
      {notices.data && notices.data.items.length === 0 ? <Empty>{texts.empty}</Empty> : null}
      {notices.data && notices.data.items.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{texts.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.person}</th>
              <th scope="col">{texts.kind}</th>
              <th scope="col">{texts.week}</th>
              <th scope="col">{texts.detail}</th>
              <th scope="col">{texts.createdAt}</th>
            </tr>
          </thead>
          <tbody>
            {notices.data.items.map((notice) => (
              <tr key={notice.id}>
                <td>
                  <Link to={assistancePaths.case(notice.caseId)}>
                    <PersonName name={notice.name} protectedIdentity={notice.protectedIdentity} />
                  </Link>
                </td>
                <td>{notice.kindLabel}</td>
                <td className="nowrap">
                  {notice.week ? fill(texts.weekOf, { week: isoWeek(notice.week) }) : null}
                </td>
                <td>
                  {notice.detailText}
                  {notice.lowerPaymentExpected ? (
                    <span className="cell-note">
                      <span className="badge badge-overdue">{texts.lowerPayment}</span>
                    </span>
                  ) : null}
                </td>
                <td className="cell-date">{format.dateTime(notice.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

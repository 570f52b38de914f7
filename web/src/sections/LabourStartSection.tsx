import { useId, type ReactNode } from 'react';
import type { LabourPersonRef } from '../api/labour-referral-types.ts';
import { useLabourStart } from '../api/labour-referrals.ts';
import { Empty, ErrorMessage, Loading } from '../components/Feedback.tsx';
import { Heading, subLevel, type HeadingLevel } from '../components/Page.tsx';
import { PersonName } from '../components/PersonName.tsx';
import { fill, useFormat } from '../i18n.ts';
import { labourPaths, useLabourT } from '../labour-i18n.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

/**
 * "Arbetsmarknadsenheten" on the start page of a labour consultant or manager: new referrals,
 * introduction days, plans to follow up, attendance to report, employments ending and participants
 * coded unemployed but not registered with Arbetsförmedlingen; each item links to the referral.
 */
export function LabourStartSection({ level }: { level: HeadingLevel }) {
  const l = useLabourT();
  const format = useFormat();
  const { user } = useSession();
  const start = useLabourStart();
  const headingId = useId();
  const texts = l.start;
  const data = start.data;
  const consultant = user.roles.some((r) => r.role === 'labour_consultant');
  const empty =
    data !== undefined &&
    data.newReferrals.length +
      data.introDays.length +
      data.followUpsDue.length +
      data.attendanceToReport.length +
      data.employmentsEnding.length +
      data.unregistered.length ===
      0;
  // A manager of another kind of unit has nothing here.
  if (empty && !consultant) return null;
  const sub = subLevel(level);

  return (
    <section className="panel" aria-labelledby={headingId}>
      <Heading level={level} id={headingId}>
        {texts.title}
      </Heading>
      {start.isPending ? <Loading /> : null}
      {start.isError ? <ErrorMessage error={start.error} onRetry={() => void start.refetch()} /> : null}
      {data ? (
        <>
          <List level={sub} title={texts.newReferrals} empty={texts.noNewReferrals}>
            {data.newReferrals.map((item) => (
              <Item key={item.referralId} referralId={item.referralId} person={item.person}>
                {fill(texts.referredOn, { date: format.date(item.referredOn) })}
              </Item>
            ))}
          </List>
          <List level={sub} title={texts.introDays} empty={texts.noIntroDays}>
            {data.introDays.map((day) => (
              <li key={day.day}>
                {fill(texts.introDay, { date: format.date(day.day), count: day.booked.length })}
                <ul className="plain-list">
                  {day.booked.map((item) => (
                    <Item key={item.referralId} referralId={item.referralId} person={item.person} />
                  ))}
                </ul>
              </li>
            ))}
          </List>
          <List level={sub} title={texts.followUps} empty={texts.noFollowUps}>
            {data.followUpsDue.map((item) => (
              <Item key={item.planId} referralId={item.referralId} person={item.person}>
                {fill(texts.followUpOn, { date: format.date(item.followUpOn) })}
              </Item>
            ))}
          </List>
          <List
            level={sub}
            title={fill(texts.attendance, { week: format.date(data.attendanceWeek) })}
            empty={texts.noAttendance}
          >
            {data.attendanceToReport.map((item) => (
              <Item key={item.placementId} referralId={item.referralId} person={item.person}>
                {item.interventionName}
              </Item>
            ))}
          </List>
          <List level={sub} title={texts.employmentsEnding} empty={texts.noEmploymentsEnding}>
            {data.employmentsEnding.map((item) => (
              <Item key={item.employmentId} referralId={item.referralId} person={item.person}>
                {fill(texts.endsOn, { form: item.formLabel, date: format.date(item.endsOn) })}
              </Item>
            ))}
          </List>
          <List level={sub} title={texts.unregistered} empty={texts.noUnregistered}>
            {data.unregistered.map((item) =>
              item.referralId ? (
                <Item key={item.person.id} referralId={item.referralId} person={item.person} />
              ) : (
                <li key={item.person.id}>
                  <PersonName name={item.person.name} protectedIdentity={item.person.protectedIdentity} />
                </li>
              ),
            )}
          </List>
        </>
      ) : null}
    </section>
  );
}

function List({
  level,
  title,
  empty,
  children,
}: {
  level: HeadingLevel;
  title: string;
  empty: string;
  children: ReactNode[];
}) {
  const headingId = useId();
  return (
    <div className="subsection" role="region" aria-labelledby={headingId}>
      <Heading level={level} id={headingId}>
        {title}
      </Heading>
      {children.length === 0 ? <Empty>{empty}</Empty> : <ul className="link-list">{children}</ul>}
    </div>
  );
}

function Item({
  referralId,
  person,
  children,
}: {
  referralId: string;
  person: LabourPersonRef;
  children?: ReactNode;
}) {
  return (
    <li>
      <Link to={labourPaths.referral(referralId)}>
        <PersonName name={person.name} protectedIdentity={person.protectedIdentity} />
      </Link>
      {children ? <> · {children}</> : null}
    </li>
  );
}

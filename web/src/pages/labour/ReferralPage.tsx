import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { EXIT_RESULTS } from '../../../../src/labour/domain/terms.ts';
import type { ExitResult, PersonalPlan, ReferralDetail } from '../../api/labour-referral-types.ts';
import { labourReferralApi, labourReferralKeys, useReferral } from '../../api/labour-referrals.ts';
import { ApiErrorPage } from '../../components/ApiErrorPage.tsx';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../../components/Feedback.tsx';
import { FormPanel } from '../../components/FormPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { PersonName } from '../../components/PersonName.tsx';
import { swedishToday } from '../../dates.ts';
import { fill, useFormat, useT } from '../../i18n.ts';
import { labourPaths, useLabourLabels, useLabourT } from '../../labour-i18n.ts';
import { Link } from '../../router.tsx';
import { useHasPermission } from '../../session.tsx';
import { EmploymentsSection } from '../../sections/labour/EmploymentsSection.tsx';
import { PlacementsSection } from '../../sections/labour/PlacementsSection.tsx';
import { DateField, SelectField, TextAreaField, TextField } from './LabourFields.tsx';

/**
 * /jobb/anvisningar/:id — one referral to the labour-market unit: the overview with the
 * introduction day, registration with Arbetsförmedlingen and the exit, the mapping, and the
 * personal plan with its follow-ups. Other parts add their sections below (placements,
 * employments).
 */
export function ReferralPage({ id }: { id: string }) {
  const l = useLabourT();
  const referral = useReferral(id);
  if (referral.isPending) {
    return (
      <Page title={l.referral.loadingTitle}>
        <Loading />
      </Page>
    );
  }
  if (referral.isError) {
    return (
      <ApiErrorPage
        error={referral.error}
        title={l.referral.loadingTitle}
        onRetry={() => void referral.refetch()}
      />
    );
  }
  return <ReferralView id={id} data={referral.data} />;
}

/** After a change: everything of the unit is asked again. */
function useRefresh(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: labourReferralKeys.all });
}

function ReferralView({ id, data }: { id: string; data: ReferralDetail }) {
  const l = useLabourT();
  const t = useT();
  const name = data.person.name ?? t.protectedIdentity;
  return (
    <Page title={fill(l.referral.title, { name })}>
      <p>
        <Link to={labourPaths.participants}>{l.referral.back}</Link>
      </p>
      <OverviewSection referralId={id} data={data} />
      <MappingSection referralId={id} data={data} />
      <PlanSection referralId={id} data={data} />
      <PlacementsSection referralId={id} closed={Boolean(data.exitOn)} />
      <EmploymentsSection referralId={id} />
    </Page>
  );
}

function OverviewSection({ referralId, data }: { referralId: string; data: ReferralDetail }) {
  const l = useLabourT();
  const format = useFormat();
  const headingId = useId();
  const canWrite = useHasPermission('labour:write');
  const open = data.status === 'open';
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{l.referral.overview}</h2>
      {data.flagged ? <p className="notice notice-warning">{l.referral.flagged}</p> : null}
      <dl className="details">
        <div>
          <dt>{l.referral.person}</dt>
          <dd>
            <PersonName name={data.person.name} protectedIdentity={data.person.protectedIdentity} /> ·{' '}
            <Link to={`/personer/${encodeURIComponent(data.person.id)}`}>{l.referral.toPerson}</Link>
          </dd>
        </div>
        <div>
          <dt>{l.referral.initiator}</dt>
          <dd>{data.initiatorLabel}</dd>
        </div>
        <div>
          <dt>{l.referral.owner}</dt>
          <dd>{data.ownerName}</dd>
        </div>
        <div>
          <dt>{l.referral.referredOn}</dt>
          <dd className="cell-date">{format.date(data.referredOn)}</dd>
        </div>
        <div>
          <dt>{l.referral.status}</dt>
          <dd>
            <span className={`badge badge-${data.status}`}>{open ? l.referral.open : l.referral.closed}</span>
          </dd>
        </div>
        <div>
          <dt>{l.referral.registration}</dt>
          <dd>
            {data.registered && data.registration
              ? fill(l.referral.registeredSince, { date: format.date(data.registration.registeredOn) })
              : l.referral.notRegistered}
          </dd>
        </div>
        {data.applicationId ? (
          <div className="details-wide">
            <dt>{l.referral.reason}</dt>
            <dd>{l.referral.fromApplication}</dd>
          </div>
        ) : null}
        {data.reason ? (
          <div className="details-wide">
            <dt>{l.referral.reason}</dt>
            <dd className="prewrap">{data.reason}</dd>
          </div>
        ) : null}
        {data.exitOn ? (
          <>
            <div>
              <dt>{l.referral.exit.exitedOn}</dt>
              <dd className="cell-date">{format.date(data.exitOn)}</dd>
            </div>
            <div>
              <dt>{l.referral.exit.exitResult}</dt>
              <dd>{data.exitResultLabel}</dd>
            </div>
            {data.exitComment ? (
              <div className="details-wide">
                <dt>{l.referral.exit.comment}</dt>
                <dd className="prewrap">{data.exitComment}</dd>
              </div>
            ) : null}
          </>
        ) : null}
      </dl>
      <IntroDay referralId={referralId} data={data} canWrite={canWrite && open} />
      {canWrite ? <RegistrationForm personId={data.person.id} /> : null}
      {canWrite && open ? <ExitForm referralId={referralId} data={data} /> : null}
    </section>
  );
}

function IntroDay({
  referralId,
  data,
  canWrite,
}: {
  referralId: string;
  data: ReferralDetail;
  canWrite: boolean;
}) {
  const l = useLabourT();
  const t = useT();
  const format = useFormat();
  const headingId = useId();
  const refresh = useRefresh();
  const save = useMutation({
    mutationFn: (attended: boolean) => labourReferralApi.setIntroAttended(referralId, attended),
    onSuccess: refresh,
  });
  const texts = l.referral.intro;
  return (
    <div className="subsection" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{texts.title}</h3>
      {data.introDay ? (
        <dl className="details">
          <div>
            <dt>{texts.day}</dt>
            <dd className="cell-date">{format.date(data.introDay)}</dd>
          </div>
          <div>
            <dt>{texts.attended}</dt>
            <dd>
              {data.introAttended === null
                ? texts.notReported
                : data.introAttended
                  ? t.common.yes
                  : t.common.no}
            </dd>
          </div>
        </dl>
      ) : (
        <Empty>{texts.none}</Empty>
      )}
      {save.isError ? <ErrorMessage error={save.error} /> : null}
      {save.isSuccess ? <SuccessMessage>{texts.done}</SuccessMessage> : null}
      {canWrite && data.introDay ? (
        <p className="button-row">
          <button
            type="button"
            className="button-secondary"
            disabled={save.isPending}
            onClick={() => save.mutate(true)}
          >
            {texts.markAttended}
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={save.isPending}
            onClick={() => save.mutate(false)}
          >
            {texts.markAbsent}
          </button>
        </p>
      ) : null}
    </div>
  );
}

function RegistrationForm({ personId }: { personId: string }) {
  const l = useLabourT();
  const texts = l.referral.registrationForm;
  const refresh = useRefresh();
  const [registeredOn, setRegisteredOn] = useState(swedishToday());
  const [endedOn, setEndedOn] = useState('');
  const save = useMutation({
    mutationFn: () =>
      labourReferralApi.setRegistration(personId, { registeredOn, ...(endedOn ? { endedOn } : {}) }),
    onSuccess: refresh,
  });
  return (
    <FormPanel title={texts.title} save={save} done={texts.done} submit={texts.submit}>
      <div className="form-grid">
        <DateField label={texts.registeredOn} value={registeredOn} onChange={setRegisteredOn} required />
        <DateField label={texts.endedOn} value={endedOn} onChange={setEndedOn} />
      </div>
    </FormPanel>
  );
}

function ExitForm({ referralId, data }: { referralId: string; data: ReferralDetail }) {
  const l = useLabourT();
  const labels = useLabourLabels();
  const texts = l.referral.exit;
  const refresh = useRefresh();
  const [exitOn, setExitOn] = useState(swedishToday() < data.referredOn ? data.referredOn : swedishToday());
  const [result, setResult] = useState<ExitResult | ''>('');
  const [comment, setComment] = useState('');
  const save = useMutation({
    mutationFn: () =>
      labourReferralApi.exit(referralId, {
        exitOn,
        result: result as ExitResult,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    onSuccess: refresh,
  });
  return (
    <FormPanel title={texts.title} save={save} submit={texts.submit} ready={result !== ''}>
      <div className="form-grid">
        <DateField label={texts.exitOn} value={exitOn} onChange={setExitOn} required />
        <SelectField
          label={texts.result}
          value={result}
          onChange={(v) => setResult(v as ExitResult | '')}
          required
        >
          <option value="">{texts.choose}</option>
          {EXIT_RESULTS.map((code) => (
            <option key={code} value={code}>
              {labels.exitResults[code]}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField label={texts.comment} value={comment} onChange={setComment} />
    </FormPanel>
  );
}

function MappingSection({ referralId, data }: { referralId: string; data: ReferralDetail }) {
  const l = useLabourT();
  const format = useFormat();
  const headingId = useId();
  const canWrite = useHasPermission('labour:write') && data.status === 'open';
  const texts = l.mapping;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{texts.title}</h2>
      {data.mappings.length === 0 ? <Empty>{texts.empty}</Empty> : null}
      {data.mappings.map((mapping, index) => (
        <article
          key={mapping.id}
          className="subsection"
          aria-label={`${texts.title} ${format.date(mapping.mappedOn)}`}
        >
          <dl className="details">
            <div>
              <dt>{texts.mappedOn}</dt>
              <dd className="cell-date">{format.date(mapping.mappedOn)}</dd>
            </div>
            <div>
              <dt>{texts.capacity}</dt>
              <dd>{fill(texts.capacityValue, { hours: mapping.capacityHours })}</dd>
            </div>
            <div>
              <dt>{texts.by}</dt>
              <dd>{mapping.mappedByName}</dd>
            </div>
            {(
              [
                ['education', mapping.education],
                ['workExperience', mapping.workExperience],
                ['obstacles', mapping.obstacles],
                ['summary', mapping.summary],
              ] as const
            ).map(([key, value]) =>
              value ? (
                <div key={key} className="details-wide">
                  <dt>{texts[key]}</dt>
                  <dd className="prewrap">{value}</dd>
                </div>
              ) : null,
            )}
          </dl>
          {index === 0 ? (
            <p
              className={
                mapping.capacityHours < data.workOrientedMinHours ? 'notice notice-warning' : 'panel-meta'
              }
            >
              {mapping.capacityHours < data.workOrientedMinHours
                ? fill(texts.stepOne, { hours: data.workOrientedMinHours })
                : texts.workOriented}
            </p>
          ) : null}
        </article>
      ))}
      {canWrite ? <MappingForm referralId={referralId} /> : null}
    </section>
  );
}

function MappingForm({ referralId }: { referralId: string }) {
  const l = useLabourT();
  const texts = l.mapping;
  const refresh = useRefresh();
  const [mappedOn, setMappedOn] = useState(swedishToday());
  const [capacity, setCapacity] = useState('');
  const [education, setEducation] = useState('');
  const [workExperience, setWorkExperience] = useState('');
  const [obstacles, setObstacles] = useState('');
  const [summary, setSummary] = useState('');
  const save = useMutation({
    mutationFn: () =>
      labourReferralApi.createMapping(referralId, {
        mappedOn,
        capacityHours: Number(capacity),
        ...(education.trim() ? { education: education.trim() } : {}),
        ...(workExperience.trim() ? { workExperience: workExperience.trim() } : {}),
        ...(obstacles.trim() ? { obstacles: obstacles.trim() } : {}),
        ...(summary.trim() ? { summary: summary.trim() } : {}),
      }),
    onSuccess: async () => {
      setCapacity('');
      setEducation('');
      setWorkExperience('');
      setObstacles('');
      setSummary('');
      await refresh();
    },
  });
  return (
    <FormPanel title={texts.form} save={save} done={texts.done} submit={texts.submit}>
      <div className="form-grid">
        <DateField label={texts.mappedOn} value={mappedOn} onChange={setMappedOn} required />
        <TextField
          label={texts.capacity}
          value={capacity}
          onChange={setCapacity}
          inputMode="numeric"
          required
        />
      </div>
      <TextAreaField label={texts.education} value={education} onChange={setEducation} />
      <TextAreaField label={texts.workExperience} value={workExperience} onChange={setWorkExperience} />
      <TextAreaField label={texts.obstacles} value={obstacles} onChange={setObstacles} />
      <TextAreaField label={texts.summary} value={summary} onChange={setSummary} rows={4} />
    </FormPanel>
  );
}

function PlanSection({ referralId, data }: { referralId: string; data: ReferralDetail }) {
  const l = useLabourT();
  const format = useFormat();
  const headingId = useId();
  const canWrite = useHasPermission('labour:write') && data.status === 'open';
  const texts = l.plan;
  const current = data.plans.find((plan) => plan.status === 'active') ?? null;
  const latest = data.plans[0] ?? null;
  const shown = current ?? latest;
  const earlier = data.plans.filter((plan) => plan !== shown);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{texts.title}</h2>
      {shown ? (
        <PlanView plan={shown} canWrite={canWrite && shown.status === 'active'} />
      ) : (
        <Empty>{texts.empty}</Empty>
      )}
      {earlier.length > 0 ? (
        <table className="table">
          <caption>{texts.history}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.versionColumn}</th>
              <th scope="col">{texts.goal}</th>
              <th scope="col">{texts.startsOn}</th>
              <th scope="col">{texts.endsOn}</th>
              <th scope="col">{texts.status}</th>
            </tr>
          </thead>
          <tbody>
            {earlier.map((plan) => (
              <tr key={plan.id}>
                <td>{plan.version}</td>
                <td className="prewrap">{plan.goal}</td>
                <td className="cell-date">{format.date(plan.startsOn)}</td>
                <td className="cell-date">{format.date(plan.endsOn)}</td>
                <td>{texts.statuses[plan.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canWrite ? (
        data.mappings.length === 0 ? (
          <p className="panel-meta">{texts.needsMapping}</p>
        ) : (
          <PlanForm referralId={referralId} revise={current !== null} />
        )
      ) : null}
    </section>
  );
}

function PlanView({ plan, canWrite }: { plan: PersonalPlan; canWrite: boolean }) {
  const l = useLabourT();
  const format = useFormat();
  const texts = l.plan;
  const headingId = useId();
  return (
    <article className="subsection" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {plan.status === 'active' ? texts.active : texts.statuses[plan.status]} ·{' '}
        {fill(texts.version, { version: plan.version })}
      </h3>
      <dl className="details">
        <div className="details-wide">
          <dt>{texts.goal}</dt>
          <dd className="prewrap">{plan.goal}</dd>
        </div>
        <div>
          <dt>{texts.startsOn}</dt>
          <dd className="cell-date">{format.date(plan.startsOn)}</dd>
        </div>
        <div>
          <dt>{texts.endsOn}</dt>
          <dd className="cell-date">{format.date(plan.endsOn)}</dd>
        </div>
        <div>
          <dt>{texts.followUpOn}</dt>
          <dd className="cell-date">{format.date(plan.followUpOn)}</dd>
        </div>
      </dl>
      <h4>{texts.followUps}</h4>
      {plan.followUps.length === 0 ? (
        <Empty>{texts.noFollowUps}</Empty>
      ) : (
        <ul className="plain-list">
          {plan.followUps.map((followUp) => (
            <li key={followUp.id}>
              <span className="cell-date">{format.date(followUp.doneOn)}</span> · {followUp.doneByName}
              <p className="prewrap">{followUp.comment}</p>
            </li>
          ))}
        </ul>
      )}
      {canWrite ? <FollowUpForm plan={plan} /> : null}
    </article>
  );
}

function FollowUpForm({ plan }: { plan: PersonalPlan }) {
  const l = useLabourT();
  const texts = l.plan.followUp;
  const refresh = useRefresh();
  const [doneOn, setDoneOn] = useState(swedishToday());
  const [comment, setComment] = useState('');
  const [next, setNext] = useState('');
  const save = useMutation({
    mutationFn: () =>
      labourReferralApi.createFollowUp(plan.id, {
        doneOn,
        comment: comment.trim(),
        ...(next ? { nextFollowUpOn: next } : {}),
      }),
    onSuccess: async () => {
      setComment('');
      setNext('');
      await refresh();
    },
  });
  return (
    <FormPanel title={texts.form} heading="h4" save={save} done={texts.done} submit={texts.submit}>
      <div className="form-grid">
        <DateField label={texts.doneOn} value={doneOn} onChange={setDoneOn} required />
        <DateField label={texts.nextFollowUpOn} value={next} onChange={setNext} />
      </div>
      <TextAreaField label={texts.comment} value={comment} onChange={setComment} required />
    </FormPanel>
  );
}

function PlanForm({ referralId, revise }: { referralId: string; revise: boolean }) {
  const l = useLabourT();
  const texts = l.plan;
  const refresh = useRefresh();
  const [goal, setGoal] = useState('');
  const [startsOn, setStartsOn] = useState(swedishToday());
  const [endsOn, setEndsOn] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');
  const save = useMutation({
    mutationFn: () =>
      labourReferralApi.createPlan(referralId, { goal: goal.trim(), startsOn, endsOn, followUpOn }),
    onSuccess: async () => {
      setGoal('');
      setEndsOn('');
      setFollowUpOn('');
      await refresh();
    },
  });
  const title = revise ? texts.revise : texts.form;
  return (
    <FormPanel title={title} save={save} done={texts.done} submit={texts.submit}>
      <TextAreaField label={texts.goal} value={goal} onChange={setGoal} required rows={3} />
      <div className="form-grid">
        <DateField label={texts.startsOn} value={startsOn} onChange={setStartsOn} required />
        <DateField label={texts.endsOn} value={endsOn} onChange={setEndsOn} required />
        <DateField label={texts.followUpOn} value={followUpOn} onChange={setFollowUpOn} required />
      </div>
    </FormPanel>
  );
}

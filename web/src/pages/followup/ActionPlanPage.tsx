import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { actionPlansPath, useActionPlansT } from '../../action-plans-i18n.ts';
import {
  actionPlanKeys,
  actionPlansApi,
  useActionPlan,
  type ActionStatus,
  type PlanDetail,
  type PlanGoal,
} from '../../api/action-plans.ts';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../../components/Feedback.tsx';
import { serverFieldErrors } from '../../components/FieldError.tsx';
import { FormPanel } from '../../components/FormPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { fill, useFormat, useLocale, type Formatters } from '../../i18n.ts';
import { Link } from '../../router.tsx';
import { Field } from '../../sections/labour/Field.tsx';
import { useHasPermission } from '../../session.tsx';

const STATUSES: readonly ActionStatus[] = ['done', 'on_plan', 'partly_on_plan', 'deviating', 'stopped'];
const STATUS_BADGE: Record<ActionStatus, string> = {
  done: 'badge badge-allowed',
  on_plan: 'badge badge-open',
  partly_on_plan: 'badge badge-failed',
  deviating: 'badge badge-denied',
  stopped: 'badge badge-closed',
};
const PROGRESS_BADGE: Record<string, string> = {
  achieved: 'badge badge-allowed',
  on_track: 'badge badge-open',
  behind: 'badge badge-failed',
  missed: 'badge badge-denied',
  no_data: 'badge badge-closed',
};
const needsComment = (status: ActionStatus) => status !== 'done' && status !== 'on_plan';

function formatValue(value: number, unit: string, format: Formatters, locale: string): string {
  const decimals = unit === 'percent' || unit === 'fte' ? 1 : 0;
  const text = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE', {
    maximumFractionDigits: decimals,
    minimumFractionDigits: 0,
  }).format(value);
  if (unit === 'percent') return `${text} %`;
  if (unit.startsWith('kr')) return `${text} kr`;
  return unit === 'count' ? format.number(value) : text;
}

/**
 * /uppfoljning/handlingsplaner/:id — one action plan: its goals with their SMART check and
 * progress from the indicators, its activities by area with the status at each follow-up (the
 * matrix of seed 002), and for managers a form to record a status (a comment on deviation).
 */
export function ActionPlanPage({ id }: { id: string }) {
  const p = useActionPlansT();
  const plan = useActionPlan(id);
  const canWrite = useHasPermission('followup:write');
  if (plan.isPending)
    return (
      <Page title={p.title}>
        <Loading />
      </Page>
    );
  if (plan.isError)
    return (
      <Page title={p.title}>
        <ErrorMessage error={plan.error} onRetry={() => void plan.refetch()} />
      </Page>
    );
  const data = plan.data;
  return (
    <Page title={data.title} intro={data.description ?? undefined}>
      <p>
        <Link to={actionPlansPath}>{p.plan.back}</Link>
      </p>
      <FactsPanel plan={data} />
      <GoalsPanel plan={data} canWrite={canWrite} />
      <ActivitiesPanel plan={data} canWrite={canWrite} />
      {canWrite && data.activities.length > 0 && data.followUps.length > 0 ? (
        <RecordStatusForm plan={data} />
      ) : null}
    </Page>
  );
}

function FactsPanel({ plan }: { plan: PlanDetail }) {
  const p = useActionPlansT();
  const format = useFormat();
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{p.plan.facts}</h2>
      <dl className="details">
        <div>
          <dt>{p.plan.period}</dt>
          <dd>
            {fill(p.periodValue, { from: format.date(plan.periodFrom), to: format.date(plan.periodTo) })}
          </dd>
        </div>
        <div>
          <dt>{p.plan.adopted}</dt>
          <dd>
            {plan.adoptedOn
              ? fill(p.adoptedValue, { by: plan.adoptedBy ?? '', date: format.date(plan.adoptedOn) })
              : p.notAdopted}
          </dd>
        </div>
        {plan.reference ? (
          <div>
            <dt>{p.plan.reference}</dt>
            <dd>{plan.reference}</dd>
          </div>
        ) : null}
      </dl>
      {plan.followUps.length > 0 ? (
        <>
          <h3>{p.plan.followUps}</h3>
          <ul>
            {plan.followUps.map((f) => (
              <li key={f.id}>{fill(p.activities.summary, { label: f.label, ...f.counts })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function GoalsPanel({ plan, canWrite }: { plan: PlanDetail; canWrite: boolean }) {
  const p = useActionPlansT();
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{p.goals.title}</h2>
        {canWrite && !adding ? (
          <button type="button" className="button-secondary button-small" onClick={() => setAdding(true)}>
            {p.newGoal.open}
          </button>
        ) : null}
      </div>
      {adding ? <NewGoalForm plan={plan} onDone={() => setAdding(false)} /> : null}
      {plan.goals.length === 0 ? <Empty>{p.goals.empty}</Empty> : null}
      {plan.goals.map((goal) => (
        <GoalCard key={goal.id} goal={goal} />
      ))}
    </section>
  );
}

function GoalCard({ goal }: { goal: PlanGoal }) {
  const p = useActionPlansT();
  const texts = p.goals;
  const format = useFormat();
  const [locale] = useLocale();
  const headingId = useId();
  const unit = goal.indicator?.unit ?? 'count';
  const value = (v: number) => formatValue(v, unit, format, locale);
  const progress = goal.progress;
  return (
    <article className="form-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{fill(texts.number, { number: goal.number })}</h3>
      <p>{goal.text}</p>
      <dl className="details">
        <div>
          <dt>{texts.indicator}</dt>
          <dd>
            {goal.indicator
              ? `${goal.indicator.title}${goal.indicator.koladaId ? ` (${goal.indicator.koladaId})` : ''}`
              : texts.noIndicator}
          </dd>
        </div>
        <div>
          <dt>{texts.target}</dt>
          <dd>
            {goal.targetValue !== null && goal.targetDate
              ? fill(texts.targetValue, {
                  value: value(goal.targetValue),
                  date: format.date(goal.targetDate),
                })
              : goal.targetValue !== null
                ? value(goal.targetValue)
                : texts.noTarget}
          </dd>
        </div>
        <div>
          <dt>{texts.responsible}</dt>
          <dd>{goal.responsibleUnitName ?? texts.noResponsible}</dd>
        </div>
      </dl>
      {goal.smart.warnings.length > 0 ? (
        <div className="notice notice-warning" role="note">
          <p className="notice-title">{texts.warningsTitle}</p>
          <ul>
            {goal.smart.warnings.map((w) => (
              <li key={w}>{texts.warnings[w]}</li>
            ))}
          </ul>
          {!goal.smart.measurable ? <p>{texts.lesson}</p> : null}
        </div>
      ) : (
        <p>{texts.smartOk}</p>
      )}
      {progress ? (
        <div>
          <p>
            <span className={PROGRESS_BADGE[progress.status]}>{texts.statuses[progress.status]}</span>{' '}
            {progress.baseline !== null
              ? `${fill(texts.baseline, { year: progress.baselineYear })}: ${value(progress.baseline)}${
                  progress.baselineEntered ? ` ${texts.entered}` : ''
                }`
              : null}
            {progress.judgedYear !== null && progress.current !== null
              ? ` · ${fill(texts.judged, { year: progress.judgedYear })}: ${value(progress.current)}`
              : null}
          </p>
          {progress.judgedYear === null ? <p className="hint">{texts.noJudged}</p> : null}
          {progress.shareOfWay !== null ? (
            <label>
              {texts.progress}{' '}
              <progress
                max={100}
                value={progress.percent}
                aria-valuetext={fill(texts.progressText, { percent: progress.percent })}
              >
                {progress.percent} %
              </progress>{' '}
              {fill(texts.progressText, { percent: progress.percent })}
            </label>
          ) : null}
          {progress.years.length > 0 ? (
            <table className="table">
              <caption>{texts.years}</caption>
              <thead>
                <tr>
                  <th scope="col">{texts.year}</th>
                  <th scope="col" className="cell-number">
                    {texts.value}
                  </th>
                </tr>
              </thead>
              <tbody>
                {progress.years.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">{y.partial ? fill(texts.partial, { year: y.year }) : y.year}</th>
                    <td className="cell-number">
                      {y.suppressed ? texts.suppressed : y.value === null ? texts.missing : value(y.value)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

function ActivitiesPanel({ plan, canWrite }: { plan: PlanDetail; canWrite: boolean }) {
  const p = useActionPlansT();
  const texts = p.activities;
  const format = useFormat();
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{texts.title}</h2>
        {canWrite && !adding ? (
          <button type="button" className="button-secondary button-small" onClick={() => setAdding(true)}>
            {p.newActivity.open}
          </button>
        ) : null}
      </div>
      {adding ? <NewActivityForm plan={plan} onDone={() => setAdding(false)} /> : null}
      {plan.activities.length === 0 ? <Empty>{texts.empty}</Empty> : null}
      {plan.areas.map((area) => (
        <div className="table-scroll" key={area} tabIndex={0} role="region" aria-label={area}>
          <table className="table">
            <caption>{area}</caption>
            <thead>
              <tr>
                <th scope="col">{texts.number}</th>
                <th scope="col">{texts.activity}</th>
                <th scope="col">{texts.responsible}</th>
                {plan.followUps.map((f) => (
                  <th scope="col" key={f.id}>
                    {f.label}
                    <br />
                    <span className="hint">{format.date(f.date)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {plan.activities
                .filter((a) => a.area === area)
                .map((activity) => (
                  <tr key={activity.id}>
                    <th scope="row">{activity.number}</th>
                    <td>
                      {activity.text}
                      {activity.expectedEffect ? (
                        <>
                          <br />
                          <span className="hint">
                            {texts.effect}: {activity.expectedEffect}
                          </span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {activity.responsible ?? ''}
                      {activity.units.length > 0 ? (
                        <>
                          <br />
                          <span className="hint">{activity.units.map((u) => u.name).join(', ')}</span>
                        </>
                      ) : null}
                    </td>
                    {plan.followUps.map((f) => {
                      const status = activity.statuses.find((s) => s.followUpId === f.id);
                      return (
                        <td key={f.id}>
                          {status ? (
                            <>
                              <span className={STATUS_BADGE[status.status]}>{p.statuses[status.status]}</span>
                              {status.comment ? <p className="hint">{status.comment}</p> : null}
                            </>
                          ) : (
                            <span className="visually-hidden">{texts.noStatus}</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

function RecordStatusForm({ plan }: { plan: PlanDetail }) {
  const p = useActionPlansT();
  const texts = p.record;
  const queryClient = useQueryClient();
  const headingId = useId();
  const [activityId, setActivityId] = useState(plan.activities[0]?.id ?? '');
  const [followUpId, setFollowUpId] = useState(plan.followUps[plan.followUps.length - 1]?.id ?? '');
  const [status, setStatus] = useState<ActionStatus>('on_plan');
  const [comment, setComment] = useState('');
  const [missingComment, setMissingComment] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      actionPlansApi.setStatus(plan.id, activityId, followUpId, { status, comment: comment.trim() || null }),
    onSuccess: () => {
      const activity = plan.activities.find((a) => a.id === activityId);
      const followUp = plan.followUps.find((f) => f.id === followUpId);
      setSaved(fill(texts.saved, { number: activity?.number ?? '', followUp: followUp?.label ?? '' }));
      setComment('');
      void queryClient.invalidateQueries({ queryKey: actionPlanKeys.plan(plan.id) });
    },
  });
  const server = serverFieldErrors(save.error);
  const commentMessages = [
    ...(missingComment ? [texts.commentRequired] : []),
    ...(server.get('comment') ?? []),
  ];
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(null);
    if (needsComment(status) && comment.trim() === '') {
      setMissingComment(true);
      return;
    }
    setMissingComment(false);
    save.mutate();
  };
  return (
    <form className="panel" aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <h2 id={headingId}>{texts.title}</h2>
      {saved ? <SuccessMessage>{saved}</SuccessMessage> : null}
      {save.isError ? <ErrorMessage error={save.error} /> : null}
      <div className="form-grid">
        <Field label={texts.activity}>
          <select value={activityId} onChange={(event) => setActivityId(event.target.value)}>
            {plan.activities.map((a) => (
              <option key={a.id} value={a.id}>
                {`${a.number}. ${a.text.length > 80 ? `${a.text.slice(0, 80)} …` : a.text}`}
              </option>
            ))}
          </select>
        </Field>
        <Field label={texts.followUp}>
          <select value={followUpId} onChange={(event) => setFollowUpId(event.target.value)}>
            {plan.followUps.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={texts.status}>
          <select value={status} onChange={(event) => setStatus(event.target.value as ActionStatus)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {p.statuses[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={texts.comment} hint={texts.commentHint} messages={commentMessages}>
          <textarea rows={3} value={comment} onChange={(event) => setComment(event.target.value)} />
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? texts.submitting : texts.submit}
        </button>
      </div>
    </form>
  );
}

function NewGoalForm({ plan, onDone }: { plan: PlanDetail; onDone: () => void }) {
  const p = useActionPlansT();
  const texts = p.newGoal;
  const queryClient = useQueryClient();
  const [number, setNumber] = useState(String(Math.max(0, ...plan.goals.map((g) => g.number)) + 1));
  const [text, setText] = useState('');
  const [indicatorId, setIndicatorId] = useState('');
  const [targetValue, setTargetValue] = useState('');
  const [targetDate, setTargetDate] = useState(plan.periodTo);
  const add = useMutation({
    mutationFn: () =>
      actionPlansApi.addGoal(plan.id, {
        number: Number(number),
        text,
        indicatorId: indicatorId || null,
        targetValue: targetValue.trim() === '' ? null : Number(targetValue.replace(',', '.')),
        targetDate: targetDate || null,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: actionPlanKeys.plan(plan.id) });
      onDone();
    },
  });
  const server = serverFieldErrors(add.error);
  return (
    <FormPanel
      title={texts.title}
      save={add}
      submit={texts.submit}
      submitting={texts.submitting}
      cancel={{ label: texts.cancel, onClick: onDone }}
      noValidate
    >
      <div className="form-grid">
        <Field label={texts.number} messages={server.get('number') ?? []}>
          <input inputMode="numeric" value={number} onChange={(event) => setNumber(event.target.value)} />
        </Field>
        <Field label={texts.text} messages={server.get('text') ?? []}>
          <textarea rows={2} value={text} onChange={(event) => setText(event.target.value)} />
        </Field>
        <Field label={texts.indicator} messages={server.get('indicatorId') ?? []}>
          <select value={indicatorId} onChange={(event) => setIndicatorId(event.target.value)}>
            <option value="">{texts.noIndicator}</option>
            {plan.indicatorChoices.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
        </Field>
        <Field label={texts.targetValue} messages={server.get('targetValue') ?? []}>
          <input
            inputMode="decimal"
            value={targetValue}
            onChange={(event) => setTargetValue(event.target.value)}
          />
        </Field>
        <Field label={texts.targetDate} messages={server.get('targetDate') ?? []}>
          <input type="date" value={targetDate} onChange={(event) => setTargetDate(event.target.value)} />
        </Field>
      </div>
    </FormPanel>
  );
}

function NewActivityForm({ plan, onDone }: { plan: PlanDetail; onDone: () => void }) {
  const p = useActionPlansT();
  const texts = p.newActivity;
  const queryClient = useQueryClient();
  const [number, setNumber] = useState(String(Math.max(0, ...plan.activities.map((a) => a.number)) + 1));
  const [area, setArea] = useState(plan.areas[plan.areas.length - 1] ?? '');
  const [text, setText] = useState('');
  const [responsible, setResponsible] = useState('');
  const [effect, setEffect] = useState('');
  const [goalId, setGoalId] = useState('');
  const add = useMutation({
    mutationFn: () =>
      actionPlansApi.addActivity(plan.id, {
        number: Number(number),
        area,
        text,
        responsible: responsible || null,
        expectedEffect: effect || null,
        goalId: goalId || null,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: actionPlanKeys.plan(plan.id) });
      onDone();
    },
  });
  const server = serverFieldErrors(add.error);
  return (
    <FormPanel
      title={texts.title}
      save={add}
      submit={texts.submit}
      submitting={texts.submitting}
      cancel={{ label: texts.cancel, onClick: onDone }}
      noValidate
    >
      <div className="form-grid">
        <Field label={texts.number} messages={server.get('number') ?? []}>
          <input inputMode="numeric" value={number} onChange={(event) => setNumber(event.target.value)} />
        </Field>
        <Field label={texts.area} messages={server.get('area') ?? []}>
          <input value={area} onChange={(event) => setArea(event.target.value)} />
        </Field>
        <Field label={texts.text} messages={server.get('text') ?? []}>
          <textarea rows={2} value={text} onChange={(event) => setText(event.target.value)} />
        </Field>
        <Field label={texts.responsible} messages={server.get('responsible') ?? []}>
          <input value={responsible} onChange={(event) => setResponsible(event.target.value)} />
        </Field>
        <Field label={texts.effect} messages={server.get('expectedEffect') ?? []}>
          <input value={effect} onChange={(event) => setEffect(event.target.value)} />
        </Field>
        <Field label={texts.goal} messages={server.get('goalId') ?? []}>
          <select value={goalId} onChange={(event) => setGoalId(event.target.value)}>
            <option value="">{texts.noGoal}</option>
            {plan.goals.map((g) => (
              <option key={g.id} value={g.id}>
                {fill(p.goals.number, { number: g.number })}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </FormPanel>
  );
}

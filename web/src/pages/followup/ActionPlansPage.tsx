import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { actionPlanPath, useActionPlansT } from '../../action-plans-i18n.ts';
import { actionPlanKeys, actionPlansApi, useActionPlans } from '../../api/action-plans.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { serverFieldErrors } from '../../components/FieldError.tsx';
import { FormPanel } from '../../components/FormPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { swedishToday } from '../../dates.ts';
import { fill, useFormat } from '../../i18n.ts';
import { Link, navigate } from '../../router.tsx';
import { Field } from '../../sections/labour/Field.tsx';
import { useHasPermission } from '../../session.tsx';

/**
 * /uppfoljning/handlingsplaner — the municipality's action plans (like Uppsala's 26-point plan)
 * with their period, adoption and size; managers create new ones.
 */
export function ActionPlansPage() {
  const p = useActionPlansT();
  const format = useFormat();
  const plans = useActionPlans();
  const canWrite = useHasPermission('followup:write');
  const [creating, setCreating] = useState(false);
  const headingId = useId();
  return (
    <Page title={p.title} intro={p.intro}>
      <section className="panel" aria-labelledby={headingId}>
        <div className="panel-head">
          <h2 id={headingId}>{p.list.title}</h2>
          {canWrite && !creating ? (
            <button type="button" className="button-secondary button-small" onClick={() => setCreating(true)}>
              {p.newPlan.open}
            </button>
          ) : null}
        </div>
        {creating ? <NewPlanForm onCancel={() => setCreating(false)} /> : null}
        {plans.isPending ? <Loading /> : null}
        {plans.isError ? <ErrorMessage error={plans.error} onRetry={() => void plans.refetch()} /> : null}
        {plans.data && plans.data.items.length === 0 ? <Empty>{p.list.empty}</Empty> : null}
        {plans.data && plans.data.items.length > 0 ? (
          <table className="table">
            <caption className="visually-hidden">{p.list.title}</caption>
            <thead>
              <tr>
                <th scope="col">{p.list.plan}</th>
                <th scope="col">{p.list.period}</th>
                <th scope="col">{p.list.adopted}</th>
                <th scope="col" className="cell-number">
                  {p.list.goals}
                </th>
                <th scope="col" className="cell-number">
                  {p.list.activities}
                </th>
                <th scope="col" className="cell-number">
                  {p.list.followUps}
                </th>
              </tr>
            </thead>
            <tbody>
              {plans.data.items.map((plan) => (
                <tr key={plan.id}>
                  <td>
                    <Link to={actionPlanPath(plan.id)}>{plan.title}</Link>
                  </td>
                  <td>
                    {fill(p.periodValue, {
                      from: format.date(plan.periodFrom),
                      to: format.date(plan.periodTo),
                    })}
                  </td>
                  <td>
                    {plan.adoptedOn
                      ? fill(p.adoptedValue, { by: plan.adoptedBy ?? '', date: format.date(plan.adoptedOn) })
                      : p.notAdopted}
                  </td>
                  <td className="cell-number">{format.number(plan.goals)}</td>
                  <td className="cell-number">{format.number(plan.activities)}</td>
                  <td className="cell-number">{format.number(plan.followUps)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </Page>
  );
}

function NewPlanForm({ onCancel }: { onCancel: () => void }) {
  const p = useActionPlansT();
  const texts = p.newPlan;
  const queryClient = useQueryClient();
  const year = Number(swedishToday().slice(0, 4)) + 1;
  const [title, setTitle] = useState('');
  const [periodFrom, setPeriodFrom] = useState(`${year}-01-01`);
  const [periodTo, setPeriodTo] = useState(`${year}-12-31`);
  const [adoptedBy, setAdoptedBy] = useState('');
  const [adoptedOn, setAdoptedOn] = useState('');
  const [reference, setReference] = useState('');
  const create = useMutation({
    mutationFn: () => {
      const followUps: { date: string; label: string }[] = [];
      const first = Number(periodFrom.slice(0, 4));
      const last = Number(periodTo.slice(0, 4));
      for (let y = first; y <= last && y - first < 10; y++) {
        followUps.push({ date: `${y}-04-30`, label: fill(texts.april, { year: y }) });
        followUps.push({ date: `${y}-08-31`, label: fill(texts.august, { year: y }) });
        followUps.push({ date: `${y}-12-31`, label: fill(texts.yearEnd, { year: y }) });
      }
      return actionPlansApi.create({
        title,
        periodFrom,
        periodTo,
        adoptedBy: adoptedBy || null,
        adoptedOn: adoptedOn || null,
        reference: reference || null,
        followUps,
      });
    },
    onSuccess: ({ id }) => {
      void queryClient.invalidateQueries({ queryKey: actionPlanKeys.all });
      navigate(actionPlanPath(id));
    },
  });
  const server = serverFieldErrors(create.error);
  return (
    <FormPanel
      title={texts.title}
      save={create}
      submit={texts.submit}
      submitting={texts.submitting}
      cancel={{ label: texts.cancel, onClick: onCancel }}
      noValidate
    >
      <div className="form-grid">
        <Field label={texts.planTitle} messages={server.get('title') ?? []}>
          <input value={title} onChange={(event) => setTitle(event.target.value)} />
        </Field>
        <Field label={texts.periodFrom} messages={server.get('periodFrom') ?? []}>
          <input type="date" value={periodFrom} onChange={(event) => setPeriodFrom(event.target.value)} />
        </Field>
        <Field label={texts.periodTo} hint={texts.followUpsHint} messages={server.get('periodTo') ?? []}>
          <input type="date" value={periodTo} onChange={(event) => setPeriodTo(event.target.value)} />
        </Field>
        <Field label={texts.adoptedBy} messages={server.get('adoptedBy') ?? []}>
          <input value={adoptedBy} onChange={(event) => setAdoptedBy(event.target.value)} />
        </Field>
        <Field label={texts.adoptedOn} messages={server.get('adoptedOn') ?? []}>
          <input type="date" value={adoptedOn} onChange={(event) => setAdoptedOn(event.target.value)} />
        </Field>
        <Field label={texts.reference} messages={server.get('reference') ?? []}>
          <input value={reference} onChange={(event) => setReference(event.target.value)} />
        </Field>
      </div>
    </FormPanel>
  );
}

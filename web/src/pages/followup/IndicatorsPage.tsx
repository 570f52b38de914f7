/**
 * /uppfoljning/nyckeltal: every indicator for a chosen period with its outcome, the year before
 * and the year's target, each figure linked to the records behind it; managers set targets here.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { indicatorKeys, indicatorsApi, useIndicators, type IndicatorItem } from '../../api/indicators.ts';
import { ErrorMessage, Loading, SuccessMessage } from '../../components/Feedback.tsx';
import { serverFieldErrors } from '../../components/FieldError.tsx';
import { Page } from '../../components/Page.tsx';
import { swedishToday } from '../../dates.ts';
import { fill, useLocale } from '../../i18n.ts';
import { drilldownPath, formatIndicator, INDICATORS_PATH, useIndicatorsT } from '../../indicators-i18n.ts';
import { Link, navigate, useLocation } from '../../router.tsx';
import { Field } from '../../sections/labour/Field.tsx';
import { useHasPermission } from '../../session.tsx';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-T[1-3])?$/;

export function IndicatorsPage() {
  const x = useIndicatorsT();
  const location = useLocation();
  const requested = location.search.get('period');
  const period = requested && PERIOD.test(requested) ? requested : swedishToday().slice(0, 4);
  const list = useIndicators(period);
  const canWrite = useHasPermission('followup:write');
  return (
    <Page title={x.list.title} intro={x.list.intro}>
      <PeriodForm period={period} />
      {list.isPending ? <Loading /> : null}
      {list.error ? <ErrorMessage error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <IndicatorTable
          period={list.data.period}
          previous={list.data.previousPeriod}
          items={list.data.indicators}
        />
      ) : null}
      {canWrite && list.data ? (
        <TargetForm items={list.data.indicators} year={Number(period.slice(0, 4))} />
      ) : null}
    </Page>
  );
}

function PeriodForm({ period }: { period: string }) {
  const x = useIndicatorsT();
  const headingId = useId();
  const [value, setValue] = useState(period);
  const [invalid, setInvalid] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = value.trim().toUpperCase().replace(/-t/i, '-T');
    if (!PERIOD.test(text)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    navigate(`${INDICATORS_PATH}?period=${encodeURIComponent(text)}`);
  };
  return (
    <form className="form-panel" aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <h2 id={headingId}>{x.list.periodForm}</h2>
      <div className="field-row">
        <Field
          label={x.list.period}
          hint={x.list.periodHint}
          messages={invalid ? [x.list.invalidPeriod] : []}
        >
          <input type="text" value={value} onChange={(e) => setValue(e.target.value)} inputMode="text" />
        </Field>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {x.list.show}
          </button>
        </div>
      </div>
    </form>
  );
}

function IndicatorTable({
  period,
  previous,
  items,
}: {
  period: string;
  previous: string;
  items: IndicatorItem[];
}) {
  const x = useIndicatorsT();
  const [locale] = useLocale();
  const year = period.slice(0, 4);
  const show = (item: IndicatorItem, value: number | null, suppressed: boolean) =>
    suppressed ? x.suppressed : value === null ? x.noValue : formatIndicator(x, locale, item.unit, value);
  return (
    <section className="panel">
      <table className="table">
        <caption>{fill(x.list.caption, { period })}</caption>
        <thead>
          <tr>
            <th scope="col">{x.list.indicator}</th>
            <th scope="col" className="cell-number">
              {x.list.outcome}
            </th>
            <th scope="col" className="cell-number">
              {fill(x.list.previous, { period: previous })}
            </th>
            <th scope="col" className="cell-number">
              {fill(x.list.target, { year })}
            </th>
            <th scope="col">{x.list.drilldown}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                {item.title}
                {item.koladaId ? (
                  <>
                    <br />
                    <span className="hint">{fill(x.list.koladaId, { id: item.koladaId })}</span>
                  </>
                ) : null}
              </th>
              <td className="cell-number">{show(item, item.value, item.suppressed)}</td>
              <td className="cell-number">{show(item, item.previous.value, item.previous.suppressed)}</td>
              <td className="cell-number">
                {item.target ? formatIndicator(x, locale, item.unit, item.target.value) : x.noValue}
              </td>
              <td>
                {item.drilldown ? (
                  <Link
                    to={drilldownPath(item.id, period)}
                    aria-label={fill(x.list.showDrilldownFor, { title: item.title })}
                  >
                    {x.list.showDrilldown}
                  </Link>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{x.suppressedHint}</p>
    </section>
  );
}

function TargetForm({ items, year: initialYear }: { items: IndicatorItem[]; year: number }) {
  const x = useIndicatorsT();
  const headingId = useId();
  const queryClient = useQueryClient();
  const [indicatorId, setIndicatorId] = useState(items[0]?.id ?? '');
  const [year, setYear] = useState(String(initialYear));
  const [value, setValue] = useState('');
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      indicatorsApi.setTarget(indicatorId, Number(year), {
        value: Number(value.replace(',', '.').replace(/\s/g, '')),
        comment: comment.trim() || null,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: indicatorKeys.all }),
  });
  const server = serverFieldErrors(save.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const number = Number(value.replace(',', '.').replace(/\s/g, ''));
    if (value.trim() === '' || !Number.isFinite(number)) {
      setMissing(true);
      return;
    }
    setMissing(false);
    save.mutate();
  };
  const title = items.find((i) => i.id === (save.data?.indicatorId ?? indicatorId))?.title ?? '';
  return (
    <form className="form-panel" aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <h2 id={headingId}>{x.targetForm.title}</h2>
      <p>{x.targetForm.intro}</p>
      {save.isSuccess ? (
        <SuccessMessage>
          {fill(x.targetForm.saved, { indicator: title, year: save.data.year })}
        </SuccessMessage>
      ) : null}
      {save.isError && server.size === 0 ? <ErrorMessage error={save.error} /> : null}
      <Field label={x.targetForm.indicator}>
        <select value={indicatorId} onChange={(e) => setIndicatorId(e.target.value)}>
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
        </select>
      </Field>
      <Field label={x.targetForm.year} messages={server.get('year') ?? []}>
        <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} />
      </Field>
      <Field
        label={x.targetForm.value}
        hint={x.targetForm.valueHint}
        messages={[...(missing ? [x.targetForm.required] : []), ...(server.get('value') ?? [])]}
      >
        <input type="text" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
      </Field>
      <Field label={x.targetForm.comment} messages={server.get('comment') ?? []}>
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={1000} />
      </Field>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {x.targetForm.save}
        </button>
      </div>
    </form>
  );
}

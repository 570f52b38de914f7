import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { mondayOf } from '../../../../src/labour/domain/attendance-rules.ts';
import {
  interventionKeys,
  interventionsApi,
  useInterventions,
  useOccupancy,
  usePlacements,
  type AbsenceReason,
  type Placement,
  type PlacementList,
} from '../../api/interventions.ts';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../../components/Feedback.tsx';
import { serverFieldErrors } from '../../components/FieldError.tsx';
import { swedishToday } from '../../dates.ts';
import { fill, useFormat } from '../../i18n.ts';
import { useHasPermission } from '../../session.tsx';
import { Field } from './Field.tsx';
import { isoWeek, useInterventionsT, useLabourWords } from './interventions-texts.ts';

const ABSENCE_REASONS: readonly AbsenceReason[] = ['sick', 'valid', 'without_reason'];

/**
 * "Insatser" on a referral: the person's placements (with their queue position when waiting),
 * placing the person ("Placera": a place or a queue position), admitting from the waiting list,
 * ending, and the weekly attendance with its report form.
 */
export function PlacementsSection({ referralId, closed = false }: { referralId: string; closed?: boolean }) {
  const x = useInterventionsT();
  const canWrite = useHasPermission('labour:write') && !closed;
  const placements = usePlacements(referralId);
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{x.placements.title}</h2>
      {placements.isPending ? <Loading /> : null}
      {placements.isError ? (
        <ErrorMessage error={placements.error} onRetry={() => void placements.refetch()} />
      ) : null}
      {placements.data ? <PlacementsView data={placements.data} canWrite={canWrite} /> : null}
    </section>
  );
}

function PlacementsView({ data, canWrite }: { data: PlacementList; canWrite: boolean }) {
  const x = useInterventionsT();
  const format = useFormat();
  const texts = x.placements;
  const [message, setMessage] = useState<string | null>(null);
  const [ending, setEnding] = useState<Placement | null>(null);
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: interventionKeys.all });
  const invalidate = () => {
    void queryClient.invalidateQueries({ queryKey: interventionKeys.placements(data.referralId) });
    refresh();
  };
  const admit = useMutation({
    mutationFn: (placement: Placement) => interventionsApi.admit(placement.id),
    onMutate: () => setMessage(null),
    onSuccess: (placement) => {
      setMessage(fill(texts.admitted, { name: placement.interventionName }));
      invalidate();
    },
  });

  return (
    <>
      <p className="section-intro">
        {data.capacityHours === null
          ? texts.noMapping
          : fill(texts.capacity, { hours: data.capacityHours, min: data.workOrientedMinHours })}
      </p>
      {message ? <SuccessMessage>{message}</SuccessMessage> : null}
      {admit.isError ? <ErrorMessage error={admit.error} /> : null}
      {data.items.length === 0 ? (
        <Empty>{texts.empty}</Empty>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{texts.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.intervention}</th>
              <th scope="col">{texts.period}</th>
              <th scope="col" className="cell-number">
                {texts.hours}
              </th>
              <th scope="col">{texts.status}</th>
              {canWrite ? (
                <th scope="col" className="cell-action">
                  {texts.actions}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {data.items.map((placement) => (
              <tr key={placement.id} className={placement.status === 'cancelled' ? 'row-muted' : undefined}>
                <th scope="row">
                  {placement.interventionName}
                  <span className="cell-note">{placement.kindLabel}</span>
                </th>
                <td className="nowrap">
                  {fill(texts.periodValue, {
                    from: format.date(placement.startsOn),
                    to: format.date(placement.endsOn),
                  })}
                </td>
                <td className="cell-number">{placement.hoursPerWeek}</td>
                <td>
                  {placement.statusLabel}
                  {placement.queuePosition !== null ? (
                    <span className="cell-note">
                      {fill(texts.queue, { position: placement.queuePosition })}
                    </span>
                  ) : null}
                  {placement.endedOn ? (
                    <span className="cell-note">
                      {fill(texts.endedOn, { date: format.date(placement.endedOn) })}
                    </span>
                  ) : null}
                </td>
                {canWrite ? (
                  <td className="cell-action">
                    <div className="button-group">
                      {placement.status === 'waiting' ? (
                        <button
                          type="button"
                          className="button-secondary button-small"
                          aria-label={fill(texts.admitLabel, { name: placement.interventionName })}
                          disabled={admit.isPending}
                          onClick={() => admit.mutate(placement)}
                        >
                          {texts.admit}
                        </button>
                      ) : null}
                      {placement.status === 'waiting' || placement.status === 'active' ? (
                        <button
                          type="button"
                          className="button-secondary button-small"
                          aria-label={fill(
                            placement.status === 'waiting' ? texts.leaveQueueLabel : texts.endLabel,
                            {
                              name: placement.interventionName,
                            },
                          )}
                          aria-expanded={ending?.id === placement.id}
                          onClick={() => {
                            setMessage(null);
                            setEnding(ending?.id === placement.id ? null : placement);
                          }}
                        >
                          {placement.status === 'waiting' ? texts.leaveQueue : texts.end}
                        </button>
                      ) : null}
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ending ? (
        <EndForm
          key={ending.id}
          placement={ending}
          onCancel={() => setEnding(null)}
          onDone={(ended) => {
            setEnding(null);
            setMessage(
              fill(ended.status === 'cancelled' ? texts.cancelled : texts.ended, {
                name: ended.interventionName,
              }),
            );
            invalidate();
          }}
        />
      ) : null}
      {canWrite ? <PlaceForm referralId={data.referralId} onPlaced={invalidate} /> : null}
      <AttendanceList data={data} />
      {canWrite ? <AttendanceForm data={data} onSaved={invalidate} /> : null}
    </>
  );
}

function EndForm({
  placement,
  onCancel,
  onDone,
}: {
  placement: Placement;
  onCancel: () => void;
  onDone: (placement: Placement) => void;
}) {
  const x = useInterventionsT();
  const texts = x.end;
  const headingId = useId();
  const [endedOn, setEndedOn] = useState(() => swedishToday());
  const [checked, setChecked] = useState(false);
  const end = useMutation({
    mutationFn: () => interventionsApi.end(placement.id, endedOn),
    onSuccess: onDone,
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (endedOn !== '') end.mutate();
  };
  return (
    <form className="form-panel" aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <h3 id={headingId}>{fill(texts.title, { name: placement.interventionName })}</h3>
      {end.isError ? <ErrorMessage error={end.error} /> : null}
      <div className="inline-form">
        <Field
          label={texts.endedOn}
          hint={placement.status === 'active' ? texts.hint : undefined}
          messages={[
            ...(checked && endedOn === '' ? [texts.dateRequired] : []),
            ...(serverFieldErrors(end.error).get('endedOn') ?? []),
          ]}
        >
          <input type="date" value={endedOn} onChange={(event) => setEndedOn(event.target.value)} />
        </Field>
        <button type="submit" className="button-primary" disabled={end.isPending}>
          {end.isPending ? texts.submitting : texts.submit}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {texts.cancel}
        </button>
      </div>
    </form>
  );
}

function PlaceForm({ referralId, onPlaced }: { referralId: string; onPlaced: () => void }) {
  const x = useInterventionsT();
  const format = useFormat();
  const texts = x.place;
  const catalogue = useInterventions();
  const occupancy = useOccupancy(undefined);
  const headingId = useId();
  const [interventionId, setInterventionId] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [hours, setHours] = useState('');
  const [checked, setChecked] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const place = useMutation({
    mutationFn: () =>
      interventionsApi.place(referralId, { interventionId, startsOn, endsOn, hoursPerWeek: Number(hours) }),
    onMutate: () => setResult(null),
    onSuccess: (placed) => {
      const name = placed.placement.interventionName;
      setResult(
        placed.outcome === 'active'
          ? fill(texts.placed, { name, date: format.date(placed.placement.startsOn) })
          : fill(texts.queued, { name, position: placed.queuePosition ?? '' }),
      );
      setInterventionId('');
      setStartsOn('');
      setEndsOn('');
      setHours('');
      setChecked(false);
      onPlaced();
    },
  });
  const server = serverFieldErrors(place.error);
  const hoursValue = Number(hours);
  const hoursValid = hours !== '' && Number.isInteger(hoursValue) && hoursValue >= 1 && hoursValue <= 40;
  const missing = (invalid: boolean, message: string) => (checked && invalid ? [message] : []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (interventionId === '' || startsOn === '' || endsOn === '' || !hoursValid) return;
    place.mutate();
  };

  const full = new Set((occupancy.data?.items ?? []).filter((i) => i.freePlaces === 0).map((i) => i.id));
  const options = (catalogue.data?.items ?? []).filter((i) => i.active);

  return (
    <form className="form-panel" aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <h3 id={headingId}>{texts.title}</h3>
      {result ? <SuccessMessage>{result}</SuccessMessage> : null}
      {place.isError ? <ErrorMessage error={place.error} /> : null}
      {catalogue.isError ? (
        <ErrorMessage error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : null}
      <div className="form-grid">
        <Field
          label={texts.intervention}
          messages={[
            ...missing(interventionId === '', texts.interventionRequired),
            ...(server.get('interventionId') ?? []),
          ]}
        >
          <select value={interventionId} onChange={(event) => setInterventionId(event.target.value)}>
            <option value="">{texts.choose}</option>
            {options.map((i) => (
              <option key={i.id} value={i.id}>
                {fill(full.has(i.id) ? texts.full : i.workOriented ? texts.workOriented : texts.stepOne, {
                  name: i.name,
                })}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={texts.startsOn}
          messages={[...missing(startsOn === '', texts.dateRequired), ...(server.get('startsOn') ?? [])]}
        >
          <input type="date" value={startsOn} onChange={(event) => setStartsOn(event.target.value)} />
        </Field>
        <Field
          label={texts.endsOn}
          messages={[...missing(endsOn === '', texts.dateRequired), ...(server.get('endsOn') ?? [])]}
        >
          <input type="date" value={endsOn} onChange={(event) => setEndsOn(event.target.value)} />
        </Field>
        <Field
          label={texts.hours}
          messages={[...missing(!hoursValid, texts.hoursRequired), ...(server.get('hoursPerWeek') ?? [])]}
        >
          <input
            inputMode="numeric"
            size={4}
            value={hours}
            onChange={(event) => setHours(event.target.value)}
          />
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={place.isPending}>
          {place.isPending ? texts.submitting : texts.submit}
        </button>
      </div>
    </form>
  );
}

function AttendanceList({ data }: { data: PlacementList }) {
  const x = useInterventionsT();
  const format = useFormat();
  const texts = x.attendance;
  const withWeeks = data.items.filter((p) => p.status === 'active' || p.status === 'ended');
  if (withWeeks.length === 0) return null;
  return (
    <div className="subsection">
      <h3>{texts.title}</h3>
      {withWeeks.map((placement) => (
        <div key={placement.id}>
          {placement.attendance.length === 0 ? (
            <p className="empty">
              {placement.interventionName}: {texts.empty}
            </p>
          ) : (
            <table className="table">
              <caption>{fill(texts.caption, { name: placement.interventionName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{texts.week}</th>
                  <th scope="col" className="cell-number">
                    {texts.planned}
                  </th>
                  <th scope="col" className="cell-number">
                    {texts.attended}
                  </th>
                  <th scope="col">{texts.reason}</th>
                  <th scope="col">{texts.comment}</th>
                </tr>
              </thead>
              <tbody>
                {placement.attendance.map((week) => (
                  <tr key={week.week}>
                    <td className="nowrap">
                      {fill(texts.weekValue, { number: isoWeek(week.week), date: format.date(week.week) })}
                    </td>
                    <td className="cell-number">{week.plannedHours}</td>
                    <td className="cell-number">{week.attendedHours}</td>
                    <td>{week.absenceReasonLabel ?? ''}</td>
                    <td>{week.comment ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </div>
  );
}

function AttendanceForm({ data, onSaved }: { data: PlacementList; onSaved: () => void }) {
  const x = useInterventionsT();
  const words = useLabourWords();
  const texts = x.attendance;
  const headingId = useId();
  const reportable = data.items.filter((p) => p.status === 'active' || p.status === 'ended');
  const [placementId, setPlacementId] = useState(() => (reportable.length === 1 ? reportable[0]!.id : ''));
  const [day, setDay] = useState(() => mondayOf(swedishToday()));
  const [planned, setPlanned] = useState('');
  const [attended, setAttended] = useState('');
  const [reason, setReason] = useState<AbsenceReason | ''>('');
  const [comment, setComment] = useState('');
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const week = day === '' ? '' : mondayOf(day);
  const report = useMutation({
    mutationFn: () =>
      interventionsApi.reportAttendance(placementId, week, {
        plannedHours: Number(planned),
        attendedHours: Number(attended),
        absenceReason: reason === '' ? null : reason,
        comment: comment.trim() === '' ? null : comment.trim(),
      }),
    onMutate: () => setSaved(null),
    onSuccess: (result) => {
      const lines = [fill(texts.saved, { number: isoWeek(result.week) })];
      if (result.notified.length > 0)
        lines.push(
          fill(texts.notified, { kinds: result.notified.map((k) => words.noticeKinds[k]).join(', ') }),
        );
      setSaved(lines.join(' '));
      setComment('');
      setChecked(false);
      onSaved();
    },
  });
  if (reportable.length === 0) return <p className="empty">{texts.none}</p>;
  const server = serverFieldErrors(report.error);
  const hoursOk = (value: string) =>
    value !== '' && Number.isInteger(Number(value)) && Number(value) >= 0 && Number(value) <= 60;
  const missing = (invalid: boolean, message: string) => (checked && invalid ? [message] : []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (placementId === '' || week === '' || !hoursOk(planned) || !hoursOk(attended)) return;
    report.mutate();
  };

  return (
    <form className="form-panel" aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <h3 id={headingId}>{texts.formTitle}</h3>
      {saved ? <SuccessMessage>{saved}</SuccessMessage> : null}
      {report.isError ? <ErrorMessage error={report.error} /> : null}
      <div className="form-grid">
        <Field label={texts.placement} messages={missing(placementId === '', texts.placementRequired)}>
          <select value={placementId} onChange={(event) => setPlacementId(event.target.value)}>
            <option value="">{texts.choose}</option>
            {reportable.map((p) => (
              <option key={p.id} value={p.id}>
                {p.interventionName}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={texts.week}
          hint={week === '' ? texts.weekHint : fill(texts.weekValue, { number: isoWeek(week), date: week })}
          messages={missing(week === '', texts.weekRequired)}
        >
          <input type="date" value={day} onChange={(event) => setDay(event.target.value)} />
        </Field>
        <Field
          label={texts.planned}
          messages={[
            ...missing(!hoursOk(planned), texts.hoursRequired),
            ...(server.get('plannedHours') ?? []),
          ]}
        >
          <input
            inputMode="numeric"
            size={4}
            value={planned}
            onChange={(event) => setPlanned(event.target.value)}
          />
        </Field>
        <Field
          label={texts.attended}
          messages={[
            ...missing(!hoursOk(attended), texts.hoursRequired),
            ...(server.get('attendedHours') ?? []),
          ]}
        >
          <input
            inputMode="numeric"
            size={4}
            value={attended}
            onChange={(event) => setAttended(event.target.value)}
          />
        </Field>
        <Field label={texts.reason} messages={server.get('absenceReason') ?? []}>
          <select value={reason} onChange={(event) => setReason(event.target.value as AbsenceReason | '')}>
            <option value="">{texts.noReason}</option>
            {ABSENCE_REASONS.map((r) => (
              <option key={r} value={r}>
                {words.absenceReasons[r]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={texts.comment} messages={server.get('comment') ?? []}>
          <input value={comment} maxLength={1000} onChange={(event) => setComment(event.target.value)} />
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={report.isPending}>
          {report.isPending ? texts.submitting : texts.submit}
        </button>
      </div>
    </form>
  );
}

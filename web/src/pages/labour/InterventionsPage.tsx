import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import {
  interventionKeys,
  interventionsApi,
  useInterventions,
  useOccupancy,
  useWaitingList,
  type Intervention,
  type InterventionInput,
  type InterventionKind,
  type OccupancyItem,
} from '../../api/interventions.ts';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../../components/Feedback.tsx';
import { serverFieldErrors } from '../../components/FieldError.tsx';
import { Page } from '../../components/Page.tsx';
import { PersonName } from '../../components/PersonName.tsx';
import { fill, useFormat } from '../../i18n.ts';
import { useHasPermission } from '../../session.tsx';
import { Field } from '../../sections/labour/Field.tsx';
import { useInterventionsT } from '../../sections/labour/interventions-texts.ts';

/**
 * /jobb/insatser — the unit's interventions with occupancy this year (starts against places per
 * year, ongoing, waiting), each intervention's waiting list, and for managers the catalogue form.
 */
export function InterventionsPage() {
  const x = useInterventionsT();
  const canManage = useHasPermission('labour:manage');
  const [yearInput, setYearInput] = useState('');
  const [year, setYear] = useState<number | undefined>(undefined);
  const [editing, setEditing] = useState<string | null>(null);
  const [queueOf, setQueueOf] = useState<string | null>(null);
  const yearId = useId();

  const onYear = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = Number(yearInput);
    setYear(yearInput === '' || !Number.isInteger(value) ? undefined : value);
  };

  return (
    <Page title={x.page.title} intro={x.page.intro}>
      <form className="inline-form" onSubmit={onYear} aria-label={x.page.year}>
        <div className="field">
          <label htmlFor={yearId}>{x.page.year}</label>
          <input
            id={yearId}
            inputMode="numeric"
            size={6}
            value={yearInput}
            onChange={(event) => setYearInput(event.target.value)}
          />
        </div>
        <button type="submit" className="button-secondary">
          {x.page.show}
        </button>
      </form>
      <OccupancyPanel
        year={year}
        canManage={canManage}
        onEdit={(id) => setEditing(id)}
        onQueue={(id) => setQueueOf(queueOf === id ? null : id)}
        queueOf={queueOf}
      />
      {queueOf ? <WaitingListPanel key={queueOf} id={queueOf} onClose={() => setQueueOf(null)} /> : null}
      {canManage ? (
        <CatalogueForm key={editing ?? 'new'} editing={editing} onDone={() => setEditing(null)} />
      ) : null}
    </Page>
  );
}

function OccupancyPanel({
  year,
  canManage,
  onEdit,
  onQueue,
  queueOf,
}: {
  year: number | undefined;
  canManage: boolean;
  onEdit: (id: string) => void;
  onQueue: (id: string) => void;
  queueOf: string | null;
}) {
  const x = useInterventionsT();
  const format = useFormat();
  const occupancy = useOccupancy(year);
  const texts = x.occupancy;
  const headingId = useId();
  if (occupancy.isPending) return <Loading />;
  if (occupancy.isError)
    return <ErrorMessage error={occupancy.error} onRetry={() => void occupancy.refetch()} />;
  const data = occupancy.data;
  const shownYear = String(data.year);
  const limit = (value: number | null) => (value === null ? texts.noLimit : format.number(value));

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{fill(texts.title, { year: shownYear })}</h2>
      {data.items.length === 0 ? (
        <Empty>{texts.empty}</Empty>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table className="table table-figures">
            <caption className="visually-hidden">{fill(texts.caption, { year: shownYear })}</caption>
            <thead>
              <tr>
                <th scope="col">{texts.name}</th>
                <th scope="col">{texts.kind}</th>
                <th scope="col" className="cell-number">
                  {texts.capacity}
                </th>
                <th scope="col" className="cell-number">
                  {texts.started}
                </th>
                <th scope="col" className="cell-number">
                  {texts.active}
                </th>
                <th scope="col" className="cell-number">
                  {texts.waiting}
                </th>
                <th scope="col" className="cell-number">
                  {texts.share}
                </th>
                <th scope="col" className="cell-number">
                  {texts.free}
                </th>
                <th scope="col" className="cell-action">
                  {texts.actions}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item: OccupancyItem) => (
                <tr key={item.id} className={item.active ? undefined : 'row-muted'}>
                  <th scope="row">
                    {item.name}
                    <span className="cell-note">
                      {item.workOriented ? texts.workOriented : texts.stepOne}
                      {item.active ? '' : ` · ${texts.inactive}`}
                    </span>
                  </th>
                  <td>{item.kindLabel}</td>
                  <td className="cell-number">{limit(item.capacityPerYear)}</td>
                  <td className="cell-number">{format.number(item.startedInYear)}</td>
                  <td className="cell-number">{format.number(item.activeNow)}</td>
                  <td className="cell-number">{format.number(item.waiting)}</td>
                  <td className="cell-number">
                    {item.sharePercent === null ? '–' : format.number(item.sharePercent)}
                  </td>
                  <td className="cell-number">
                    {item.freePlaces === null ? '–' : format.number(item.freePlaces)}
                  </td>
                  <td className="cell-action">
                    <div className="button-group">
                      <button
                        type="button"
                        className="button-secondary button-small"
                        aria-label={fill(texts.showQueueLabel, { name: item.name })}
                        aria-expanded={queueOf === item.id}
                        onClick={() => onQueue(item.id)}
                      >
                        {texts.showQueue}
                      </button>
                      {canManage ? (
                        <button
                          type="button"
                          className="button-secondary button-small"
                          aria-label={fill(texts.editLabel, { name: item.name })}
                          onClick={() => onEdit(item.id)}
                        >
                          {texts.edit}
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {texts.total}
                </th>
                <td className="cell-number">{limit(data.total.capacityPerYear)}</td>
                <td className="cell-number">{format.number(data.total.startedInYear)}</td>
                <td className="cell-number">{format.number(data.total.activeNow)}</td>
                <td className="cell-number">{format.number(data.total.waiting)}</td>
                <td className="cell-number">
                  {data.total.sharePercent === null ? '–' : format.number(data.total.sharePercent)}
                </td>
                <td className="cell-number">
                  {data.total.freePlaces === null ? '–' : format.number(data.total.freePlaces)}
                </td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

function WaitingListPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const x = useInterventionsT();
  const format = useFormat();
  const list = useWaitingList(id);
  const headingId = useId();
  const texts = x.waitingList;
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />;
  const name = list.data.name;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{fill(texts.title, { name })}</h2>
        <button type="button" className="button-secondary button-small" onClick={onClose}>
          {texts.close}
        </button>
      </div>
      {list.data.items.length === 0 ? (
        <Empty>{texts.empty}</Empty>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{fill(texts.caption, { name })}</caption>
          <thead>
            <tr>
              <th scope="col" className="cell-number">
                {texts.position}
              </th>
              <th scope="col">{texts.person}</th>
              <th scope="col">{texts.requestedOn}</th>
              <th scope="col">{texts.startsOn}</th>
              <th scope="col" className="cell-number">
                {texts.hours}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((entry) => (
              <tr key={entry.placementId}>
                <td className="cell-number">{entry.position}</td>
                <td>
                  {entry.visible ? (
                    <PersonName name={entry.name} protectedIdentity={entry.protectedIdentity} />
                  ) : (
                    <span className="cell-note">{texts.otherUnit}</span>
                  )}
                </td>
                <td className="cell-date">{format.date(entry.requestedOn)}</td>
                <td className="cell-date">{format.date(entry.startsOn)}</td>
                <td className="cell-number">{entry.hoursPerWeek}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const numberOrNull = (value: string): number | null | 'invalid' => {
  if (value.trim() === '') return null;
  const n = Number(value);
  return Number.isInteger(n) ? n : 'invalid';
};

const NUMBER_FIELDS = ['minAge', 'maxAge', 'maxWeeks', 'maxHoursPerWeek', 'capacityPerYear'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

function CatalogueForm({ editing, onDone }: { editing: string | null; onDone: () => void }) {
  const catalogue = useInterventions();
  if (catalogue.isPending) return <Loading />;
  if (catalogue.isError)
    return <ErrorMessage error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  const current = editing ? catalogue.data.items.find((item) => item.id === editing) : undefined;
  return (
    <InterventionForm
      current={current}
      kinds={catalogue.data.kinds}
      minHours={catalogue.data.workOrientedMinHours}
      onDone={onDone}
    />
  );
}

function InterventionForm({
  current,
  kinds,
  minHours,
  onDone,
}: {
  current: Intervention | undefined;
  kinds: { kind: InterventionKind; label: string }[];
  minHours: number;
  onDone: () => void;
}) {
  const x = useInterventionsT();
  const texts = x.form;
  const queryClient = useQueryClient();
  const headingId = useId();
  const [name, setName] = useState(current?.name ?? '');
  const [kind, setKind] = useState<InterventionKind>(current?.kind ?? kinds[0]?.kind ?? 'low_threshold');
  const [workOriented, setWorkOriented] = useState(current?.workOriented ?? false);
  const [targetGroup, setTargetGroup] = useState(current?.targetGroup ?? '');
  const [active, setActive] = useState(current?.active ?? true);
  const [numbers, setNumbers] = useState<Record<NumberField, string>>(
    () =>
      Object.fromEntries(
        NUMBER_FIELDS.map((f) => [f, current?.[f] == null ? '' : String(current[f])]),
      ) as Record<NumberField, string>,
  );
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (input: InterventionInput) =>
      current
        ? interventionsApi.updateIntervention(current.id, input)
        : interventionsApi.createIntervention(input),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: interventionKeys.all });
      setDone(fill(current ? texts.saved : texts.created, { name: saved.name }));
      if (!current) {
        setName('');
        setTargetGroup('');
        setNumbers(Object.fromEntries(NUMBER_FIELDS.map((f) => [f, ''])) as Record<NumberField, string>);
        setChecked(false);
      }
    },
  });
  const server = serverFieldErrors(save.error);
  const parsed = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, numberOrNull(numbers[f])])) as Record<
    NumberField,
    number | null | 'invalid'
  >;
  const nameMessages = [
    ...(checked && name.trim() === '' ? [texts.nameRequired] : []),
    ...(server.get('name') ?? []),
  ];
  const numberMessages = (field: NumberField) => [
    ...(checked && parsed[field] === 'invalid' ? [texts.wholeNumber] : []),
    ...(server.get(field) ?? []),
  ];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    setDone(null);
    if (name.trim() === '' || NUMBER_FIELDS.some((f) => parsed[f] === 'invalid')) return;
    save.mutate({
      name: name.trim(),
      kind,
      workOriented,
      targetGroup: targetGroup.trim() === '' ? null : targetGroup.trim(),
      active,
      ...(parsed as Record<NumberField, number | null>),
    });
  };

  const numberField = (field: NumberField, label: string, hint?: string) => (
    <Field label={label} hint={hint} messages={numberMessages(field)}>
      <input
        inputMode="numeric"
        size={6}
        value={numbers[field]}
        onChange={(event) => setNumbers({ ...numbers, [field]: event.target.value })}
      />
    </Field>
  );

  return (
    <form className="form-panel" aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <h2 id={headingId}>{current ? fill(texts.editTitle, { name: current.name }) : texts.newTitle}</h2>
      {done ? <SuccessMessage>{done}</SuccessMessage> : null}
      {save.isError ? <ErrorMessage error={save.error} /> : null}
      <div className="form-grid">
        <Field label={texts.name} messages={nameMessages}>
          <input value={name} autoComplete="off" onChange={(event) => setName(event.target.value)} />
        </Field>
        <Field label={texts.kind} messages={server.get('kind') ?? []}>
          <select value={kind} onChange={(event) => setKind(event.target.value as InterventionKind)}>
            {kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={texts.targetGroup} messages={server.get('targetGroup') ?? []}>
          <input value={targetGroup} onChange={(event) => setTargetGroup(event.target.value)} />
        </Field>
        {numberField('capacityPerYear', texts.capacityPerYear, texts.emptyMeansNoLimit)}
        {numberField('minAge', texts.minAge)}
        {numberField('maxAge', texts.maxAge)}
        {numberField('maxWeeks', texts.maxWeeks)}
        {numberField('maxHoursPerWeek', texts.maxHoursPerWeek)}
      </div>
      <div className="check">
        <input
          id={`${headingId}-work`}
          type="checkbox"
          checked={workOriented}
          onChange={(event) => setWorkOriented(event.target.checked)}
        />
        <label htmlFor={`${headingId}-work`}>{fill(texts.workOriented, { hours: minHours })}</label>
      </div>
      <div className="check">
        <input
          id={`${headingId}-active`}
          type="checkbox"
          checked={active}
          onChange={(event) => setActive(event.target.checked)}
        />
        <label htmlFor={`${headingId}-active`}>{texts.active}</label>
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? texts.saving : current ? texts.save : texts.create}
        </button>
        {current ? (
          <button type="button" className="button-secondary" onClick={onDone}>
            {texts.cancel}
          </button>
        ) : null}
      </div>
    </form>
  );
}

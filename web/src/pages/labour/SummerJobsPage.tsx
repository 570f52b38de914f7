import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  summerJobKeys,
  summerJobsApi,
  useSummerApplicants,
  useSummerRound,
  useSummerRounds,
  type EmployerKind,
  type SummerRoundDetail,
} from '../../api/summer-jobs.ts';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../../components/Feedback.tsx';
import { serverFieldErrors } from '../../components/FieldError.tsx';
import { FormPanel } from '../../components/FormPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { PersonName } from '../../components/PersonName.tsx';
import { swedishToday } from '../../dates.ts';
import { fill, useFormat } from '../../i18n.ts';
import { Link, useLocation } from '../../router.tsx';
import { Field } from '../../sections/labour/Field.tsx';
import { useHasPermission } from '../../session.tsx';
import { summerJobsPath, useSummerJobsLabels, useSummerJobsT } from '../../summer-jobs-i18n.ts';

const roundPath = (id: string) => `${summerJobsPath}?omgang=${encodeURIComponent(id)}`;
const EMPLOYER_KINDS: readonly EmployerKind[] = ['department', 'association', 'company'];
const PAGE_SIZE = 200;

/**
 * /jobb/feriearbeten(?omgang=id) — the summer-job rounds; for the chosen round (the newest by
 * default) its figures, places and applicants with why each got what they got; the rule in plain
 * Swedish. Managers open rounds, add places and allocate; consultants register applicants and answers.
 */
export function SummerJobsPage() {
  const s = useSummerJobsT();
  const { search } = useLocation();
  const rounds = useSummerRounds();
  const chosen = search.get('omgang') ?? rounds.data?.items[0]?.id ?? null;

  return (
    <Page title={s.title} intro={s.intro}>
      <RulePanel />
      <RoundsPanel current={chosen} />
      {rounds.isPending ? <Loading /> : null}
      {rounds.isError ? <ErrorMessage error={rounds.error} onRetry={() => void rounds.refetch()} /> : null}
      {chosen ? <RoundPanels key={chosen} roundId={chosen} /> : null}
    </Page>
  );
}

function RulePanel() {
  const s = useSummerJobsT();
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{s.rule.title}</h2>
      <p>{s.rule.groups}</p>
      <ol>
        <li>{s.rule.group1}</li>
        <li>{s.rule.group2}</li>
        <li>{s.rule.group3}</li>
      </ol>
      <p>{s.rule.lottery}</p>
      <p>{s.rule.order}</p>
      <p>{s.rule.decline}</p>
      <p className="hint">{s.rule.intake}</p>
    </section>
  );
}

function RoundsPanel({ current }: { current: string | null }) {
  const s = useSummerJobsT();
  const format = useFormat();
  const rounds = useSummerRounds();
  const canManage = useHasPermission('labour:manage');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const headingId = useId();
  const texts = s.rounds;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{texts.title}</h2>
        {canManage && !creating ? (
          <button
            type="button"
            className="button-secondary button-small"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
          >
            {s.newRound.open}
          </button>
        ) : null}
      </div>
      {created ? <SuccessMessage>{created}</SuccessMessage> : null}
      {creating ? (
        <NewRoundForm
          onCancel={() => setCreating(false)}
          onDone={(message) => {
            setCreating(false);
            setCreated(message);
          }}
        />
      ) : null}
      {rounds.data && rounds.data.items.length === 0 ? <Empty>{texts.empty}</Empty> : null}
      {rounds.data && rounds.data.items.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{texts.title}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.year}</th>
              <th scope="col">{texts.applyBy}</th>
              <th scope="col">{texts.ages}</th>
              <th scope="col" className="cell-number">
                {s.summary.applicants}
              </th>
              <th scope="col" className="cell-number">
                {s.summary.places}
              </th>
              <th scope="col">{texts.allocated}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.data.items.map((round) => (
              <tr key={round.id}>
                <td>
                  <Link to={roundPath(round.id)} aria-current={round.id === current ? 'true' : undefined}>
                    {round.year}
                  </Link>
                </td>
                <td className="cell-date">{format.date(round.applyBy)}</td>
                <td>{fill(texts.agesValue, { min: round.minAge, max: round.maxAge })}</td>
                <td className="cell-number">{format.number(round.applicants)}</td>
                <td className="cell-number">{format.number(round.places)}</td>
                <td>{round.allocatedAt ? format.date(round.allocatedAt) : texts.notAllocated}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function NewRoundForm({ onCancel, onDone }: { onCancel: () => void; onDone: (message: string) => void }) {
  const s = useSummerJobsT();
  const texts = s.newRound;
  const queryClient = useQueryClient();
  const nextYear = Number(swedishToday().slice(0, 4)) + 1;
  const [year, setYear] = useState(String(nextYear));
  const [applyBy, setApplyBy] = useState(`${nextYear}-03-31`);
  const [minAge, setMinAge] = useState('16');
  const [maxAge, setMaxAge] = useState('19');
  const create = useMutation({
    mutationFn: () =>
      summerJobsApi.createRound({
        year: Number(year),
        applyBy,
        minAge: Number(minAge),
        maxAge: Number(maxAge),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: summerJobKeys.rounds });
      onDone(fill(texts.created, { year }));
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
        <Field label={texts.year} messages={server.get('year') ?? []}>
          <input inputMode="numeric" value={year} onChange={(event) => setYear(event.target.value)} />
        </Field>
        <Field label={texts.applyBy} messages={server.get('applyBy') ?? []}>
          <input type="date" value={applyBy} onChange={(event) => setApplyBy(event.target.value)} />
        </Field>
        <Field label={texts.minAge} messages={server.get('minAge') ?? []}>
          <input inputMode="numeric" value={minAge} onChange={(event) => setMinAge(event.target.value)} />
        </Field>
        <Field label={texts.maxAge} messages={server.get('maxAge') ?? []}>
          <input inputMode="numeric" value={maxAge} onChange={(event) => setMaxAge(event.target.value)} />
        </Field>
      </div>
    </FormPanel>
  );
}

function RoundPanels({ roundId }: { roundId: string }) {
  const round = useSummerRound(roundId);
  if (round.isPending) return <Loading />;
  if (round.isError) return <ErrorMessage error={round.error} onRetry={() => void round.refetch()} />;
  return (
    <>
      <SummaryPanel round={round.data} />
      <PositionsPanel round={round.data} />
      <ApplicantsPanel round={round.data} />
    </>
  );
}

function SummaryPanel({ round }: { round: SummerRoundDetail }) {
  const s = useSummerJobsT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const canManage = useHasPermission('labour:manage');
  const headingId = useId();
  const texts = s.summary;
  const allocate = useMutation({
    mutationFn: () => summerJobsApi.allocate(round.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: summerJobKeys.all }),
  });
  const figures: [string, number][] = [
    [texts.applicants, round.summary.applicants],
    [texts.places, round.summary.places],
    [texts.offered, round.summary.offered],
    [texts.awaiting, round.summary.awaitingAnswer],
    [texts.accepted, round.summary.accepted],
    [texts.declined, round.summary.declined],
    [texts.withoutPlace, round.summary.withoutPlace],
    [texts.freePlaces, round.summary.freePlaces],
  ];
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{fill(texts.title, { year: round.year })}</h2>
      {allocate.isSuccess ? <SuccessMessage>{allocate.data.message}</SuccessMessage> : null}
      {allocate.isError ? <ErrorMessage error={allocate.error} /> : null}
      <p>{fill(texts.applyBy, { date: format.date(round.applyBy) })}</p>
      <p>
        {round.allocatedAt && round.lotterySeed !== null
          ? fill(texts.allocatedAt, { time: format.dateTime(round.allocatedAt), seed: round.lotterySeed })
          : texts.notAllocated}
      </p>
      <dl className="details">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="amount-strong">{format.number(value)}</dd>
          </div>
        ))}
      </dl>
      <div className="subsection">
        <h3 id={`${headingId}-groups`}>{texts.perGroup}</h3>
        <table className="table" aria-labelledby={`${headingId}-groups`}>
          <thead>
            <tr>
              <th scope="col">{texts.group}</th>
              <th scope="col" className="cell-number">
                {texts.applicants}
              </th>
              <th scope="col" className="cell-number">
                {texts.offered}
              </th>
              <th scope="col" className="cell-number">
                {texts.accepted}
              </th>
              <th scope="col" className="cell-number">
                {texts.declined}
              </th>
              <th scope="col" className="cell-number">
                {texts.withoutPlace}
              </th>
            </tr>
          </thead>
          <tbody>
            {round.perGroup.map((group) => (
              <tr key={group.group}>
                <th scope="row">{group.label}</th>
                <td className="cell-number">{format.number(group.applicants)}</td>
                <td className="cell-number">{format.number(group.offered)}</td>
                <td className="cell-number">{format.number(group.accepted)}</td>
                <td className="cell-number">{format.number(group.declined)}</td>
                <td className="cell-number">{format.number(group.withoutPlace)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canManage && !round.allocatedAt ? (
        <div className="button-row">
          <button
            type="button"
            className="button-primary"
            disabled={allocate.isPending}
            aria-describedby={`${headingId}-allocate-hint`}
            onClick={() => allocate.mutate()}
          >
            {allocate.isPending ? s.allocate.allocating : s.allocate.button}
          </button>
          <span className="hint" id={`${headingId}-allocate-hint`}>
            {s.allocate.hint}
          </span>
        </div>
      ) : null}
    </section>
  );
}

function PositionsPanel({ round }: { round: SummerRoundDetail }) {
  const s = useSummerJobsT();
  const labels = useSummerJobsLabels();
  const format = useFormat();
  const canManage = useHasPermission('labour:manage');
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  const headingId = useId();
  const texts = s.positions;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{texts.title}</h2>
        {canManage && !round.allocatedAt && !adding ? (
          <button
            type="button"
            className="button-secondary button-small"
            onClick={() => {
              setAdded(false);
              setAdding(true);
            }}
          >
            {s.newPosition.open}
          </button>
        ) : null}
      </div>
      {added ? <SuccessMessage>{s.newPosition.created}</SuccessMessage> : null}
      {adding ? (
        <NewPositionForm
          roundId={round.id}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            setAdded(true);
          }}
        />
      ) : null}
      {round.positions.length === 0 ? (
        <Empty>{texts.empty}</Empty>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{texts.title}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.employer}</th>
              <th scope="col">{texts.kind}</th>
              <th scope="col">{texts.jobTitle}</th>
              <th scope="col" className="cell-number">
                {texts.places}
              </th>
              <th scope="col" className="cell-number">
                {texts.filled}
              </th>
              <th scope="col" className="cell-number">
                {texts.accepted}
              </th>
            </tr>
          </thead>
          <tbody>
            {round.positions.map((position) => (
              <tr key={position.id}>
                <td>{position.employer}</td>
                <td>{labels.employerKinds[position.employerKind]}</td>
                <td>{position.title}</td>
                <td className="cell-number">{format.number(position.places)}</td>
                <td className="cell-number">{format.number(position.filled)}</td>
                <td className="cell-number">{format.number(position.accepted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function NewPositionForm({
  roundId,
  onCancel,
  onDone,
}: {
  roundId: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const s = useSummerJobsT();
  const labels = useSummerJobsLabels();
  const texts = s.newPosition;
  const queryClient = useQueryClient();
  const [employer, setEmployer] = useState('');
  const [employerKind, setEmployerKind] = useState<EmployerKind>('department');
  const [title, setTitle] = useState('');
  const [places, setPlaces] = useState('1');
  const create = useMutation({
    mutationFn: () =>
      summerJobsApi.createPosition(roundId, { employer, employerKind, title, places: Number(places) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: summerJobKeys.all });
      onDone();
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
        <Field label={texts.employer} messages={server.get('employer') ?? []}>
          <input value={employer} onChange={(event) => setEmployer(event.target.value)} />
        </Field>
        <Field label={texts.kind} messages={server.get('employerKind') ?? []}>
          <select
            value={employerKind}
            onChange={(event) => setEmployerKind(event.target.value as EmployerKind)}
          >
            {EMPLOYER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {labels.employerKinds[kind]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={texts.jobTitle} messages={server.get('title') ?? []}>
          <input value={title} onChange={(event) => setTitle(event.target.value)} />
        </Field>
        <Field label={texts.places} messages={server.get('places') ?? []}>
          <input inputMode="numeric" value={places} onChange={(event) => setPlaces(event.target.value)} />
        </Field>
      </div>
    </FormPanel>
  );
}

function NewApplicantForm({
  round,
  onCancel,
  onDone,
}: {
  round: SummerRoundDetail;
  onCancel: () => void;
  onDone: () => void;
}) {
  const s = useSummerJobsT();
  const texts = s.newApplicant;
  const queryClient = useQueryClient();
  const checkId = useId();
  const [personalNumber, setPersonalNumber] = useState('');
  const [appliedOn, setAppliedOn] = useState(() => {
    const today = swedishToday();
    return today < round.applyBy ? today : round.applyBy;
  });
  const [assisted, setAssisted] = useState(false);
  const [hadBefore, setHadBefore] = useState(false);
  const [preferences, setPreferences] = useState<string[]>(['', '', '']);
  const create = useMutation({
    mutationFn: () =>
      summerJobsApi.createApplicant(round.id, {
        personalNumber,
        appliedOn,
        householdWithAssistance: assisted,
        hadSummerJobBefore: hadBefore,
        preferences: preferences.filter((p) => p !== ''),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: summerJobKeys.all });
      onDone();
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
        <Field label={texts.personalNumber} messages={server.get('personalNumber') ?? []}>
          <input
            value={personalNumber}
            autoComplete="off"
            onChange={(event) => setPersonalNumber(event.target.value)}
          />
        </Field>
        <Field label={texts.appliedOn} messages={server.get('appliedOn') ?? []}>
          <input type="date" value={appliedOn} onChange={(event) => setAppliedOn(event.target.value)} />
        </Field>
        {preferences.map((value, index) => (
          <Field
            key={index}
            label={fill(texts.preference, { n: index + 1 })}
            messages={index === 0 ? (server.get('preferences') ?? []) : []}
          >
            <select
              value={value}
              onChange={(event) =>
                setPreferences(preferences.map((p, i) => (i === index ? event.target.value : p)))
              }
            >
              <option value="">{texts.noPreference}</option>
              {round.positions.map((position) => (
                <option key={position.id} value={position.id}>
                  {`${position.employer}: ${position.title}`}
                </option>
              ))}
            </select>
          </Field>
        ))}
      </div>
      <div className="check">
        <input
          id={`${checkId}-assisted`}
          type="checkbox"
          checked={assisted}
          onChange={(event) => setAssisted(event.target.checked)}
        />
        <label htmlFor={`${checkId}-assisted`}>{texts.householdWithAssistance}</label>
      </div>
      <div className="check">
        <input
          id={`${checkId}-before`}
          type="checkbox"
          checked={hadBefore}
          onChange={(event) => setHadBefore(event.target.checked)}
        />
        <label htmlFor={`${checkId}-before`}>{texts.hadSummerJobBefore}</label>
      </div>
    </FormPanel>
  );
}

function ApplicantsPanel({ round }: { round: SummerRoundDetail }) {
  const s = useSummerJobsT();
  const labels = useSummerJobsLabels();
  const format = useFormat();
  const queryClient = useQueryClient();
  const canWrite = useHasPermission('labour:write');
  const headingId = useId();
  const groupId = useId();
  const statusId = useId();
  const texts = s.applicants;
  const [group, setGroup] = useState('');
  const [status, setStatus] = useState('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState(false);
  const [answered, setAnswered] = useState<string | null>(null);
  const applicants = useSummerApplicants(round.id, { group, status, limit });
  const answer = useMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean }) => summerJobsApi.answer(id, accept),
    onSuccess: (result) => {
      setAnswered(result.message);
      void queryClient.invalidateQueries({ queryKey: summerJobKeys.all });
    },
  });
  const showAnswers = canWrite && Boolean(round.allocatedAt);

  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{texts.title}</h2>
        {canWrite && !round.allocatedAt && !registering ? (
          <button
            type="button"
            className="button-secondary button-small"
            onClick={() => {
              setRegistered(false);
              setRegistering(true);
            }}
          >
            {s.newApplicant.open}
          </button>
        ) : null}
      </div>
      {registered ? <SuccessMessage>{s.newApplicant.created}</SuccessMessage> : null}
      {registering ? (
        <NewApplicantForm
          round={round}
          onCancel={() => setRegistering(false)}
          onDone={() => {
            setRegistering(false);
            setRegistered(true);
          }}
        />
      ) : null}
      <form className="inline-form" aria-label={texts.filters} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={groupId}>{texts.group}</label>
          <select id={groupId} value={group} onChange={(event) => setGroup(event.target.value)}>
            <option value="">{texts.all}</option>
            {round.perGroup.map((g) => (
              <option key={g.group} value={String(g.group)}>
                {g.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={statusId}>{texts.status}</label>
          <select id={statusId} value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">{texts.all}</option>
            {(['none', 'offered', 'accepted', 'declined'] as const).map((value) => (
              <option key={value} value={value}>
                {labels.offerStatuses[value]}
              </option>
            ))}
          </select>
        </div>
      </form>
      {answered ? <SuccessMessage>{answered}</SuccessMessage> : null}
      {answer.isError ? <ErrorMessage error={answer.error} /> : null}
      {applicants.isPending ? <Loading /> : null}
      {applicants.isError ? (
        <ErrorMessage error={applicants.error} onRetry={() => void applicants.refetch()} />
      ) : null}
      {applicants.data && applicants.data.items.length === 0 ? <Empty>{texts.empty}</Empty> : null}
      {applicants.data && applicants.data.items.length > 0 ? (
        <>
          <p className="hint">
            {fill(texts.count, {
              shown: format.number(applicants.data.items.length),
              total: format.number(applicants.data.total),
            })}
          </p>
          <div className="table-scroll" tabIndex={0}>
            <table className="table">
              <caption className="visually-hidden">{texts.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{texts.name}</th>
                  <th scope="col" className="cell-number">
                    {texts.priorityGroup}
                  </th>
                  <th scope="col" className="cell-number">
                    {texts.lotteryNumber}
                  </th>
                  <th scope="col">{texts.position}</th>
                  <th scope="col">{texts.offerStatus}</th>
                  <th scope="col">{texts.reason}</th>
                  {showAnswers ? (
                    <th scope="col" className="cell-action">
                      {texts.answer}
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {applicants.data.items.map((applicant) => {
                  const who = applicant.name ?? texts.protectedName;
                  return (
                    <tr key={applicant.id}>
                      <td>
                        <PersonName name={applicant.name} />
                      </td>
                      <td className="cell-number">{applicant.priorityGroup}</td>
                      <td className="cell-number">{applicant.lotteryNumber ?? '–'}</td>
                      <td>{applicant.position ?? '–'}</td>
                      <td>{labels.offerStatuses[applicant.offerStatus]}</td>
                      <td>{applicant.reasonText}</td>
                      {showAnswers ? (
                        <td className="cell-action">
                          {applicant.offerStatus === 'offered' ? (
                            <div className="button-group">
                              <button
                                type="button"
                                className="button-secondary button-small"
                                aria-label={fill(texts.acceptFor, { name: who })}
                                disabled={answer.isPending}
                                onClick={() => {
                                  setAnswered(null);
                                  answer.mutate({ id: applicant.id, accept: true });
                                }}
                              >
                                {texts.accept}
                              </button>
                              <button
                                type="button"
                                className="button-secondary button-small"
                                aria-label={fill(texts.declineFor, { name: who })}
                                disabled={answer.isPending}
                                onClick={() => {
                                  setAnswered(null);
                                  answer.mutate({ id: applicant.id, accept: false });
                                }}
                              >
                                {texts.decline}
                              </button>
                            </div>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {applicants.data.total > applicants.data.items.length ? (
            <button type="button" className="button-secondary" onClick={() => setLimit(limit + PAGE_SIZE)}>
              {texts.more}
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

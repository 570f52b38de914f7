import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { oreToTkr, type BudgetFigureRow } from '../../../../src/followup/domain/report/budget.ts';
import { REPORT_PERIODS, ASSIGNMENT_STATUSES } from '../../../../src/followup/domain/report/periods.ts';
import {
  formatAmount,
  formatIndicator,
  monthName,
  outcomeColumn,
  reportTitle,
  summarySentences,
} from '../../../../src/followup/domain/report/report-text.ts';
import {
  reportApi,
  useInvalidateReport,
  useReport,
  type AssignmentFields,
  type AssignmentStatus,
  type BudgetLine,
  type FollowedUpLines,
  type Report,
  type ReportPeriod,
} from '../../api/report.ts';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../../components/Feedback.tsx';
import { serverFieldErrors } from '../../components/FieldError.tsx';
import { FormPanel } from '../../components/FormPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { swedishToday } from '../../dates.ts';
import { fill } from '../../i18n.ts';
import { navigate, useLocation } from '../../router.tsx';
import { Field } from '../../sections/labour/Field.tsx';
import { useHasPermission } from '../../session.tsx';
import { reportPath, useReportLocale, useReportT } from '../../report-i18n.ts';
import { RemoveReportLine } from './RemoveReportLine.tsx';

/** The report most recently due: T2 from September, T1 from May, else last year's accounts. */
function defaultChoice(): { year: number; period: ReportPeriod } {
  const today = swedishToday();
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (month >= 9) return { year, period: 'T2' };
  if (month >= 5) return { year, period: 'T1' };
  return { year: year - 1, period: 'year' };
}

const choicePath = (year: number, period: ReportPeriod) => `${reportPath}?ar=${year}&period=${period}`;

/**
 * /uppfoljning/rapport(?ar=2026&period=T2) — the board's four-month report or annual accounts
 * (seed 003's sections in order), with downloads as PDF and Excel; managers (followup:write)
 * record the budget, outcome and forecast per activity, the assignments' status and the risks.
 */
export function ReportPage() {
  const r = useReportT();
  const { search } = useLocation();
  const fallback = defaultChoice();
  const year = Number(search.get('ar')) || fallback.year;
  const asked = search.get('period');
  const period = (REPORT_PERIODS as readonly string[]).includes(asked ?? '')
    ? (asked as ReportPeriod)
    : fallback.period;
  const report = useReport(year, period);
  return (
    <Page title={r.title} intro={r.intro}>
      <ChoosePanel year={year} period={period} />
      {report.isPending ? <Loading /> : null}
      {report.isError ? <ErrorMessage error={report.error} onRetry={() => void report.refetch()} /> : null}
      {report.data ? (
        <ReportSections
          report={report.data.report}
          lines={report.data.budgetLines}
          followedUp={report.data.followedUp}
        />
      ) : null}
    </Page>
  );
}

function ChoosePanel({ year, period }: { year: number; period: ReportPeriod }) {
  const r = useReportT();
  const locale = useReportLocale();
  const headingId = useId();
  const thisYear = Number(swedishToday().slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => thisYear - 4 + i).filter((y) => y <= thisYear + 1);
  if (!years.includes(year)) years.push(year);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{r.choose.title}</h2>
      <div className="form-grid">
        <Field label={r.choose.year}>
          <select value={year} onChange={(event) => navigate(choicePath(Number(event.target.value), period))}>
            {years.sort().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <Field label={r.choose.period}>
          <select
            value={period}
            onChange={(event) => navigate(choicePath(year, event.target.value as ReportPeriod))}
          >
            {REPORT_PERIODS.map((p) => (
              <option key={p} value={p}>
                {r.periods[p]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <h3>{reportTitle(year, period, locale)}</h3>
      <div className="button-row" role="group" aria-label={r.download.title}>
        <a className="button button-secondary" href={reportApi.fileUrl(year, period, 'pdf')} download>
          {r.download.pdf}
        </a>
        <a className="button button-secondary" href={reportApi.fileUrl(year, period, 'xlsx')} download>
          {r.download.xlsx}
        </a>
      </div>
    </section>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

function ReportSections({
  report,
  lines,
  followedUp,
}: {
  report: Report;
  lines: BudgetLine[];
  followedUp: FollowedUpLines;
}) {
  const r = useReportT();
  const locale = useReportLocale();
  const canWrite = useHasPermission('followup:write');
  const { year, period } = report;
  const amount = (value: number | null) => formatAmount(value, locale);
  const month = outcomeColumn(year, period);
  const previousMonth = outcomeColumn(year - 1, period);
  return (
    <>
      <Section title={r.sections.summary}>
        {summarySentences(report, locale).map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </Section>

      <Section title={r.sections.indicators}>
        <div className="table-scroll">
          <table className="table table-figures">
            <caption className="visually-hidden">{r.sections.indicators}</caption>
            <thead>
              <tr>
                <th scope="col">{r.indicators.indicator}</th>
                <th scope="col" className="cell-number">
                  {fill(r.indicators.previousYear, { year: year - 1 })}
                </th>
                <th scope="col" className="cell-number">
                  {fill(r.indicators.target, { year })}
                </th>
                <th scope="col" className="cell-number">
                  {fill(r.indicators.t1, { year })}
                </th>
                <th scope="col" className="cell-number">
                  {fill(r.indicators.t2, { year })}
                </th>
                {period === 'year' ? (
                  <th scope="col" className="cell-number">
                    {fill(r.indicators.wholeYear, { year })}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {report.indicators.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.title}</th>
                  {[i.previousYear, i.target, i.t1, i.t2, ...(period === 'year' ? [i.year] : [])].map(
                    (value, n) => (
                      <td key={n} className="cell-number">
                        {formatIndicator(value, i.unit, locale)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">{r.indicators.periodNote}</p>
        {report.indicators.some((i) => i.suppressed) ? (
          <p className="hint">{r.indicators.suppressed}</p>
        ) : null}
      </Section>

      <Section title={r.sections.budget}>
        {report.budget.activities.length === 0 ? (
          <Empty>{r.budget.empty}</Empty>
        ) : (
          <div className="table-scroll">
            <table className="table table-figures">
              <caption>{r.budget.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{r.budget.tkr}</th>
                  <th scope="col" className="cell-number">
                    {fill(r.budget.outcome, { month: previousMonth })}
                  </th>
                  <th scope="col" className="cell-number">
                    {fill(r.budget.outcome, { month })}
                  </th>
                  <th scope="col" className="cell-number">
                    {fill(r.budget.budget, { year })}
                  </th>
                  <th scope="col" className="cell-number">
                    {fill(r.budget.forecast, { year })}
                  </th>
                  <th scope="col" className="cell-number">
                    {r.budget.deviation}
                  </th>
                </tr>
              </thead>
              {[...report.budget.activities, { activity: r.budget.total, ...report.budget.total }].map(
                (a) => (
                  <tbody key={a.activity}>
                    <tr>
                      <th scope="colgroup" colSpan={6}>
                        {a.activity}
                      </th>
                    </tr>
                    <FigureRow label={r.budget.income} row={a.income} format={amount} />
                    <FigureRow label={r.budget.cost} row={a.cost} format={amount} />
                    <FigureRow label={r.budget.net} row={a.net} format={amount} strong />
                  </tbody>
                ),
              )}
            </table>
          </div>
        )}
        {canWrite ? (
          <BudgetEditor year={year} period={period} lines={lines} followedUp={followedUp.budgetLines} />
        ) : null}
      </Section>

      <Section title={r.sections.monthlyCost}>
        <MonthlyCost report={report} />
      </Section>

      <Section title={r.sections.volumes}>
        <table className="table table-figures">
          <caption className="visually-hidden">{r.sections.volumes}</caption>
          <thead>
            <tr>
              <th scope="col">{r.volumes.measure}</th>
              <th scope="col" className="cell-number">
                {fill(r.volumes.previous, { month: previousMonth })}
              </th>
              <th scope="col" className="cell-number">
                {fill(r.volumes.budget, { year })}
              </th>
              <th scope="col" className="cell-number">
                {fill(r.volumes.current, { month })}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.volumes.map((v) => (
              <tr key={v.id}>
                <th scope="row">{v.title}</th>
                <td className="cell-number">{amount(v.previous)}</td>
                <td className="cell-number">{amount(v.budget)}</td>
                <td className="cell-number">{amount(v.current)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title={r.sections.assignments}>
        <Assignments report={report} canWrite={canWrite} followedUp={followedUp.assignments} />
      </Section>

      <Section title={r.sections.internalControl}>
        <Risks report={report} canWrite={canWrite} followedUp={followedUp.risks} />
      </Section>
    </>
  );
}

function FigureRow({
  label,
  row,
  format,
  strong = false,
}: {
  label: string;
  row: BudgetFigureRow;
  format: (value: number | null) => string;
  strong?: boolean;
}) {
  const cells = [row.previousOutcome, row.outcome, row.budget, row.forecast, row.deviation];
  return (
    <tr className={strong ? 'row-total' : undefined}>
      <th scope="row">{label}</th>
      {cells.map((value, i) => (
        <td key={i} className="cell-number">
          {strong ? <strong>{format(value)}</strong> : format(value)}
        </td>
      ))}
    </tr>
  );
}

const SERIES = ['#1f4e79', '#7f9fbf', '#b0b7bf'];

function MonthlyCost({ report }: { report: Report }) {
  const r = useReportT();
  const locale = useReportLocale();
  const cost = report.monthlyCost;
  const tkr = (ore: number | null) => formatAmount(ore === null ? null : oreToTkr(ore), locale);
  const points = cost.rows.map((row) => ({
    month: monthName(row.month, locale).slice(0, 3),
    ...Object.fromEntries(cost.years.map((y, i) => [String(y), Math.round((row.amounts[i] ?? 0) / 100_000)])),
  }));
  const last = cost.rows.length;
  return (
    <>
      <figure
        role="img"
        aria-label={r.monthlyCost.chartTitle}
        style={{ margin: 0, width: '100%', height: 280 }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" />
            <YAxis tickFormatter={(v: number) => formatAmount(v, locale)} width={64} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? formatAmount(v, locale) : String(v))} />
            <Legend />
            {cost.years.map((y, i) => (
              <Line
                key={y}
                type="linear"
                dataKey={String(y)}
                name={String(y)}
                stroke={SERIES[i]}
                strokeWidth={i === 0 ? 3 : 2}
                isAnimationActive={false}
                dot={{ r: 3 }}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <div className="table-scroll">
        <table className="table table-figures">
          <caption>{r.monthlyCost.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{r.monthlyCost.month}</th>
              {cost.years.map((y) => (
                <th key={y} scope="col" className="cell-number">
                  {fill(r.monthlyCost.outcome, { year: y })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cost.rows.map((row) => (
              <tr key={row.month}>
                <th scope="row">{monthName(row.month, locale)}</th>
                {row.amounts.map((value, i) => (
                  <td key={i} className="cell-number">
                    {tkr(value)}
                  </td>
                ))}
              </tr>
            ))}
            <tr className="row-total">
              <th scope="row">
                {fill(r.monthlyCost.toDate, { month: monthName(last, locale).toLowerCase() })}
              </th>
              {cost.toDate.map((value, i) => (
                <td key={i} className="cell-number">
                  <strong>{tkr(value)}</strong>
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{r.monthlyCost.fullYear}</th>
              {cost.fullYear.map((value, i) => (
                <td key={i} className="cell-number">
                  {tkr(value)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Parses a whole number of tkr typed by the user ("12 401" too); NaN if it is none. */
const parseTkr = (text: string) =>
  /^\s*[\d\s\u00a0]+\s*$/.test(text) ? Number(text.replace(/[\s\u00a0]/g, '')) : NaN;

function BudgetEditor({
  year,
  period,
  lines,
  followedUp,
}: {
  year: number;
  period: ReportPeriod;
  lines: BudgetLine[];
  /** ids of the lines followed up in some period */
  followedUp: string[];
}) {
  const r = useReportT();
  const e = r.edit;
  const headingId = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // Gone once removed (here or by someone else).
  const edited = lines.find((l) => l.id === editing);
  return (
    <div className="form-panel" role="region" aria-labelledby={headingId}>
      <h3 id={headingId}>{e.budgetTitle}</h3>
      <p className="hint">{e.costHint}</p>
      {saved ? <SuccessMessage>{saved}</SuccessMessage> : null}
      {lines.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{e.budgetTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{e.activity}</th>
              <th scope="col" className="cell-number">
                {e.budgetIncome}
              </th>
              <th scope="col" className="cell-number">
                {e.budgetCost}
              </th>
              <th scope="col">
                <span className="visually-hidden">{e.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.id}>
                <th scope="row">{line.activity}</th>
                <td className="cell-number">{line.budgetIncome}</td>
                <td className="cell-number">{line.budgetCost}</td>
                <td>
                  <div className="button-group">
                    <button
                      type="button"
                      className="button-secondary button-small"
                      aria-label={`${e.edit} ${line.activity}`}
                      onClick={() => {
                        setSaved(null);
                        setEditing(line.id);
                      }}
                    >
                      {e.edit}
                    </button>
                    <RemoveReportLine
                      name={line.activity}
                      followedUp={followedUp.includes(line.id)}
                      remove={() => reportApi.removeBudgetLine(line.id)}
                      onRemoved={() => {
                        if (editing === line.id) setEditing(null);
                        setSaved(fill(e.lineRemoved, { activity: line.activity }));
                      }}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {edited ? (
        <FollowUpForm
          key={edited.id}
          period={period}
          line={edited}
          onDone={(message) => {
            setEditing(null);
            setSaved(message);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <NewBudgetLineForm year={year} onDone={setSaved} />
    </div>
  );
}

function FollowUpForm({
  line,
  period,
  onDone,
  onCancel,
}: {
  line: BudgetLine;
  period: ReportPeriod;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const r = useReportT();
  const e = r.edit;
  const invalidate = useInvalidateReport();
  const start = line.followUp;
  const [fields, setFields] = useState({
    budgetIncome: String(line.budgetIncome),
    budgetCost: String(line.budgetCost),
    outcomeIncome: String(start?.outcomeIncome ?? ''),
    outcomeCost: String(start?.outcomeCost ?? ''),
    forecastIncome: String(start?.forecastIncome ?? line.budgetIncome),
    forecastCost: String(start?.forecastCost ?? line.budgetCost),
  });
  const save = useMutation({
    mutationFn: async () => {
      await reportApi.updateBudgetLine(line.id, {
        activity: line.activity,
        budgetIncome: parseTkr(fields.budgetIncome),
        budgetCost: parseTkr(fields.budgetCost),
      });
      await reportApi.setBudgetFollowUp(line.id, period, {
        outcomeIncome: parseTkr(fields.outcomeIncome),
        outcomeCost: parseTkr(fields.outcomeCost),
        forecastIncome: parseTkr(fields.forecastIncome),
        forecastCost: parseTkr(fields.forecastCost),
      });
    },
    onSuccess: () => {
      invalidate();
      onDone(fill(e.followUpSaved, { activity: line.activity }));
    },
  });
  const server = serverFieldErrors(save.error);
  const input = (key: keyof typeof fields, label: string) => (
    <Field label={label} messages={server.get(key) ?? []}>
      <input
        inputMode="numeric"
        value={fields[key]}
        onChange={(event) => setFields({ ...fields, [key]: event.target.value })}
      />
    </Field>
  );
  return (
    <FormPanel
      title={`${line.activity} – ${r.periods[period]}`}
      heading="h4"
      save={save}
      submit={e.saveFollowUp}
      cancel={{ label: e.cancel, onClick: onCancel }}
      noValidate
    >
      <div className="form-grid">
        {input('budgetIncome', e.budgetIncome)}
        {input('budgetCost', e.budgetCost)}
        {input('outcomeIncome', e.outcomeIncome)}
        {input('outcomeCost', e.outcomeCost)}
        {input('forecastIncome', e.forecastIncome)}
        {input('forecastCost', e.forecastCost)}
      </div>
    </FormPanel>
  );
}

function NewBudgetLineForm({ year, onDone }: { year: number; onDone: (message: string) => void }) {
  const e = useReportT().edit;
  const invalidate = useInvalidateReport();
  const headingId = useId();
  const [activity, setActivity] = useState('');
  const [income, setIncome] = useState('0');
  const [cost, setCost] = useState('');
  const create = useMutation({
    mutationFn: () =>
      reportApi.createBudgetLine(year, {
        activity,
        budgetIncome: parseTkr(income),
        budgetCost: parseTkr(cost),
      }),
    onSuccess: () => {
      invalidate();
      onDone(fill(e.lineSaved, { activity }));
      setActivity('');
      setIncome('0');
      setCost('');
    },
  });
  const server = serverFieldErrors(create.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <h4 id={headingId}>{e.addLine}</h4>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      <div className="form-grid">
        <Field label={e.activity} messages={server.get('activity') ?? []}>
          <input value={activity} onChange={(event) => setActivity(event.target.value)} />
        </Field>
        <Field label={e.budgetIncome} messages={server.get('budgetIncome') ?? []}>
          <input inputMode="numeric" value={income} onChange={(event) => setIncome(event.target.value)} />
        </Field>
        <Field label={e.budgetCost} messages={server.get('budgetCost') ?? []}>
          <input inputMode="numeric" value={cost} onChange={(event) => setCost(event.target.value)} />
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {e.saveLine}
        </button>
      </div>
    </form>
  );
}

function Assignments({
  report,
  canWrite,
  followedUp,
}: {
  report: Report;
  canWrite: boolean;
  /** ids of the assignments followed up in some period */
  followedUp: string[];
}) {
  const r = useReportT();
  const a = r.assignments;
  const e = r.edit;
  const period = `${r.periodShort[report.period]} ${report.year}`;
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const edited = report.assignments.find((item) => item.id === editing);
  return (
    <>
      {message ? <SuccessMessage>{message}</SuccessMessage> : null}
      {report.assignments.length === 0 ? <Empty>{a.empty}</Empty> : null}
      {report.assignments.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{a.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{a.text}</th>
              <th scope="col">{a.givenBy}</th>
              <th scope="col">{fill(a.status, { period })}</th>
              <th scope="col">{a.comment}</th>
              {canWrite ? (
                <th scope="col">
                  <span className="visually-hidden">{e.actions}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {report.assignments.map((item) => (
              <tr key={item.id}>
                <td>{item.text}</td>
                <td>{a.givenByValues[item.givenBy]}</td>
                <td>{item.status ? a.statuses[item.status] : a.unreported}</td>
                <td>
                  {canWrite ? (
                    <AssignmentStatusForm
                      id={item.id}
                      period={report.period}
                      status={item.status}
                      comment={item.comment}
                      label={item.text}
                    />
                  ) : (
                    item.comment
                  )}
                </td>
                {canWrite ? (
                  <td>
                    <div className="button-group">
                      <button
                        type="button"
                        className="button-secondary button-small"
                        aria-label={fill(e.editNamed, { name: item.text })}
                        onClick={() => {
                          setMessage(null);
                          setEditing(item.id);
                        }}
                      >
                        {e.edit}
                      </button>
                      <RemoveReportLine
                        name={item.text}
                        followedUp={followedUp.includes(item.id)}
                        remove={() => reportApi.removeAssignment(item.id)}
                        onRemoved={() => {
                          if (editing === item.id) setEditing(null);
                          setMessage(e.assignmentRemoved);
                        }}
                      />
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canWrite && edited ? (
        <AssignmentForm
          key={edited.id}
          title={e.editAssignmentTitle}
          submit={e.saveAssignment}
          initial={edited}
          save={(fields) => reportApi.updateAssignment(edited.id, fields)}
          onDone={() => {
            setEditing(null);
            setMessage(e.assignmentUpdated);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {canWrite ? (
        <AssignmentForm
          title={e.assignmentTitle}
          submit={e.addAssignment}
          done={e.assignmentSaved}
          initial={{ givenBy: 'council', text: '' }}
          save={async (fields) => {
            await reportApi.createAssignment(report.year, fields);
          }}
        />
      ) : null}
    </>
  );
}

function AssignmentStatusForm({
  id,
  period,
  status: initialStatus,
  comment: initialComment,
  label,
}: {
  id: string;
  period: ReportPeriod;
  status: AssignmentStatus | null;
  comment: string;
  label: string;
}) {
  const r = useReportT();
  const e = r.edit;
  const invalidate = useInvalidateReport();
  const [status, setStatus] = useState<AssignmentStatus | ''>(initialStatus ?? '');
  const [comment, setComment] = useState(initialComment);
  const save = useMutation({
    mutationFn: () =>
      reportApi.setAssignmentFollowUp(id, period, { status: status as AssignmentStatus, comment }),
    onSuccess: invalidate,
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (status) save.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-label={`${r.assignments.caption}: ${label}`} noValidate>
      {save.isError ? <ErrorMessage error={save.error} /> : null}
      {save.isSuccess ? <SuccessMessage>{e.statusSaved}</SuccessMessage> : null}
      <Field label={fill(r.assignments.status, { period: r.periodShort[period] })}>
        <select value={status} onChange={(event) => setStatus(event.target.value as AssignmentStatus)}>
          <option value="">{e.choose}</option>
          {ASSIGNMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {r.assignments.statuses[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={r.assignments.comment}>
        <textarea rows={2} value={comment} onChange={(event) => setComment(event.target.value)} />
      </Field>
      <button type="submit" className="button-secondary button-small" disabled={save.isPending || !status}>
        {e.saveStatus}
      </button>
    </form>
  );
}

/** A new assignment, or the change of one: who gave it and its text. */
function AssignmentForm({
  title,
  submit,
  done,
  initial,
  save,
  onDone,
  onCancel,
}: {
  title: string;
  submit: string;
  /** Shown in the form once saved; without it the form reports through onDone. */
  done?: string;
  initial: AssignmentFields;
  save: (fields: AssignmentFields) => Promise<void>;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const r = useReportT();
  const e = r.edit;
  const invalidate = useInvalidateReport();
  const [givenBy, setGivenBy] = useState(initial.givenBy);
  const [text, setText] = useState(initial.text);
  const mutation = useMutation({
    mutationFn: () => save({ givenBy, text }),
    onSuccess: () => {
      invalidate();
      if (onDone) onDone();
      else setText('');
    },
  });
  const server = serverFieldErrors(mutation.error);
  return (
    <FormPanel
      title={title}
      save={mutation}
      {...(done ? { done } : {})}
      submit={submit}
      {...(onCancel ? { cancel: { label: e.cancel, onClick: onCancel } } : {})}
      noValidate
    >
      <div className="form-grid">
        <Field label={r.assignments.givenBy}>
          <select value={givenBy} onChange={(event) => setGivenBy(event.target.value as 'council' | 'board')}>
            <option value="council">{r.assignments.givenByValues.council}</option>
            <option value="board">{r.assignments.givenByValues.board}</option>
          </select>
        </Field>
        <Field label={r.assignments.text} messages={server.get('text') ?? []}>
          <textarea rows={2} value={text} onChange={(event) => setText(event.target.value)} />
        </Field>
      </div>
    </FormPanel>
  );
}

function Risks({
  report,
  canWrite,
  followedUp,
}: {
  report: Report;
  canWrite: boolean;
  /** ids of the risks followed up in some period */
  followedUp: string[];
}) {
  const r = useReportT();
  const k = r.risks;
  const [removed, setRemoved] = useState(false);
  return (
    <>
      <p>{k.intro}</p>
      {removed ? <SuccessMessage>{r.edit.riskRemoved}</SuccessMessage> : null}
      {report.risks.length === 0 ? <Empty>{k.empty}</Empty> : null}
      {report.risks.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{k.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{k.process}</th>
                <th scope="col">{k.risk}</th>
                <th scope="col" className="cell-number">
                  {k.likelihood}
                </th>
                <th scope="col" className="cell-number">
                  {k.consequence}
                </th>
                <th scope="col" className="cell-number">
                  {k.score}
                </th>
                <th scope="col">{k.controlActivity}</th>
                <th scope="col">{k.followUp}</th>
                {canWrite ? (
                  <th scope="col">
                    <span className="visually-hidden">{r.edit.actions}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {report.risks.map((risk) => (
                <tr key={risk.id}>
                  <td>{risk.process}</td>
                  <td>{risk.risk}</td>
                  <td className="cell-number">{risk.likelihood}</td>
                  <td className="cell-number">{risk.consequence}</td>
                  <td className="cell-number">
                    <strong>{risk.score}</strong> ({k.levels[risk.level]})
                    {risk.reportToBoard ? <span className="cell-note">{k.toBoard}</span> : null}
                  </td>
                  <td>{risk.controlActivity}</td>
                  <td>
                    {canWrite ? (
                      <RiskFollowUpForm
                        id={risk.id}
                        period={report.period}
                        comment={risk.followUp ?? ''}
                        label={risk.risk}
                      />
                    ) : (
                      (risk.followUp ?? '')
                    )}
                  </td>
                  {canWrite ? (
                    <td>
                      <div className="button-group">
                        <RemoveReportLine
                          name={risk.risk}
                          followedUp={followedUp.includes(risk.id)}
                          remove={() => reportApi.removeRisk(risk.id)}
                          onRemoved={() => setRemoved(true)}
                        />
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canWrite ? <NewRiskForm year={report.year} /> : null}
    </>
  );
}

function RiskFollowUpForm({
  id,
  period,
  comment: initial,
  label,
}: {
  id: string;
  period: ReportPeriod;
  comment: string;
  label: string;
}) {
  const r = useReportT();
  const invalidate = useInvalidateReport();
  const [comment, setComment] = useState(initial);
  const save = useMutation({
    mutationFn: () => reportApi.setRiskFollowUp(id, period, comment),
    onSuccess: invalidate,
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-label={`${r.risks.followUp}: ${label}`} noValidate>
      {save.isError ? <ErrorMessage error={save.error} /> : null}
      {save.isSuccess ? <SuccessMessage>{r.edit.riskFollowUpSaved}</SuccessMessage> : null}
      <Field label={r.risks.followUp}>
        <textarea rows={2} value={comment} onChange={(event) => setComment(event.target.value)} />
      </Field>
      <button type="submit" className="button-secondary button-small" disabled={save.isPending}>
        {r.edit.saveFollowUpText}
      </button>
    </form>
  );
}

function NewRiskForm({ year }: { year: number }) {
  const r = useReportT();
  const e = r.edit;
  const invalidate = useInvalidateReport();
  const empty = { process: '', risk: '', likelihood: '2', consequence: '2', controlActivity: '' };
  const [fields, setFields] = useState(empty);
  const create = useMutation({
    mutationFn: () =>
      reportApi.createRisk(year, {
        ...fields,
        likelihood: Number(fields.likelihood),
        consequence: Number(fields.consequence),
      }),
    onSuccess: () => {
      invalidate();
      setFields(empty);
    },
  });
  const server = serverFieldErrors(create.error);
  const grade = (key: 'likelihood' | 'consequence', label: string) => (
    <Field label={label}>
      <select value={fields[key]} onChange={(event) => setFields({ ...fields, [key]: event.target.value })}>
        {[1, 2, 3, 4].map((g) => (
          <option key={g} value={g}>
            {g}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <FormPanel title={e.riskTitle} save={create} done={e.riskSaved} submit={e.addRisk} noValidate>
      <div className="form-grid">
        <Field label={r.risks.process} messages={server.get('process') ?? []}>
          <input
            value={fields.process}
            onChange={(event) => setFields({ ...fields, process: event.target.value })}
          />
        </Field>
        <Field label={r.risks.risk} messages={server.get('risk') ?? []}>
          <input
            value={fields.risk}
            onChange={(event) => setFields({ ...fields, risk: event.target.value })}
          />
        </Field>
        {grade('likelihood', r.risks.likelihood)}
        {grade('consequence', r.risks.consequence)}
        <Field label={r.risks.controlActivity} messages={server.get('controlActivity') ?? []}>
          <textarea
            rows={2}
            value={fields.controlActivity}
            onChange={(event) => setFields({ ...fields, controlActivity: event.target.value })}
          />
        </Field>
      </div>
    </FormPanel>
  );
}

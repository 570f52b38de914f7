/**
 * The target board (måltavla) for the unit's monthly meeting: long-term cases now, long-term cases
 * closed, inflow and outflow this month and so far this year, against this year's targets, with
 * the trend of the last 24 months. High contrast and large type; "Helskärm" shows it full screen.
 * Every figure links to the records behind it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useIndicators, useIndicatorSeries, type IndicatorItem, type Outcome } from '../../api/indicators.ts';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { swedishToday } from '../../dates.ts';
import { fill, useFormat, useLocale, useT } from '../../i18n.ts';
import {
  drilldownPath,
  formatIndicator,
  useIndicatorsT,
  type IndicatorsTexts,
} from '../../indicators-i18n.ts';
import { Link } from '../../router.tsx';
import './target-board.css';

const LONG_TERM = 'long_term_households';
const CLOSED = 'long_term_households_closed';
const INFLOW = 'households_inflow';
const OUTFLOW = 'households_outflow';

function shiftMonth(month: string, by: number): string {
  const n = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

export function TargetBoardPage() {
  const x = useIndicatorsT();
  const t = useT();
  const format = useFormat();
  const month = swedishToday().slice(0, 7);
  const year = month.slice(0, 4);
  const monthly = useIndicators(month);
  const yearly = useIndicators(year);
  const board = useRef<HTMLDivElement>(null);
  const [fullscreen, setFullscreen] = useState(false);

  useEffect(() => {
    document.title = fill(t.app.pageTitle, { page: x.board.title });
  }, [t, x]);
  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === board.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void board.current?.requestFullscreen().catch(() => undefined);
  };

  const find = (list: IndicatorItem[] | undefined, id: string) => list?.find((i) => i.id === id);
  const error = monthly.error ?? yearly.error;
  const monthIndex = Number(month.slice(5, 7));

  return (
    <div className="target-board" ref={board}>
      <div className="target-board-head">
        <div>
          <h1>{x.board.title}</h1>
          <p>{fill(x.board.intro, { month: format.month(month) })}</p>
        </div>
        <button
          type="button"
          className="button-fullscreen"
          onClick={toggleFullscreen}
          aria-pressed={fullscreen}
        >
          {fullscreen ? x.board.exitFullscreen : x.board.fullscreen}
        </button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {monthly.isPending || yearly.isPending ? <Loading /> : null}
      {monthly.data && yearly.data ? (
        <div className="board-figures">
          <BoardFigure
            label={x.board.longTermNow}
            hint={x.board.longTermNowHint}
            numbers={[
              { label: x.board.thisMonth, period: month, item: find(monthly.data.indicators, LONG_TERM) },
            ]}
            compare={{ item: find(monthly.data.indicators, LONG_TERM), share: 1 }}
            year={year}
          />
          {(
            [
              [CLOSED, x.board.closedLongTerm, null],
              [INFLOW, x.board.inflow, x.board.inflowHint],
              [OUTFLOW, x.board.outflow, x.board.outflowHint],
            ] as const
          ).map(([id, label, hint]) => (
            <BoardFigure
              key={id}
              label={label}
              hint={hint}
              numbers={[
                { label: x.board.thisMonth, period: month, item: find(monthly.data.indicators, id) },
                { label: x.board.yearToDate, period: year, item: find(yearly.data.indicators, id) },
              ]}
              // Flows over the year: the year-to-date figure against the target's share so far.
              compare={{ item: find(yearly.data.indicators, id), share: monthIndex / 12 }}
              year={year}
            />
          ))}
        </div>
      ) : null}
      <Trend month={month} />
    </div>
  );
}

function shown(x: IndicatorsTexts, locale: 'sv' | 'en', item: IndicatorItem | undefined): string {
  if (!item) return x.noValue;
  if (item.suppressed) return x.suppressed;
  return item.value === null ? x.noValue : formatIndicator(x, locale, item.unit, item.value);
}

function BoardFigure({
  label,
  hint,
  numbers,
  compare,
  year,
}: {
  label: string;
  hint: string | null;
  numbers: { label: string; period: string; item: IndicatorItem | undefined }[];
  compare: { item: IndicatorItem | undefined; share: number };
  year: string;
}) {
  const x = useIndicatorsT();
  const [locale] = useLocale();
  const headingId = useId();
  const target = compare.item?.target ?? null;
  let status: 'good' | 'bad' | null = null;
  if (target && compare.item?.value !== null && compare.item?.value !== undefined) {
    const expected = target.value * compare.share;
    const better =
      compare.item.higherIsBetter === false ? compare.item.value <= expected : compare.item.value >= expected;
    status = better ? 'good' : 'bad';
  }
  return (
    <section className="board-figure" aria-labelledby={headingId}>
      <h2 id={headingId}>{label}</h2>
      {hint ? <p className="board-hint">{hint}</p> : null}
      <dl className="board-numbers">
        {numbers.map((n, i) => (
          <div key={n.period}>
            <dt>{n.label}</dt>
            <dd>
              {n.item && n.item.drilldown ? (
                <Link
                  to={drilldownPath(n.item.id, n.period)}
                  className={`board-number${i > 0 ? ' board-number-small' : ''}`}
                >
                  {shown(x, locale, n.item)}
                  <span className="visually-hidden">
                    {' '}
                    {fill(x.board.drilldown, { label: label.toLowerCase(), period: n.label.toLowerCase() })}
                  </span>
                </Link>
              ) : (
                <span className={`board-number${i > 0 ? ' board-number-small' : ''}`}>
                  {shown(x, locale, n.item)}
                </span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p className="board-target">
        {target
          ? fill(x.board.target, {
              year,
              value: formatIndicator(x, locale, compare.item!.unit, target.value),
            })
          : fill(x.board.noTarget, { year })}
      </p>
      {status ? (
        <p className={`board-status board-status-${status}`}>
          {status === 'good' ? x.board.onTrack : x.board.offTrack}
        </p>
      ) : null}
    </section>
  );
}

const SERIES = [
  { id: LONG_TERM, colour: '#ffd43b', label: (x: IndicatorsTexts) => x.board.longTermNow },
  { id: INFLOW, colour: '#74c0fc', label: (x: IndicatorsTexts) => x.board.inflow },
  { id: OUTFLOW, colour: '#ff8787', label: (x: IndicatorsTexts) => x.board.outflow },
] as const;

function Trend({ month }: { month: string }) {
  const x = useIndicatorsT();
  const format = useFormat();
  const headingId = useId();
  const descriptionId = useId();
  const from = shiftMonth(month, -23);
  const longTerm = useIndicatorSeries(LONG_TERM, from, month);
  const inflow = useIndicatorSeries(INFLOW, from, month);
  const outflow = useIndicatorSeries(OUTFLOW, from, month);
  const queries = [longTerm, inflow, outflow];
  const error = queries.find((q) => q.error)?.error;
  const ready = queries.every((q) => q.data);
  const valueOf = (points: Outcome[] | undefined, period: string) =>
    points?.find((p) => p.period === period)?.value ?? null;
  const rows = ready
    ? longTerm.data!.points.map((p) => ({
        month: p.period,
        label: format.month(p.period),
        [LONG_TERM]: p.value,
        [INFLOW]: valueOf(inflow.data?.points, p.period),
        [OUTFLOW]: valueOf(outflow.data?.points, p.period),
      }))
    : [];
  return (
    <section className="board-trend" aria-labelledby={headingId}>
      <h2 id={headingId}>{x.board.trend}</h2>
      {error ? <ErrorMessage error={error} /> : null}
      {!ready && !error ? <Loading /> : null}
      {ready ? (
        <>
          <p id={descriptionId} className="visually-hidden">
            {fill(x.board.trendDescription, { from: format.month(from), to: format.month(month) })}
          </p>
          <div
            className="board-chart"
            role="img"
            aria-labelledby={headingId}
            aria-describedby={descriptionId}
          >
            <ResponsiveContainer width="100%" height="100%">
              <LineChart
                data={rows}
                margin={{ top: 10, right: 30, bottom: 10, left: 10 }}
                accessibilityLayer={false}
              >
                <CartesianGrid stroke="#444" />
                <XAxis dataKey="month" stroke="#fff" tick={{ fill: '#fff', fontSize: 16 }} />
                <YAxis stroke="#fff" tick={{ fill: '#fff', fontSize: 16 }} allowDecimals={false} />
                <Tooltip
                  contentStyle={{ background: '#000', border: '1px solid #fff' }}
                  labelStyle={{ color: '#fff' }}
                />
                <Legend wrapperStyle={{ fontSize: 18 }} />
                {SERIES.map((s) => (
                  <Line
                    key={s.id}
                    type="linear"
                    dataKey={s.id}
                    name={s.label(x)}
                    stroke={s.colour}
                    strokeWidth={4}
                    dot={false}
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
          <details>
            <summary>{x.board.trendTable}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{x.board.month}</th>
                  {SERIES.map((s) => (
                    <th key={s.id} scope="col">
                      {s.label(x)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.month}>
                    <th scope="row">{row.label}</th>
                    {SERIES.map((s) => (
                      <td key={s.id}>{row[s.id] ?? x.suppressed}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      ) : null}
    </section>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { catalogues } from '../../../../src/i18n/catalogue.ts';
import { formatNumber } from '../../../../src/i18n/format.ts';
import {
  benchmarkApi,
  benchmarkKeys,
  useBenchmarkList,
  useBenchmarkSetting,
  type BenchmarkList,
  type BenchmarkPoint,
  type BenchmarkSeries,
  type IndicatorUnit,
} from '../../api/benchmark.ts';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../../components/Feedback.tsx';
import { describedBy, FieldMessage } from '../../components/FieldError.tsx';
import { Page } from '../../components/Page.tsx';
import { fill, useLocale } from '../../i18n.ts';
import { navigate, useLocation } from '../../router.tsx';
import { useHasPermission } from '../../session.tsx';

export type BenchmarkTexts = (typeof catalogues)['sv']['benchmarkUi'];

/** The screen texts of the comparisons with Kolada in the user's language. */
export function useBenchmarkT(): BenchmarkTexts {
  const [locale] = useLocale();
  return catalogues[locale].benchmarkUi as BenchmarkTexts;
}

/** A value with its unit, '..' when missing, '–' when suppressed (with a title saying why). */
export function BenchmarkValue({
  value,
  unit,
  suppressed = false,
}: {
  value: number | null;
  unit: IndicatorUnit;
  suppressed?: boolean;
}) {
  const b = useBenchmarkT();
  const [locale] = useLocale();
  if (suppressed) return <abbr title={b.suppressedTitle}>{b.suppressed}</abbr>;
  if (value === null) return <abbr title={b.missingTitle}>{b.missing}</abbr>;
  return <>{fill(b.units[unit], { value: formatNumber(value, locale, 2) })}</>;
}

const PATH = '/uppfoljning/jamforelser';
const yearParam = (text: string | null): number | null =>
  text && /^\d{4}$/.test(text) ? Number(text) : null;

/**
 * /uppfoljning/jamforelser(?fran=ÅÅÅÅ&till=ÅÅÅÅ) — per indicator with a Kolada id: a line chart of
 * our value, our value in Kolada, similar municipalities, all municipalities and the country year
 * by year, and the same numbers in a table under it (the chart alone is not accessible).
 */
export function BenchmarkPage() {
  const b = useBenchmarkT();
  const { search } = useLocation();
  const lastYear = new Date().getFullYear() - 1;
  const to = yearParam(search.get('till')) ?? lastYear;
  const from = yearParam(search.get('fran')) ?? to - 5;
  const canWrite = useHasPermission('followup:write');
  return (
    <Page title={b.comparisons.title} intro={b.comparisons.intro}>
      <RangeForm key={`${from}-${to}`} from={from} to={to} />
      {canWrite ? <SettingForm /> : null}
      <Comparisons from={from} to={to} />
    </Page>
  );
}

function RangeForm({ from, to }: { from: number; to: number }) {
  const b = useBenchmarkT();
  const ids = { from: useId(), to: useId(), error: useId() };
  const [values, setValues] = useState({ from: String(from), to: String(to) });
  const [invalid, setInvalid] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = yearParam(values.from);
    const t = yearParam(values.to);
    const ok = f !== null && t !== null && f <= t;
    setInvalid(!ok);
    if (ok) navigate(`${PATH}?fran=${f}&till=${t}`);
  };
  return (
    <form className="form-panel" aria-label={b.comparisons.title} onSubmit={onSubmit} noValidate>
      <div className="inline-form">
        {(['from', 'to'] as const).map((key) => (
          <div className="field" key={key}>
            <label htmlFor={ids[key]}>{b.comparisons[key]}</label>
            <input
              id={ids[key]}
              inputMode="numeric"
              size={6}
              value={values[key]}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy(invalid && ids.error)}
              onChange={(event) => setValues({ ...values, [key]: event.target.value })}
            />
          </div>
        ))}
        <button type="submit">{b.comparisons.show}</button>
      </div>
      <FieldMessage id={ids.error} messages={invalid ? [b.comparisons.rangeInvalid] : []} />
    </form>
  );
}

function SettingForm() {
  const b = useBenchmarkT();
  const texts = b.comparisons.setting;
  const setting = useBenchmarkSetting(true);
  if (setting.isPending) return null;
  if (setting.isError) return <ErrorMessage error={setting.error} onRetry={() => void setting.refetch()} />;
  return (
    <SettingFields
      key={`${setting.data.koladaCode}-${setting.data.comparisonGroupId ?? ''}`}
      koladaCode={setting.data.koladaCode}
      groupId={setting.data.comparisonGroupId}
      groups={setting.data.groups}
      title={texts.title}
    />
  );
}

function SettingFields(props: {
  koladaCode: string;
  groupId: string | null;
  groups: { id: string; title: string }[];
  title: string;
}) {
  const b = useBenchmarkT();
  const texts = b.comparisons.setting;
  const queryClient = useQueryClient();
  const ids = { code: useId(), group: useId(), error: useId() };
  const [code, setCode] = useState(props.koladaCode);
  const [group, setGroup] = useState(props.groupId ?? '');
  const [invalid, setInvalid] = useState(false);
  const save = useMutation({
    mutationFn: benchmarkApi.saveSetting,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: benchmarkKeys.all }),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ok = /^\d{4}$/.test(code) && code !== '0000';
    setInvalid(!ok);
    if (ok) save.mutate({ koladaCode: code, comparisonGroupId: group || null });
  };
  return (
    <form className="form-panel" aria-label={props.title} onSubmit={onSubmit} noValidate>
      <h2>{props.title}</h2>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={ids.code}>{texts.koladaCode}</label>
          <input
            id={ids.code}
            inputMode="numeric"
            size={6}
            value={code}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy(invalid && ids.error)}
            onChange={(event) => setCode(event.target.value)}
          />
          <FieldMessage id={ids.error} messages={invalid ? [texts.codeInvalid] : []} />
        </div>
        <div className="field">
          <label htmlFor={ids.group}>{texts.group}</label>
          <select id={ids.group} value={group} onChange={(event) => setGroup(event.target.value)}>
            <option value="">{texts.noGroup}</option>
            {props.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.title} ({g.id})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={save.isPending}>
          {texts.submit}
        </button>
      </div>
      {save.isError ? <ErrorMessage error={save.error} /> : null}
      {save.isSuccess ? <SuccessMessage>{texts.saved}</SuccessMessage> : null}
    </form>
  );
}

function Comparisons({ from, to }: { from: number; to: number }) {
  const b = useBenchmarkT();
  const list = useBenchmarkList(from, to);
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />;
  const data = list.data;
  const shown = data.series.filter((s) => s.hasKoladaValues);
  const without = data.series.filter((s) => !s.hasKoladaValues);
  const { municipality, group } = data;
  return (
    <>
      <p>
        {municipality.koladaName
          ? fill(b.comparisons.koladaCode, { code: municipality.koladaCode, name: municipality.koladaName })
          : fill(b.comparisons.koladaCodeUnknown, { code: municipality.koladaCode })}{' '}
        {group ? fill(b.comparisons.group, { group: `${group.title} (${group.id})` }) : b.comparisons.noGroup}
      </p>
      {shown.length === 0 ? <Empty>{b.comparisons.noKolada}</Empty> : null}
      {shown.map((series) => (
        <SeriesPanel key={series.indicator.id} series={series} data={data} />
      ))}
      {without.length > 0 ? (
        <p className="footnote">
          {fill(b.comparisons.withoutKolada, {
            list: without.map((s) => `${s.indicator.title} (${s.indicator.koladaId})`).join('; '),
          })}
        </p>
      ) : null}
    </>
  );
}

type SeriesKey = 'own' | 'ownKolada' | 'group' | 'allMunicipalities' | 'country';

const STYLE: Record<SeriesKey, { stroke: string; dash?: string; width: number }> = {
  own: { stroke: '#1f4e9c', width: 3 },
  ownKolada: { stroke: '#1f4e9c', dash: '6 4', width: 2 },
  group: { stroke: '#b35900', width: 2 },
  allMunicipalities: { stroke: '#2e7d32', dash: '2 3', width: 2 },
  country: { stroke: '#555555', dash: '10 4', width: 2 },
};

function seriesLabels(b: BenchmarkTexts, data: BenchmarkList, points: BenchmarkPoint[]) {
  const allAsCountry =
    points.some((p) => p.allBasis === 'country') && !points.some((p) => p.allBasis === 'mean');
  return {
    own: fill(b.comparisons.series.own, { name: data.municipality.name }),
    ownKolada: fill(b.comparisons.series.ownKolada, {
      name: data.municipality.koladaName ?? data.municipality.koladaCode,
    }),
    group: data.group ? `${b.comparisons.series.group} (${data.group.title})` : b.comparisons.series.group,
    allMunicipalities: allAsCountry
      ? b.comparisons.series.allAsCountry
      : b.comparisons.series.allMunicipalities,
    country: b.comparisons.series.country,
  } satisfies Record<SeriesKey, string>;
}

function SeriesPanel({ series, data }: { series: BenchmarkSeries; data: BenchmarkList }) {
  const b = useBenchmarkT();
  const [locale] = useLocale();
  const headingId = useId();
  const { indicator, points } = series;
  const labels = seriesLabels(b, data, points);
  const keys: SeriesKey[] = ['own', 'ownKolada', 'group', 'allMunicipalities', 'country'].filter((key) =>
    points.some((p) => p[key as SeriesKey] !== null),
  ) as SeriesKey[];
  const yearsWhere = (test: (p: BenchmarkPoint) => boolean) =>
    points
      .filter(test)
      .map((p) => p.year)
      .join(', ');
  const notes = [
    [yearsWhere((p) => p.allBasis === 'country'), b.comparisons.notes.allAsCountry],
    [yearsWhere((p) => p.groupBasis === 'members'), b.comparisons.notes.groupFromMembers],
    [yearsWhere((p) => p.ownSuppressed), b.comparisons.notes.ownSuppressed],
  ].filter(([years]) => years) as [string, string][];

  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{indicator.title}</h2>
        <span className="panel-meta">{fill(b.comparisons.koladaId, { id: indicator.koladaId })}</span>
      </div>
      <figure
        role="img"
        aria-label={fill(b.comparisons.chartLabel, { indicator: indicator.title })}
        style={{ margin: 0, width: '100%', height: 320 }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="year" />
            <YAxis tickFormatter={(v: number) => formatNumber(v, locale, 1)} width={64} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? formatNumber(v, locale, 2) : String(v))} />
            <Legend />
            {keys.map((key) => (
              <Line
                key={key}
                type="linear"
                dataKey={key}
                name={labels[key]}
                stroke={STYLE[key].stroke}
                strokeWidth={STYLE[key].width}
                {...(STYLE[key].dash ? { strokeDasharray: STYLE[key].dash } : {})}
                connectNulls={false}
                isAnimationActive={false}
                dot={{ r: 3 }}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <div className="table-scroll">
        <table className="table table-figures">
          <caption>{fill(b.comparisons.tableCaption, { indicator: indicator.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{b.comparisons.year}</th>
              {(['own', 'ownKolada', 'group', 'allMunicipalities', 'country'] as const).map((key) => (
                <th scope="col" className="cell-number" key={key}>
                  {labels[key]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.year}>
                <th scope="row">{p.year}</th>
                <td className="cell-number">
                  <BenchmarkValue value={p.own} unit={indicator.unit} suppressed={p.ownSuppressed} />
                </td>
                {(['ownKolada', 'group', 'allMunicipalities', 'country'] as const).map((key) => (
                  <td className="cell-number" key={key}>
                    <BenchmarkValue value={p[key]} unit={indicator.unit} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {notes.map(([years, text]) => (
        <p className="footnote" key={text}>
          {fill(text, { years })}
        </p>
      ))}
    </section>
  );
}
